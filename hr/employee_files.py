"""The employee file: one set of columns for export and import, in CSV and XLSX.

An exported file imports again unchanged (into a database that does not
hold those people yet): same headers, dates as YYYY-MM-DD, choices by value.
"""

import csv
import io
from datetime import date, datetime
from decimal import Decimal

from django.utils import translation
from django.utils.translation import gettext_lazy as _

from hr.uploads import XLSX_SIGNATURE, read_head

# (key, header, lookup on Employee for the export)
COLUMNS = [
    ("employee_number", _("Employee number"), "employee_number"),
    ("first_name", _("First name"), "first_name"),
    ("last_name", _("Last name"), "last_name"),
    ("work_email", _("Work email"), "work_email"),
    ("work_phone", _("Work phone"), "work_phone"),
    ("extension", _("Extension"), "extension"),
    ("department", _("Department"), "department__name"),
    ("position", _("Position"), "position__title"),
    ("manager_number", _("Manager number"), "manager__employee_number"),
    ("hire_date", _("Hire date"), "hire_date"),
    ("status", _("Status"), "status"),
    ("contract_type", _("Contract type"), "contract_type"),
    ("contract_end_date", _("Contract end date"), "contract_end_date"),
    ("weekly_hours", _("Weekly hours"), "weekly_hours"),
    ("termination_date", _("Last working day"), "termination_date"),
]
REQUIRED = ["employee_number", "first_name", "last_name", "department", "position", "hire_date"]
KEYS = [key for key, _label, _lookup in COLUMNS]
LOOKUPS = [lookup for _key, _label, lookup in COLUMNS]


class EmployeeFileError(ValueError):
    """The upload is not a CSV or XLSX file we can read."""


def headers() -> list[str]:
    return [str(label) for _key, label, _lookup in COLUMNS]


def header_keys() -> dict[str, str]:
    """Every accepted spelling of a header (normalised) -> column key.

    The key itself, the English header and the header in the current
    language, so a file exported in either language imports.
    """
    known = {}
    for key, label, _lookup in COLUMNS:
        known[_normal(key)] = key
        known[_normal(str(label))] = key
        with translation.override("en"):
            known[_normal(str(label))] = key
    return known


def _normal(text: str) -> str:
    return " ".join(str(text).replace("_", " ").lower().split())


def cell_text(value) -> str:
    """A cell as the text a person would type: dates ISO, numbers without noise."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        return format(Decimal(repr(value)).normalize(), "f")
    return str(value).strip()


# Reading ---------------------------------------------------------------------


def read_table(uploaded) -> list[list[str]]:
    """All rows of an uploaded CSV or XLSX file as text, the header first."""
    if read_head(uploaded, 4) == XLSX_SIGNATURE:
        return _read_xlsx(uploaded)
    return _read_csv(uploaded)


def _read_csv(uploaded) -> list[list[str]]:
    uploaded.seek(0)
    raw = uploaded.read()
    if b"\x00" in raw:
        raise EmployeeFileError(_("This is not a CSV or XLSX file."))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise EmployeeFileError(_("A CSV file must be saved as UTF-8.")) from exc
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), dialect))
    except csv.Error as exc:
        message = _("This CSV file cannot be read: %(error)s") % {"error": exc}
        raise EmployeeFileError(message) from exc
    return [[cell.strip() for cell in row] for row in rows]


def _read_xlsx(uploaded) -> list[list[str]]:
    from openpyxl import load_workbook

    uploaded.seek(0)
    try:
        workbook = load_workbook(uploaded, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise EmployeeFileError(_("This XLSX file cannot be read.")) from exc
    try:
        sheet = workbook.worksheets[0]
        return [[cell_text(value) for value in row] for row in sheet.iter_rows(values_only=True)]
    finally:
        workbook.close()


# Writing ---------------------------------------------------------------------


def write_csv(rows) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(headers())
    for row in rows:
        writer.writerow(cell_text(value) for value in row)
    return buffer.getvalue().encode("utf-8")


def write_xlsx(rows) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(str(_("Employees")))
    sheet.append(headers())
    for row in rows:
        # Text cells throughout: numbers like "00123" and dates stay as typed.
        sheet.append([cell_text(value) for value in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
