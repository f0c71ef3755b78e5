import pytest

from accounting.models.ledger import Account
from tests.accounting.factories import AccountFactory
from tests.factories import UserFactory


@pytest.fixture
def accountant(db):
    return UserFactory(username="ledger-keeper")


@pytest.fixture
def cash(db):
    return AccountFactory(code="1000", name="Cash", type=Account.Type.ASSET)


@pytest.fixture
def sales(db):
    return AccountFactory(code="4000", name="Sales", type=Account.Type.INCOME)


@pytest.fixture
def rent(db):
    return AccountFactory(code="6100", name="Rent", type=Account.Type.EXPENSE)


@pytest.fixture
def standard_chart(db):
    """The standard chart of accounts, as `seed_demo` installs it."""
    from accounting.chart import chart_of_accounts_install

    chart_of_accounts_install()
    return {account.code: account for account in Account.objects.all()}


@pytest.fixture
def bookkeeper(role_users):
    """The demo accountant: enters bills and prepares payments."""
    return role_users["accountant"]


@pytest.fixture
def controller(role_users):
    """The demo controller: approves what the accountant prepared."""
    return role_users["controller"]
