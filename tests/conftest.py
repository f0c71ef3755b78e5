"""Standing users, one per role, each with an employee record; the suite's speed settings.

`role_users` maps each demo username to a user holding that role, the way
`seed_demo` makes them, so tests can walk every role. A module whose tests
only read the users and a set of shared records builds them once with
`module_db` and `module_role_users` (see the permission matrix).
"""

import logging
import os

import pytest
from django.db import transaction
from django.db.backends.signals import connection_created
from django.test import override_settings
from hypothesis import settings as hypothesis_settings

from backoffice import roles
from backoffice.log_filters import sensitive_hits
from tests.factories import EmployeeFactory, UserFactory

# Test databases are copies of one migrated template (tests/databases.py).
pytest_plugins = ["tests.databases"]

# Property tests take their number of examples from the profile: `fast` for
# `make test` and CI, `deep` for `make test-deep` (nightly). Pick one with
# `--hypothesis-profile=deep` or HYPOTHESIS_PROFILE=deep.
hypothesis_settings.register_profile("fast", max_examples=20, print_blob=True)
hypothesis_settings.register_profile("deep", max_examples=300, print_blob=True)
hypothesis_settings.load_profile(os.getenv("HYPOTHESIS_PROFILE", "fast"))


def _allow_the_flush_between_tests(sender, connection, **kwargs):
    """The ledger refuses TRUNCATE (accounting 0025) unless the session says so:
    the suite's connections do, for the flush after transactional tests."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET accounting.allow_truncate = 'on'")


connection_created.connect(_allow_the_flush_between_tests)

ROLE_OF_USER = {
    "admin": roles.ADMINISTRATOR,
    "hr": roles.HR,
    "accountant": roles.ACCOUNTANT,
    "controller": roles.PAYROLL_APPROVER,
    "it": roles.IT,
    "clerk": roles.CLERK,
    "manager": roles.MANAGER,
    "employee": roles.EMPLOYEE,
}


def make_role_user(username: str):
    user = UserFactory(
        username=username,
        roles=[ROLE_OF_USER[username]],
        is_staff=username == "admin",
        is_superuser=username == "admin",
    )
    EmployeeFactory(user=user, first_name=user.first_name, last_name=user.last_name)
    return user


def make_role_users() -> dict:
    users = {username: make_role_user(username) for username in ROLE_OF_USER}
    # The employee reports to the manager, as in the demo company.
    team_member = users["employee"].employee
    team_member.manager = users["manager"].employee
    team_member.save()
    return users


@pytest.fixture
def role_users(db):
    return make_role_users()


@pytest.fixture
def hr_user(role_users):
    return role_users["hr"]


@pytest.fixture
def employee_user(role_users):
    return role_users["employee"]


@pytest.fixture
def manager_user(role_users):
    return role_users["manager"]


@pytest.fixture
def outsider(db):
    """A signed-in person with the Employee role only and no employee record."""
    return UserFactory(username="outsider")


@pytest.fixture(scope="module")
def module_db(django_db_setup, django_db_blocker):
    """One transaction around a module, rolled back when its last test ends.

    Module-scoped fixtures build records inside it (`with module_db.unblock():`)
    once; every test of the module sees them, and still rolls back its own
    changes (its `db` transaction is a savepoint inside this one), the way
    Django's `setUpTestData` works. Only for modules whose tests all use `db`:
    a `transactional_db` or `live_server` test cannot run inside it.
    """
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
    try:
        yield django_db_blocker
    finally:
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture(scope="module")
def module_media(tmp_path_factory):
    """A throwaway media folder for the files a module's shared records write."""
    return tmp_path_factory.mktemp("media")


@pytest.fixture(scope="module")
def module_role_users(module_db, module_media):
    """`role_users`, made once per module (see `module_db`): for tests that only read them."""
    with module_db.unblock(), override_settings(MEDIA_ROOT=module_media):
        return make_role_users()


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    """Files written by tests (job results, uploads) land in a throwaway folder."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate-limit and lockout counters live in the cache: each test starts with none."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(scope="session", autouse=True)
def _fast_password_hashing():
    # Production's PBKDF2 is slow on purpose; tests create many users.
    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        yield


class _SensitiveLogAudit(logging.Handler):
    """Every log line of the run, checked for reset links, IBANs, pay and one-time codes."""

    def __init__(self):
        super().__init__(level=logging.DEBUG)
        self.hits: list[str] = []

    def emit(self, record):
        text = record.getMessage()
        if record.exc_info:
            text += logging.Formatter().formatException(record.exc_info)
        for kind in sensitive_hits(text):
            self.hits.append(f"{kind} in {record.name}: {text[:200]}")


@pytest.fixture(scope="session", autouse=True)
def _no_secrets_in_the_logs():
    audit = _SensitiveLogAudit()
    logging.getLogger().addHandler(audit)
    yield audit
    logging.getLogger().removeHandler(audit)
    assert not audit.hits, "The test run logged secrets:\n" + "\n".join(audit.hits[:20])
