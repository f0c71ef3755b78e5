"""Each demo user logs in through the browser and sees the departments of their role."""

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import log_in

pytestmark = pytest.mark.e2e

NAV_LINKS = "[data-testid=nav-areas] a[data-area]"

# What the top bar offers each demo user, in the order it draws them.
TOP_BAR_OF = {
    "admin": ["hr", "accounting", "it_support", "clerical", "directory", "admin"],
    "hr": ["hr", "directory"],
    "accountant": ["accounting", "directory"],
    "controller": ["accounting", "directory"],
    "it": ["it_support", "directory"],
    "clerk": ["clerical", "directory"],
    "manager": ["accounting", "directory"],
    "employee": ["directory"],
}


def expect_home_page(page: Page, live_server) -> None:
    expect(page).to_have_url(live_server.url + "/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Welcome")


def log_out_from_the_user_menu(page: Page) -> None:
    log_out = page.get_by_role("button", name="Log out")
    expect(log_out).to_be_hidden()  # Bootstrap keeps the menu closed until asked
    page.get_by_test_id("user-menu").click()
    log_out.click()


@pytest.mark.parametrize("username", list(TOP_BAR_OF))
def test_each_demo_user_logs_in_sees_the_departments_of_their_role_and_logs_out(
    page: Page, live_server, demo_company, username
):
    assert log_in(page, username).status == 302

    expect_home_page(page, live_server)
    expect(page.locator(NAV_LINKS)).to_have_count(len(TOP_BAR_OF[username]))
    areas = [link.get_attribute("data-area") for link in page.locator(NAV_LINKS).all()]
    assert areas == TOP_BAR_OF[username]

    log_out_from_the_user_menu(page)

    expect(page).to_have_url(live_server.url + "/accounts/login/")
    expect(page.get_by_role("heading", name="Log in")).to_be_visible()
    expect(page.get_by_test_id("user-menu")).to_have_count(0)
    # The session is gone: the home page sends the visitor back to log in.
    page.goto("/")
    expect(page).to_have_url(live_server.url + "/accounts/login/?next=/")


def test_the_manager_home_shows_the_team_and_the_dashboard(page: Page, live_server, demo_company):
    log_in(page, "manager")

    expect_home_page(page, live_server)
    expect(page.get_by_test_id("my-team")).to_be_visible()
    expect(page.get_by_test_id("my-team")).to_contain_text("Vlad Constantin")
    expect(page.get_by_test_id("dashboard")).to_be_visible()


def test_the_employee_home_shows_neither_team_nor_dashboard(page: Page, live_server, demo_company):
    log_in(page, "employee")

    expect_home_page(page, live_server)
    expect(page.get_by_test_id("self-service")).to_be_visible()
    expect(page.get_by_test_id("my-team")).to_have_count(0)
    expect(page.get_by_test_id("dashboard")).to_have_count(0)


def test_an_employee_who_types_the_accounting_address_gets_a_403_page(
    page: Page, live_server, demo_company
):
    log_in(page, "employee")
    expect_home_page(page, live_server)

    response = page.goto("/accounting/")

    assert response is not None
    assert response.status == 403
    expect(page.get_by_role("heading", name="You may not open this page")).to_be_visible()
    expect(page.get_by_test_id("nav-areas")).to_be_attached()  # still signed in, bar drawn


def test_the_manager_home_reads_well_on_a_phone(page: Page, live_server, demo_company):
    page.set_viewport_size({"width": 390, "height": 844})
    log_in(page, "manager")
    expect_home_page(page, live_server)
    expect(page.get_by_test_id("dashboard")).to_be_visible()

    # Nothing sticks out sideways: no horizontal scrolling on a phone.
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    # The top bar folds into the menu button.
    expect(page.locator(".navbar-toggler")).to_be_visible()
    expect(page.get_by_test_id("nav-areas")).to_be_hidden()
    page.screenshot(path="/tmp/e2e-manager-phone.png", full_page=True)

    page.locator(".navbar-toggler").click()
    expect(page.get_by_test_id("nav-areas")).to_be_visible()
    # Bootstrap marks the menu `.show` once it has finished unfolding; a link
    # clicked while it still slides can miss.
    expect(page.locator(".navbar-collapse.show")).to_be_visible()
    page.locator("[data-area=directory]").click()
    expect(page).to_have_url(live_server.url + "/hr/directory/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
