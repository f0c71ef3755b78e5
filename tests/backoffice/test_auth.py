from django.core import mail
from django.urls import reverse

from tests.factories import UserFactory

PASSWORD = "pw-for-tests-1"


def login(client, username, password):
    return client.post(reverse("login"), {"username": username, "password": password})


def test_the_right_password_logs_in_and_lands_on_home(client, db):
    UserFactory(username="dana")
    response = login(client, "dana", PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == reverse("home")


def test_five_failures_lock_the_username_from_that_address(client, db):
    UserFactory(username="dana")
    for _ in range(4):
        assert login(client, "dana", "wrong").status_code == 200
    locked = login(client, "dana", "wrong")
    assert locked.status_code == 429
    assert b'data-testid="lockout"' in locked.content
    # Even the right password is refused while locked.
    assert login(client, "dana", PASSWORD).status_code == 429


def test_a_lockout_does_not_lock_other_usernames(client, db):
    UserFactory(username="dana")
    UserFactory(username="mihai")
    for _ in range(5):
        login(client, "dana", "wrong")
    assert login(client, "mihai", PASSWORD).status_code == 302


def test_a_success_before_the_limit_resets_the_count(client, db):
    UserFactory(username="dana")
    for _ in range(4):
        login(client, "dana", "wrong")
    assert login(client, "dana", PASSWORD).status_code == 302
    client.logout()
    for _ in range(4):
        login(client, "dana", "wrong")
    assert login(client, "dana", PASSWORD).status_code == 302


def test_logout_is_a_post_and_ends_the_session(client, db):
    user = UserFactory(username="dana")
    client.force_login(user)
    assert client.get(reverse("logout")).status_code == 405
    client.post(reverse("logout"))
    assert client.get(reverse("home")).status_code == 302


def test_password_reset_sends_a_link_by_email(client, db):
    UserFactory(username="dana", email="dana@example.com")
    response = client.post(reverse("password_reset"), {"email": "dana@example.com"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert "/accounts/reset/" in mail.outbox[0].body


def test_password_change_needs_the_old_password(client, db):
    user = UserFactory(username="dana")
    client.force_login(user)
    response = client.post(
        reverse("password_change"),
        {
            "old_password": "wrong",
            "new_password1": "N3w-pass-phrase",
            "new_password2": "N3w-pass-phrase",
        },
    )
    assert response.status_code == 200
    user.refresh_from_db()
    assert user.check_password(PASSWORD)
