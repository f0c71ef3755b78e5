"""IT's writes. Until the ticket system exists, the only one is reporting IT's part
of a departure (equipment returned, access revoked) to HR's offboarding checklist."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from backoffice import events
from it_support.errors import ItSupportError


@transaction.atomic
def offboarding_item_report_done(*, by, item):
    """Report one of IT's offboarding items (read through `hr.selectors.offboarding`) done.

    HR's receiver of the event ticks the item in this transaction; an item
    already done is refused rather than reported again.
    """
    if item.done_at is not None:
        raise ItSupportError(_("This item is already done."))
    events.offboarding_item_done.send(
        sender=type(item.termination.employee),
        employee=item.termination.employee,
        item=item.task,
        by=by,
        when=timezone.now(),
    )
