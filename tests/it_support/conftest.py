# Fixtures of this folder's test modules, shared by name.
import pytest
from django.contrib.auth.models import Group

from backoffice import roles
from tests.smtp import smtp_server  # noqa: F401


@pytest.fixture
def it_lead(role_users):
    """The demo's `it` user, made IT lead as the demo does (the "IT lead" group)."""
    user = role_users["it"]
    user.groups.add(Group.objects.get_or_create(name=roles.IT_LEAD)[0])
    return type(user).objects.get(pk=user.pk)  # a fresh object: no cached permissions
