"""Test databases: migrated once into a template, copied for each test process.

`make test` runs one pytest-xdist worker per core, each on a database of its
own (test_<name>_gw0, test_<name>_gw1, ...). Migrating each costs ~40 s of
CPU; instead the first worker to get here migrates a template,
test_<name>_template (under a file lock the workers of a run share), and every
worker copies it with `CREATE DATABASE ... TEMPLATE`, which takes under a
second. A single-process run copies the template to test_<name> the same way.

The copy is fresh on every run, so a kept database can't carry over what an
earlier run left: tests that flush the database (transactional, live server)
also delete the rows the data migrations wrote, and with pytest-django's plain
`--reuse-db` the next run would start without them. `--reuse-db` (`make test`
locally) brings the template up to date with new migrations; `--create-db`
(CI) and a run without either rebuild it.
"""

import fcntl
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

TEMPLATE_SUFFIX = "_template"


@pytest.fixture(scope="session")
def django_db_keepdb() -> bool:
    """The test database is a fresh copy of the template: pytest-django keeps it as it is."""
    return True


@pytest.fixture(scope="session")
def django_db_createdb() -> bool:
    return False


@pytest.fixture(scope="session")
def django_db_setup(_database_copied_from_template, django_db_setup):
    """pytest-django's setup, which finds the test database already migrated."""
    yield


@pytest.fixture(scope="session")
def _database_copied_from_template(
    request, django_db_blocker, django_db_modify_db_settings, tmp_path_factory
):
    from django.db import connection

    config = request.config
    reuse = config.getvalue("reuse_db") and not config.getvalue("create_db")
    name = connection.creation._get_test_db_name()
    worker = getattr(config, "workerinput", {}).get("workerid")
    template = (name.removesuffix(f"_{worker}") if worker else name) + TEMPLATE_SUFFIX
    with django_db_blocker.unblock():
        if worker:
            # The workers of one run share their base temporary folder's parent.
            shared = tmp_path_factory.getbasetemp().parent
            with _file_lock(shared / f"{template}.lock"):
                built = shared / f"{template}.built"
                if not built.exists():
                    _template_migrate(connection, template, keep=reuse)
                    built.touch()
        else:
            _template_migrate(connection, template, keep=reuse)
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
