"""Logging a call through the service, as the clerk does while the caller waits.

Each call is put through (the first link of its chain) with a colleague as
the caller and a normalised outside number on every other one; all of it is
rolled back at the end so the shared bench database does not grow.
"""

import statistics
import time

from tests.bench.registry import benchmark, row

CALLS = 200


class _Rollback(Exception):
    pass


@benchmark("clerical.call_log")
def call_log_bench() -> list[dict]:
    from django.contrib.auth import get_user_model
    from django.db import transaction

    from clerical.services.calls import call_log
    from hr.models.employees import Employee

    clerk = get_user_model().objects.get(username="clerk")
    people = list(Employee.objects.filter(status__in=Employee.CURRENT).order_by("pk")[:50])
    timings = []
    try:
        with transaction.atomic():
            for n in range(CALLS):
                wanted, caller = people[n % len(people)], people[(n + 7) % len(people)]
                outside = n % 2 == 0
                started = time.perf_counter()
                call_log(
                    by=clerk,
                    for_employee=wanted,
                    caller_employee=None if outside else caller,
                    caller_name="Bench Caller" if outside else "",
                    caller_number=f"0721 {n:06d}" if outside else "",
                    subject="Bench call",
                    put_through=True,
                )
                timings.append(time.perf_counter() - started)
            raise _Rollback
    except _Rollback:
        pass
    return [row("clerical.call_log.median_s", round(statistics.median(timings), 5), "s")]
