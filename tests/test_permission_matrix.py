"""Every named URL, every role: who gets in, who is refused.

The matrix fails when a named URL has no row, or a row lacks a role, so a new
page cannot ship without deciding who may open it. Expected codes: 200 (or
302 after a POST) for those allowed; 403 for a role that may not open the
page; 404 where the object is outside what the user may see; anonymous
visitors are sent to the login page (302).
"""

from collections.abc import Callable
from dataclasses import dataclass, field

import pytest
from django.core.files.base import ContentFile
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from backoffice.models import Job, Notification
from tests.conftest import ROLE_OF_USER

ROLES = list(ROLE_OF_USER)
ANON = "anonymous"
EVERYONE = [*ROLES, ANON]
IGNORED_NAMESPACES = {"admin"}  # Django admin checks its own permissions


def only(*allowed, ok=200, other=403, anon=302):
    return {role: ok if role in allowed else other for role in ROLES} | {ANON: anon}


def signed_in(ok=200, anon=302):
    return only(*ROLES, ok=ok, anon=anon)


def public(status=200):
    return dict.fromkeys(EVERYONE, status)


@dataclass
class Row:
    expect: dict[str, int]
    kwargs: Callable[[dict], dict] = field(default=lambda objects: {})
    method: str = "get"


MATRIX: dict[str, Row] = {
    # The core
    "home": Row(signed_in()),
    "healthz": Row(public()),
    "login": Row(public()),
    "logout": Row(public(302), method="post"),
    "password_change": Row(signed_in()),
    "password_change_done": Row(signed_in()),
    "password_reset": Row(public()),
    "password_reset_done": Row(public()),
    "password_reset_confirm": Row(
        public(), kwargs=lambda o: {"uidb64": "MQ", "token": "set-password"}
    ),
    "password_reset_complete": Row(public()),
    "set_language": Row(public(302), method="post"),
    "backoffice:job-list": Row(signed_in()),
    "backoffice:job-detail": Row(
        only("hr", "admin", other=404), kwargs=lambda o: {"job_id": o["job"].pk}
    ),
    "backoffice:job-download": Row(
        only("hr", "admin", other=404), kwargs=lambda o: {"job_id": o["job"].pk}
    ),
    "backoffice:notification-list": Row(signed_in()),
    "backoffice:notification-read": Row(
        only("employee", ok=302, other=404),
        kwargs=lambda o: {"notification_id": o["notification"].pk},
        method="post",
    ),
    "backoffice:notification-read-all": Row(signed_in(302), method="post"),
    "backoffice:history": Row(
        only("hr", "admin"),
        kwargs=lambda o: {"app_label": "hr", "model_name": "employee", "pk": o["employee"].pk},
    ),
    # HR
    "hr:index": Row(only("hr", "admin")),
    "hr:directory": Row(signed_in()),
    "hr:employee-detail": Row(
        only("hr", "admin", "employee", other=404), kwargs=lambda o: {"pk": o["employee"].pk}
    ),
    "hr:employee-export": Row(only("hr", "admin", ok=302), method="post"),
    # Departments
    "accounting:index": Row(only("accountant", "controller", "admin")),
    "it_support:index": Row(only("it", "admin")),
    "clerical:index": Row(only("clerk", "admin")),
}


def named_urls(resolver=None, namespace=""):
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            inner = pattern.namespace or ""
            if inner in IGNORED_NAMESPACES:
                continue
            prefix = f"{namespace}{inner}:" if inner else namespace
            yield from named_urls(pattern, prefix)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield f"{namespace}{pattern.name}"


def test_every_named_url_has_a_row_for_every_role():
    names = set(named_urls())
    assert names - set(MATRIX) == set(), "named URLs without a row in the matrix"
    assert set(MATRIX) - names == set(), "rows for URLs that no longer exist"
    for name, row in MATRIX.items():
        assert set(row.expect) == set(EVERYONE), f"{name} lacks a role"


@pytest.fixture
def objects(role_users):
    hr_user = role_users["hr"]
    job = Job.objects.create(kind="hr.employee_export", requested_by=hr_user, status="succeeded")
    job.result_file.save("export.csv", ContentFile(b"a,b\n"), save=True)
    notification = Notification.objects.create(
        recipient=role_users["employee"], title="Hello", url="/"
    )
    return {
        "job": job,
        "notification": notification,
        "employee": role_users["employee"].employee,
    }


@pytest.mark.parametrize("name", list(MATRIX))
def test_each_role_gets_the_expected_answer(client, role_users, objects, name):
    row = MATRIX[name]
    url = reverse(name, kwargs=row.kwargs(objects))
    actual = {}
    for role in EVERYONE:
        client.logout()
        if role != ANON:
            client.force_login(role_users[role])
        response = getattr(client, row.method)(url)
        actual[role] = response.status_code
        sent_to_login = role == ANON and response.status_code == 302 and row.method == "get"
        if sent_to_login:
            assert response["Location"].startswith("/accounts/login/"), name
    assert actual == row.expect
