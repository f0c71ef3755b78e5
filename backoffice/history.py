"""Turn django-simple-history records into rows of who changed what."""

from collections import defaultdict
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
    """Rows for `records` (newest first), each compared with the one before it.

    Values are shown as people read them: a choice by its label, a related
    record by its name (one query per related model for the whole page).
    """
    if not records:
        return []
    older = (
        queryset.filter(history_date__lt=records[-1].history_date)
        .order_by("-history_date", "-history_id")
        .first()
    )
    model = records[0].instance_type
    raw = []
    for index, record in enumerate(records):
        previous = records[index + 1] if index + 1 < len(records) else older
        changes = []
        if previous is not None and record.history_type == "~":
            changes = [
                (model._meta.get_field(c.field), c.old, c.new)
                for c in record.diff_against(previous).changes
            ]
        raw.append((record, changes))
    names = _related_names(raw)
    return [
        HistoryRow(
            record=record,
            action=ACTIONS.get(record.history_type, "?"),
            changes=[
                Change(
                    field=str(field.verbose_name),
                    old=_readable(field, old, names),
                    new=_readable(field, new, names),
                )
                for field, old, new in changes
            ],
        )
        for record, changes in raw
    ]


def _related_names(raw) -> dict:
    wanted = defaultdict(set)
    for _record, changes in raw:
        for field, old, new in changes:
            if field.is_relation:
                wanted[field.related_model].update(v for v in (old, new) if v is not None)
    return {
        related: {obj.pk: str(obj) for obj in related._default_manager.filter(pk__in=pks)}
        for related, pks in wanted.items()
    }


def _readable(field, value, names):
    if value is None:
        return None
    if field.is_relation:
        return names.get(field.related_model, {}).get(value, value)
    if field.choices:
        return dict(field.flatchoices).get(value, value)
    return value
