"""The manager's financial dashboard: twelve months, growth, bills due, cash;
a chart that links to its report and a table with the same figures."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from accounting.selectors.dashboard import financial_dashboard
from accounting.selectors.statements import add_months
from backoffice.reports import NotApplicable
from tests.accounting.factories import SupplierFactory
from tests.accounting.payables import posted_bill
from tests.accounting.test_financial_statements import post

pytestmark = pytest.mark.django_db


@pytest.fixture
def months(accountant, standard_chart):
    this_month = timezone.localdate().replace(day=1)
    post(accountant, standard_chart, this_month, "5121", "707", "1200.00")
    post(accountant, standard_chart, this_month, "612", "5121", "200.00")
    post(accountant, standard_chart, add_months(this_month, -1), "5121", "707", "1000.00")
    post(accountant, standard_chart, add_months(this_month, -12), "5311", "707", "600.00")
    return this_month


def test_the_dashboard_has_twelve_months_growth_and_cash(months):
    data = financial_dashboard()
    assert len(data["months"]) == 12 and data["months"][-1]["month"] == months
    assert data["latest"] == {
        "month": months,
        "revenue": Decimal("1200.00"),
        "expenses": Decimal("200.00"),
        "profit": Decimal("1000.00"),
    }
    assert data["growth"]["revenue"] == {"previous": Decimal("20.0"), "last_year": Decimal("100.0")}
    assert data["growth"]["expenses"]["previous"] == NotApplicable("no figure in the base period")
    assert data["cash"] == Decimal("2600.00")  # 1200 - 200 + 1000 in the bank, 600 cash
    assert data["due"] == {"count": 0, "total": Decimal("0.00")}


def test_a_manager_opens_it_from_home_and_reads_chart_and_table(
    client, role_users, months, django_assert_max_num_queries
):
    client.force_login(role_users["manager"])
    home = client.get(reverse("home")).content.decode()
    url = reverse("accounting:dashboard")
    assert f'href="{url}"' in home
    client.get(url)
    with django_assert_max_num_queries(14):
        html = client.get(url).content.decode()
    assert 'data-testid="figures-table"' in html and "1,200.00 RON" in html
    assert "chartjs-4.6.1/chart.umd.min." in html and "accounting/dashboard." in html
    assert "<script>" not in html  # the figures travel as JSON, no inline script
    report = reverse("backoffice:report-detail", kwargs={"key": "accounting.profit_and_loss"})
    assert f'href="{report}?month={months:%Y-%m}&amp;months=12"' in html
    assert client.get(f"{report}?month={months:%Y-%m}&months=12").status_code == 200


def test_the_dashboard_shows_no_ones_pay_and_is_closed_to_employees(client, role_users, months):
    client.force_login(role_users["employee"])
    assert client.get(reverse("accounting:dashboard")).status_code == 403
    client.force_login(role_users["manager"])
    response = client.get(reverse("accounting:dashboard"))
    page = response.content.decode().split('data-testid="user-menu"')[-1]
    body = page[page.index("Financial dashboard</h1>") :]
    for private in ("payslip", "payroll", "net pay"):
        assert private not in body.lower()
    assert set(response.context["latest"]) == {"month", "revenue", "expenses", "profit"}


def test_bills_due_in_thirty_days_are_counted(months, bookkeeper, controller, standard_chart):
    supplier = SupplierFactory(payment_terms_days=20, default_expense_account=standard_chart["604"])
    today = timezone.localdate()
    for number, due in (("F-1", 10), ("F-2", 29), ("F-3", 45)):
        posted_bill(
            by=bookkeeper,
            approver=controller,
            supplier=supplier,
            number=number,
            bill_date=today,
            due_date=today + timedelta(days=due),
        )
    assert financial_dashboard()["due"] == {"count": 2, "total": Decimal("242.00")}
