"""IT changes a ticket's priority with a reason: the due times follow the new targets,
counted from the ticket's creation and keeping the time it was paused."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from backoffice.models import Notification
from it_support.errors import ItSupportError
from it_support.models.tickets import Priority, Ticket
from it_support.services.tickets import ticket_reprioritise
from tests.it_support.factories import TicketFactory

pytestmark = pytest.mark.django_db

MONDAY_10 = datetime(2026, 3, 9, 10, 0, tzinfo=ZoneInfo("Europe/Bucharest"))


@pytest.fixture
def medium(role_users):
    # Medium: response 4 business hours (Mon 14:00), resolution 24 (Thu 10:00, 09-17 days).
    return TicketFactory(
        requester=role_users["employee"],
        assignee=role_users["it"],
        status=Ticket.Status.ASSIGNED,
        priority=Priority.MEDIUM,
        created_at=MONDAY_10,
        response_due_at=MONDAY_10 + timedelta(hours=4),
        resolution_due_at=MONDAY_10 + timedelta(days=3),
    )


def test_raising_the_priority_brings_the_due_times_forward_and_keeps_a_reason(medium, role_users):
    ticket = ticket_reprioritise(
        by=role_users["admin"], ticket=medium, priority=Priority.CRITICAL, reason="All tills down"
    )
    ticket.refresh_from_db()
    assert ticket.priority == Priority.CRITICAL
    assert ticket.response_due_at == MONDAY_10 + timedelta(hours=1)
    assert ticket.resolution_due_at == MONDAY_10 + timedelta(hours=4)
    last = ticket.history.first()
    assert (last.history_change_reason, last.history_user) == (
        "All tills down",
        role_users["admin"],
    )
    told = Notification.objects.filter(source="it_support.ticket", title__contains="Critical")
    assert set(told.values_list("recipient__username", flat=True)) == {"it", "employee"}


def test_time_the_ticket_waited_on_the_requester_still_counts_after_the_change(medium, role_users):
    # Two business hours of waiting moved the old resolution due to Thursday 12:00.
    Ticket.objects.filter(pk=medium.pk).update(
        resolution_due_at=MONDAY_10 + timedelta(days=3, hours=2)
    )
    medium.refresh_from_db()
    ticket = ticket_reprioritise(
        by=role_users["it"], ticket=medium, priority=Priority.CRITICAL, reason="Escalated"
    )
    assert ticket.resolution_due_at == MONDAY_10 + timedelta(hours=6)  # 4 h + 2 h paused


@pytest.mark.parametrize(
    ("who", "priority", "reason", "status", "message"),
    [
        ("employee", Priority.HIGH, "x", Ticket.Status.ASSIGNED, "Only IT staff"),
        ("it", Priority.MEDIUM, "x", Ticket.Status.ASSIGNED, "already has this priority"),
        ("it", Priority.HIGH, "  ", Ticket.Status.ASSIGNED, "Say why"),
        ("it", Priority.HIGH, "x", Ticket.Status.CLOSED, "keeps its priority"),
        ("it", 9, "x", Ticket.Status.ASSIGNED, "Choose one of the priorities"),
    ],
)
def test_a_refused_change_says_why_and_changes_nothing(
    medium, role_users, who, priority, reason, status, message
):
    Ticket.objects.filter(pk=medium.pk).update(status=status)
    medium.refresh_from_db()
    with pytest.raises(ItSupportError, match=message):
        ticket_reprioritise(by=role_users[who], ticket=medium, priority=priority, reason=reason)
    medium.refresh_from_db()
    assert medium.priority == Priority.MEDIUM
    assert medium.resolution_due_at == MONDAY_10 + timedelta(days=3)


def test_it_sets_the_priority_from_the_ticket_page(client, medium, role_users):
    client.force_login(role_users["it"])
    page = client.get(reverse("it_support:ticket-detail", args=[medium.pk])).content.decode()
    assert 'data-testid="priority-form"' in page
    url = reverse("it_support:ticket-priority", args=[medium.pk])
    assert client.post(url, {"priority": "2", "reason": "Two tills"}).status_code == 302
    medium.refresh_from_db()
    assert medium.priority == Priority.HIGH
    client.post(url, {"priority": "1", "reason": ""})  # no reason: refused by the form
    medium.refresh_from_db()
    assert medium.priority == Priority.HIGH
