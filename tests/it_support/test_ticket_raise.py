"""Any staff member raises a ticket from a short form; files are checked by content
and kept privately; the requester (and their manager) see it, nobody else."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from backoffice.models import Notification
from it_support.models.tickets import Priority, Ticket
from tests.it_support.factories import EquipmentFactory, TicketFactory

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def form(**extra):
    return {
        "subject": "Till 2 freezes at payment",
        "category": "cash_register",
        "impact": 1,
        "urgency": 1,
        "description": "Since this morning.",
    } | extra


def test_a_cashier_raises_a_ticket_about_a_register_with_a_screenshot(client, role_users):
    register = EquipmentFactory(tag="REG-007")
    client.force_login(role_users["employee"])
    response = client.post(
        reverse("it_support:ticket-create"),
        form(equipment=register.pk, files=[SimpleUploadedFile("screen.png", PNG)]),
    )
    ticket = Ticket.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("it_support:ticket-detail", args=[ticket.pk])
    assert (ticket.requester, ticket.equipment, ticket.priority) == (
        role_users["employee"],
        register,
        Priority.CRITICAL,
    )
    assert ticket.reference == f"IT-{ticket.pk:06d}"
    attachment = ticket.attachments.get()
    assert attachment.file.name.startswith("it/tickets/") and "screen" not in attachment.file.name
    assert Notification.objects.filter(recipient=role_users["it"], url__contains=str(ticket.pk))
    assert ticket.history.count() == 1


def test_a_file_whose_content_is_not_its_name_is_refused_and_nothing_is_kept(client, role_users):
    client.force_login(role_users["employee"])
    fake = SimpleUploadedFile("screen.png", b"<html><script>alert(1)</script></html>")
    response = client.post(reverse("it_support:ticket-create"), form(files=[fake]))
    assert response.status_code == 200
    assert "not an accepted kind of file" in response.content.decode()
    assert not Ticket.objects.exists()


def test_a_file_over_the_size_limit_is_refused(client, role_users, settings):
    settings.IT_ATTACHMENT_MAX_BYTES = 20
    client.force_login(role_users["employee"])
    response = client.post(
        reverse("it_support:ticket-create"), form(files=[SimpleUploadedFile("s.png", PNG)])
    )
    assert "the limit is" in response.content.decode()
    assert not Ticket.objects.exists()


def test_the_requester_and_their_manager_see_it_and_a_colleague_gets_404(client, role_users):
    ticket = TicketFactory(requester=role_users["employee"])
    url = reverse("it_support:ticket-detail", args=[ticket.pk])
    for who, status in [("employee", 200), ("manager", 200), ("clerk", 404), ("it", 200)]:
        client.force_login(role_users[who])
        assert client.get(url).status_code == status, who


def test_my_tickets_lists_my_own_and_for_a_manager_the_teams(client, role_users):
    mine = TicketFactory(requester=role_users["employee"])
    other = TicketFactory(requester=role_users["clerk"])
    client.force_login(role_users["manager"])
    listed = client.get(reverse("it_support:ticket-mine")).context["tickets"]
    assert mine in listed and other not in listed
    client.force_login(role_users["clerk"])
    assert client.get(reverse("it_support:ticket-mine")).context["tickets"] == [other]
