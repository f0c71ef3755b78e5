"""IT's queue with 250,000 tickets: first page, a filtered page and page 500.

The tickets are written by one INSERT ... SELECT over generate_series (a tenth
of them open), then ANALYZE, so the planner and the estimated count see them.
An exact COUNT(*) or OFFSET paging would grow with the table; keyset paging
and the pg_class estimate do not.
"""

import statistics
import time

from tests.bench.registry import benchmark, row

TICKETS = 250_000
REQUESTS = 40
PAGE = 50
DEEP_PAGE = 500


def _insert_tickets() -> None:
    from django.contrib.auth import get_user_model
    from django.db import connection

    from it_support.models.tickets import Category, Ticket

    missing = TICKETS - Ticket.objects.count()
    if missing <= 0:
        return
    users = list(get_user_model().objects.order_by("pk").values_list("pk", flat=True)[:2000])
    it = get_user_model().objects.get(username="it").pk
    with connection.cursor() as cursor:
        cursor.execute(
            """
            INSERT INTO it_support_ticket (
                subject, description, requester_id, category, impact, urgency, priority,
                status, source, assignee_id, created_at, updated_at, paused_seconds,
                response_breached, resolution_breached, rating_comment, resolution_due_at
            )
            SELECT 'Bench ticket ' || g, '',
                (%(users)s::bigint[])[1 + g %% cardinality(%(users)s::bigint[])],
                (%(categories)s::text[])[1 + g %% 7],
                1 + g %% 3, 1 + (g / 3) %% 3, 1 + g %% 4,
                CASE WHEN g %% 10 = 0 THEN (%(open)s::text[])[1 + (g / 10) %% 4]
                     ELSE 'closed' END,
                'web', CASE WHEN g %% 2 = 0 THEN %(it)s END,
                now() - make_interval(mins => %(n)s - g), now(), 0,
                g %% 37 = 0, g %% 41 = 0, '', now() + make_interval(hours => g %% 48)
            FROM generate_series(1, %(n)s) AS g
            """,
            {
                "users": users,
                "it": it,
                "n": missing,
                "categories": list(Category.values),
                "open": ["new", "assigned", "in_progress", "reopened"],
            },
        )
        cursor.execute("ANALYZE it_support_ticket")


def _p95(client, path: str) -> tuple[float, int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def get():
        response = client.get(path)
        if response.status_code != 200:
            raise AssertionError(f"GET {path} answered {response.status_code}, not 200.")

    get()
    with CaptureQueriesContext(connection) as captured:
        get()
    queries = len(captured.captured_queries)
    timings = []
    for _ in range(REQUESTS):
        started = time.perf_counter()
        get()
        timings.append(time.perf_counter() - started)
    return round(statistics.quantiles(timings, n=20)[18], 4), queries


@benchmark("it.queue")
def it_queue() -> list[dict]:
    from django.contrib.auth import get_user_model
    from django.test import Client

    from it_support.models.tickets import Ticket

    _insert_tickets()
    client = Client()
    client.force_login(get_user_model().objects.get(username="it"))
    base = "/it/tickets/queue/"
    first, queries = _p95(client, base)
    filtered, _ = _p95(client, f"{base}?status=new&status=assigned&priority=1&category=hardware")
    open_ids = Ticket.objects.filter(status__in=Ticket.OPEN).order_by("-pk")
    after = open_ids.values_list("pk", flat=True)[(DEEP_PAGE - 1) * PAGE - 1]
    deep, _ = _p95(client, f"{base}?after={after}")
    return [
        row("it.queue.p95_s", first, "s"),
        row("it.queue_filtered.p95_s", filtered, "s"),
        row("it.queue_deep_page.p95_s", deep, "s"),
        row("it.queue.queries", queries, "queries"),
    ]
