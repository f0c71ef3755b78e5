"""The home page of every demo role, with 5,000 employees seeded."""

import statistics
import time

from tests.bench.registry import benchmark, row

ROLES = ["admin", "hr", "accountant", "controller", "it", "clerk", "manager", "employee"]
REQUESTS = 30


def _get_ok(client, path: str, role: str):
    response = client.get(path)
    if response.status_code != 200:
        # Timing an error page or a redirect to login would be worthless.
        raise AssertionError(f"GET {path} as {role} answered {response.status_code}, not 200.")
    return response


@benchmark("home")
def home() -> list[dict]:
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    User = get_user_model()
    rows = []
    for role in ROLES:
        client = Client()
        client.force_login(User.objects.get(username=role))
        _get_ok(client, "/", role)  # warm-up: template loading, first-use caches

        with CaptureQueriesContext(connection) as captured:
            _get_ok(client, "/", role)
        queries = len(captured.captured_queries)

        timings = []
        for _ in range(REQUESTS):
            started = time.perf_counter()
            _get_ok(client, "/", role)
            timings.append(time.perf_counter() - started)

        rows += [
            row(f"home.{role}.median_s", round(statistics.median(timings), 4), "s"),
            row(f"home.{role}.queries", queries, "queries"),
        ]
    return rows
