"""A ticket's life: IT picks it up, works it, waits on the requester (clock paused),
resolves; the requester confirms, reopens or rates. Each move has a history row
and tells the people concerned."""

import pytest
from django.urls import reverse
from django.utils import timezone

from backoffice.models import Notification
from it_support.errors import ItSupportError
from it_support.models.tickets import Ticket
from it_support.services import tickets as services
from tests.it_support.factories import TicketFactory

Status = Ticket.Status


@pytest.fixture
def ticket(role_users):
    return TicketFactory(requester=role_users["employee"])


def test_it_picks_up_works_and_resolves_and_the_requester_confirms(client, role_users, ticket):
    it = role_users["it"]
    client.force_login(it)
    client.post(reverse("it_support:ticket-assign", args=[ticket.pk]))
    client.post(reverse("it_support:ticket-move", args=[ticket.pk]), {"to": "start"})
    client.post(reverse("it_support:ticket-move", args=[ticket.pk]), {"to": "resolve"})
    ticket.refresh_from_db()
    assert (ticket.status, ticket.assignee, ticket.resolved_by) == (Status.RESOLVED, it, it)
    client.force_login(role_users["employee"])
    client.post(reverse("it_support:ticket-confirm", args=[ticket.pk]))
    client.post(
        reverse("it_support:ticket-rate", args=[ticket.pk]), {"rating": 5, "comment": "Quick"}
    )
    ticket.refresh_from_db()
    assert (ticket.status, ticket.closed_by, ticket.rating) == (
        Status.CLOSED,
        role_users["employee"],
        5,
    )
    moves = list(ticket.history.order_by("history_id").values_list("status", "history_user"))
    assert [m[0] for m in moves] == [
        "new",
        "assigned",
        "in_progress",
        "resolved",
        "closed",
        "closed",
    ]
    titles = Notification.objects.filter(recipient=role_users["employee"]).values_list(
        "title", flat=True
    )
    assert any("picked up" in t for t in titles) and any("resolved" in t for t in titles)


def test_waiting_on_the_requester_pauses_the_clock_until_they_reply(role_users, ticket):
    services.ticket_start(by=role_users["it"], ticket=ticket)
    services.ticket_wait(by=role_users["it"], ticket=ticket)
    ticket.refresh_from_db()
    assert ticket.status == Status.WAITING and ticket.paused_at is not None
    Ticket.objects.filter(pk=ticket.pk).update(paused_at=ticket.paused_at.replace(year=2020))
    services.ticket_reply(by=role_users["employee"], ticket=ticket, body="Here is the log.")
    ticket.refresh_from_db()
    assert ticket.status == Status.IN_PROGRESS and ticket.paused_at is None
    assert ticket.paused_seconds > 86400


def test_the_requester_reopens_a_resolved_ticket_with_a_reason(role_users, ticket):
    services.ticket_resolve(by=role_users["it"], ticket=ticket)
    services.ticket_reopen(by=role_users["employee"], ticket=ticket, body="Still frozen")
    ticket.refresh_from_db()
    assert (ticket.status, ticket.resolved_at) == (Status.REOPENED, None)
    assert ticket.resolution_due_at > timezone.now()  # a fresh resolution clock
    assert ticket.messages.get().body == "Still frozen"


def test_only_the_requester_confirms_and_only_a_resolved_ticket(role_users, ticket):
    with pytest.raises(ItSupportError, match="Only a resolved ticket"):
        services.ticket_confirm(by=role_users["employee"], ticket=ticket)
    services.ticket_resolve(by=role_users["it"], ticket=ticket)
    with pytest.raises(ItSupportError, match="person who raised"):
        services.ticket_confirm(by=role_users["manager"], ticket=ticket)


def test_a_requester_cannot_move_a_ticket_and_a_bad_rating_is_refused(client, role_users, ticket):
    client.force_login(role_users["employee"])
    response = client.post(reverse("it_support:ticket-move", args=[ticket.pk]), {"to": "resolve"})
    assert response.status_code == 403
    services.ticket_resolve(by=role_users["it"], ticket=ticket)
    response = client.post(
        reverse("it_support:ticket-rate", args=[ticket.pk]), {"rating": 9}, follow=True
    )
    assert "Choose a rating" in response.content.decode()
    ticket.refresh_from_db()
    assert ticket.rating is None


def test_a_ticket_is_assigned_to_it_staff_only(role_users, ticket):
    with pytest.raises(ItSupportError, match="IT staff only"):
        services.ticket_assign(by=role_users["it"], ticket=ticket, assignee=role_users["clerk"])


def test_the_ticket_page_runs_a_bounded_number_of_queries(
    client, role_users, ticket, django_assert_max_num_queries
):
    for n in range(15):
        services.ticket_reply(
            by=role_users["it"], ticket=ticket, body=f"m{n}", internal=bool(n % 2)
        )
    for who in ("it", "employee"):
        client.force_login(role_users[who])
        client.get(reverse("it_support:ticket-detail", args=[ticket.pk]))
        with django_assert_max_num_queries(14):
            client.get(reverse("it_support:ticket-detail", args=[ticket.pk]))
