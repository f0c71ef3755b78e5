"""A cashier raises a ticket about a register; IT picks it up, adds an internal
note, replies and resolves; the cashier confirms, never seeing the note."""

import pytest
from playwright.sync_api import Page, expect

from backoffice import roles
from it_support.models.tickets import Ticket
from tests.e2e.conftest import log_in
from tests.factories import EmployeeFactory, UserFactory
from tests.it_support.factories import EquipmentFactory

pytestmark = pytest.mark.e2e

PASSWORD = "pw-for-tests-1"
NOTE = "Firmware 4.2 bug, vendor case 881"
REPLY = "Updated the register software; please try a card payment."


def switch_user(page: Page, username: str) -> None:
    page.context.clear_cookies()
    log_in(page, username, PASSWORD)
    expect(page.get_by_test_id("user-menu")).to_be_visible()


@pytest.fixture
def people(live_server):
    cashier = UserFactory(username="cashier", first_name="Ioana", last_name="Casier")
    EmployeeFactory(user=cashier, first_name="Ioana", last_name="Casier")
    UserFactory(username="tech", first_name="Tudor", last_name="Tehnic", roles=[roles.IT])
    EquipmentFactory(tag="REG-102", name="Register 2", location="Store 1, till 2")


def test_a_register_fault_goes_from_cashier_to_it_and_back(page: Page, live_server, people):
    switch_user(page, "cashier")
    page.goto("/it/tickets/new/")
    page.get_by_label("What is wrong?").fill("Till 2 freezes at card payment")
    page.get_by_label("Which system").select_option("cash_register")
    page.get_by_label("Which register or equipment").select_option(
        label="REG-102 Register 2 (Store 1, till 2)"
    )
    page.get_by_label("How bad is it?").select_option(label="Blocks sales")
    page.get_by_role("button", name="Send to IT").click()
    expect(page.get_by_test_id("ticket-status")).to_have_text("New")
    ticket = Ticket.objects.get()

    switch_user(page, "tech")
    page.goto("/it/tickets/queue/")
    page.get_by_test_id(f"ticket-{ticket.pk}").get_by_role("link").click()
    page.get_by_role("button", name="Assign to me").click()
    expect(page.get_by_test_id("ticket-status")).to_have_text("Assigned")
    form = page.get_by_test_id("reply-form")
    form.get_by_label("Message").fill(NOTE)
    form.get_by_label("Internal note").check()
    form.get_by_role("button", name="Send").click()
    expect(page.get_by_test_id("conversation")).to_contain_text(NOTE)
    form.get_by_label("Message").fill(REPLY)
    form.get_by_role("button", name="Send").click()
    expect(page.get_by_test_id("conversation")).to_contain_text(REPLY)
    page.get_by_role("button", name="Resolve").click()
    expect(page.get_by_test_id("ticket-status")).to_have_text("Resolved")

    switch_user(page, "cashier")
    page.goto("/it/tickets/mine/")
    page.get_by_test_id(f"ticket-{ticket.pk}").get_by_role("link").click()
    expect(page.get_by_test_id("conversation")).to_contain_text(REPLY)
    expect(page.get_by_text(NOTE)).to_have_count(0)
    assert NOTE not in page.content()
    page.get_by_role("button", name="Confirm the fix").click()
    expect(page.get_by_test_id("ticket-status")).to_have_text("Closed")
    ticket.refresh_from_db()
    assert ticket.status == Ticket.Status.CLOSED and ticket.closed_by.username == "cashier"
