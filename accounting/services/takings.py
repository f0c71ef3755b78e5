"""Import the cash registers' daily totals into the ledger.

The CSV has one row per register and day:

    date,register,gross,vat,cash,card,vouchers

`date` is YYYY-MM-DD (or DD.MM.YYYY), amounts are decimals with at most two
places (a comma decimal separator is accepted), and the payment methods add
up to the gross. Each row becomes one posted entry: cash, card and voucher
takings debited to their accounts, sales net of VAT and the VAT credited.
Nothing is posted until every row of the file is clean.
"""

import csv
import io
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounting.chart import account_for
from accounting.models.ledger import FiscalPeriod, FiscalYear, JournalEntry
from accounting.models.takings import TakingsImport
from accounting.services.ledger import LedgerError, journal_entries_post_many
from backoffice.errors import DomainError
from backoffice.workflow import require_status, transition

COLUMNS = ["date", "register", "gross", "vat", "cash", "card", "vouchers"]
ZERO = Decimal("0.00")
MAX_ROWS = 20_000
PREVIEW_LIFETIME = timedelta(days=1)


class TakingsImportError(DomainError):
    pass


def _done() -> str:
    return _("This file has already been imported or discarded.")


def max_upload_bytes() -> int:
    return getattr(settings, "TAKINGS_IMPORT_MAX_BYTES", 2 * 1024 * 1024)


def source_key(day: str, register: str) -> str:
    return f"takings:{day}:{register}"


def _parse_date(text: str) -> date:
    for pattern in ("%Y-%m-%d", "%d.%m.%Y"):
        try:
            return datetime.strptime(text.strip(), pattern).date()
        except ValueError:
            continue
    raise ValueError(_("“%(value)s” is not a date (use YYYY-MM-DD).") % {"value": text})


def _parse_amount(text: str, column: str) -> Decimal:
    cleaned = (text or "").strip().replace(" ", "")
    if cleaned == "":
        return ZERO
    if "," in cleaned and "." not in cleaned:
        cleaned = cleaned.replace(",", ".")
    try:
        amount = Decimal(cleaned)
    except InvalidOperation:
        raise ValueError(
            _("%(column)s: “%(value)s” is not an amount.") % {"column": column, "value": text}
        ) from None
    if not amount.is_finite() or amount < 0:
        raise ValueError(_("%(column)s cannot be negative.") % {"column": column})
    if amount != amount.quantize(Decimal("0.01")):
        raise ValueError(_("%(column)s has more than two decimals.") % {"column": column})
    return amount.quantize(Decimal("0.01"))


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise TakingsImportError(
            _("The file is not UTF-8 text; export it from the register as CSV (UTF-8).")
        ) from None


def _reader(data: bytes) -> csv.DictReader:
    """The upload as CSV rows keyed by lower-case column, or an error for a file
    that cannot be read at all."""
    if len(data) > max_upload_bytes():
        raise TakingsImportError(
            _("The file is larger than %(size)s MB.") % {"size": max_upload_bytes() // 1048576}
        )
    text = _decode(data)
    if "\x00" in text:
        raise TakingsImportError(_("The file is not a CSV text file."))
    sample = text[:4096]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.DictReader(io.StringIO(text), dialect=dialect)
    header = [(name or "").strip().lower() for name in (reader.fieldnames or [])]
    missing = [column for column in COLUMNS if column not in header]
    if missing:
        raise TakingsImportError(
            _("The file lacks the column(s) %(columns)s; the first line must be: %(header)s.")
            % {"columns": ", ".join(missing), "header": ",".join(COLUMNS)}
        )
    reader.fieldnames = header
    return reader


def _amount_problems(amounts: dict) -> list[str]:
    paid = amounts["cash"] + amounts["card"] + amounts["vouchers"]
    problems = []
    if amounts["gross"] == ZERO:
        problems.append(_("The gross takings are zero; there is nothing to post."))
    if amounts["vat"] > amounts["gross"]:
        problems.append(_("The VAT is larger than the gross takings."))
    if paid != amounts["gross"]:
        problems.append(
            _("Cash, card and vouchers add up to %(paid)s, not the gross %(gross)s.")
            % {"paid": paid, "gross": amounts["gross"]}
        )
    return problems


def _row(raw: dict, line_number: int, seen: dict) -> tuple[dict, list[str]]:
    """One line of the file as a clean row, and what is wrong with it."""
    problems = []
    try:
        day = _parse_date(raw.get("date") or "")
    except ValueError as exc:
        problems.append(str(exc))
        day = None
    register = (raw.get("register") or "").strip()
    if not register:
        problems.append(_("The register is missing."))
    elif len(register) > 40:
        problems.append(_("The register name is longer than 40 characters."))
    amounts = {}
    for column in ("gross", "vat", "cash", "card", "vouchers"):
        try:
            amounts[column] = _parse_amount(raw.get(column) or "", column)
        except ValueError as exc:
            problems.append(str(exc))
    if len(amounts) == 5:
        problems += _amount_problems(amounts)
    if day and register:
        key = (day, register)
        if key in seen:
            problems.append(
                _("Register %(register)s on %(date)s is also on line %(line)s.")
                % {"register": register, "date": day, "line": seen[key]}
            )
        seen.setdefault(key, line_number)
    if problems:
        return {}, problems
    return {
        "line": line_number,
        "date": day.isoformat(),
        "register": register,
        **{column: str(amount) for column, amount in amounts.items()},
    }, problems


def parse_takings_csv(data: bytes) -> tuple[list[dict], list[dict]]:
    """(clean rows, errors): each error names its line and what is wrong.

    A file that cannot be read at all (not text, no header) raises.
    """
    rows, errors, seen = [], [], {}
    for line_number, raw in enumerate(_reader(data), start=2):
        if line_number - 1 > MAX_ROWS:
            raise TakingsImportError(
                _("The file has more than %(count)s rows; split it.") % {"count": MAX_ROWS}
            )
        if not any((value or "").strip() for value in raw.values() if isinstance(value, str)):
            continue  # blank line
        row, problems = _row(raw, line_number, seen)
        if problems:
            errors.append({"line": line_number, "problems": problems})
        else:
            rows.append(row)
    if not rows and not errors:
        raise TakingsImportError(_("The file has a header but no rows."))
    errors += _ledger_problems(rows)
    bad_lines = {error["line"] for error in errors}
    return [row for row in rows if row["line"] not in bad_lines], errors


def _ledger_problems(rows: list[dict]) -> list[dict]:
    """Rows the ledger would refuse: already imported, or in a closed period."""
    if not rows:
        return []
    keys = {source_key(row["date"], row["register"]): row for row in rows}
    errors = {}
    for key in JournalEntry.objects.filter(source_key__in=list(keys)).values_list(
        "source_key", flat=True
    ):
        row = keys[key]
        errors.setdefault(row["line"], []).append(
            _("Register %(register)s on %(date)s is already in the ledger.")
            % {"register": row["register"], "date": row["date"]}
        )
    if FiscalYear.objects.exists():
        days = sorted({date.fromisoformat(row["date"]) for row in rows})
        periods = list(FiscalPeriod.objects.filter(start__lte=days[-1], end__gte=days[0]))
        for row in rows:
            day = date.fromisoformat(row["date"])
            period = next((p for p in periods if p.start <= day <= p.end), None)
            if period is None:
                errors.setdefault(row["line"], []).append(
                    _("No fiscal period covers %(date)s.") % {"date": row["date"]}
                )
            elif period.is_closed:
                errors.setdefault(row["line"], []).append(
                    _("The period %(period)s is closed.") % {"period": period}
                )
    return [{"line": line, "problems": problems} for line, problems in sorted(errors.items())]


@transaction.atomic
def takings_import_upload(*, by, filename: str, data: bytes) -> TakingsImport:
    """Parse an upload into a preview owned by `by`; nothing reaches the ledger."""
    if not filename.lower().endswith((".csv", ".txt")):
        raise TakingsImportError(_("Upload the registers' export as a .csv file."))
    rows, errors = parse_takings_csv(data)
    record = TakingsImport(filename=filename[:255], uploaded_by=by, rows=rows, errors=errors)
    record._history_user = by
    record.save()
    return record


def takings_entry(row: dict, accounts: dict) -> dict:
    gross, vat = Decimal(row["gross"]), Decimal(row["vat"])
    lines = [
        {"account": accounts[role], "debit": Decimal(row[column]), "description": label}
        for role, column, label in (
            ("cash", "cash", _("Cash")),
            ("card_clearing", "card", _("Card")),
            ("vouchers", "vouchers", _("Vouchers")),
        )
        if Decimal(row[column])
    ]
    lines.append({"account": accounts["sales"], "credit": gross - vat})
    if vat:
        lines.append({"account": accounts["vat_collected"], "credit": vat})
    lines = [line for line in lines if line.get("debit") or line.get("credit")]
    return {
        "date": date.fromisoformat(row["date"]),
        "description": _("Takings of register %(register)s") % {"register": row["register"]},
        "source": JournalEntry.Source.SALES_IMPORT,
        "source_key": source_key(row["date"], row["register"]),
        "lines": lines,
    }


@transaction.atomic
def takings_import_confirm(*, by, takings_import: TakingsImport) -> TakingsImport:
    """Post every row of a clean preview, all or nothing."""
    record = TakingsImport.objects.select_for_update().get(pk=takings_import.pk)
    if record.uploaded_by_id != by.pk:
        raise TakingsImportError(_("Only the person who uploaded the file can import it."))
    preview = [TakingsImport.Status.PREVIEW]
    require_status(record, preview, error=TakingsImportError, message=_done())
    if timezone.now() - record.uploaded_at > PREVIEW_LIFETIME:
        raise TakingsImportError(_("This preview is more than a day old; upload the file again."))
    if not record.is_clean:
        raise TakingsImportError(_("Fix every row of the file before importing it."))
    # The ledger may have moved since the preview (another import, a closed period).
    late = _ledger_problems(record.rows)
    if late:
        raise TakingsImportError(
            _("Line %(line)s: %(problem)s Upload the file again.")
            % {"line": late[0]["line"], "problem": late[0]["problems"][0]}
        )
    accounts = {
        role: account_for(role)
        for role in ("cash", "card_clearing", "vouchers", "sales", "vat_collected")
    }
    try:
        entries = journal_entries_post_many(
            by=by, entries=[takings_entry(row, accounts) for row in record.rows]
        )
    except LedgerError as exc:
        raise TakingsImportError(str(exc)) from exc
    return transition(
        record,
        to=TakingsImport.Status.IMPORTED,
        allowed_from=[TakingsImport.Status.PREVIEW],
        by=by,
        error=TakingsImportError,
        message=_done(),
        changes={"imported_at": timezone.now(), "entries": len(entries)},
    )


@transaction.atomic
def takings_import_discard(*, by, takings_import: TakingsImport) -> TakingsImport:
    record = TakingsImport.objects.select_for_update().get(pk=takings_import.pk)
    if record.uploaded_by_id != by.pk:
        raise TakingsImportError(_("Only the person who uploaded the file can discard it."))
    return transition(
        record,
        to=TakingsImport.Status.DISCARDED,
        allowed_from=[TakingsImport.Status.PREVIEW],
        by=by,
        error=TakingsImportError,
        message=_done(),
    )
