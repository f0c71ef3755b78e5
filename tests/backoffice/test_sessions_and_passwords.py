"""Passwords of 12 characters or more hashed with Argon2; sessions that end when they should."""

import time

import pytest
from django.contrib.auth.hashers import Argon2PasswordHasher
from django.test import Client
from django.urls import reverse

from backoffice import sessions
from backoffice import settings as project_settings
from tests.factories import UserFactory

PASSWORD = "pw-for-tests-1"


@pytest.fixture
def dana(db):
    return UserFactory(username="dana")


def signed_in(user) -> Client:
    client = Client()
    assert (
        client.post(reverse("login"), {"username": user.username, "password": PASSWORD}).status_code
        == 302
    )
    return client


def is_signed_in(client) -> bool:
    return client.get(reverse("home")).status_code == 200


def change_password(client, new):
    return client.post(
        reverse("password_change"),
        {"old_password": PASSWORD, "new_password1": new, "new_password2": new},
    )


def test_production_hashes_with_argon2():
    assert project_settings.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")
    hasher = Argon2PasswordHasher()
    encoded = hasher.encode("correct horse battery", hasher.salt())
    assert encoded.startswith("argon2$") and hasher.verify("correct horse battery", encoded)


def test_a_password_of_eleven_characters_is_refused_and_twelve_pass(dana):
    client = signed_in(dana)
    short = change_password(client, "Qz7-vb2-Lm9")
    assert "at least 12 characters" in short.content.decode()
    assert change_password(client, "Qz7-vb2-Lm9x").status_code == 302


def test_logging_in_rotates_the_session_key(client, dana):
    client.get(reverse("login"))
    client.session["before"] = 1
    before = client.session.session_key
    client.post(reverse("login"), {"username": "dana", "password": PASSWORD})
    assert client.session.session_key != before


def _age_session(client, key, seconds):
    session = client.session
    session[key] = int(time.time()) - seconds
    session.save()


def test_thirty_minutes_idle_ends_the_session(dana):
    client = signed_in(dana)
    _age_session(client, sessions.SEEN_AT, 29 * 60)
    assert is_signed_in(client)
    _age_session(client, sessions.SEEN_AT, 31 * 60)
    assert not is_signed_in(client)


def test_twelve_hours_in_all_end_even_a_busy_session(dana):
    client = signed_in(dana)
    _age_session(client, sessions.LOGIN_AT, 12 * 3600 + 1)
    assert not is_signed_in(client)
    assert project_settings.SESSION_COOKIE_AGE == 12 * 3600


def test_changing_the_password_ends_the_other_sessions_but_not_this_one(dana):
    here, elsewhere = signed_in(dana), signed_in(dana)
    assert change_password(here, "Qz7-vb2-Lm9x-new").status_code == 302
    assert is_signed_in(here)
    assert not is_signed_in(elsewhere)


def test_deactivating_a_user_ends_their_sessions(dana):
    client = signed_in(dana)
    dana.is_active = False
    dana.save()
    assert not is_signed_in(client)
