"""Every named URL, every role: who gets in, who is refused.

The matrix fails when a named URL has no row, or a row lacks a role, so a new
page cannot ship without deciding who may open it. Expected codes: 200 (or
302 after a POST) for those allowed; 403 for a role that may not open the
page; 404 where the object is outside what the user may see; anonymous
visitors are sent to the login page (302).

The core's rows are here; each app keeps its own in
`tests/<app>/permission_rows.py` (`ROWS`, and `make_objects(role_users)` for
the records its URLs need). The users and records are made once for the
module (`module_db`); each row's requests run in a savepoint rolled back
after it, so a POST in one row changes nothing for the next.
"""

import importlib

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.test import override_settings
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from backoffice.models import Job, Notification
from tests.permissions import ANON, EVERYONE, Row, only, public, signed_in

# Under xdist the whole module runs on one process, so its records are made once.
pytestmark = pytest.mark.xdist_group("permission-matrix")

IGNORED_NAMESPACES = {"admin"}  # Django admin checks its own permissions
APP_ROW_MODULES = [
    "tests.hr.permission_rows",
    "tests.hr.leave_permission_rows",
    "tests.accounting.permission_rows",
    "tests.it_support.permission_rows",
    "tests.clerical.permission_rows",
    "tests.clerical.phones_permission_rows",
]
APP_ROWS = [importlib.import_module(name) for name in APP_ROW_MODULES]

CORE_ROWS: dict[str, Row] = {
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
    "backoffice:report-list": Row(signed_in()),
    "backoffice:report-detail": Row(
        only("manager", "accountant", "controller", "admin", other=404),
        kwargs=lambda o: {"key": "accounting.profit_and_loss"},
    ),
    "backoffice:report-file": Row(
        only("accountant", other=404),
        kwargs=lambda o: {"job_id": o["report_run"].pk, "fmt": "csv"},
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
}

MATRIX: dict[str, Row] = CORE_ROWS | {
    name: row for module in APP_ROWS for name, row in module.ROWS.items()
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


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, module_media):
    """The rows read the files the shared records wrote: one media folder for the module."""
    settings.MEDIA_ROOT = module_media


@pytest.fixture(scope="module")
def objects(module_db, module_role_users, module_media):
    role_users = module_role_users
    with module_db.unblock(), override_settings(MEDIA_ROOT=module_media):
        hr_user = role_users["hr"]
        job = Job.objects.create(
            kind="hr.employee_export", requested_by=hr_user, status="succeeded"
        )
        job.result_file.save("export.csv", ContentFile(b"a,b\n"), save=True)
        notification = Notification.objects.create(
            recipient=role_users["employee"], title="Hello", url="/"
        )
        report_run = Job.objects.create(
            kind="backoffice.report",
            requested_by=role_users["accountant"],
            status="succeeded",
            params={"report": "accounting.profit_and_loss", "params": {"month": "2026-03"}},
            result={"files": {"csv": default_storage.save("reports/pnl.csv", ContentFile(b"a"))}},
        )
        objects = {"job": job, "notification": notification, "report_run": report_run}
        for module in APP_ROWS:
            make_objects = getattr(module, "make_objects", None)
            if make_objects:
                objects |= make_objects(role_users)
    return objects


@pytest.mark.parametrize("name", list(MATRIX))
def test_each_role_gets_the_expected_answer(db, client, module_role_users, objects, name):
    role_users = module_role_users
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
