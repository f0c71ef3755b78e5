"""Accounting's rows of the permission matrix (tests/test_permission_matrix.py)."""

from accounting.models import Account
from tests.accounting.factories import AccountFactory
from tests.permissions import Row, only

LEDGER_READERS = ("accountant", "controller", "admin")


def make_objects(role_users) -> dict:
    return {"account": AccountFactory(code="1000", name="Cash", type=Account.Type.ASSET)}


ROWS: dict[str, Row] = {
    "accounting:index": Row(only(*LEDGER_READERS)),
    "accounting:account-list": Row(only(*LEDGER_READERS)),
    "accounting:account-ledger": Row(
        only(*LEDGER_READERS), kwargs=lambda o: {"pk": o["account"].pk}
    ),
}
