"""The switchboard in the browser: the clerk logs a call from the keyboard, transfers
it, takes a message when nobody answers; the recipient finds it on the home page
and marks it done."""

import pytest
from playwright.sync_api import Page, expect

from backoffice import roles
from clerical.models.phones import CallTransfer, PhoneMessage
from tests.e2e.conftest import DEMO_PASSWORD, log_in
from tests.factories import EmployeeFactory, UserFactory

pytestmark = pytest.mark.e2e


def person(username: str, first: str, last: str, role: str | None = None):
    user = UserFactory(
        username=username,
        first_name=first,
        last_name=last,
        password=DEMO_PASSWORD,
        roles=[role] if role else [],
    )
    return EmployeeFactory(user=user, first_name=first, last_name=last)


def switch_to(page: Page, username: str) -> None:
    page.context.clear_cookies()
    log_in(page, username)
    expect(page.get_by_test_id("user-menu")).to_be_visible()


def test_log_transfer_take_a_message_and_the_recipient_marks_it_done(page: Page, live_server):
    person("clerk", "Clara", "Switchboard", roles.CLERK)
    wanted = person("employee", "Victor", "Wanted")
    colleague = person("colleague", "Corina", "Colleague")

    switch_to(page, "clerk")
    page.goto("/clerical/calls/")
    # The "for" search has the focus: type, Enter picks the first match.
    page.keyboard.type("Wanted")
    expect(page.locator("[data-pick-target=for_employee]")).to_contain_text("Victor Wanted")
    page.keyboard.press("Enter")
    page.get_by_label("Caller's name").fill("Ana Client")
    page.get_by_label("Caller's number").fill("0721 000 111")
    page.get_by_label("Subject").fill("Late delivery")
    page.get_by_label("Subject").press("Enter")
    expect(page.get_by_test_id("call-status")).to_have_text("Being put through")

    page.get_by_test_id("to-search").fill("Corina")
    page.locator("[data-pick-target=to]").first.click()
    page.get_by_test_id("transfer").click()
    expect(page.get_by_test_id("call-chain")).to_contain_text("Put through to Corina Colleague")

    page.get_by_label("Message").fill("Delivery is late; please ring back today.")
    page.get_by_label("Urgency").select_option("urgent")
    page.get_by_test_id("take-message").click()
    expect(page.get_by_text("Message sent to Victor Wanted.")).to_be_visible()
    assert list(CallTransfer.objects.values_list("to_employee", "outcome")) == [
        (wanted.pk, "no_answer"),
        (colleague.pk, "no_answer"),
    ]

    switch_to(page, "employee")
    panel = page.get_by_test_id("my-messages")
    expect(panel).to_contain_text("Ana Client")
    panel.get_by_role("link", name="Ana Client +40721000111").click()
    expect(page.get_by_test_id("message")).to_contain_text("+40721000111")
    page.get_by_test_id("message-done").click()
    expect(page.get_by_text("Message marked done.")).to_be_visible()
    assert PhoneMessage.objects.get().status == PhoneMessage.Status.DONE
