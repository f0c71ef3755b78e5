"""Accounting's rows of the permission matrix (tests/test_permission_matrix.py)."""

from datetime import date

from accounting.models import Account, PurchaseOrder
from accounting.services import fiscal_year_create, journal_entry_create
from tests.accounting.factories import AccountFactory, SupplierFactory, make_order
from tests.permissions import Row, only

LEDGER_READERS = ("accountant", "controller", "admin")


def make_objects(role_users) -> dict:
    year = fiscal_year_create(by=role_users["admin"], start=date(2026, 1, 1))
    cash = AccountFactory(code="1000", name="Cash", type=Account.Type.ASSET)
    sales = AccountFactory(code="4000", name="Sales", type=Account.Type.INCOME)
    entry = journal_entry_create(
        by=role_users["accountant"],
        date=date(2026, 3, 2),
        description="Cash sale",
        lines=[{"account": cash, "debit": "10.00"}, {"account": sales, "credit": "10.00"}],
    )
    supplier = SupplierFactory()
    draft = make_order(by=role_users["accountant"], supplier=supplier)
    sent = make_order(by=role_users["accountant"], supplier=supplier)
    PurchaseOrder.objects.filter(pk=sent.pk).update(status=PurchaseOrder.Status.SENT)
    return {
        "account": cash,
        "period": year.periods.first(),
        "entry": entry,
        "supplier": supplier,
        "draft_order": draft,
        "sent_order": sent,
    }


def _entry(objects) -> dict:
    return {"pk": objects["entry"].pk}


def _period(objects) -> dict:
    return {"pk": objects["period"].pk}


def _supplier(objects) -> dict:
    return {"pk": objects["supplier"].pk}


def _draft(objects) -> dict:
    return {"pk": objects["draft_order"].pk}


def _sent(objects) -> dict:
    return {"pk": objects["sent_order"].pk}


PURCHASERS = ("accountant", "admin")
APPROVERS = ("accountant", "controller", "admin")


ROWS: dict[str, Row] = {
    "accounting:index": Row(only(*LEDGER_READERS)),
    "accounting:account-list": Row(only(*LEDGER_READERS)),
    "accounting:account-ledger": Row(
        only(*LEDGER_READERS), kwargs=lambda o: {"pk": o["account"].pk}
    ),
    "accounting:period-list": Row(only(*LEDGER_READERS)),
    # Allowed roles are redirected back to the list whatever the period's state
    # (a refusal is a message), so these rows test the permission alone.
    "accounting:period-close": Row(only("accountant", "admin", ok=302), _period, method="post"),
    "accounting:period-reopen": Row(only("admin", ok=302), _period, method="post"),
    "accounting:entry-create": Row(only("accountant", "admin")),
    "accounting:entry-detail": Row(only(*LEDGER_READERS), _entry),
    "accounting:entry-post": Row(only("accountant", "admin", ok=302), _entry, method="post"),
    "accounting:entry-reverse": Row(only("accountant", "admin", ok=302), _entry, method="post"),
    # Purchasing. State changes answer allowed roles with a redirect to the
    # order whatever its state (a refusal is a message), so these rows test
    # the permission alone; the services' tests cover the states.
    "accounting:supplier-list": Row(only(*LEDGER_READERS)),
    "accounting:supplier-create": Row(only(*PURCHASERS)),
    "accounting:supplier-detail": Row(only(*LEDGER_READERS), _supplier),
    "accounting:supplier-edit": Row(only(*PURCHASERS), _supplier),
    "accounting:supplier-deactivate": Row(only(*PURCHASERS, ok=302), _supplier, method="post"),
    "accounting:supplier-activate": Row(only(*PURCHASERS, ok=302), _supplier, method="post"),
    "accounting:purchaseorder-list": Row(only(*LEDGER_READERS)),
    "accounting:purchaseorder-create": Row(only(*PURCHASERS)),
    "accounting:purchaseorder-approvals": Row(only(*APPROVERS)),
    "accounting:purchaseorder-detail": Row(only(*LEDGER_READERS), _draft),
    "accounting:purchaseorder-edit": Row(only(*PURCHASERS), _draft),
    "accounting:purchaseorder-pdf": Row(only(*LEDGER_READERS), _sent),
    "accounting:purchaseorder-submit": Row(only(*PURCHASERS, ok=302), _draft, method="post"),
    "accounting:purchaseorder-approve": Row(only(*APPROVERS, ok=302), _draft, method="post"),
    "accounting:purchaseorder-reject": Row(only(*APPROVERS, ok=302), _draft, method="post"),
    "accounting:purchaseorder-send": Row(only(*PURCHASERS, ok=302), _draft, method="post"),
    "accounting:purchaseorder-cancel": Row(only(*PURCHASERS, ok=302), _draft, method="post"),
    "accounting:purchaseorder-close": Row(only(*PURCHASERS, ok=302), _draft, method="post"),
    "accounting:goodsreceipt-create": Row(only(*PURCHASERS), _sent),
}
