"""The variance check an approver reads before approving a run: who is new,
who is gone, whose net moved (and by more than the threshold), department totals."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from accounting.models.payroll_runs import PayrollRun
from accounting.selectors.payroll_reports import payroll_run_variance, previous_regular_run
from tests.accounting.payroll_reports import make_run, slip
from tests.factories import DepartmentFactory, EmployeeFactory, PositionFactory

pytestmark = pytest.mark.django_db

FEB, MARCH = date(2026, 2, 1), date(2026, 3, 1)


@pytest.fixture
def months(role_users):
    """February (posted) against March (calculated), by hand:
    A 1000 -> 1050 (+5%), B 2000 -> 2300 (+15%), C gone (1500), D new (800)."""
    by = role_users["accountant"]
    sales = PositionFactory(department=DepartmentFactory(code="SAL", name="Sales"))
    ops = PositionFactory(department=DepartmentFactory(code="OPS", name="Operations"))
    a, b = EmployeeFactory(position=sales), EmployeeFactory(position=sales)
    c, d = EmployeeFactory(position=ops), EmployeeFactory(position=ops)
    february = make_run(by=by, month=FEB, status=PayrollRun.Status.POSTED)
    slip(february, a, gross="1250.00", net="1000.00", cost="1300.00")
    slip(february, b, gross="2500.00", net="2000.00", cost="2600.00")
    slip(february, c, gross="1875.00", net="1500.00", cost="1950.00")
    march = make_run(by=by, month=MARCH)
    slip(march, a, gross="1312.50", net="1050.00", cost="1365.00")
    slip(march, b, gross="2875.00", net="2300.00", cost="2990.00")
    slip(march, d, gross="1000.00", net="800.00", cost="1040.00")
    # An older month is not "the previous regular run" (a second regular run
    # of February, say a draft, cannot exist: one regular run a month).
    january = make_run(by=by, month=date(2026, 1, 1), status=PayrollRun.Status.PAID)
    slip(january, a, gross="9999.00", net="9000.00")
    # An off-cycle correction of February does not count either.
    correction = make_run(
        by=by, month=FEB, kind=PayrollRun.Kind.OFF_CYCLE, corrects=february, status="posted"
    )
    slip(correction, c, gross="10.00", net="8.00")
    return {"february": february, "march": march, "a": a, "b": b, "c": c, "d": d}


def test_the_previous_run_is_the_latest_earlier_regular_one_with_payslips(months):
    assert previous_regular_run(months["march"]) == months["february"]
    assert previous_regular_run(months["february"]).period_start == date(2026, 1, 1)


def test_it_lists_new_gone_and_changed_employees_by_hand(months, settings):
    settings.PAYROLL_VARIANCE_PERCENT = Decimal("10")
    variance = payroll_run_variance(months["march"])

    assert variance.previous == months["february"]
    assert [row["employee_number"] for row in variance.new] == [months["d"].employee_number]
    assert [(row["employee_number"], row["net"]) for row in variance.gone] == [
        (months["c"].employee_number, Decimal("1500.00"))
    ]
    changed = {row["employee_number"]: row for row in variance.changed}
    assert set(changed) == {months["a"].employee_number, months["b"].employee_number}
    a, b = changed[months["a"].employee_number], changed[months["b"].employee_number]
    assert (a["previous_net"], a["net"], a["difference"], a["percent"]) == (
        Decimal("1000.00"),
        Decimal("1050.00"),
        Decimal("50.00"),
        Decimal("5.00"),
    )
    assert (b["difference"], b["percent"]) == (Decimal("300.00"), Decimal("15.00"))
    assert [row["employee_number"] for row in variance.over_threshold] == [
        months["b"].employee_number
    ]


def test_a_lower_threshold_flags_more_employees(months):
    variance = payroll_run_variance(months["march"], threshold_percent=Decimal("4"))
    assert len(variance.over_threshold) == 2
    assert payroll_run_variance(months["march"], threshold_percent=20).over_threshold == []


def test_department_totals_compare_headcount_gross_net_and_cost(months):
    variance = payroll_run_variance(months["march"])
    departments = {row["name"]: row for row in variance.departments}
    assert list(departments) == ["Operations", "Sales"]
    sales, ops = departments["Sales"], departments["Operations"]
    assert sales["headcount"] == {"current": 2, "previous": 2, "difference": 0}
    assert sales["gross"] == {
        "current": Decimal("4187.50"),
        "previous": Decimal("3750.00"),
        "difference": Decimal("437.50"),
    }
    assert sales["net"]["difference"] == Decimal("350.00")
    assert sales["employer_cost"]["difference"] == Decimal("455.00")
    assert ops["headcount"] == {"current": 1, "previous": 1, "difference": 0}
    assert ops["gross"]["difference"] == Decimal("-875.00")
    assert ops["net"] == {
        "current": Decimal("800.00"),
        "previous": Decimal("1500.00"),
        "difference": Decimal("-700.00"),
    }
    totals = variance.totals
    assert totals["headcount"] == {"current": 3, "previous": 3, "difference": 0}
    assert (totals["gross"]["current"], totals["gross"]["previous"]) == (
        Decimal("5187.50"),
        Decimal("5625.00"),
    )
    assert totals["net"]["difference"] == Decimal("-350.00")
    assert totals["employer_cost"] == {
        "current": Decimal("5395.00"),
        "previous": Decimal("5850.00"),
        "difference": Decimal("-455.00"),
    }


def test_the_variance_takes_a_fixed_number_of_queries(months, django_assert_num_queries):
    with django_assert_num_queries(4):
        payroll_run_variance(months["march"])


def test_a_first_run_has_nothing_to_compare_with(role_users):
    run = make_run(by=role_users["accountant"], month=MARCH)
    slip(run, EmployeeFactory(), gross="100.00", net="80.00")
    variance = payroll_run_variance(run)
    assert variance.previous is None
    assert (variance.new, variance.gone, variance.changed, variance.departments) == (
        [],
        [],
        [],
        [],
    )


def test_the_approver_sees_the_variance_on_the_run_page_before_approving(
    client, role_users, months
):
    client.force_login(role_users["controller"])
    page = client.get(reverse("accounting:payrollrun-detail", args=[months["march"].pk]))
    html = page.content.decode()
    assert 'data-testid="run-variance"' in html
    assert html.count('data-testid="variance-over"') == 1
    assert months["d"].employee_number in html  # new
    assert months["c"].employee_number in html  # gone
    # Once approved, the check has done its job and leaves the page.
    PayrollRun.objects.filter(pk=months["march"].pk).update(status=PayrollRun.Status.APPROVED)
    page = client.get(reverse("accounting:payrollrun-detail", args=[months["march"].pk]))
    assert 'data-testid="run-variance"' not in page.content.decode()


def test_the_run_page_says_when_there_is_no_previous_run(client, role_users):
    run = make_run(by=role_users["accountant"], month=MARCH)
    client.force_login(role_users["controller"])
    page = client.get(reverse("accounting:payrollrun-detail", args=[run.pk]))
    assert 'data-testid="variance-first-run"' in page.content.decode()
