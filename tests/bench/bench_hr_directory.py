"""The staff directory and the org chart with 10,000 employees.

The shared bench database is seeded with 5,000; this tops it up to 10,000
with `seed_demo` (idempotent: it only adds the missing people), so
benchmarks that run after this one see 10,000 employees too.
"""

import statistics
import sys
import time

from tests.bench.registry import benchmark, row

EMPLOYEES = 10_000
DIRECTORY_REQUESTS = 30
ORG_CHART_REQUESTS = 5


def _client_for(username: str):
    from django.contrib.auth import get_user_model
    from django.test import Client

    client = Client()
    client.force_login(get_user_model().objects.get(username=username))
    return client


def _measure(client, path: str, requests: int) -> tuple[float, int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def get():
        response = client.get(path)
        if response.status_code != 200:
            raise AssertionError(f"GET {path} answered {response.status_code}, not 200.")
        return response

    get()  # warm-up
    with CaptureQueriesContext(connection) as captured:
        get()
    # Read now: every request clears the connection's query log.
    queries = len(captured.captured_queries)
    timings = []
    for _ in range(requests):
        started = time.perf_counter()
        get()
        timings.append(time.perf_counter() - started)
    return round(statistics.median(timings), 4), queries


def _ensure_employees() -> None:
    from django.core.management import call_command

    from hr.models.employees import Employee

    generated = Employee.objects.filter(employee_number__startswith="E").count()
    if generated < EMPLOYEES:
        call_command("seed_demo", employees=EMPLOYEES, stdout=sys.stderr)


@benchmark("hr.directory")
def hr_directory() -> list[dict]:
    _ensure_employees()
    client = _client_for("employee")
    median, queries = _measure(client, "/hr/directory/", DIRECTORY_REQUESTS)
    searched, searched_queries = _measure(client, "/hr/directory/?q=ana", DIRECTORY_REQUESTS)
    return [
        row("hr.directory.median_s", median, "s"),
        row("hr.directory.queries", queries, "queries"),
        row("hr.directory.search_median_s", searched, "s"),
        row("hr.directory.search_queries", searched_queries, "queries"),
    ]


@benchmark("hr.org_chart")
def hr_org_chart() -> list[dict]:
    _ensure_employees()
    client = _client_for("employee")
    median, queries = _measure(client, "/hr/org-chart/", ORG_CHART_REQUESTS)
    return [
        row("hr.org_chart.median_s", median, "s"),
        row("hr.org_chart.queries", queries, "queries"),
    ]
