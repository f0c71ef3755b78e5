"""A month's timesheet from the grid to approval, in the browser.

The demo employee fills in and submits this month's timesheet, their
manager returns it with a comment, the employee fixes and resubmits, the
manager approves, and the employee can no longer change it.
"""

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from accounting.models.pay import Timesheet
from accounting.selectors.pay import calendar_month_end, calendar_month_start
from backoffice.calendar import working_dates
from hr.models.employees import Employee
from tests.e2e.conftest import log_in

pytestmark = pytest.mark.e2e


def switch_to(page: Page, username: str) -> None:
    page.context.clear_cookies()
    log_in(page, username)
    expect(page.get_by_test_id("user-menu")).to_be_visible()


def test_submit_return_fix_resubmit_approve_and_the_timesheet_is_locked(
    page: Page, live_server, demo_company
):
    employee = Employee.objects.get(user__username="employee")
    first = calendar_month_start(timezone.localdate())
    day = working_dates(first, calendar_month_end(first))[0]
    overtime = f'input[name="d{day:%d}_overtime"]'

    # The employee fills in overtime on the first working day and submits.
    switch_to(page, "employee")
    page.get_by_test_id("user-menu").click()
    page.get_by_role("link", name="My timesheet").click()
    expect(page.get_by_test_id("timesheet-status")).to_have_text("Draft")
    page.locator(overtime).fill("2")
    page.get_by_test_id("timesheet-submit").click()
    expect(page.get_by_text("Your timesheet is submitted to your manager.")).to_be_visible()
    expect(page.get_by_test_id("timesheet-status")).to_have_text("Submitted")

    # The manager returns it with a comment.
    switch_to(page, "manager")
    page.goto("/accounting/timesheets/team/")
    row = page.get_by_test_id(f"team-row-{employee.pk}")
    expect(row).to_contain_text("Submitted")
    row.get_by_role("link", name="Review or return").click()
    page.get_by_label("What to fix").fill("You were on leave on the last Friday.")
    page.get_by_test_id("timesheet-return").click()
    expect(page.get_by_text(f"The timesheet of {employee} is returned.")).to_be_visible()

    # The employee reads the comment, fixes the day and resubmits.
    switch_to(page, "employee")
    page.goto("/accounting/timesheets/mine/")
    expect(page.get_by_test_id("manager-comment")).to_contain_text("on leave")
    page.locator(overtime).fill("1")
    page.get_by_test_id("timesheet-submit").click()
    expect(page.get_by_test_id("timesheet-status")).to_have_text("Submitted")

    # The manager approves from the team page.
    switch_to(page, "manager")
    page.goto("/accounting/timesheets/team/")
    page.get_by_test_id(f"team-row-{employee.pk}").get_by_role("button", name="Approve").click()
    expect(page.get_by_text(f"The timesheet of {employee} is approved.")).to_be_visible()

    # The employee sees it locked: no field, no button.
    switch_to(page, "employee")
    page.goto("/accounting/timesheets/mine/")
    expect(page.get_by_test_id("timesheet-status")).to_have_text("Approved")
    expect(page.get_by_test_id("timesheet-locked")).to_be_visible()
    expect(page.locator(overtime)).to_have_count(0)
    expect(page.get_by_test_id("timesheet-submit")).to_have_count(0)
    sheet = Timesheet.objects.get(employee=employee, period_start=first)
    assert sheet.status == Timesheet.Status.APPROVED
    assert sheet.days.get(date=day).overtime == 1
