"""Internal notes never reach the requester: not on the page, not in a
notification, not in an email, not as a file, not in their ticket list."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from backoffice.models import Notification
from it_support.selectors.tickets import messages_visible_to
from it_support.services import tickets as services
from tests.it_support.factories import TicketFactory

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
SECRET = "Vendor says the till firmware is cursed"


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def ticket_with_note(role_users, django_capture_on_commit_callbacks):
    ticket = TicketFactory(requester=role_users["employee"], assignee=role_users["admin"])
    with django_capture_on_commit_callbacks(execute=True):
        note = services.ticket_reply(
            by=role_users["it"],
            ticket=ticket,
            body=SECRET,
            internal=True,
            files=[SimpleUploadedFile("trace.png", PNG)],
        )
        services.ticket_reply(by=role_users["it"], ticket=ticket, body="We are on it.")
    return ticket, note


def test_the_requesters_page_shows_the_reply_and_never_the_note(
    client, role_users, ticket_with_note
):
    ticket, _note = ticket_with_note
    client.force_login(role_users["employee"])
    page = client.get(reverse("it_support:ticket-detail", args=[ticket.pk])).content.decode()
    assert "We are on it." in page
    assert SECRET not in page and "trace.png" not in page and "Internal note" not in page
    client.force_login(role_users["manager"])
    assert (
        SECRET
        not in client.get(reverse("it_support:ticket-detail", args=[ticket.pk])).content.decode()
    )


def test_it_staff_see_the_note(client, role_users, ticket_with_note):
    ticket, _note = ticket_with_note
    client.force_login(role_users["it"])
    page = client.get(reverse("it_support:ticket-detail", args=[ticket.pk])).content.decode()
    assert SECRET in page and "trace.png" in page


def test_the_notes_file_is_404_for_the_requester(client, role_users, ticket_with_note):
    _ticket, note = ticket_with_note
    url = reverse("it_support:ticket-attachment-download", args=[note.attachments.get().pk])
    client.force_login(role_users["employee"])
    assert client.get(url).status_code == 404
    client.force_login(role_users["it"])
    response = client.get(url)
    assert response.status_code == 200 and response["X-Content-Type-Options"] == "nosniff"


def test_no_notification_of_the_requester_carries_the_note(role_users, ticket_with_note):
    ticket, _note = ticket_with_note
    texts = Notification.objects.filter(recipient=role_users["employee"]).values_list(
        "title", "body"
    )
    assert list(texts)  # the public reply did reach them
    assert not any(SECRET in title + body for title, body in texts)
    assert Notification.objects.filter(
        recipient=role_users["admin"], title__contains="internal note"
    )


def test_the_selector_leaves_notes_out_for_the_requester(role_users, ticket_with_note):
    ticket, note = ticket_with_note
    assert note not in messages_visible_to(role_users["employee"], ticket)
    assert note in messages_visible_to(role_users["it"], ticket)


@pytest.mark.parametrize("smtp_server", [0], indirect=True)
def test_no_email_to_the_requester_carries_the_note(
    role_users, smtp_server, django_capture_on_commit_callbacks
):
    ticket = TicketFactory(requester=role_users["employee"])
    with django_capture_on_commit_callbacks(execute=True):
        services.ticket_reply(by=role_users["it"], ticket=ticket, body=SECRET, internal=True)
        services.ticket_reply(by=role_users["it"], ticket=ticket, body="Please restart the till.")
    sent = [m for m in smtp_server.messages() if role_users["employee"].email in m["To"]]
    assert len(sent) == 1
    assert "Please restart the till." in sent[0].get_content()
    assert all(SECRET not in m.as_string() for m in smtp_server.messages())


def test_a_requester_cannot_write_an_internal_note(client, role_users):
    ticket = TicketFactory(requester=role_users["employee"])
    client.force_login(role_users["employee"])
    client.post(
        reverse("it_support:ticket-reply", args=[ticket.pk]), {"body": "x", "internal": "on"}
    )
    assert not ticket.messages.exists()


def test_searching_my_tickets_for_the_notes_words_finds_nothing(
    client, role_users, ticket_with_note
):
    ticket, _note = ticket_with_note
    client.force_login(role_users["employee"])
    url = reverse("it_support:ticket-mine")
    assert client.get(url, {"q": "firmware is cursed"}).context["tickets"] == []
    assert client.get(url, {"q": "on it"}).context["tickets"] == [ticket]
