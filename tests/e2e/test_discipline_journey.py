"""From a first incident to a dismissal both HR and the manager agreed, in the browser.

HR records an incident and warnings up to a final one, the employee
acknowledges it, a new incident makes the escalation rule propose a
dismissal, HR and the manager each agree on their own page, and once the
last working day has passed the daily task closes the employee's login.
"""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from hr.models.discipline import DismissalCase, Warning
from hr.models.employees import Employee
from hr.tasks import employees_deactivate_departed_task
from tests.e2e.conftest import log_in

pytestmark = pytest.mark.e2e


def switch_to(page: Page, username: str) -> None:
    page.context.clear_cookies()
    log_in(page, username)
    expect(page.get_by_test_id("user-menu")).to_be_visible()


def record_incident(page: Page, employee: Employee, text: str) -> None:
    page.goto(f"/hr/employees/{employee.pk}/discipline/")
    page.get_by_test_id("record-incident").click()
    page.get_by_label("Description").fill(text)
    page.get_by_role("button", name="Record the incident").click()
    expect(page.get_by_text("The incident is recorded.")).to_be_visible()


def issue_warning(page: Page, employee: Employee, level: str, expires_on) -> None:
    page.goto(f"/hr/employees/{employee.pk}/discipline/")
    page.get_by_test_id("issue-warning").click()
    page.get_by_role("combobox", name="Level").select_option(label=level)
    page.get_by_label("Reason").fill(f"{level}: till short again")
    page.get_by_label("Expected change").fill("Count the till at every shift change")
    page.get_by_label("Expiry date").fill(expires_on.isoformat())
    page.get_by_label("Let the manager know").check()
    page.get_by_role("button", name="Issue the warning").click()
    expect(page.get_by_text("The warning is issued and the employee told.")).to_be_visible()


def test_warnings_up_to_final_then_a_dismissal_both_agree_and_the_login_closes(
    page: Page, live_server, demo_company
):
    employee = Employee.objects.get(user__username="employee")
    today = timezone.localdate()
    in_a_year = today + timedelta(days=365)

    # HR: an incident, then verbal, written and final warnings.
    switch_to(page, "hr")
    page.goto(f"/hr/employees/{employee.pk}/")
    page.get_by_test_id("employee-discipline").click()
    record_incident(page, employee, "Till short by 200 lei")
    for level in ("Verbal", "Written", "Final"):
        issue_warning(page, employee, level, in_a_year)
    expect(page.get_by_test_id("employee-warnings").locator("tbody tr")).to_have_count(3)

    # The employee reads the final warning and acknowledges it.
    switch_to(page, "employee")
    page.goto("/hr/warnings/mine/")
    expect(page.get_by_test_id("my-warnings").get_by_text("To acknowledge")).to_have_count(3)
    page.get_by_test_id("my-warnings").get_by_role("link", name="Final").click()
    expect(page.get_by_test_id("warning-reason")).to_contain_text("Final: till short again")
    page.get_by_test_id("acknowledge-warning").click()
    expect(page.get_by_text("You have acknowledged the warning.")).to_be_visible()
    expect(page.get_by_test_id("acknowledge-warning")).to_have_count(0)
    assert Warning.objects.get(employee=employee, level="final").acknowledged_at is not None

    # The manager sees the shared warnings, level and dates only.
    switch_to(page, "manager")
    page.goto("/hr/warnings/team/")
    team = page.get_by_test_id("team-warnings")
    expect(team.get_by_text("Final", exact=True)).to_be_visible()
    expect(team).not_to_contain_text("till short")

    # HR: a new incident under the final warning proposes a dismissal.
    switch_to(page, "hr")
    record_incident(page, employee, "Till short a third time")
    expect(page.get_by_text("proposes: Open a dismissal case.")).to_be_visible()
    page.goto("/hr/")
    proposals = page.get_by_test_id("index-proposals")
    expect(proposals.get_by_role("link", name=employee.full_name)).to_be_visible()
    proposals.get_by_role("link", name=employee.full_name).click()
    page.get_by_test_id("open-dismissal").click()
    page.get_by_label("Reason").fill("Third till shortage under a final warning")
    page.get_by_label("Last working day").fill(today.isoformat())
    page.get_by_role("button", name="Open the case").click()
    expect(page.get_by_test_id("dismissal-status")).to_have_text("Awaiting agreement")
    page.get_by_test_id("agree-as-hr").click()
    expect(page.get_by_test_id("hr-agreement")).to_contain_text("Elena Dumitru")
    # HR cannot agree for the manager.
    expect(page.get_by_test_id("agree-as-manager")).to_have_count(0)

    # The manager agrees on their own page; the dismissal is recorded.
    switch_to(page, "manager")
    page.goto("/hr/dismissals/team/")
    page.get_by_test_id("team-dismissals").get_by_role("link", name=employee.full_name).click()
    page.get_by_test_id("agree-as-manager").click()
    expect(page.get_by_text("Both agreed: the dismissal is recorded.")).to_be_visible()
    expect(page.get_by_test_id("dismissal-status")).to_have_text("Dismissed")
    case = DismissalCase.objects.get(employee=employee)
    assert case.termination.items.count() == 4
    employee.refresh_from_db()
    assert (employee.status, employee.termination_date) == ("notice", today)

    # On the last working day the employee still logs in...
    switch_to(page, "employee")
    # ...and once it has passed, the daily task closes the login.
    tomorrow = (today + timedelta(days=1)).isoformat()
    assert employees_deactivate_departed_task(today=tomorrow) == 1
    page.context.clear_cookies()
    response = log_in(page, "employee")
    assert response.status == 200
    expect(page.get_by_text("Please enter a correct username and password")).to_be_visible()
    expect(page.get_by_test_id("user-menu")).to_have_count(0)
    employee.refresh_from_db()
    assert employee.status == "terminated"
