from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from accounting.models.pay import PayItem, PayProfile, Timesheet, TimesheetDay
from accounting.selectors.pay import calendar_month_start, pay_items_for_month
from tests.accounting.pay import IBAN, profile, timesheet
from tests.factories import EmployeeFactory

Status = Timesheet.Status


@pytest.fixture
def accountant_client(client, role_users):
    client.force_login(role_users["accountant"])
    return client


def _profile_post(**fields):
    return {
        "effective_from": "2026-02-01",
        "pay_type": "monthly",
        "monthly_salary": "4050.00",
        "hourly_rate": "",
        "normal_hours_per_day": "8",
        "iban": "RO49 AAAA 1B31 0075 9384 0000",
        "dependants": "1",
        "note": "",
    } | fields


def test_payroll_adds_a_dated_profile_from_the_employee_page(accountant_client, role_users):
    member = role_users["employee"].employee
    url = reverse("accounting:payprofile-employee", kwargs={"employee_pk": member.pk})
    response = accountant_client.post(url, _profile_post())
    assert response.status_code == 302
    saved = PayProfile.objects.get(employee=member)
    assert (saved.monthly_salary, saved.iban, saved.dependants) == (Decimal("4050.00"), IBAN, 1)
    assert saved.created_by == role_users["accountant"]


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"hourly_rate": "30"}, "not both"),
        ({"iban": "RO00AAAA1B31007593840000"}, "check digits"),
        ({"effective_from": "2023-01-01"}, "before the hire date"),
        ({"monthly_salary": "-5"}, "greater than or equal"),
    ],
)
def test_a_bad_profile_shows_why_and_saves_nothing(accountant_client, role_users, fields, message):
    member = role_users["employee"].employee
    url = reverse("accounting:payprofile-employee", kwargs={"employee_pk": member.pk})
    response = accountant_client.post(url, _profile_post(**fields))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not PayProfile.objects.exists()


def test_the_controller_reads_but_cannot_add_a_profile(client, role_users):
    client.force_login(role_users["controller"])
    member = role_users["employee"].employee
    url = reverse("accounting:payprofile-employee", kwargs={"employee_pk": member.pk})
    assert client.get(url).status_code == 200
    assert client.post(url, _profile_post()).status_code == 403
    assert not PayProfile.objects.exists()


def test_a_manager_never_sees_a_team_members_pay(client, role_users):
    member = role_users["employee"].employee
    profile(member)
    client.force_login(role_users["manager"])
    url = reverse("accounting:payprofile-employee", kwargs={"employee_pk": member.pk})
    assert client.get(url).status_code == 404
    mine = client.get(reverse("accounting:payprofile-mine"))
    assert "5,000.00" not in mine.content.decode() and "5000.00" not in mine.content.decode()


def test_the_employee_reads_their_own_pay_profile_only(client, role_users):
    profile(role_users["employee"].employee, monthly_salary=Decimal("4321.00"))
    profile(role_users["hr"].employee, monthly_salary=Decimal("9876.00"))
    client.force_login(role_users["employee"])
    page = client.get(reverse("accounting:payprofile-mine")).content.decode()
    assert "4,321.00" in page or "4321.00" in page
    assert "9876" not in page and "9,876" not in page


def test_a_pay_item_is_created_and_applies_to_its_months(accountant_client, role_users):
    member = role_users["employee"].employee
    response = accountant_client.post(
        reverse("accounting:payitem-create"),
        {
            "employee": member.pk,
            "kind": "deduction",
            "code": "GARNISHMENT",
            "amount": "350.00",
            "recurring": "on",
            "month": "2026-02",
            "end_month": "2026-04",
        },
    )
    assert response.status_code == 302
    item = PayItem.objects.get()
    assert (item.month, item.end_month) == (date(2026, 2, 1), date(2026, 4, 1))
    assert list(pay_items_for_month(date(2026, 4, 1))) == [item]
    assert list(pay_items_for_month(date(2026, 5, 1))) == []


def test_a_one_off_item_with_an_end_month_is_refused(accountant_client, role_users):
    response = accountant_client.post(
        reverse("accounting:payitem-create"),
        {
            "employee": role_users["employee"].employee.pk,
            "kind": "earning",
            "code": "BONUS",
            "amount": "0",
            "month": "2026-02",
            "end_month": "2026-04",
        },
    )
    assert response.status_code == 200
    assert not PayItem.objects.exists()


def test_items_of_a_month_for_many_employees_take_one_query(db, django_assert_num_queries):
    employees = [EmployeeFactory() for _ in range(4)]
    for employee in employees:
        PayItem.objects.create(
            employee=employee,
            kind="earning",
            code="MEAL_VOUCHERS",
            amount=Decimal("800"),
            recurring=True,
            month=date(2026, 1, 1),
        )
        PayItem.objects.create(
            employee=employee,
            kind="earning",
            code="BONUS",
            amount=Decimal("500"),
            month=date(2026, 6, 1),
        )
    with django_assert_num_queries(1):
        items = [(i.employee.pk, i.code) for i in pay_items_for_month(date(2026, 3, 1))]
    assert sorted(items) == sorted((e.pk, "MEAL_VOUCHERS") for e in employees)


def _grow_profiles(count):
    for _ in range(count):
        employee = EmployeeFactory()
        profile(employee)
        profile(employee, effective_from=date(2025, 1, 1))
        PayItem.objects.create(
            employee=employee,
            kind="earning",
            code="MEAL_VOUCHERS",
            amount=Decimal("800"),
            recurring=True,
            month=date(2025, 1, 1),
        )


@pytest.mark.parametrize(
    "name",
    ["accounting:payprofile-list", "accounting:payitem-list", "accounting:timesheet-missing"],
)
def test_payroll_lists_cost_the_same_queries_for_more_rows_than_a_page(
    accountant_client, name, django_assert_max_num_queries
):
    _grow_profiles(3)
    url = reverse(name)
    with django_assert_max_num_queries(20) as few:
        assert accountant_client.get(url).status_code == 200
    _grow_profiles(55)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = accountant_client.get(url + "?page=2")
    assert response.status_code == 200


def test_the_team_page_costs_the_same_queries_for_a_bigger_team(
    client, role_users, django_assert_max_num_queries
):
    manager = role_users["manager"]
    client.force_login(manager)
    month = calendar_month_start(timezone.localdate())

    def grow(count):
        for _ in range(count):
            member = EmployeeFactory(manager=manager.employee)
            profile(member)
            timesheet(member, month=month, status=Status.SUBMITTED)

    grow(2)
    url = reverse("accounting:timesheet-team")
    with django_assert_max_num_queries(25) as few:
        assert client.get(url).status_code == 200
    grow(20)
    with django_assert_max_num_queries(len(few.captured_queries)):
        page = client.get(url).content.decode()
    assert page.count("Approve</button>") == 22


def _grid(month, values, action="save"):
    """Post data for the month grid: `values` maps a date to {kind: hours}."""
    data = {"action": action}
    for day, hours in values.items():
        for kind, value in hours.items():
            data[f"d{day:%d}_{kind}"] = value
    return data


def test_the_grid_saves_and_submits_and_refuses_bad_hours(client, role_users):
    employee = role_users["employee"]
    client.force_login(employee)
    url = reverse("accounting:timesheet-mine") + "?month=2026-03"
    page = client.get(url)
    assert page.status_code == 200
    # Prefilled with normal hours on working days.
    assert 'name="d02_normal" value="8' in page.content.decode()
    bad = client.post(url, _grid(date(2026, 3, 1), {date(2026, 3, 2): {"normal": "-2"}}))
    assert bad.status_code == 200
    assert not TimesheetDay.objects.exists()
    too_many = client.post(
        url, _grid(date(2026, 3, 1), {date(2026, 3, 2): {"normal": "20", "overtime": "6"}})
    )
    assert "more than 24" in too_many.content.decode()
    assert not TimesheetDay.objects.exists()
    done = client.post(
        url, _grid(date(2026, 3, 1), {date(2026, 3, 2): {"normal": "8"}}, action="submit")
    )
    assert done.status_code == 302
    sheet = Timesheet.objects.get(employee=employee.employee)
    assert sheet.status == Status.SUBMITTED
    assert sheet.days.get().normal == Decimal("8.00")


def test_an_approved_timesheet_is_shown_locked_and_a_post_changes_nothing(client, role_users):
    employee = role_users["employee"]
    sheet = timesheet(employee.employee, month=date(2026, 3, 1), status=Status.APPROVED)
    client.force_login(employee)
    url = reverse("accounting:timesheet-mine") + "?month=2026-03"
    assert 'data-testid="timesheet-locked"' in client.get(url).content.decode()
    response = client.post(url, _grid(date(2026, 3, 1), {date(2026, 3, 2): {"normal": "1"}}))
    assert "no longer be changed" in response.content.decode()
    assert sheet.days.get(date=date(2026, 3, 2)).normal == Decimal("8.00")


def test_a_month_in_the_future_or_before_hire_is_refused(client, role_users):
    client.force_login(role_users["employee"])
    response = client.get(reverse("accounting:timesheet-mine") + "?month=2099-01", follow=True)
    assert "There is no timesheet for that month" in response.content.decode()
    assert not Timesheet.objects.filter(period_start=date(2099, 1, 1)).exists()


def test_the_list_links_employees_without_a_profile(accountant_client, role_users):
    profile(role_users["employee"].employee)
    page = accountant_client.get(reverse("accounting:payprofile-list")).content.decode()
    hr_link = reverse("accounting:payprofile-employee", args=[role_users["hr"].employee.pk])
    own_link = reverse("accounting:payprofile-employee", args=[role_users["employee"].employee.pk])
    assert hr_link in page.split('data-testid="without-profile"')[1]
    assert own_link not in page.split('data-testid="without-profile"')[1]
