"""Test databases under pytest-xdist: migrated once, copied for each worker.

Each xdist worker (`make test` runs one per core) has a database of its own,
test_<name>_gw0, test_<name>_gw1, ... Migrating each costs ~40 s of CPU per
worker; instead the first worker to get here migrates a template,
test_<name>_template (under a file lock the workers of a run share), and every
worker copies it with `CREATE DATABASE ... TEMPLATE`, which takes under a
second. The template is rebuilt for each run, or migrated forward with
`--reuse-db` (`make test` locally); `--create-db` (CI) rebuilds it.

A single-process run (no `-n`) is pytest-django's own setup, untouched.
"""

import fcntl
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

TEMPLATE_SUFFIX = "_template"


def _xdist_worker(config) -> dict | None:
    return getattr(config, "workerinput", None)


@pytest.fixture(scope="session")
def django_db_keepdb(request) -> bool:
    """A worker's database is a fresh copy of the template: pytest-django keeps it as it is."""
    if _xdist_worker(request.config):
        return True
    return request.config.getvalue("reuse_db")


@pytest.fixture(scope="session")
def django_db_createdb(request) -> bool:
    if _xdist_worker(request.config):
        return False
    return request.config.getvalue("create_db")


@pytest.fixture(scope="session")
def django_db_setup(_database_copied_from_template, django_db_setup):
    """pytest-django's setup; under xdist it finds the worker's database already migrated."""
    yield


@pytest.fixture(scope="session")
def _database_copied_from_template(
    request, django_db_blocker, django_db_modify_db_settings, tmp_path_factory
):
    if not _xdist_worker(request.config):
        yield
        return
    from django.db import connection

    reuse = request.config.getvalue("reuse_db") and not request.config.getvalue("create_db")
    name = connection.creation._get_test_db_name()
    template = name.rsplit("_", 1)[0] + TEMPLATE_SUFFIX
    # The workers of one run share their base temporary folder's parent.
    shared = tmp_path_factory.getbasetemp().parent
    with django_db_blocker.unblock():
        with _file_lock(shared / f"{template}.lock"):
            built = shared / f"{template}.built"
            if not built.exists():
                _template_migrate(connection, template, keep=reuse)
                built.touch()
        _database_copy(connection, template, name)
    yield
    if not reuse:
        with django_db_blocker.unblock():
            connection.close()
            _database_drop(connection, name)


@contextmanager
def _file_lock(path: Path) -> Iterator[None]:
    with path.open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _template_migrate(connection, template: str, *, keep: bool) -> None:
    """Create (or with `keep`, bring up to date) the template with Django's test-db creation."""
    from django.conf import settings

    test_settings = connection.settings_dict.setdefault("TEST", {})
    saved_test_name, saved_name = test_settings.get("NAME"), connection.settings_dict["NAME"]
    test_settings["NAME"] = template
    try:
        connection.creation.create_test_db(
            verbosity=0, autoclobber=True, serialize=False, keepdb=keep
        )
    finally:
        # create_test_db points the connection (and settings) at the new database.
        connection.close()
        test_settings["NAME"] = saved_test_name
        connection.settings_dict["NAME"] = saved_name
        settings.DATABASES[connection.alias]["NAME"] = saved_name


def _database_copy(connection, template: str, name: str) -> None:
    from django.db import OperationalError

    quote = connection.ops.quote_name
    _database_drop(connection, name)
    for attempt in range(10):
        try:
            with connection._nodb_cursor() as cursor:
                cursor.execute(f"CREATE DATABASE {quote(name)} TEMPLATE {quote(template)}")
            return
        except OperationalError:
            # Another session (autovacuum, a worker still closing) is on the template.
            if attempt == 9:
                raise
            time.sleep(0.5)


def _database_drop(connection, name: str) -> None:
    with connection._nodb_cursor() as cursor:
        cursor.execute(f"DROP DATABASE IF EXISTS {connection.ops.quote_name(name)} WITH (FORCE)")
