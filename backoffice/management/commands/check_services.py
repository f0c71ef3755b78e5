"""Say plainly whether the database and Redis answer, and how to start them."""

import psycopg2
import redis
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError, connection

START_HINTS = {
    "postgres": (
        "Start PostgreSQL, e.g. `pg_ctlcluster --skip-systemctl-redirect "
        "$(ls /etc/postgresql) main start` or `sudo systemctl start postgresql`, "
        "or point DATABASE_URL at a server that runs."
    ),
    "redis": (
        "Start Redis, e.g. `redis-server --daemonize yes --bind 127.0.0.1 --port 6379` "
        "or `sudo systemctl start redis-server`, or point TEST_REDIS_URL at one."
    ),
}


class Command(BaseCommand):
    help = "Check that the database and Redis the tests need are answering."

    def add_arguments(self, parser):
        parser.add_argument("--redis-url", default="", help="Redis to check as well.")

    def handle(self, *args, redis_url: str, **options):
        problems = []
        database = settings.DATABASES["default"]
        where = f"{database.get('HOST') or 'local socket'}:{database.get('PORT') or ''}"
        try:
            self._ping_database(database)
        except (DatabaseError, psycopg2.Error) as exc:
            problems.append(
                f"The database at {where} does not answer ({exc.__class__.__name__}: "
                f"{str(exc).strip().splitlines()[0] if str(exc).strip() else ''}).\n  "
                + START_HINTS["postgres"]
            )
        if redis_url:
            try:
                redis.Redis.from_url(redis_url, socket_connect_timeout=2).ping()
            except redis.RedisError as exc:
                problems.append(
                    f"Redis at {redis_url} does not answer ({exc.__class__.__name__}).\n  "
                    + START_HINTS["redis"]
                )
        if problems:
            raise CommandError("\n".join(problems))
        self.stdout.write(f"Database at {where} and Redis answer.")

    def _ping_database(self, database: dict) -> None:
        """Reach the server itself: the tests create their own database on it."""
        if database["ENGINE"] != "django.db.backends.postgresql":
            connection.ensure_connection()
            return
        psycopg2.connect(
            dbname="postgres",
            user=database.get("USER") or None,
            password=database.get("PASSWORD") or None,
            host=database.get("HOST") or None,
            port=database.get("PORT") or None,
            connect_timeout=3,
        ).close()
