"""Reads of the helpdesk, limited to what the asking user may see.

IT staff see every ticket and every message; anyone else sees the tickets they
raised (a manager also their direct reports'), and only their public messages.
"""

from datetime import timedelta

from django.db import connection
from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from it_support.models.inventory import Equipment
from it_support.models.tickets import Ticket, TicketAttachment, TicketMessage
from it_support.services.tickets import is_it_staff

QUEUE_PAGE = 50


def tickets_visible_to(user) -> QuerySet[Ticket]:
    tickets = Ticket.objects.select_related("requester", "assignee", "system", "equipment")
    if is_it_staff(user):
        return tickets
    return tickets.filter(Q(requester=user) | Q(requester__employee__manager__user=user))


def messages_visible_to(user, ticket) -> QuerySet[TicketMessage]:
    messages = ticket.messages.select_related("author").prefetch_related("attachments")
    if is_it_staff(user):
        return messages
    return messages.filter(internal=False)


def attachments_visible_to(user) -> QuerySet[TicketAttachment]:
    """Files of tickets the user sees; files of internal notes for IT only."""
    attachments = TicketAttachment.objects.select_related("ticket")
    if is_it_staff(user):
        return attachments
    return attachments.filter(ticket__in=tickets_visible_to(user)).filter(
        Q(message__isnull=True) | Q(message__internal=False)
    )


def tickets_page(tickets: QuerySet[Ticket], *, after: int | None, size: int = QUEUE_PAGE):
    """One page, newest first, by keyset on id: as fast on page 500 as on page 1.

    Returns the rows and the id to continue after (None on the last page).
    """
    if after is not None:
        tickets = tickets.filter(pk__lt=after)
    rows = list(tickets.order_by("-pk")[: size + 1])
    more = len(rows) > size
    rows = rows[:size]
    return rows, (rows[-1].pk if more else None)


def tickets_of_requester(user) -> QuerySet[Ticket]:
    """ "My tickets": the user's own, and a manager's direct reports' too."""
    return Ticket.objects.select_related("requester", "assignee").filter(
        Q(requester=user) | Q(requester__employee__manager__user=user)
    )


def tickets_search(tickets: QuerySet[Ticket], *, q: str, staff: bool) -> QuerySet[Ticket]:
    """Tickets whose subject, details or conversation mention `q`; a requester's
    search reads public replies only, so an internal note never finds a ticket."""
    q = q.strip()[:100]
    if not q:
        return tickets
    messages = TicketMessage.objects.filter(ticket=OuterRef("pk"), body__icontains=q)
    if not staff:
        messages = messages.filter(internal=False)
    return tickets.filter(Q(subject__icontains=q) | Q(description__icontains=q) | Exists(messages))


def queue_filter(tickets: QuerySet[Ticket], *, data: dict, user) -> QuerySet[Ticket]:
    """The queue's filters (cleaned data of `QueueFilterForm`), each backed by an index."""
    if data.get("status"):
        tickets = tickets.filter(status__in=data["status"])
    for name in ("priority", "category", "system", "equipment"):
        if data.get(name):
            tickets = tickets.filter(**{name: data[name]})
    assignee = data.get("assignee") or ""
    if assignee == "me":
        tickets = tickets.filter(assignee=user)
    elif assignee == "none":
        tickets = tickets.filter(assignee__isnull=True)
    elif assignee.isdigit():
        tickets = tickets.filter(assignee_id=int(assignee))
    if data.get("q"):
        tickets = tickets_search(tickets, q=data["q"], staff=True)
    if data.get("breached"):
        tickets = tickets.filter(Q(response_breached=True) | Q(resolution_breached=True))
    return tickets


def tickets_estimated_count() -> int:
    """The planner's row estimate (pg_class): an exact COUNT(*) grows with the table."""
    if connection.vendor != "postgresql":
        return Ticket.objects.count()
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT reltuples::bigint FROM pg_class WHERE oid = %s::regclass",
            [Ticket._meta.db_table],
        )
        row = cursor.fetchone()
    return max(int(row[0]), 0) if row else 0


# An item's history and the items that keep failing ---------------------------------

ITEM_HISTORY = 10
RECURRING_DAYS = 90


def item_tickets(*, system=None, equipment=None) -> dict:
    """The latest tickets about a system or a piece of equipment, and how many in 90 days."""
    tickets = (
        Ticket.objects.filter(system=system)
        if system
        else Ticket.objects.filter(equipment=equipment)
    )
    since = timezone.now() - timedelta(days=RECURRING_DAYS)
    return {
        "tickets": list(tickets.order_by("-created_at", "-pk")[:ITEM_HISTORY]),
        "recent_count": tickets.filter(created_at__gte=since).count(),
    }


def most_ticketed_equipment(*, limit: int = 10) -> list:
    """The equipment with the most tickets in the last 90 days: recurring faults stand out."""
    since = timezone.now() - timedelta(days=RECURRING_DAYS)
    return list(
        Equipment.objects.filter(tickets__created_at__gte=since)
        .annotate(recent_tickets=Count("tickets"))
        .order_by("-recent_tickets", "tag")
        .select_related("system")[:limit]
    )
