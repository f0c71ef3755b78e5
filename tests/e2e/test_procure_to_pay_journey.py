"""Procure to pay in the browser: order, receive, bill, approve, pay in a batch, ageing.

Two people, the accountant who prepares everything and the controller who
approves what the accountant prepared; the amounts are checked as the pages
show them. 8 x 812.35 at 21 % VAT: net 6,498.80, VAT 1,364.748 rounded half up
to 1,364.75, total 7,863.55, over the 5,000.00 approval threshold. The bill is
dated 20 days ago and the supplier gives 10 days, so it is 10 days overdue.
"""

from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from accounting.models.payables import PaymentBatch, PurchaseOrder, SupplierBill
from tests.e2e.conftest import log_in

pytestmark = pytest.mark.e2e

SUPPLIER = "Cherestea Verde SRL"
IBAN = "RO49AAAA1B31007593840000"
ITEM = "Oak plank 4 m"
TOTAL = "7,863.55 RON"
ORDER_STATUS = "[data-testid=order-status]"


def switch_user(page: Page, username: str) -> None:
    page.context.clear_cookies()
    assert log_in(page, username).status == 302


def supplier_row_on_the_ageing_page(page: Page):
    page.goto("/accounting/")
    page.get_by_role("link", name="Payables ageing", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Accounts payable ageing")
    return page.locator(f'[data-testid=ageing] tr[data-supplier="{SUPPLIER}"]')


def test_an_order_is_received_billed_paid_in_a_batch_and_leaves_the_ageing(
    page: Page, live_server, demo_company
):
    today = timezone.localdate()
    bill_date = today - timedelta(days=20)

    # 1. The accountant adds the supplier, with 10 days to pay...
    switch_user(page, "accountant")
    page.goto("/accounting/suppliers/")
    page.get_by_test_id("supplier-create").click()
    page.locator("#id_name").fill(SUPPLIER)
    page.get_by_label("Kind").select_option("manufacturer")
    page.get_by_label("Tax id").fill("RO 27182818")
    page.get_by_label("Email").fill("vanzari@cheresteaverde.example")
    page.get_by_label("IBAN").fill("ro49 aaaa 1b31 0075 9384 0000")
    page.get_by_label("Payment terms (days)").fill("10")
    page.get_by_role("button", name="Save supplier").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(SUPPLIER)

    # ... orders 8 planks, over the approval threshold, and submits the order.
    page.get_by_role("link", name="New purchase order").click()
    page.locator("[name=lines-0-item]").fill(ITEM)
    page.locator("[name=lines-0-quantity]").fill("8")
    page.locator("[name=lines-0-unit_price]").fill("812.35")
    page.locator("[name=lines-0-vat_rate]").fill("21")
    page.get_by_role("button", name="Save draft").click()
    expect(page.get_by_test_id("total-net")).to_have_text("6,498.80 RON")
    expect(page.get_by_test_id("total-vat")).to_have_text("1,364.75 RON")
    expect(page.get_by_test_id("total")).to_have_text(TOTAL)
    order_url = page.url
    number = PurchaseOrder.objects.get(supplier__name=SUPPLIER).number
    page.get_by_role("button", name="Submit").click()
    expect(page.locator(ORDER_STATUS)).to_have_attribute("data-status", "awaiting_approval")
    # The accountant may approve orders, but not one they prepared.
    expect(
        page.get_by_text("You prepared this order: another approver must approve it.")
    ).to_be_visible()
    expect(
        page.get_by_test_id("order-actions").get_by_role("button", name="Approve")
    ).to_have_count(0)

    # 2. The controller approves it from the list of orders awaiting approval.
    switch_user(page, "controller")
    page.goto("/accounting/")
    page.get_by_role("link", name="Awaiting my approval").click()
    page.get_by_role("link", name=number).click()
    page.get_by_role("button", name="Approve").click()
    expect(page.locator(ORDER_STATUS)).to_have_attribute("data-status", "approved")

    # 3. The accountant sends it; its PDF link answers with a PDF.
    switch_user(page, "accountant")
    page.goto(order_url)
    page.get_by_role("button", name="Send to supplier").click()
    expect(page.locator(ORDER_STATUS)).to_have_attribute("data-status", "sent")
    pdf = page.request.get(page.get_by_test_id("order-pdf").get_attribute("href"))
    assert pdf.status == 200
    assert pdf.headers["content-type"] == "application/pdf"
    assert pdf.body().startswith(b"%PDF")

    # Five planks arrive, then the other three.
    for quantity, status, received in (("5", "partially_received", "5"), ("3", "received", "8")):
        page.get_by_role("link", name="Record goods received").click()
        page.get_by_label(ITEM).fill(quantity)
        page.get_by_role("button", name="Record receipt").click()
        expect(page.locator(ORDER_STATUS)).to_have_attribute("data-status", status)
        expect(page.get_by_test_id("received-1")).to_have_text(received)
    expect(page.locator(ORDER_STATUS)).to_have_text("Received")
    expect(page.get_by_test_id("receipt")).to_have_count(2)

    # 4. The supplier's bill comes from the order, its lines filled in from it.
    page.goto("/accounting/")
    page.get_by_role("link", name="Supplier bills", exact=True).click()
    page.get_by_role("link", name="Enter a bill").click()
    page.get_by_label("From a purchase order").select_option(label=number)
    page.get_by_role("button", name="Bill this order").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        f"Bill for order {number} of {SUPPLIER}"
    )
    expect(page.get_by_test_id("bill-line")).to_have_count(1)
    expect(page.locator("[name=lines-0-description]")).to_have_value(ITEM)
    expect(page.locator("[name=lines-0-quantity]")).to_have_value("8")
    expect(page.locator("[name=lines-0-unit_price]")).to_have_value("812.35")
    page.locator("[name=number]").fill("CV-2041")
    page.locator("[name=bill_date]").fill(bill_date.isoformat())
    page.get_by_role("button", name="Save bill").click()
    # It matches the order and the goods received: not on hold.
    expect(page.get_by_text("The bill is entered; it now needs approval.")).to_be_visible()
    expect(page.get_by_test_id("match-notes")).to_have_count(0)
    expect(page.get_by_test_id("bill-state").locator("[data-state]")).to_have_attribute(
        "data-state", "draft"
    )
    expect(page.get_by_test_id("bill-total")).to_have_text(TOTAL)
    bill_url = page.url

    switch_user(page, "controller")
    page.goto(bill_url)
    page.get_by_role("button", name="Approve").click()
    expect(page.get_by_text("The bill is approved.")).to_be_visible()

    switch_user(page, "accountant")
    page.goto(bill_url)
    page.get_by_role("button", name="Post to the ledger").click()
    expect(page.get_by_text("The bill is posted to the ledger.")).to_be_visible()
    expect(page.get_by_test_id("bill-state")).to_have_text("Overdue")
    expect(page.get_by_test_id("bill-open")).to_have_text(TOTAL)

    # 5. The ageing shows the whole bill owed, 1 to 30 days overdue.
    row = supplier_row_on_the_ageing_page(page)
    expect(row.get_by_test_id("supplier-open")).to_have_text(TOTAL)
    expect(row.get_by_test_id("supplier-days-1-30")).to_have_text(TOTAL)
    expect(row.get_by_test_id("supplier-current")).to_have_text("0.00 RON")

    # 6. A payment batch pays the bill in full.
    page.get_by_role("link", name="Payments", exact=True).click()
    page.get_by_role("link", name="Prepare a batch").click()
    page.get_by_placeholder("Supplier or number").fill("CV-2041")
    page.get_by_role("button", name="Find bills").click()
    page.get_by_label("Pay CV-2041").check()
    expect(page.get_by_label("Amount for CV-2041")).to_have_value("7863.55")
    page.get_by_role("button", name="Prepare batch").click()
    expect(page.get_by_text("The batch is prepared; it now needs approval.")).to_be_visible()
    batch_url = page.url

    switch_user(page, "controller")
    page.goto(batch_url)
    page.get_by_role("button", name="Approve").click()
    expect(page.get_by_text("The batch is approved for payment.")).to_be_visible()

    switch_user(page, "accountant")
    page.goto(batch_url)
    with page.expect_download() as download:
        page.get_by_role("button", name="Download SEPA file (pain.001)").click()
    assert download.value.suggested_filename.endswith(".xml")
    content = Path(download.value.path()).read_text(encoding="utf-8")
    assert content.startswith("<?xml")
    assert "urn:iso:std:iso:20022:tech:xsd:pain.001.001.03" in content
    assert f"<IBAN>{IBAN}</IBAN>" in content
    assert '<InstdAmt Ccy="RON">7863.55</InstdAmt>' in content
    page.reload()
    expect(page.get_by_test_id("batch-status")).to_have_text("Sent to the bank")
    page.get_by_role("button", name="Mark paid").click()
    expect(page.get_by_text("The batch is marked paid and posted.")).to_be_visible()
    expect(page.get_by_test_id("batch-status")).to_have_text("Paid and posted")

    # 7. Nothing is owed to the supplier any more, and the bill is paid.
    expect(supplier_row_on_the_ageing_page(page)).to_have_count(0)
    page.goto(bill_url)
    expect(page.get_by_test_id("bill-state")).to_have_text("Paid")
    expect(page.get_by_test_id("bill-open")).to_have_text("0.00 RON")
    bill = SupplierBill.objects.get(supplier__name=SUPPLIER, number="CV-2041")
    assert bill.status == SupplierBill.Status.POSTED
    assert bill.purchase_order.number == number
    assert bill.payments.get().batch.status == PaymentBatch.Status.POSTED
