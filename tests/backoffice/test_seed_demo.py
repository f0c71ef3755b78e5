from decimal import Decimal

from django.contrib.auth import get_user_model
from django.core.management import call_command

from accounting.models.ledger import AccountMonthTotal, FiscalPeriod, JournalEntry
from accounting.selectors.ledger import trial_balance_difference
from backoffice import roles
from hr.models.employees import Department, Employee, Position

User = get_user_model()
DEMO_USERS = ["admin", "hr", "accountant", "controller", "it", "clerk", "manager", "employee"]


def counts():
    return (
        User.objects.count(),
        Employee.objects.count(),
        Department.objects.count(),
        Position.objects.count(),
        Employee.history.count(),
        JournalEntry.objects.count(),
        AccountMonthTotal.objects.count(),
    )


def test_seed_demo_creates_one_user_per_role_who_can_log_in(db):
    call_command("seed_demo", employees=25)
    for username in DEMO_USERS:
        user = User.objects.get(username=username)
        assert user.check_password("demo1234"), username
        assert user.groups.filter(name=roles.EMPLOYEE).exists()
        assert user.employee.department is not None
    assert User.objects.get(username="admin").is_superuser
    assert (
        User.objects.get(username="controller").groups.filter(name=roles.PAYROLL_APPROVER).exists()
    )
    assert Employee.objects.count() == 25 + len(DEMO_USERS)


def test_seeding_twice_changes_nothing(db):
    call_command("seed_demo", employees=25)
    before = counts()
    names = list(Employee.objects.order_by("employee_number").values_list("last_name", flat=True))
    call_command("seed_demo", employees=25)
    assert counts() == before
    assert names == list(
        Employee.objects.order_by("employee_number").values_list("last_name", flat=True)
    )


def test_the_demo_manager_has_a_team_including_the_demo_employee(db):
    call_command("seed_demo", employees=25)
    manager = Employee.objects.get(user__username="manager")
    team = set(manager.reports.values_list("employee_number", flat=True))
    assert Employee.objects.get(user__username="employee").employee_number in team
    assert len(team) >= 5


def test_the_demo_password_can_be_set_from_the_environment(db, monkeypatch):
    monkeypatch.setenv("DEMO_PASSWORD", "another-secret-1")
    call_command("seed_demo", employees=0)
    assert User.objects.get(username="hr").check_password("another-secret-1")


def test_the_demo_ledger_has_a_year_of_takings_that_balances(db):
    call_command("seed_demo", employees=0)
    takings = JournalEntry.objects.filter(source="sales_import", status="posted")
    assert takings.count() > 365 * 2
    assert trial_balance_difference() == Decimal("0.00")
    assert FiscalPeriod.objects.filter(status="closed").exists()
    assert FiscalPeriod.objects.filter(status="open").exists()
