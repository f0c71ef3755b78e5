"""Document numbers that never collide, even under concurrent requests."""

from django.db import transaction

from accounting.models.numbering import DocumentSequence


@transaction.atomic
def document_number_next(*, series: str, year: int, width: int = 5) -> str:
    """The next number of `series` in `year`, as SERIES-YYYY-NNNNN.

    The counter row is created if missing (a concurrent creator is ignored
    by the unique constraint) and then locked until the caller's
    transaction ends, so two allocations queue instead of colliding.
    """
    DocumentSequence.objects.bulk_create(
        [DocumentSequence(series=series, year=year)], ignore_conflicts=True
    )
    sequence = DocumentSequence.objects.select_for_update().get(series=series, year=year)
    sequence.last_number += 1
    sequence.save(update_fields=["last_number"])
    return f"{series}-{year}-{sequence.last_number:0{width}d}"


@transaction.atomic
def document_numbers_reserve(*, series: str, year: int, count: int) -> int:
    """Reserve `count` numbers at once (bulk loads); returns the first one."""
    DocumentSequence.objects.bulk_create(
        [DocumentSequence(series=series, year=year)], ignore_conflicts=True
    )
    sequence = DocumentSequence.objects.select_for_update().get(series=series, year=year)
    first = sequence.last_number + 1
    sequence.last_number += count
    sequence.save(update_fields=["last_number"])
    return first
