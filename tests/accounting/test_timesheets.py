from datetime import date
from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction

from accounting.models.pay import Timesheet, TimesheetDay
from accounting.selectors.pay import team_timesheets, timesheets_missing, timesheets_visible_to
from accounting.services.pay import (
    PayInputError,
    timesheet_approve,
    timesheet_open,
    timesheet_return,
    timesheet_save,
    timesheet_submit,
    timesheets_approve_bulk,
)
from tests.accounting.pay import profile, timesheet
from tests.factories import EmployeeFactory

MARCH = date(2026, 3, 1)
Status = Timesheet.Status


@pytest.fixture
def team(role_users):
    return role_users["employee"], role_users["manager"]


def _day(day, **hours):
    return {"date": day} | {kind: Decimal(value) for kind, value in hours.items()}


def test_the_employee_saves_submits_and_the_manager_approves(team):
    employee, manager = team
    sheet = timesheet_open(employee=employee.employee, month=date(2026, 3, 17))
    assert (sheet.period_start, sheet.period_end) == (MARCH, date(2026, 3, 31))
    timesheet_save(
        by=employee,
        timesheet=sheet,
        days=[_day(date(2026, 3, 2), normal="8", overtime="2"), _day(date(2026, 3, 3))],
    )
    assert list(sheet.days.values_list("date", "overtime")) == [(date(2026, 3, 2), Decimal("2.00"))]
    timesheet_submit(by=employee, timesheet=sheet)
    approved = timesheet_approve(by=manager, timesheet=sheet)
    assert approved.status == Status.APPROVED
    assert approved.decided_by == manager
    assert approved.history.latest().history_user == manager


@pytest.mark.parametrize(
    ("days", "message"),
    [
        ([_day(date(2026, 3, 2), normal="-1")], "negative"),
        ([_day(date(2026, 3, 2), normal="20", overtime="5")], "more than 24"),
        ([_day(date(2026, 4, 1), normal="8")], "outside"),
    ],
)
def test_bad_hours_are_refused_and_nothing_changes(team, days, message):
    employee, _manager = team
    sheet = timesheet(employee.employee, month=MARCH)
    before = sheet.days.count()
    with pytest.raises(PayInputError, match=message):
        timesheet_save(by=employee, timesheet=sheet, days=days)
    assert sheet.days.count() == before


def test_the_database_refuses_more_than_24_hours_and_negative_hours(team):
    sheet = timesheet(team[0].employee, month=MARCH, hours="0")
    for hours in ({"normal": 20, "night": 5}, {"sick": -1}):
        with pytest.raises(IntegrityError), transaction.atomic():
            TimesheetDay.objects.create(timesheet=sheet, date=date(2026, 3, 7), **hours)


def test_an_approved_timesheet_cannot_be_edited_by_the_service(team):
    employee, _manager = team
    sheet = timesheet(employee.employee, month=MARCH, status=Status.APPROVED)
    with pytest.raises(PayInputError, match="no longer"):
        timesheet_save(by=employee, timesheet=sheet, days=[_day(date(2026, 3, 2), normal="1")])
    assert sheet.days.filter(normal=Decimal("8")).count() == 22


def test_the_database_refuses_changes_to_the_days_of_an_approved_timesheet(team):
    sheet = timesheet(team[0].employee, month=MARCH, status=Status.APPROVED)
    with pytest.raises(IntegrityError, match="approved"), transaction.atomic():
        TimesheetDay.objects.filter(timesheet=sheet).update(normal=1)
    with pytest.raises(IntegrityError, match="approved"), transaction.atomic():
        TimesheetDay.objects.filter(timesheet=sheet).delete()
    with pytest.raises(IntegrityError, match="approved"), transaction.atomic():
        TimesheetDay.objects.create(timesheet=sheet, date=date(2026, 3, 7), weekend=4)
    assert sheet.days.count() == 22


def test_a_return_needs_a_comment_and_reopens_the_timesheet(team):
    employee, manager = team
    sheet = timesheet(employee.employee, month=MARCH, status=Status.SUBMITTED)
    with pytest.raises(PayInputError, match="comment"):
        timesheet_return(by=manager, timesheet=sheet, comment="  ")
    returned = timesheet_return(by=manager, timesheet=sheet, comment="Sick on the 5th?")
    assert returned.status == Status.RETURNED
    assert employee.notifications.filter(body="Sick on the 5th?").exists()
    timesheet_save(by=employee, timesheet=sheet, days=[_day(date(2026, 3, 5), sick="8")])
    assert timesheet_submit(by=employee, timesheet=sheet).status == Status.SUBMITTED


def test_only_the_manager_decides_and_only_the_employee_fills(team, role_users):
    employee, manager = team
    sheet = timesheet(employee.employee, month=MARCH, status=Status.SUBMITTED)
    for outsider in (role_users["accountant"], role_users["admin"], employee):
        with pytest.raises(PayInputError, match="manager"):
            timesheet_approve(by=outsider, timesheet=sheet)
    draft = timesheet(manager.employee, month=MARCH)
    with pytest.raises(PayInputError, match="Only the employee"):
        timesheet_save(by=role_users["admin"], timesheet=draft, days=[])


def test_a_draft_cannot_be_approved(team):
    employee, manager = team
    sheet = timesheet(employee.employee, month=MARCH)
    with pytest.raises(PayInputError, match="submitted"):
        timesheet_approve(by=manager, timesheet=sheet)


def test_bulk_approval_approves_the_teams_submitted_timesheets_only(team):
    employee, manager = team
    second = EmployeeFactory(manager=manager.employee)
    stranger = EmployeeFactory()
    mine = timesheet(employee.employee, month=MARCH, status=Status.SUBMITTED)
    draft = timesheet(second, month=MARCH)
    other = timesheet(stranger, month=MARCH, status=Status.SUBMITTED)
    assert timesheets_approve_bulk(by=manager, month=MARCH) == 1
    statuses = dict(Timesheet.objects.values_list("pk", "status"))
    assert mine.history.latest().history_user == manager
    assert mine.history.latest().status == Status.APPROVED
    assert statuses == {
        mine.pk: Status.APPROVED,
        draft.pk: Status.DRAFT,
        other.pk: Status.SUBMITTED,
    }


def test_who_sees_which_timesheets(team, role_users):
    employee, manager = team
    mine = timesheet(employee.employee, month=MARCH)
    theirs = timesheet(role_users["hr"].employee, month=MARCH)
    assert set(timesheets_visible_to(employee)) == {mine}
    assert set(timesheets_visible_to(manager)) == {mine}
    assert set(timesheets_visible_to(role_users["hr"])) == {theirs}
    assert set(timesheets_visible_to(role_users["accountant"])) == {mine, theirs}
    assert set(timesheets_visible_to(role_users["controller"])) == {mine, theirs}


def test_the_team_view_compares_hours_with_the_schedule(team):
    employee, manager = team
    profile(employee.employee, normal_hours_per_day=Decimal("6"))
    timesheet(employee.employee, month=MARCH, hours="8", status=Status.SUBMITTED)
    [row] = team_timesheets(manager, MARCH)
    # March 2026: 22 working days.
    assert row["expected"] == Decimal("132.00")
    assert row["worked"] == Decimal("176.00")
    assert row["difference"] == Decimal("44.00")


def test_the_missing_list_shows_unapproved_and_missing_in_one_query(
    team, role_users, django_assert_num_queries
):
    employee, _manager = team
    hourly = EmployeeFactory()
    profile(hourly, pay_type="hourly", monthly_salary=None, hourly_rate=Decimal("25"))
    timesheet(employee.employee, month=MARCH, status=Status.SUBMITTED)
    timesheet(role_users["hr"].employee, month=MARCH, status=Status.APPROVED)
    EmployeeFactory(hire_date=date(2026, 4, 1))  # not yet employed in March
    with django_assert_num_queries(1):
        rows = {e.pk: e.timesheet_status for e in timesheets_missing(MARCH)}
    assert rows[employee.employee.pk] == Status.SUBMITTED
    assert rows[hourly.pk] == ""
    assert role_users["hr"].employee.pk not in rows
    assert len(rows) == 8  # 8 role users + hourly - the approved one
    assert [e.pk for e in timesheets_missing(MARCH, hourly_only=True)] == [hourly.pk]
