"""HR publishes a policy version and assigns a course; the employee acknowledges and is trained."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from hr.models.employees import Employee
from hr.models.policies import PolicyAcknowledgement
from hr.models.training import TrainingAssignment
from tests.e2e.conftest import log_in

pytestmark = pytest.mark.e2e

EMPLOYEE_NAME = "Vlad Constantin"  # the demo `employee` user


def switch_user(page: Page, username: str) -> None:
    page.context.clear_cookies()
    log_in(page, username)
    expect(page.get_by_test_id("user-menu")).to_be_visible()


def local_input(moment) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%dT%H:%M")


def test_a_policy_version_is_acknowledged_and_a_course_is_completed(
    page: Page, live_server, demo_company
):
    # HR writes and publishes version 2 of the IT policy.
    switch_user(page, "hr")
    page.goto("/hr/policies/manage/")
    page.get_by_role("link", name="IT acceptable use").click()
    page.get_by_test_id("new-version").click()
    page.get_by_label("Text").fill("Lock your screen. Report phishing to IT at once.")
    page.get_by_test_id("submit").click()
    expect(page.locator("tr[data-version='2']")).to_contain_text("Draft")
    page.get_by_test_id("publish-2").click()
    expect(page.locator("tr[data-version='2']")).to_contain_text("Current")

    # The employee finds it in My policies and acknowledges it.
    switch_user(page, "employee")
    page.goto("/hr/policies/")
    row = page.locator("tr[data-policy='IT acceptable use']")
    expect(row).to_have_attribute("data-version", "2")
    row.get_by_test_id("acknowledge").click()
    expect(row.get_by_test_id("acknowledged")).to_be_visible()
    employee = Employee.objects.get(user__username="employee")
    assert PolicyAcknowledgement.objects.filter(
        employee=employee, version__policy__title="IT acceptable use", version__version=2
    ).exists()

    # HR sees them among those who acknowledged version 2.
    switch_user(page, "hr")
    page.goto("/hr/policies/manage/")
    page.get_by_role("link", name="IT acceptable use").click()
    page.get_by_test_id("acknowledgements-2").click()
    page.get_by_test_id("filter-done").click()
    expect(page.get_by_test_id("acknowledgements")).to_contain_text(EMPLOYEE_NAME)
    page.get_by_test_id("filter-pending").click()
    expect(page.get_by_test_id("acknowledgements")).not_to_contain_text(EMPLOYEE_NAME)

    # HR plans this morning's session, assigns the course and records the result.
    page.goto("/hr/training/courses/")
    page.get_by_role("link", name="Customer service").click()
    page.get_by_test_id("new-session").click()
    now = timezone.now()
    page.get_by_label("Starts at").fill(local_input(now - timedelta(hours=3)))
    page.get_by_label("Ends at").fill(local_input(now - timedelta(hours=1)))
    page.get_by_label("Location").fill("Training room C")
    page.get_by_label("External trainer").fill("Ana Formator")
    page.get_by_label("Capacity").fill("8")
    page.get_by_test_id("submit").click()
    expect(page.get_by_test_id("sessions")).to_contain_text("Training room C")

    page.get_by_test_id("assign-course").click()
    page.get_by_label("Who").select_option("employee")
    page.get_by_label("Employee").select_option(label=EMPLOYEE_NAME)
    page.get_by_label("Session").select_option(index=1)
    page.get_by_test_id("submit").click()
    expect(page.get_by_test_id("course-assignments")).to_contain_text(EMPLOYEE_NAME)

    page.get_by_role("link", name="Record results").click()
    attendee = page.locator(f"tr[data-attendee='{EMPLOYEE_NAME}']")
    attendee.locator("select").select_option("pass")
    attendee.locator("input[name$='-score']").fill("92")
    page.get_by_test_id("submit").click()
    expect(page.get_by_text("1 results recorded.")).to_be_visible()
    assignment = TrainingAssignment.objects.get(employee=employee, course__title="Customer service")
    assert assignment.status == TrainingAssignment.Status.COMPLETED

    # The employee sees it completed in My training.
    switch_user(page, "employee")
    page.goto("/hr/training/")
    row = page.locator("tr[data-course='Customer service']")
    expect(row).to_have_attribute("data-status", "completed")
    expect(row).to_contain_text("Completed")
