"""Writes of the ledger: draft, post and reverse journal entries.

Posted entries are final; the database refuses to change them (migration
0002), so a mistake is undone by `journal_entry_reverse`.
"""

import calendar
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation
from typing import NamedTuple, TypedDict

from django.db import connection, transaction
from django.db.models import Count, Exists, OuterRef, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from accounting.models.ledger import Account, FiscalPeriod, FiscalYear, JournalEntry, JournalLine
from backoffice.errors import DomainError, clean_or_raise
from backoffice.workflow import require_status, transition

ZERO = Decimal("0.00")
CENT = Decimal("0.01")
# A line holds 14 digits, 2 of them cents (JournalLine.debit/credit).
LARGEST = Decimal("999999999999.99")


class LedgerError(DomainError):
    pass


class LineData(TypedDict, total=False):
    account: Account
    debit: Decimal
    credit: Decimal
    description: str


def _money(value) -> Decimal:
    """Money in, as Decimal to the cent; floats are refused, never rounded."""
    if isinstance(value, float):
        raise LedgerError(_("Amounts must be decimals, not floating-point numbers."))
    try:
        amount = Decimal(value if value is not None else ZERO)
    except (InvalidOperation, TypeError, ValueError):
        raise LedgerError(_("%(value)s is not an amount.") % {"value": value}) from None
    if not amount.is_finite():
        raise LedgerError(_("%(value)s is not an amount.") % {"value": value})
    if abs(amount) > LARGEST:
        raise LedgerError(
            _("%(amount)s is larger than the ledger holds (at most %(largest)s).")
            % {"amount": amount, "largest": LARGEST}
        )
    if amount != amount.quantize(CENT):
        raise LedgerError(_("Amounts are kept to the cent: %(amount)s.") % {"amount": amount})
    return amount.quantize(CENT)


def _refuse_duplicate_source_keys(keys: list[str], *, exclude_pks: list[int] = ()) -> None:
    keys = [key for key in keys if key]
    if not keys:
        return
    if len(set(keys)) != len(keys):
        duplicate = next(key for key in keys if keys.count(key) > 1)
        raise LedgerError(
            _("The document %(key)s has already been entered in the ledger.") % {"key": duplicate}
        )
    taken = (
        JournalEntry.objects.filter(source_key__in=keys)
        .exclude(pk__in=list(exclude_pks))
        .values_list("source_key", flat=True)
        .first()
    )
    if taken:
        raise LedgerError(
            _("The document %(key)s has already been entered in the ledger.") % {"key": taken}
        )


def _refuse_closed_periods(days: set[date]) -> None:
    """Posting needs an open period, but only once fiscal years are in use.

    With no fiscal year defined at all the ledger has no calendar yet and
    posting is allowed, so a fresh install (and older data) keeps working.
    The periods are locked so a period cannot close while entries post into it.
    Postgres checks the same rule again (migration 0006).
    """
    if not days or not FiscalYear.objects.exists():
        return
    first, last = min(days), max(days)
    periods = list(
        FiscalPeriod.objects.select_for_update()
        .filter(start__lte=last, end__gte=first)
        .order_by("start")
    )
    for day in sorted(days):
        period = next((p for p in periods if p.start <= day <= p.end), None)
        if period is None:
            raise LedgerError(
                _("No fiscal period covers %(date)s; create the fiscal year first.") % {"date": day}
            )
        if period.is_closed:
            raise LedgerError(
                _("The period %(period)s is closed; entries dated %(date)s cannot be posted.")
                % {"period": period, "date": day}
            )


class EntryData(TypedDict, total=False):
    date: date
    description: str
    lines: list[LineData]
    source: str
    source_key: str


class _Line(NamedTuple):
    account_id: int
    debit: Decimal
    credit: Decimal
    description: str
    department_id: int | None


def _postable_accounts(lines: list[LineData]) -> dict[int, Account]:
    """The lines' accounts as the database has them now, in one query.

    An account must exist, be open and be a leaf: a group ("5", "40") only
    adds up its children, so a posting to it would be counted twice.
    Postgres refuses postings to a group too (migration 0024).
    """
    ids = set()
    for data in lines:
        account = data.get("account")
        if not isinstance(account, Account) or account.pk is None:
            raise LedgerError(_("Each line needs an account of the chart."))
        ids.add(account.pk)
    found = Account.objects.filter(pk__in=ids).annotate(
        is_group=Exists(Account.objects.filter(parent=OuterRef("pk")))
    )
    accounts = {account.pk: account for account in found}
    for data in lines:
        account = accounts.get(data["account"].pk)
        if account is None:
            raise LedgerError(
                _("The account %(account)s is not in the chart of accounts.")
                % {"account": data["account"]}
            )
        if not account.is_active:
            raise LedgerError(_("The account %(account)s is closed.") % {"account": account})
        if account.is_group:
            raise LedgerError(
                _(
                    "The account %(account)s groups other accounts; post to one of "
                    "its sub-accounts instead."
                )
                % {"account": account}
            )
    return accounts


def _known_departments(lines: list[LineData]) -> None:
    from hr.models.employees import Department

    ids = {data["department"].pk for data in lines if data.get("department") is not None}
    if ids and Department.objects.filter(pk__in=ids).count() != len(ids):
        raise LedgerError(_("A line names a cost centre that does not exist."))


def _checked_lines(
    lines: list[LineData], *, balanced: bool, accounts_checked: bool = False
) -> list[_Line]:
    """Lines as plain values, every rule checked in Python (no query per line)."""
    if not accounts_checked:
        _postable_accounts(lines)
        _known_departments(lines)
    rows = []
    for data in lines:
        account = data["account"]
        department = data.get("department")
        line = _Line(
            account_id=account.pk,
            debit=_money(data.get("debit", ZERO)),
            credit=_money(data.get("credit", ZERO)),
            description=(data.get("description") or "")[:255],
            department_id=department.pk if department is not None else None,
        )
        if line.debit < ZERO or line.credit < ZERO:
            raise LedgerError(_("Amounts cannot be negative; swap debit and credit instead."))
        if (line.debit == ZERO) == (line.credit == ZERO):
            raise LedgerError(_("Each line has either a debit or a credit, not both or neither."))
        rows.append(line)
    if balanced:
        debit = sum((line.debit for line in rows), ZERO)
        credit = sum((line.credit for line in rows), ZERO)
        if len(rows) < 2:
            raise LedgerError(_("An entry needs at least two lines."))
        if debit != credit:
            raise LedgerError(
                _("The entry does not balance: debits %(debit)s, credits %(credit)s.")
                % {"debit": debit, "credit": credit}
            )
    return rows


def _insert_lines(rows: list[tuple[int, _Line]]) -> None:
    """Insert (entry id, line) pairs: one statement per 50,000 lines on Postgres.

    Building a model instance per line costs more than the database's whole
    work, so Postgres receives the columns as arrays and unnests them.
    """
    if connection.vendor != "postgresql":
        JournalLine.objects.bulk_create(
            [JournalLine(entry_id=entry_id, **line._asdict()) for entry_id, line in rows],
            batch_size=2000,
        )
        return
    with connection.cursor() as cursor:
        for first in range(0, len(rows), 50_000):
            chunk = rows[first : first + 50_000]
            cursor.execute(
                """
                INSERT INTO accounting_journalline
                    (entry_id, account_id, debit, credit, description, department_id)
                SELECT * FROM unnest(
                    %s::bigint[], %s::bigint[], %s::numeric[], %s::numeric[], %s::text[],
                    %s::bigint[]
                )
                """,
                [
                    [entry_id for entry_id, _line in chunk],
                    [line.account_id for _entry, line in chunk],
                    [line.debit for _entry, line in chunk],
                    [line.credit for _entry, line in chunk],
                    [line.description for _entry, line in chunk],
                    [line.department_id for _entry, line in chunk],
                ],
            )


@transaction.atomic
def journal_entry_create(
    *,
    by,
    date: date,
    description: str,
    lines: list[LineData],
    source: str = JournalEntry.Source.MANUAL,
    source_key: str = "",
    reverses: JournalEntry | None = None,
    balanced: bool = False,
) -> JournalEntry:
    """Write a draft entry with its lines; `journal_entry_post` makes it final.

    With `balanced`, a draft whose lines would not balance is refused now
    rather than at posting (what a person typing an entry wants to hear).
    """
    _refuse_duplicate_source_keys([source_key])
    rows = _checked_lines(lines, balanced=balanced)
    entry = JournalEntry(
        date=date,
        description=description,
        source=source,
        source_key=source_key,
        reverses=reverses,
        created_by=by,
    )
    clean_or_raise(entry, error=LedgerError)
    entry._history_user = by
    entry.save()
    _insert_lines([(entry.pk, line) for line in rows])
    return entry


@transaction.atomic
def journal_entry_post(*, by, entry: JournalEntry) -> JournalEntry:
    entry = JournalEntry.objects.select_for_update().get(pk=entry.pk)
    drafts_only = _("This entry is already posted.")
    require_status(entry, [JournalEntry.Status.DRAFT], error=LedgerError, message=drafts_only)
    _refuse_duplicate_source_keys([entry.source_key], exclude_pks=[entry.pk])
    _refuse_closed_periods({entry.date})
    totals = entry.lines.aggregate(
        debit=Coalesce(Sum("debit"), ZERO), credit=Coalesce(Sum("credit"), ZERO), count=Count("pk")
    )
    if totals["count"] < 2:
        raise LedgerError(_("An entry needs at least two lines."))
    if totals["debit"] != totals["credit"]:
        raise LedgerError(
            _("The entry does not balance: debits %(debit)s, credits %(credit)s.")
            % {"debit": totals["debit"], "credit": totals["credit"]}
        )
    return transition(
        entry,
        to=JournalEntry.Status.POSTED,
        allowed_from=[JournalEntry.Status.DRAFT],
        by=by,
        stamp="posted",
        error=LedgerError,
        message=drafts_only,
    )


@transaction.atomic
def journal_entries_post_many(*, by, entries: list[EntryData]) -> list[JournalEntry]:
    """Create and post many balanced entries at once, set-based.

    For the ledger's bulk writers (takings imports, payroll runs, payment
    batches): every rule of `journal_entry_create` + `journal_entry_post` is
    checked in Python first, then a handful of statements write everything,
    whatever the number of entries. All or nothing.
    """
    if not entries:
        return []
    _refuse_duplicate_source_keys([data.get("source_key", "") for data in entries])
    _refuse_closed_periods({data["date"] for data in entries})
    now = timezone.now()
    every_line = [line for data in entries for line in data["lines"]]
    _postable_accounts(every_line)
    _known_departments(every_line)
    heads, bodies = [], []
    for data in entries:
        bodies.append(_checked_lines(data["lines"], balanced=True, accounts_checked=True))
        heads.append(
            JournalEntry(
                date=data["date"],
                description=data["description"][:255],
                source=data.get("source", JournalEntry.Source.MANUAL),
                source_key=data.get("source_key", ""),
                created_by=by,
            )
        )
    saved = JournalEntry.objects.bulk_create(heads, batch_size=2000)
    if any(entry.pk is None for entry in saved):  # pragma: no cover - Postgres/SQLite return ids
        raise LedgerError("The database did not return the new entries' ids.")
    _insert_lines(
        [(entry.pk, line) for entry, rows in zip(saved, bodies, strict=True) for line in rows]
    )
    ids = [entry.pk for entry in saved]
    JournalEntry.objects.filter(pk__in=ids).update(
        status=JournalEntry.Status.POSTED, posted_by=by, posted_at=now
    )
    for entry in saved:
        entry.status, entry.posted_by, entry.posted_at = JournalEntry.Status.POSTED, by, now
    # One audit row per entry, as posted (there was never a draft to see).
    JournalEntry.history.bulk_history_create(saved, default_user=by, batch_size=2000)
    return saved


@transaction.atomic
def journal_entry_reverse(*, by, entry: JournalEntry, date: date) -> JournalEntry:
    """Post a new entry with debits and credits swapped, linked to the original."""
    entry = JournalEntry.objects.select_for_update().get(pk=entry.pk)
    require_status(
        entry,
        [JournalEntry.Status.POSTED],
        error=LedgerError,
        message=_("Only a posted entry can be reversed; delete a draft instead."),
    )
    if JournalEntry.objects.filter(reverses=entry).exists():
        raise LedgerError(_("This entry has already been reversed."))
    reversal = journal_entry_create(
        by=by,
        date=date,
        description=_("Reversal of: %(description)s") % {"description": entry.description},
        lines=[
            {
                "account": line.account,
                "debit": line.credit,
                "credit": line.debit,
                "description": line.description,
            }
            for line in entry.lines.select_related("account")
        ],
        source=entry.source,
        reverses=entry,
    )
    return journal_entry_post(by=by, entry=reversal)


def _add_months(day: date, months: int) -> date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@transaction.atomic
def fiscal_year_create(*, by, start: date, name: str = "") -> FiscalYear:
    """A year of twelve monthly periods starting on `start` (the first of a month)."""
    if start.day != 1:
        raise LedgerError(_("A fiscal year starts on the first day of a month."))
    end = _add_months(start, 12).replace(day=1) - timedelta(days=1)
    if FiscalPeriod.objects.filter(start__lte=end, end__gte=start).exists():
        raise LedgerError(_("This fiscal year overlaps an existing one."))
    year = FiscalYear(name=name or f"FY {start:%Y-%m}", start=start, end=end)
    clean_or_raise(year, error=LedgerError)
    year.save()
    periods = []
    for month in range(12):
        period_start = _add_months(start, month)
        period_end = _add_months(start, month + 1) - timedelta(days=1)
        periods.append(FiscalPeriod(fiscal_year=year, start=period_start, end=period_end))
    # bulk_create skips simple_history; the periods' history starts at their first change.
    FiscalPeriod.objects.bulk_create(periods)
    return year


def _lock_period(period: FiscalPeriod) -> FiscalPeriod:
    return FiscalPeriod.objects.select_for_update().get(pk=period.pk)


@transaction.atomic
def fiscal_period_close(*, by, period: FiscalPeriod) -> FiscalPeriod:
    period = _lock_period(period)
    return transition(
        period,
        to=FiscalPeriod.Status.CLOSED,
        allowed_from=[FiscalPeriod.Status.OPEN],
        by=by,
        stamp="closed",
        error=LedgerError,
        message=_("The period %(period)s is already closed.") % {"period": period},
        reason="closed",
    )


@transaction.atomic
def fiscal_period_reopen(*, by, period: FiscalPeriod, reason: str) -> FiscalPeriod:
    if not by.has_perm("accounting.reopen_fiscalperiod"):
        raise LedgerError(_("You may not reopen a closed period."))
    if not reason.strip():
        raise LedgerError(_("Say why the period is reopened."))
    period = _lock_period(period)
    return transition(
        period,
        to=FiscalPeriod.Status.OPEN,
        allowed_from=[FiscalPeriod.Status.CLOSED],
        by=by,
        error=LedgerError,
        message=_("The period %(period)s is open.") % {"period": period},
        reason=reason.strip(),
        changes={"closed_by": None, "closed_at": None},
    )
