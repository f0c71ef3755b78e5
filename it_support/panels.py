"""IT's cards on the home page: my open tickets, and the queue for IT staff."""

from django.db.models import Count, Q

from backoffice.registry import home_panel
from it_support.models.tickets import Ticket
from it_support.services.sla import RUNNING

PREVIEW = 5


@home_panel(
    "it_support.my_tickets",
    template="it_support/partials/home_my_tickets.html",
    order=35,
    permission="it_support.raise_ticket",
)
def my_tickets_panel(user) -> dict:
    """Always drawn: it is how anyone finds the way to ask IT for help."""
    tickets = list(
        Ticket.objects.filter(requester=user, status__in=Ticket.OPEN + (Ticket.Status.RESOLVED,))
        .only("subject", "status")
        .order_by("-pk")[: PREVIEW + 1]
    )
    return {"tickets": tickets[:PREVIEW], "more": len(tickets) > PREVIEW}


@home_panel(
    "it_support.queue",
    template="it_support/partials/home_queue.html",
    order=36,
    permission="it_support.work_ticket",
)
def queue_panel(user) -> dict:
    """Counts over the open tickets only (a partial index keeps them cheap)."""
    counts = Ticket.objects.filter(status__in=Ticket.OPEN).aggregate(
        open=Count("pk"),
        unassigned=Count("pk", filter=Q(assignee__isnull=True)),
        mine=Count("pk", filter=Q(assignee=user)),
        breached=Count(
            "pk",
            filter=Q(status__in=RUNNING)
            & (Q(response_breached=True) | Q(resolution_breached=True)),
        ),
    )
    return {"counts": counts}
