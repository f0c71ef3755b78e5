"""An accountant opens the Romanian payroll rules and tries them in the browser."""

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import log_in

pytestmark = pytest.mark.e2e


def test_an_accountant_tries_the_minimum_wage_under_the_romanian_rules(
    page: Page, live_server, demo_company
):
    log_in(page, "accountant")
    page.goto("/accounting/")
    page.get_by_role("link", name="Payroll rules").click()
    page.get_by_role("link", name="Romania").click()
    expect(page.get_by_test_id("parameters")).to_contain_text("MIN_WAGE")
    expect(page.get_by_test_id("rules")).to_contain_text("art. 138")
    page.get_by_test_id("try-rules").click()
    page.locator("#id_on").fill("2026-03-31")
    page.locator("#id_base_salary").fill("4050")
    page.get_by_test_id("calculate").click()
    # 4,050 - CAS 938 - CASS 375 - income tax 163 (tests/accounting/test_payroll_rules_engine.py)
    expect(page.get_by_test_id("payslip-lines")).to_contain_text("NONTAX")
    expect(page.get_by_test_id("net")).to_contain_text("2,574.00")
    expect(page.get_by_test_id("employer-cost")).to_contain_text("4,134.00")
