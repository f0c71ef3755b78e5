"""Payroll reports of a run: the register (XLSX, one row per payslip, one column
per line code) and the cost by department, with totals equal to the run's."""

import io
from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from accounting.models.payroll_runs import PayslipLine
from accounting.selectors.payroll_reports import payroll_run_department_costs, payroll_run_register
from accounting.services.payroll_runs import payroll_run_create
from tests.accounting.payroll_reports import make_run, rule_set, slip
from tests.accounting.test_payroll_runs import calculate, staff
from tests.factories import DepartmentFactory, EmployeeFactory, PositionFactory

pytestmark = pytest.mark.django_db

MARCH = date(2026, 3, 1)


def _money(value) -> Decimal:
    """A number read back from the workbook, to the cent."""
    return Decimal(str(value)).quantize(Decimal("0.01"))


@pytest.fixture
def calculated(role_users):
    """March under the Romanian rules, calculated by the real job."""
    by = role_users["accountant"]
    people = staff()
    run = payroll_run_create(
        by=by, month=MARCH, pay_date=date(2026, 4, 10), rule_set=rule_set("RO")
    )
    return calculate(run, by), people


@pytest.fixture
def by_hand(role_users):
    """Two payslips with lines written out: columns in rule order, blanks where absent."""
    run = make_run(by=role_users["accountant"], month=MARCH)
    sales = PositionFactory(department=DepartmentFactory(code="SAL", name="Sales"))
    ana = EmployeeFactory(position=sales, first_name="Ana", last_name="Albu")
    bob = EmployeeFactory(position=sales, first_name="Bob", last_name="Barbu")
    first = slip(run, ana, gross="1100.00", net="990.00", contributions="22.50")
    second = slip(run, bob, gross="1000.00", net="900.00", contributions="22.50")
    lines = [
        (first, "TAX", 5, "110.00"),
        (first, "SALARY", 1, "1000.00"),
        (first, "BONUS", 2, "100.00"),
        (first, "CAM", 9, "22.50"),
        (second, "SALARY", 1, "1000.00"),
        (second, "TAX", 5, "100.00"),
        (second, "CAM", 9, "22.50"),
    ]
    PayslipLine.objects.bulk_create(
        PayslipLine(payslip=p, code=c, name=c.title(), category="x", order=o, amount=Decimal(a))
        for p, c, o, a in lines
    )
    return run, ana, bob


def test_the_register_has_a_column_per_code_in_rule_order(by_hand):
    run, ana, bob = by_hand
    register = payroll_run_register(run)
    assert [column["code"] for column in register["columns"]] == ["SALARY", "BONUS", "TAX", "CAM"]
    first, second = register["rows"]
    assert (first["employee_number"], first["name"], first["department"]) == (
        ana.employee_number,
        "Ana Albu",
        "Sales",
    )
    assert first["lines"] == [
        Decimal("1000.00"),
        Decimal("100.00"),
        Decimal("110.00"),
        Decimal("22.50"),
    ]
    assert second["lines"] == [Decimal("1000.00"), None, Decimal("100.00"), Decimal("22.50")]
    totals = register["totals"]
    assert totals["lines"] == [
        Decimal("2000.00"),
        Decimal("100.00"),
        Decimal("210.00"),
        Decimal("45.00"),
    ]
    assert (totals["gross"], totals["deductions"], totals["net"], totals["employer_cost"]) == (
        Decimal("2100.00"),
        Decimal("210.00"),
        Decimal("1890.00"),
        Decimal("2145.00"),
    )


def test_the_register_takes_two_queries_whatever_the_payslips(by_hand, django_assert_num_queries):
    run, _ana, _bob = by_hand
    with django_assert_num_queries(2):
        payroll_run_register(run)


def test_the_xlsx_reads_back_with_totals_equal_to_the_run(client, role_users, calculated):
    run, _people = calculated
    client.force_login(role_users["controller"])
    response = client.get(reverse("accounting:payrollrun-register", args=[run.pk]))
    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        f'attachment; filename="payroll-register-2026-03-{run.pk}.xlsx"'
    )
    workbook = load_workbook(io.BytesIO(response.content), data_only=True)
    register, costs = workbook.worksheets
    header, *rows = list(register.iter_rows(values_only=True))
    codes = [column["code"] for column in payroll_run_register(run)["columns"]]
    assert header[:3] == ("Employee number", "Name", "Department")
    assert list(header[3:-4]) == codes
    assert {"SALARY", "CAS", "CASS", "INCOME_TAX", "CAM"} <= set(codes)
    assert header[-4:] == ("Gross", "Deductions", "Net", "Employer cost")
    *payslips, total = rows
    assert len(payslips) == run.payslips.count() == 3
    assert total[0] == "Total"
    assert [_money(value) for value in total[-4:]] == [
        run.gross,
        run.deductions,
        run.net,
        run.employer_cost,
    ]
    for column in range(3, len(header)):
        column_sum = sum((_money(row[column] or 0) for row in payslips), Decimal("0.00"))
        assert column_sum == _money(total[column]), header[column]
    # Each payslip's net is its gross less its deductions, to the cent.
    for row in payslips:
        assert _money(row[-2]) == _money(row[-4]) - _money(row[-3])

    header, *departments, total = list(costs.iter_rows(values_only=True))
    assert header == ("Department", "Headcount", "Gross", "Employer contributions", "Employer cost")
    assert {row[0]: row[1] for row in departments} == {"Operations": 1, "Sales": 2}
    assert total[1] == 3
    assert (_money(total[2]), _money(total[4])) == (run.gross, run.employer_cost)


def test_cost_by_department_by_hand(role_users):
    run = make_run(by=role_users["accountant"], month=MARCH)
    sales = PositionFactory(department=DepartmentFactory(code="SAL", name="Sales"))
    ops = PositionFactory(department=DepartmentFactory(code="OPS", name="Operations"))
    slip(
        run, EmployeeFactory(position=sales), gross="5000.00", net="2925.00", contributions="112.50"
    )
    slip(
        run, EmployeeFactory(position=sales), gross="2400.00", net="1404.00", contributions="54.00"
    )
    slip(run, EmployeeFactory(position=ops), gross="8800.00", net="5148.00", contributions="198.00")
    costs = payroll_run_department_costs(run)
    rows = {row["department__name"]: row for row in costs["rows"]}
    assert list(rows) == ["Operations", "Sales"]
    sales_row = rows["Sales"]
    assert (sales_row["headcount"], sales_row["gross"], sales_row["employer_contributions"]) == (
        2,
        Decimal("7400.00"),
        Decimal("166.50"),
    )
    assert sales_row["employer_cost"] == Decimal("7566.50")
    assert costs["total"] == {
        "headcount": 3,
        "gross": Decimal("16200.00"),
        "employer_contributions": Decimal("364.50"),
        "employer_cost": Decimal("16564.50"),
    }


def test_the_cost_page_totals_equal_the_run(client, role_users, calculated):
    run, _people = calculated
    client.force_login(role_users["accountant"])
    response = client.get(reverse("accounting:payrollrun-cost", args=[run.pk]))
    assert response.status_code == 200
    total = response.context["costs"]["total"]
    assert (total["headcount"], total["gross"], total["employer_cost"]) == (
        3,
        run.gross,
        run.employer_cost,
    )
    employer = sum(run.payslips.values_list("employer_contributions", flat=True), Decimal("0"))
    assert total["employer_contributions"] == employer > 0
    assert 'data-testid="run-cost-total"' in response.content.decode()


@pytest.mark.parametrize("count", [3, 60])
def test_the_report_pages_are_bounded_whatever_the_payslips(
    client, role_users, count, django_assert_max_num_queries
):
    by = role_users["accountant"]
    previous = make_run(by=by, month=date(2026, 2, 1), status="posted")
    run = make_run(by=by, month=MARCH)
    for employee in EmployeeFactory.create_batch(count):
        slip(previous, employee, gross="100.00", net="80.00")
        payslip = slip(run, employee, gross="110.00", net="88.00")
        PayslipLine.objects.create(
            payslip=payslip, code="SALARY", name="Salary", category="earning", amount=110
        )
    client.force_login(role_users["accountant"])
    pages = [
        reverse("accounting:payrollrun-detail", args=[run.pk]),  # with the variance
        reverse("accounting:payrollrun-cost", args=[run.pk]),
        reverse("accounting:payrollrun-register", args=[run.pk]),
    ]
    for url in pages:
        with django_assert_max_num_queries(22):
            assert client.get(url).status_code == 200
