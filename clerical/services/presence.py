"""Presence in the phone directory: set by the person, the clerk, or (later) leave events."""

from datetime import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from backoffice.errors import DomainError
from clerical.models.phones import Presence
from hr.models.employees import Employee


class PresenceError(DomainError):
    pass


@transaction.atomic
def presence_set(*, employee: Employee, status: str, by, until: datetime | None = None) -> Presence:
    """Record where `employee` is; `by` is the person, a clerk, or whoever approved the leave.

    The leave receiver calls it with `status=Presence.Status.LEAVE, until=<last day>`.
    """
    if status not in Presence.Status.values:
        raise PresenceError(_("Unknown presence: %(status)s.") % {"status": status})
    if until is not None and until <= timezone.now():
        raise PresenceError(_("'Until' must be in the future."))
    presence = Presence.objects.select_for_update().filter(employee=employee).first()
    presence = presence or Presence(employee=employee)
    presence.status = status
    presence.until = until
    presence.set_by = by
    presence.set_at = timezone.now()
    presence._history_user = by
    presence.save()
    return presence
