"""Repeated wrong passwords lock a username, in the browser as at the door."""

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import log_in
from tests.factories import UserFactory

pytestmark = pytest.mark.e2e

PASSWORD = "pw-for-tests-1"  # what tests.factories.UserFactory gives every user


@pytest.fixture
def dana(live_server):
    return UserFactory(username="dana")


def test_a_wrong_password_shows_the_login_form_again_with_an_error(page: Page, live_server, dana):
    response = log_in(page, "dana", "wrong")

    assert response.status == 200
    expect(page).to_have_url(live_server.url + "/accounts/login/")
    expect(page.get_by_text("Please enter a correct username and password")).to_be_visible()
    expect(page.get_by_test_id("lockout")).to_have_count(0)


def test_five_wrong_passwords_lock_the_username_and_then_refuse_the_right_one(
    page: Page, live_server, settings, dana
):
    assert settings.AXES_FAILURE_LIMIT == 5
    for _attempt in range(4):
        assert log_in(page, "dana", "wrong").status == 200
        expect(page.get_by_test_id("lockout")).to_have_count(0)

    locked = log_in(page, "dana", "wrong")

    assert locked.status == 429
    expect(page.get_by_test_id("lockout")).to_be_visible()

    refused = log_in(page, "dana", PASSWORD)

    assert refused.status == 429
    expect(page.get_by_test_id("lockout")).to_be_visible()
    expect(page.get_by_test_id("user-menu")).to_have_count(0)
    page.goto("/")
    expect(page).to_have_url(live_server.url + "/accounts/login/?next=/")
