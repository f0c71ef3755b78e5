"""From a new supplier to goods received: two people, four steps, in the browser."""

import pytest
from django.core import mail
from playwright.sync_api import Page, expect

from accounting.models.payables import PurchaseOrder, Supplier
from tests.e2e.conftest import log_in

pytestmark = pytest.mark.e2e

STATUS = "[data-testid=order-status]"


def switch_user(page: Page, username: str) -> None:
    page.get_by_test_id("user-menu").click()
    page.get_by_role("button", name="Log out").click()
    log_in(page, username)


def test_an_order_over_the_threshold_goes_from_supplier_to_received(
    page: Page, live_server, demo_company
):
    # The accountant adds a supplier.
    log_in(page, "accountant")
    page.goto("/accounting/suppliers/")
    page.get_by_test_id("supplier-create").click()
    page.locator("#id_name").fill("Oțelăria Nouă SRL")
    page.get_by_label("Kind").select_option("manufacturer")
    page.get_by_label("Tax id").fill("ro 18547290")
    page.get_by_label("Email").fill("comenzi@otelaria.example")
    page.get_by_label("IBAN").fill("ro49 aaaa 1b31 0075 9384 0000")
    page.get_by_role("button", name="Save supplier").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Oțelăria Nouă SRL")
    assert Supplier.objects.get(tax_id="RO18547290").iban == "RO49AAAA1B31007593840000"

    # ... and an order of 10 x 1,000.00 + 21 % VAT = 12,100.00, over the 5,000.00 threshold.
    page.get_by_role("link", name="New purchase order").click()
    page.locator("[name=lines-0-item]").fill("Steel beam 6 m")
    page.locator("[name=lines-0-quantity]").fill("10")
    page.locator("[name=lines-0-unit_price]").fill("1000")
    page.get_by_role("button", name="Save draft").click()
    expect(page.get_by_test_id("total")).to_contain_text("12,100.00")
    order = PurchaseOrder.objects.get(supplier__tax_id="RO18547290")
    page.get_by_role("button", name="Submit").click()
    expect(page.locator(STATUS)).to_have_attribute("data-status", "awaiting_approval")
    expect(page.get_by_role("button", name="Approve")).to_have_count(0)  # not by the preparer

    # The controller finds it among the orders awaiting approval and approves it.
    switch_user(page, "controller")
    page.goto("/accounting/")
    page.get_by_role("link", name="Awaiting my approval").click()
    page.get_by_role("link", name=order.number).click()
    page.get_by_role("button", name="Approve").click()
    expect(page.locator(STATUS)).to_have_attribute("data-status", "approved")

    # The accountant sends it: the supplier gets the PDF by email.
    switch_user(page, "accountant")
    page.goto(f"/accounting/purchase-orders/{order.pk}/")
    page.get_by_role("button", name="Send to supplier").click()
    expect(page.locator(STATUS)).to_have_attribute("data-status", "sent")
    [email] = [m for m in mail.outbox if order.number in m.subject]
    assert email.to == ["comenzi@otelaria.example"]
    assert email.attachments[0][1].startswith(b"%PDF")

    # Four beams arrive, then the other six.
    for quantity, status in (("4", "partially_received"), ("6", "received")):
        page.get_by_role("link", name="Record goods received").click()
        page.get_by_label("Steel beam 6 m").fill(quantity)
        page.get_by_role("button", name="Record receipt").click()
        expect(page.locator(STATUS)).to_have_attribute("data-status", status)

    expect(page.get_by_test_id("received-1")).to_have_text("10")
    expect(page.get_by_test_id("receipt")).to_have_count(2)
    expect(page.get_by_role("link", name="Record goods received")).to_have_count(0)
