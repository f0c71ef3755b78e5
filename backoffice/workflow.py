"""Status changes: one helper for every workflow of every department.

    @transaction.atomic
    def supplier_bill_approve(*, by, bill):
        bill = SupplierBill.objects.select_for_update().get(pk=bill.pk)
        return transition(
            bill,
            to=SupplierBill.Status.APPROVED,
            allowed_from=[SupplierBill.Status.DRAFT],
            by=by,
            stamp="approved",  # sets approved_by and approved_at
            error=PayablesError,
        )

The caller locks the row (its own rules may need the locked row first); the
helper refuses a move from any other state with the domain error, sets the
status, the `<stamp>_by` / `<stamp>_at` fields and any `changes`, and saves
with the acting user and a reason, so django-simple-history writes the history
row of who moved it, when, from what and to what. A model without history
cannot have a workflow here: that is a programming error, raised at once.
"""

from collections.abc import Iterable

from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from backoffice.errors import DomainError

REASON_MAX = 100  # simple-history's change reason column


def status_label(instance, field: str = "status", value=None) -> str:
    """The display name of a status (the instance's own, or `value`)."""
    value = getattr(instance, field) if value is None else value
    choices = dict(instance._meta.get_field(field).flatchoices)
    return str(choices.get(value, value))


def require_status(
    instance,
    allowed: Iterable,
    *,
    error: type[DomainError],
    message: str | None = None,
    field: str = "status",
) -> None:
    """Refuse, with `error`, unless the record is in one of the `allowed` states.

    The default message names the record and its state ("This supplier bill is
    posted."); give `message` to say what the person should do instead.
    """
    if getattr(instance, field) in set(allowed):
        return
    if message is None:
        message = _("This %(thing)s is %(status)s; that cannot be done now.") % {
            "thing": instance._meta.verbose_name,
            "status": status_label(instance, field).lower(),
        }
    raise error(message)


def transition(
    instance,
    *,
    to,
    allowed_from: Iterable,
    by,
    error: type[DomainError],
    message: str | None = None,
    stamp: str | None = None,
    reason: str = "",
    changes: dict | None = None,
    field: str = "status",
):
    """Move `instance` (locked by the caller) to `to`, with a history row; see above."""
    if not transaction.get_connection().in_atomic_block:
        raise ImproperlyConfigured("transition() runs inside the service's transaction.")
    if not hasattr(type(instance), "history"):
        raise ImproperlyConfigured(f"{type(instance).__name__} keeps no history.")
    require_status(instance, allowed_from, error=error, message=message, field=field)
    before = getattr(instance, field)
    fields = {field: to, **(changes or {})}
    if stamp:
        fields[f"{stamp}_by"] = by
        fields[f"{stamp}_at"] = timezone.now()
    for name, value in fields.items():
        setattr(instance, name, value)
    instance._history_user = by
    instance._change_reason = (reason or f"{before} -> {to}")[:REASON_MAX]
    instance.save(update_fields=list(fields))
    return instance
