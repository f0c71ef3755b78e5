"""HR imports new people from a CSV: a bad row stops it, the fixed file goes in."""

import pytest
from playwright.sync_api import Page, expect

from hr.employee_files import headers
from hr.models.employees import Employee
from tests.e2e.conftest import log_in

pytestmark = pytest.mark.e2e

HEADER = ",".join(headers())
ROWS = [
    "N-100,Irina,Importată,irina@example.com,+40 21 700 0001,701,Sales,Cashier,D0002,"
    "2026-12-01,active,part_time,,30,",
    "N-101,Sorin,Nouveanu,sorin@example.com,+40 21 700 0002,702,{department},Cashier,N-100,"
    "2026-12-01,active,indefinite,,40,",
]


def csv_payload(department: str) -> dict:
    lines = [HEADER, ROWS[0], ROWS[1].format(department=department)]
    return {"name": "new-people.csv", "mimeType": "text/csv", "buffer": "\n".join(lines).encode()}


def test_hr_fixes_a_bad_row_then_imports_and_finds_the_people(
    page: Page, live_server, demo_company
):
    log_in(page, "hr")
    page.goto("/hr/directory/")
    page.get_by_test_id("import-employees").click()

    page.get_by_label("CSV or XLSX file").set_input_files(csv_payload("Nowhere"))
    page.get_by_role("button", name="Check the file").click()

    expect(page.get_by_test_id("import-errors")).to_contain_text("1 row has errors")
    expect(page.locator("tr[data-line='3']")).to_contain_text("Unknown department Nowhere")
    expect(page.get_by_test_id("import-confirm")).to_have_count(0)
    assert not Employee.objects.filter(employee_number__startswith="N-").exists()

    page.get_by_label("CSV or XLSX file").set_input_files(csv_payload("Sales"))
    page.get_by_role("button", name="Check the file").click()
    expect(page.get_by_test_id("import-clean")).to_be_visible()
    page.get_by_test_id("import-confirm").click()

    expect(page.get_by_role("alert")).to_contain_text("2 people imported")
    page.get_by_label("Name, phone or email").fill("Importată")
    page.get_by_role("button", name="Search").click()
    directory = page.get_by_test_id("directory")
    expect(directory).to_contain_text("Irina Importată")
    expect(directory).to_contain_text("701")
    expect(directory).to_contain_text("Mihai Popescu")  # her manager

    page.get_by_test_id("org-chart-link").click()
    irina = Employee.objects.get(employee_number="N-100")
    sorin = Employee.objects.get(employee_number="N-101")
    manager_item = page.locator(f"li[data-employee='{irina.manager_id}']")
    expect(manager_item.locator(f"li[data-employee='{irina.pk}']")).to_contain_text("Cashier")
    expect(
        page.locator(f"li[data-employee='{irina.pk}'] li[data-employee='{sorin.pk}']")
    ).to_contain_text("Sorin Nouveanu")
