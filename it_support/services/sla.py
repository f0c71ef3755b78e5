"""Service-level clocks of tickets: due times in business hours, paused while IT
waits on the requester, and the periodic escalation and auto-close.

Each threshold is claimed by one conditional UPDATE ... RETURNING, so two runs
(or two workers) act on a ticket and threshold once.
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connection, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from backoffice import roles
from backoffice.calendar import business_seconds_between, business_time_add, working_dates
from backoffice.models import Notification
from backoffice.services import notification_send
from it_support.models.sla import SlaPolicy
from it_support.models.tickets import Priority, Ticket

Status = Ticket.Status
# The clock runs in these; "waiting on requester" is paused, resolved and closed are done.
RUNNING = [Status.NEW, Status.ASSIGNED, Status.IN_PROGRESS, Status.REOPENED]


def sla_due_times(*, priority: int, start) -> dict:
    policy = SlaPolicy.objects.filter(priority=priority).first()
    if policy is None:
        return {"response_due_at": None, "resolution_due_at": None}
    return {
        "response_due_at": business_time_add(start, float(policy.response_hours) * 3600),
        "resolution_due_at": business_time_add(start, float(policy.resolution_hours) * 3600),
    }


def sla_resume(ticket, now) -> dict:
    """Changes that restart a paused clock: the due times move by the business time
    the pause took, and the pause adds to the time paused."""
    if ticket.paused_at is None:
        return {}
    changes = {
        "paused_at": None,
        "paused_seconds": ticket.paused_seconds
        + max(int((now - ticket.paused_at).total_seconds()), 0),
    }
    for name in ("response_due_at", "resolution_due_at"):
        due = getattr(ticket, name)
        if due is not None and due > ticket.paused_at:
            left = business_seconds_between(ticket.paused_at, due)
            changes[name] = business_time_add(now, left)
    if ticket.first_response_at is not None:
        changes.pop("response_due_at", None)
    return changes


def sla_due_times_repriced(ticket, *, priority: int) -> dict:
    """Due times under another priority's targets, still counted from the ticket's creation.

    Pauses already taken keep their effect: the business time they added to the
    old due time (its distance from creation beyond the old target) is added to
    the new target too. A response already given keeps its response due time.
    """
    old = SlaPolicy.objects.filter(priority=ticket.priority).first()
    new = SlaPolicy.objects.filter(priority=priority).first()
    if new is None:
        return {}
    changes = {}
    for name, hours in (
        ("response_due_at", "response_hours"),
        ("resolution_due_at", "resolution_hours"),
    ):
        if name == "response_due_at" and ticket.first_response_at is not None:
            continue
        due = getattr(ticket, name)
        paused = 0
        if due is not None and old is not None:
            taken = business_seconds_between(ticket.created_at, due)
            paused = max(taken - int(float(getattr(old, hours)) * 3600), 0)
        target = float(getattr(new, hours)) * 3600 + paused
        changes[name] = business_time_add(ticket.created_at, target)
    return changes


def _it_lead():
    users = get_user_model().objects.filter(is_active=True)
    if settings.IT_LEAD_USERNAME:
        return users.filter(username=settings.IT_LEAD_USERNAME)
    return users.filter(groups__name=roles.IT).distinct()


# Each threshold: the clock it watches, its claim column, whether it marks a breach.
_THRESHOLDS = [
    ("response_warned_at", "response_due_at", "warn"),
    ("response_breached", "response_due_at", "breach"),
    ("resolution_warned_at", "resolution_due_at", "warn"),
    ("resolution_breached", "resolution_due_at", "breach"),
]


def _claim(*, claim: str, due: str, kind: str, now) -> list[int]:
    """One conditional UPDATE ... RETURNING: the tickets this run took for a threshold.

    A breach raises the priority one step (never above critical); a response
    threshold only counts before the first response.
    """
    table = Ticket._meta.db_table
    limit = now + timedelta(minutes=settings.IT_SLA_WARN_MINUTES) if kind == "warn" else now
    if kind == "warn":
        sets, unclaimed = f'"{claim}" = %s', f'"{claim}" IS NULL'
        params = [now]
    else:
        sets = f'"{claim}" = true, "priority" = GREATEST("priority" - 1, {Priority.CRITICAL})'
        unclaimed, params = f'NOT "{claim}"', []
    first = 'AND "first_response_at" IS NULL' if due == "response_due_at" else ""
    with connection.cursor() as cursor:
        cursor.execute(
            # Only column names of this module are formatted in; values are parameters.
            f'UPDATE "{table}" SET {sets}, "updated_at" = %s '  # noqa: S608
            f'WHERE {unclaimed} AND "status" = ANY(%s) AND "{due}" <= %s {first} '
            'RETURNING "id"',
            [*params, now, list(map(str, RUNNING)), limit],
        )
        return [row[0] for row in cursor.fetchall()]


def _escalation_notify(tickets, *, kind: str, due: str):
    lead = list(_it_lead())
    for ticket in tickets:
        what = _("first response") if due == "response_due_at" else _("resolution")
        if kind == "warn":
            title = _("%(ref)s: %(what)s target about to be missed") % {
                "ref": ticket.reference,
                "what": what,
            }
        else:
            title = _("%(ref)s: %(what)s target missed; priority raised") % {
                "ref": ticket.reference,
                "what": what,
            }
        notification_send(
            recipients=[*lead, *([ticket.assignee] if ticket.assignee else [])],
            title=title,
            body=ticket.subject,
            url=reverse("it_support:ticket-detail", args=[ticket.pk]),
            level=Notification.Level.WARNING,
            source="it_support.sla",
            email=True,
        )


@transaction.atomic
def tickets_escalate(*, now=None) -> dict[str, int]:
    """Warn of and mark missed targets; safe to run as often as the schedule likes."""
    now = now or timezone.now()
    done = {}
    for claim, due, kind in _THRESHOLDS:
        ids = _claim(claim=claim, due=due, kind=kind, now=now)
        done[claim] = len(ids)
        if not ids:
            continue
        tickets = list(Ticket.objects.filter(pk__in=ids).select_related("assignee"))
        if kind == "breach":
            Ticket.history.bulk_history_create(
                tickets, update=True, default_change_reason=f"SLA: {claim}"
            )
        _escalation_notify(tickets, kind=kind, due=due)
    return done


def autoclose_before(now) -> timezone.datetime:
    """Resolved before this moment, a ticket has waited the configured business days."""
    today = timezone.localdate(now)
    days = settings.IT_AUTOCLOSE_BUSINESS_DAYS
    past = working_dates(today - timedelta(days=days * 3 + 30), today - timedelta(days=1))
    cutoff_day = past[-days] if len(past) >= days else today - timedelta(days=days)
    zone = timezone.get_current_timezone()
    return timezone.datetime.combine(cutoff_day, timezone.datetime.min.time(), tzinfo=zone)


def tickets_autoclose(*, now=None) -> int:
    """Close resolved tickets the requester has left unconfirmed; each in its own transaction."""
    from it_support.services.tickets import ticket_autoclose

    now = now or timezone.now()
    due = Ticket.objects.filter(status=Status.RESOLVED, resolved_at__lt=autoclose_before(now))
    closed = 0
    for pk in due.values_list("pk", flat=True)[:1000]:
        closed += ticket_autoclose(ticket_id=pk)
    return closed
