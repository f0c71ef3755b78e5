"""A change request from draft to reviewed in the browser: IT writes it with its expected
benefit, the IT lead and the system's business owner (two people) approve it, IT schedules
and implements it, and the review records the measured outcome against the target."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from backoffice import roles
from it_support.models.changes import ChangeRequest
from tests.e2e.conftest import log_in
from tests.factories import EmployeeFactory, UserFactory
from tests.it_support.factories import SystemFactory

pytestmark = pytest.mark.e2e

PASSWORD = "pw-for-tests-1"  # UserFactory's


def switch_user(page: Page, username: str) -> None:
    page.context.clear_cookies()
    log_in(page, username, PASSWORD)
    expect(page.get_by_test_id("user-menu")).to_be_visible()


def test_a_change_goes_from_draft_to_reviewed_with_two_approvers(page: Page, live_server):
    UserFactory(username="lead", roles=[roles.IT, roles.IT_LEAD])
    owner = UserFactory(username="owner", roles=[roles.MANAGER])
    SystemFactory(name="Program de casă", owner=EmployeeFactory(user=owner))

    switch_user(page, "lead")
    page.goto("/it/changes/")
    page.get_by_test_id("new-change").click()
    page.locator("#id_title").fill("Card terminal linked to the register")
    page.get_by_label("System").select_option(label="Program de casă")
    page.get_by_label("The change").fill("The register sends the amount to the terminal.")
    page.get_by_label("Why").fill("Cashiers type every card amount twice.")
    page.get_by_label("Measure of the benefit").fill("checkout time (seconds)")
    page.get_by_label("Baseline").fill("100")
    page.get_by_label("Target").fill("70")
    page.locator("#id_risk").select_option("medium")
    page.get_by_label("Rollback plan").fill("Reinstall version 4.2.")
    page.get_by_test_id("save").click()
    expect(page.get_by_test_id("expected")).to_contain_text("-30%")
    page.get_by_test_id("submit").click()
    page.get_by_test_id("approve-it").click()
    expect(page.get_by_test_id("change-status")).to_have_text("Awaiting approval")
    expect(page.get_by_test_id("approve-owner")).to_have_count(0)

    switch_user(page, "owner")
    change = ChangeRequest.objects.get()
    page.goto(f"/it/changes/{change.pk}/")
    page.get_by_test_id("approve-owner").click()
    expect(page.get_by_test_id("change-status")).to_have_text("Approved")

    switch_user(page, "lead")
    page.goto(f"/it/changes/{change.pk}/")
    when = timezone.localtime(timezone.now() + timedelta(days=2)).strftime("%Y-%m-%dT%H:%M")
    page.get_by_label("When").fill(when)
    page.get_by_test_id("schedule").click()
    expect(page.get_by_test_id("change-status")).to_have_text("Scheduled")
    page.get_by_test_id("implement").click()
    page.get_by_label("Measured outcome").fill("66")
    page.get_by_label("Review notes").fill("Measured over a week at three shops.")
    page.get_by_test_id("review").click()
    expect(page.get_by_test_id("change-status")).to_have_text("Reviewed")
    expect(page.get_by_test_id("outcome")).to_contain_text("Target met")
    change.refresh_from_db()
    assert (change.it_approved_by.username, change.owner_approved_by.username) == ("lead", "owner")
