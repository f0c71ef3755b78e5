"""Writes of the ledger: draft, post and reverse journal entries.

Posted entries are final; the database refuses to change them (migration
0002), so a mistake is undone by `journal_entry_reverse`.
"""

from datetime import date
from decimal import Decimal
from typing import TypedDict

from django.db import transaction
from django.db.models import Count, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from accounting.models import Account, JournalEntry, JournalLine
from backoffice.errors import DomainError

ZERO = Decimal("0.00")
CENT = Decimal("0.01")


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
    amount = Decimal(value if value is not None else ZERO)
    if amount != amount.quantize(CENT):
        raise LedgerError(_("Amounts are kept to the cent: %(amount)s.") % {"amount": amount})
    return amount.quantize(CENT)


def _refuse_duplicate_source_key(source_key: str, *, exclude_pk: int | None = None) -> None:
    if not source_key:
        return
    duplicates = JournalEntry.objects.filter(source_key=source_key).exclude(pk=exclude_pk)
    if duplicates.exists():
        raise LedgerError(
            _("The document %(key)s has already been entered in the ledger.") % {"key": source_key}
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
) -> JournalEntry:
    """Write a draft entry with its lines; `journal_entry_post` makes it final."""
    _refuse_duplicate_source_key(source_key)
    entry = JournalEntry(
        date=date,
        description=description,
        source=source,
        source_key=source_key,
        reverses=reverses,
        created_by=by,
    )
    entry.full_clean()
    entry._history_user = by
    entry.save()
    for data in lines:
        line = JournalLine(
            entry=entry,
            account=data["account"],
            debit=_money(data.get("debit", ZERO)),
            credit=_money(data.get("credit", ZERO)),
            description=data.get("description", ""),
        )
        if line.debit < ZERO or line.credit < ZERO:
            raise LedgerError(_("Amounts cannot be negative; swap debit and credit instead."))
        if (line.debit == ZERO) == (line.credit == ZERO):
            raise LedgerError(_("Each line has either a debit or a credit, not both or neither."))
        if not line.account.is_active:
            raise LedgerError(_("The account %(account)s is closed.") % {"account": line.account})
        line.full_clean()
        line.save()
    return entry


@transaction.atomic
def journal_entry_post(*, by, entry: JournalEntry) -> JournalEntry:
    entry = JournalEntry.objects.select_for_update().get(pk=entry.pk)
    if entry.is_posted:
        raise LedgerError(_("This entry is already posted."))
    _refuse_duplicate_source_key(entry.source_key, exclude_pk=entry.pk)
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
    entry.status = JournalEntry.Status.POSTED
    entry.posted_by = by
    entry.posted_at = timezone.now()
    entry.full_clean()
    entry._history_user = by
    entry.save(update_fields=["status", "posted_by", "posted_at"])
    return entry


@transaction.atomic
def journal_entry_reverse(*, by, entry: JournalEntry, date: date) -> JournalEntry:
    """Post a new entry with debits and credits swapped, linked to the original."""
    entry = JournalEntry.objects.select_for_update().get(pk=entry.pk)
    if not entry.is_posted:
        raise LedgerError(_("Only a posted entry can be reversed; delete a draft instead."))
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
