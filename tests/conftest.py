"""Standing users, one per role, each with an employee record.

`role_users` maps each demo username to a user holding that role, the way
`seed_demo` makes them, so tests can walk every role.
"""

import pytest

from backoffice import roles
from tests.factories import EmployeeFactory, UserFactory

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


@pytest.fixture
def role_users(db):
    users = {username: make_role_user(username) for username in ROLE_OF_USER}
    # The employee reports to the manager, as in the demo company.
    team_member = users["employee"].employee
    team_member.manager = users["manager"].employee
    team_member.save()
    return users


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


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    """Files written by tests (job results, uploads) land in a throwaway folder."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # Production's PBKDF2 is slow on purpose; tests create many users.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
