"""Drop and recreate the dedicated bench database, before Django is set up."""

from urllib.parse import unquote, urlsplit

import psycopg2
from psycopg2 import sql


def reset_database(url: str) -> str:
    """Drop and recreate the database named by the postgres:// `url`; return its name.

    Refuses a database whose name lacks "bench": this drops without asking,
    so a mistyped URL must not take the development or test database with it.
    """
    parts = urlsplit(url)
    if parts.scheme not in ("postgres", "postgresql", "pgsql"):
        raise SystemExit(f"BENCH_DATABASE_URL must be a postgres:// URL, not {url!r}.")
    name = unquote(parts.path.lstrip("/"))
    if "bench" not in name:
        raise SystemExit(
            f"Refusing to drop database {name!r}: the bench database's name must contain 'bench'."
        )
    connection = psycopg2.connect(
        dbname="postgres",
        user=unquote(parts.username or "") or None,
        password=unquote(parts.password or "") or None,
        host=parts.hostname or None,
        port=parts.port or None,
    )
    try:
        connection.autocommit = True  # DROP/CREATE DATABASE cannot run in a transaction.
        with connection.cursor() as cursor:
            # FORCE (PostgreSQL 13+) ends sessions a crashed earlier run left open.
            cursor.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )
            cursor.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    finally:
        connection.close()
    return name
