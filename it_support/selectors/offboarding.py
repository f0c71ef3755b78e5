from django.db.models import QuerySet

from it_support.models.offboarding import OffboardingTicketItem


def offboarding_items_open() -> QuerySet[OffboardingTicketItem]:
    """Every line still to do, with its ticket, leaver and equipment, oldest ticket first."""
    return (
        OffboardingTicketItem.objects.filter(outcome=OffboardingTicketItem.Outcome.OPEN)
        .select_related("ticket", "leaver", "equipment")
        .order_by("ticket_id", "kind", "pk")
    )
