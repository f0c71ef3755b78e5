"""Turn django-simple-history records into rows of who changed what."""

from dataclasses import dataclass


@dataclass
class Change:
    field: str
    old: object
    new: object


@dataclass
class HistoryRow:
    record: object
    action: str
    changes: list[Change]


ACTIONS = {"+": "created", "~": "changed", "-": "deleted"}


def history_rows(records: list, queryset) -> list[HistoryRow]:
    """Rows for `records` (newest first), each compared with the one before it."""
    if not records:
        return []
    older = (
        queryset.filter(history_date__lt=records[-1].history_date)
        .order_by("-history_date", "-history_id")
        .first()
    )
    rows = []
    for index, record in enumerate(records):
        previous = records[index + 1] if index + 1 < len(records) else older
        changes = []
        if previous is not None and record.history_type == "~":
            delta = record.diff_against(previous)
            for change in delta.changes:
                field = record.instance_type._meta.get_field(change.field)
                changes.append(
                    Change(field=str(field.verbose_name), old=change.old, new=change.new)
                )
        rows.append(
            HistoryRow(record=record, action=ACTIONS.get(record.history_type, "?"), changes=changes)
        )
    return rows
