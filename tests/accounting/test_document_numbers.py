"""Purchase order numbers: PO-YYYY-NNNNN, per year, never twice."""

import threading
from datetime import date

import pytest
from django.db import connection

from accounting.models.numbering import DocumentSequence
from accounting.services.numbering import document_number_next
from tests.accounting.factories import make_order


def test_orders_are_numbered_in_sequence_per_year(role_users):
    by = role_users["accountant"]
    first = make_order(by=by, order_date=date(2026, 1, 5))
    second = make_order(by=by, order_date=date(2026, 12, 31))
    next_year = make_order(by=by, order_date=date(2027, 1, 1))

    assert [first.number, second.number, next_year.number] == [
        "PO-2026-00001",
        "PO-2026-00002",
        "PO-2027-00001",
    ]


@pytest.mark.django_db(transaction=True)
def test_concurrent_allocations_never_collide():
    """Threads with their own connections allocate at once; every number is distinct."""
    threads_count, per_thread = 4, 10
    barrier = threading.Barrier(threads_count)
    numbers: list[str] = []
    errors: list[BaseException] = []
    lock = threading.Lock()

    def allocate():
        try:
            barrier.wait()
            for _ in range(per_thread):
                number = document_number_next(series="PO", year=2030)
                with lock:
                    numbers.append(number)
        except BaseException as exc:  # noqa: BLE001 - reported to the test thread
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=allocate) for _ in range(threads_count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert len(numbers) == threads_count * per_thread
    assert len(set(numbers)) == len(numbers)
    assert DocumentSequence.objects.get(series="PO", year=2030).last_number == len(numbers)
