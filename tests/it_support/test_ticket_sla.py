"""Service-level clocks: due times from the priority's policy in business hours,
paused while waiting on the requester; the escalation task acts once per ticket
and threshold; resolved tickets close themselves after the configured days."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from backoffice.models import Notification
from it_support.models.tickets import Priority, Ticket
from it_support.services import tickets as services
from it_support.services.sla import (
    autoclose_before,
    sla_due_times,
    sla_resume,
    tickets_autoclose,
    tickets_escalate,
)
from tests.it_support.factories import TicketFactory

Status = Ticket.Status
MONDAY_10 = datetime(2026, 3, 9, 10, 0, tzinfo=ZoneInfo("Europe/Bucharest"))


def test_a_ticket_is_due_by_its_prioritys_policy_in_business_hours(role_users):
    ticket = services.ticket_create(
        by=role_users["employee"],
        subject="Tills down",
        category="cash_register",
        impact=1,
        urgency=1,
    )
    assert ticket.priority == Priority.CRITICAL
    assert ticket.response_due_at > timezone.now()
    start = MONDAY_10 + timedelta(hours=5)  # Monday 15:00
    due = sla_due_times(priority=Priority.CRITICAL, start=start)
    assert due["response_due_at"] == MONDAY_10 + timedelta(hours=6)  # 1 h: 16:00
    assert due["resolution_due_at"] == MONDAY_10 + timedelta(days=1, hours=1)  # 4 h: Tue 11:00


def test_waiting_on_the_requester_moves_the_due_times_by_the_business_time_paused(db):
    ticket = Ticket(
        paused_at=MONDAY_10,
        paused_seconds=60,
        response_due_at=MONDAY_10 + timedelta(hours=1),
        resolution_due_at=MONDAY_10 + timedelta(hours=6),  # 16:00
    )
    changes = sla_resume(ticket, MONDAY_10 + timedelta(hours=2))
    assert changes["resolution_due_at"] == MONDAY_10 + timedelta(days=1)  # Tue 10:00
    assert changes["response_due_at"] == MONDAY_10 + timedelta(hours=3)
    assert (changes["paused_at"], changes["paused_seconds"]) == (None, 7260)


@pytest.fixture
def late(role_users):
    now = timezone.now()
    return TicketFactory(
        requester=role_users["employee"],
        assignee=role_users["it"],
        priority=Priority.MEDIUM,
        status=Status.IN_PROGRESS,
        response_due_at=now - timedelta(hours=1),
        resolution_due_at=now + timedelta(minutes=10),
    )


def test_escalation_marks_warns_and_raises_priority_once_however_often_it_runs(role_users, late):
    first = tickets_escalate()
    second = tickets_escalate()
    assert first == {
        "response_warned_at": 1,
        "response_breached": 1,
        "resolution_warned_at": 1,
        "resolution_breached": 0,
    }
    assert set(second.values()) == {0}
    late.refresh_from_db()
    assert late.response_breached and not late.resolution_breached
    assert late.priority == Priority.HIGH
    warnings = Notification.objects.filter(recipient=role_users["it"], source="it_support.sla")
    assert warnings.count() == 3
    assert late.history.filter(history_change_reason__startswith="SLA").count() == 1


def test_a_ticket_waiting_on_the_requester_is_not_escalated(late):
    Ticket.objects.filter(pk=late.pk).update(status=Status.WAITING)
    assert set(tickets_escalate().values()) == {0}


def test_resolved_tickets_close_after_the_configured_business_days(role_users, settings):
    settings.IT_AUTOCLOSE_BUSINESS_DAYS = 2
    now = timezone.now()
    old = TicketFactory(
        requester=role_users["employee"],
        status=Status.RESOLVED,
        resolved_at=autoclose_before(now) - timedelta(minutes=1),
    )
    fresh = TicketFactory(requester=role_users["employee"], status=Status.RESOLVED, resolved_at=now)
    assert tickets_autoclose(now=now) == 1
    assert tickets_autoclose(now=now) == 0
    old.refresh_from_db(), fresh.refresh_from_db()
    assert (old.status, fresh.status) == (Status.CLOSED, Status.RESOLVED)
    assert old.history.first().history_change_reason == "closed automatically"
