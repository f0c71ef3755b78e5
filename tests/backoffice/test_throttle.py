"""Guessing one account from many addresses holds it briefly; login, reset and careers
POSTs are rate-limited for everyone and per address (counters in the cache)."""

import pytest
from django.urls import reverse

from tests.factories import UserFactory
from tests.hr.hiring_factories import JobOpeningFactory

PASSWORD = "pw-for-tests-1"


def login(client, username, password, address):
    return client.post(
        reverse("login"), {"username": username, "password": password}, REMOTE_ADDR=address
    )


@pytest.fixture
def dana(db, settings):
    settings.ACCOUNT_FAILURE_LIMIT = 6
    return UserFactory(username="dana")


def test_failures_from_many_addresses_hold_the_account_even_with_the_right_password(client, dana):
    for n in range(6):  # axes (5 per address) never fires: one failure per address
        assert login(client, "dana", "wrong", f"10.0.0.{n}").status_code == 200
    held = login(client, "dana", PASSWORD, "192.0.2.7")
    assert held.status_code == 200
    assert "_auth_user_id" not in client.session


def test_the_hold_is_short_and_grows_with_each_new_hold(client, dana, settings):
    from django.core.cache import cache

    from backoffice import throttle

    for n in range(6):
        login(client, "dana", "wrong", f"10.0.1.{n}")
    assert throttle.account_held("dana")
    cache.delete("throttle:held:dana")  # the first cool-off (one minute) has passed
    for n in range(6):
        login(client, "dana", "wrong", f"10.0.2.{n}")
    assert cache.get("throttle:level:dana") == 2
    cache.delete("throttle:held:dana")
    assert login(client, "dana", PASSWORD, "192.0.2.7").status_code == 302
    assert cache.get("throttle:level:dana") is None


def test_other_accounts_are_not_held(client, dana):
    UserFactory(username="mihai")
    for n in range(6):
        login(client, "dana", "wrong", f"10.0.3.{n}")
    assert login(client, "mihai", PASSWORD, "10.0.3.9").status_code == 302


def test_the_login_has_a_limit_for_everyone_together(client, db, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "login": (100, 3, 60)}
    for n in range(3):
        assert login(client, f"nobody{n}", "x", f"10.1.0.{n}").status_code == 200
    refused = login(client, "nobody9", "x", "10.1.0.9")
    assert refused.status_code == 429
    assert 'data-testid="rate-limited"' in refused.content.decode()


def test_the_password_reset_is_limited_per_address(client, db):
    url = reverse("password_reset")
    for _ in range(5):
        assert client.post(url, {"email": "a@example.com"}).status_code == 302
    assert client.post(url, {"email": "a@example.com"}).status_code == 429
    other = client.post(url, {"email": "a@example.com"}, REMOTE_ADDR="10.2.0.1")
    assert other.status_code == 302


def test_the_careers_form_is_limited_per_address(client, db):
    url = reverse("careers:apply", args=[JobOpeningFactory().pk])
    statuses = [client.post(url, {"first_name": "A"}).status_code for _ in range(6)]
    assert statuses == [200] * 5 + [429]


def test_behind_a_proxy_each_client_is_counted_by_its_forwarded_address(client, db, settings):
    settings.BEHIND_PROXY = True
    url = reverse("password_reset")
    proxy = {"REMOTE_ADDR": "10.9.9.9"}
    for _ in range(5):
        response = client.post(
            url, {"email": "a@example.com"}, HTTP_X_FORWARDED_FOR="203.0.113.5", **proxy
        )
        assert response.status_code == 302
    refused = client.post(
        url, {"email": "a@example.com"}, HTTP_X_FORWARDED_FOR="203.0.113.5", **proxy
    )
    assert refused.status_code == 429
    # Another client behind the same proxy, even one that forges a first address, is not held.
    forged = client.post(
        url, {"email": "a@example.com"}, HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.6", **proxy
    )
    assert forged.status_code == 302
