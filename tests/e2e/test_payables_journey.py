"""A supplier's bill from entry to payment, by two people, in a real browser."""

from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from accounting.models.payables import PaymentBatch, SupplierBill
from tests.accounting.factories import SupplierFactory
from tests.e2e.conftest import log_in

pytestmark = pytest.mark.e2e

SUPPLIER = "Journey Supplies SRL"


def switch_user(page: Page, username: str) -> None:
    page.context.clear_cookies()
    assert log_in(page, username).status == 302


def open_amount_on_the_ageing_page(page: Page):
    page.goto("/accounting/payables/ageing/")
    return page.locator(f'tr[data-supplier="{SUPPLIER}"] [data-testid=supplier-open]')


def test_a_bill_is_entered_approved_posted_paid_through_the_bank_file(
    page: Page, live_server, demo_company
):
    SupplierFactory(name=SUPPLIER, iban="RO49AAAA1B31007593840000", bic="AAAAROBU")
    today = timezone.localdate().isoformat()

    # The accountant enters the bill.
    switch_user(page, "accountant")
    page.goto("/accounting/")
    page.get_by_role("link", name="Supplier bills", exact=True).click()
    page.get_by_role("link", name="Enter a bill").click()
    # crispy marks required labels with an asterisk, so fields are found by name
    page.locator("[name=supplier]").select_option(label=SUPPLIER)
    page.locator("[name=number]").fill("J-1")
    page.locator("[name=bill_date]").fill(today)
    page.locator("[name=lines-0-description]").fill("Shelving")
    page.locator("[name=lines-0-quantity]").fill("4")
    page.locator("[name=lines-0-unit_price]").fill("250.00")
    page.locator("[name=lines-0-vat_rate]").fill("21")
    page.get_by_role("button", name="Save bill").click()
    expect(page.get_by_text("The bill is entered; it now needs approval.")).to_be_visible()
    expect(page.get_by_test_id("bill-total")).to_have_text("1,210.00 RON")
    bill_url = page.url
    # The person who entered it cannot approve it.
    page.get_by_role("button", name="Approve").click()
    expect(page.get_by_text("The person who entered a bill cannot approve it.")).to_be_visible()

    # The controller approves it.
    switch_user(page, "controller")
    page.goto(bill_url)
    page.get_by_role("button", name="Approve").click()
    expect(page.get_by_text("The bill is approved.")).to_be_visible()
    expect(page.get_by_role("button", name="Post to the ledger")).to_have_count(0)

    # The accountant posts it; the supplier now has an open amount.
    switch_user(page, "accountant")
    page.goto(bill_url)
    page.get_by_role("button", name="Post to the ledger").click()
    expect(page.get_by_text("The bill is posted to the ledger.")).to_be_visible()
    expect(page.get_by_test_id("bill-state")).to_contain_text("Unpaid")
    expect(open_amount_on_the_ageing_page(page)).to_have_text("1,210.00 RON")

    # ...and prepares a payment batch for it.
    page.get_by_role("link", name="Payments", exact=True).click()
    page.get_by_role("link", name="Prepare a batch").click()
    page.get_by_placeholder("Supplier or number").fill("J-1")
    page.get_by_role("button", name="Find bills").click()
    page.get_by_label("Pay J-1").check()
    expect(page.get_by_label("Amount for J-1")).to_have_value("1210.00")
    page.get_by_role("button", name="Prepare batch").click()
    expect(page.get_by_text("The batch is prepared; it now needs approval.")).to_be_visible()
    batch_url = page.url

    # The controller approves the batch.
    switch_user(page, "controller")
    page.goto(batch_url)
    page.get_by_role("button", name="Approve").click()
    expect(page.get_by_text("The batch is approved for payment.")).to_be_visible()

    # The accountant downloads the SEPA file and marks the batch paid.
    switch_user(page, "accountant")
    page.goto(batch_url)
    with page.expect_download() as download:
        page.get_by_role("button", name="Download SEPA file (pain.001)").click()
    content = Path(download.value.path()).read_text(encoding="utf-8")
    assert "urn:iso:std:iso:20022:tech:xsd:pain.001.001.03" in content
    assert "<IBAN>RO49AAAA1B31007593840000</IBAN>" in content
    assert '<InstdAmt Ccy="RON">1210.00</InstdAmt>' in content
    page.reload()
    expect(page.get_by_test_id("batch-status")).to_have_text("Sent to the bank")
    page.get_by_role("button", name="Mark paid").click()
    expect(page.get_by_text("The batch is marked paid and posted.")).to_be_visible()
    expect(page.get_by_test_id("batch-status")).to_have_text("Paid and posted")

    # Nothing is owed to the supplier any more.
    expect(open_amount_on_the_ageing_page(page)).to_have_count(0)
    page.goto(bill_url)
    expect(page.get_by_test_id("bill-state")).to_contain_text("Paid")
    expect(page.get_by_test_id("bill-open")).to_have_text("0.00 RON")
    bill = SupplierBill.objects.get(number="J-1")
    assert bill.status == SupplierBill.Status.POSTED
    assert bill.payments.get().batch.status == PaymentBatch.Status.POSTED
