"""Writes of suppliers: created, corrected, deactivated (never deleted: their
orders and bills keep them). A tax id belongs to one supplier only."""

from django.db import transaction
from django.utils.translation import gettext as _

from accounting.models.payables import Supplier
from accounting.services.purchasing import PurchasingError
from backoffice.errors import clean_or_raise
from backoffice.validators import compact_iban

PO_SERIES = "PO"
SUPPLIER_FIELDS = (
    "name",
    "kind",
    "tax_id",
    "contact_name",
    "email",
    "phone",
    "address",
    "iban",
    "bank_name",
    "bic",
    "payment_terms_days",
    "default_expense_account",
)


def _save(supplier: Supplier, *, by, reason: str = "") -> None:
    """Validate and save with `by` (and a reason) recorded in the history."""
    clean_or_raise(supplier, error=PurchasingError)
    supplier._history_user = by
    if reason:
        supplier._change_reason = reason
    supplier.save()


def normalise_tax_id(value: str) -> str:
    return "".join(value.split()).upper()


def _supplier_apply(supplier: Supplier, data: dict) -> None:
    unknown = set(data) - set(SUPPLIER_FIELDS)
    if unknown:
        raise TypeError(f"Unknown supplier fields: {sorted(unknown)}")
    for name, value in data.items():
        setattr(supplier, name, value)
    supplier.tax_id = normalise_tax_id(supplier.tax_id or "")
    supplier.iban = compact_iban(supplier.iban or "")
    supplier.bic = (supplier.bic or "").strip().upper()
    duplicate = Supplier.objects.filter(tax_id=supplier.tax_id).exclude(pk=supplier.pk).first()
    if duplicate is not None:
        raise PurchasingError(
            _("The tax id %(tax_id)s already belongs to the supplier %(name)s.")
            % {"tax_id": supplier.tax_id, "name": duplicate.name}
        )


@transaction.atomic
def supplier_create(*, by, **data) -> Supplier:
    supplier = Supplier()
    _supplier_apply(supplier, data)
    _save(supplier, by=by)
    return supplier


@transaction.atomic
def supplier_update(*, by, supplier: Supplier, **data) -> Supplier:
    supplier = Supplier.objects.select_for_update().get(pk=supplier.pk)
    _supplier_apply(supplier, data)
    _save(supplier, by=by)
    return supplier


@transaction.atomic
def supplier_set_active(*, by, supplier: Supplier, active: bool) -> Supplier:
    """Suppliers are deactivated, never deleted: their orders and bills keep them."""
    supplier = Supplier.objects.select_for_update().get(pk=supplier.pk)
    if supplier.is_active == active:
        return supplier
    supplier.is_active = active
    _save(supplier, by=by, reason="activated" if active else "deactivated")
    return supplier
