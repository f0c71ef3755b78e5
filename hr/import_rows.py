"""The rows of an employee file: read from its table, checked against each other
and the database, and turned into employees (see `hr.services.imports`)."""

from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _

from hr import employee_files
from hr.models.employees import Department, Employee, Position


def rows_from_table(table: list[list[str]]) -> tuple[list[dict], list[str]]:
    table = [row for row in table if any(cell for cell in row)]
    if not table:
        return [], [_("The file is empty.")]
    known = employee_files.header_keys()
    columns = [known.get(employee_files._normal(cell)) for cell in table[0]]
    missing = [
        str(label)
        for key, label, _lookup in employee_files.COLUMNS
        if key in employee_files.REQUIRED and key not in columns
    ]
    errors = []
    if missing:
        errors.append(_("Missing columns: %(columns)s.") % {"columns": ", ".join(missing)})
    limit = settings.HR_IMPORT_MAX_ROWS
    if len(table) - 1 > limit:
        errors.append(_("The file has more than %(limit)d rows; split it.") % {"limit": limit})
        table = table[: limit + 1]
    if len(table) == 1:
        errors.append(_("The file has a header but no people."))
    rows = []
    for line, cells in enumerate(table[1:], start=2):
        row = dict.fromkeys(employee_files.KEYS, "")
        for key, cell in zip(columns, cells, strict=False):
            if key:
                row[key] = cell
        row["line"] = line
        rows.append(row)
    return rows, errors


# Checks ------------------------------------------------------------------------


def parse_date(text: str) -> date:
    for pattern in ("%Y-%m-%d", "%d.%m.%Y", "%d/%m/%Y"):
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise ValueError(text)


def _choice(choices, text: str, default: str) -> str | None:
    if not text:
        return default
    wanted = text.strip().lower()
    for value, label in choices:
        if wanted in (value, str(label).lower(), value.replace("_", " ")):
            return value
    return None


class RowsContext:
    """What the checks need from the database, read once for the whole file."""

    def __init__(self, rows: list[dict]):
        self.departments = {}
        for department in Department.objects.all():
            self.departments[department.name.lower()] = department
            self.departments[department.code.lower()] = department
        self.positions = {
            (position.department_id, position.title.lower()): position
            for position in Position.objects.all()
        }
        numbers = {row["employee_number"] for row in rows if row["employee_number"]}
        numbers |= {row["manager_number"] for row in rows if row["manager_number"]}
        self.existing = {
            employee.employee_number: employee
            for employee in Employee.objects.filter(employee_number__in=numbers).only(
                "pk", "employee_number", "status"
            )
        }


def rows_check(rows: list[dict]) -> dict[str, list[str]]:
    """Every problem of every row, keyed by the row's line in the file."""
    context = RowsContext(rows)
    errors: dict[str, list[str]] = {}
    first_line: dict[str, int] = {}
    for row in rows:
        problems = _row_problems(row, context)
        number = row["employee_number"]
        if number in first_line:
            problems.append(
                _("Employee number %(number)s is also on line %(line)d.")
                % {"number": number, "line": first_line[number]}
            )
        elif number:
            first_line[number] = row["line"]
        if problems:
            errors[str(row["line"])] = problems
    in_file = {row["employee_number"] for row in rows}
    for row in rows:
        manager = row["manager_number"]
        if manager and manager not in in_file and manager not in context.existing:
            errors.setdefault(str(row["line"]), []).append(
                _("Unknown manager %(number)s.") % {"number": manager}
            )
        elif manager and manager not in in_file and not _is_current(context.existing[manager]):
            errors.setdefault(str(row["line"]), []).append(
                _("Manager %(number)s has left.") % {"number": manager}
            )
    for line in _manager_cycles(rows):
        errors.setdefault(str(line), []).append(_("The managers in the file form a circle."))
    return errors


def _is_current(employee: Employee) -> bool:
    return employee.status in Employee.CURRENT


def _row_problems(row: dict, context: RowsContext) -> list[str]:
    problems = []
    labels = {key: str(label) for key, label, _lookup in employee_files.COLUMNS}
    for key in employee_files.REQUIRED:
        if not row[key]:
            problems.append(_("%(column)s is missing.") % {"column": labels[key]})
    limits = {
        "employee_number": 20,
        "first_name": 80,
        "last_name": 80,
        "work_phone": 30,
        "extension": 10,
    }
    for key, limit in limits.items():
        if len(row[key]) > limit:
            problems.append(
                _("%(column)s is longer than %(limit)d characters.")
                % {"column": labels[key], "limit": limit}
            )
    number = row["employee_number"]
    if number and number in context.existing:
        problems.append(_("Employee number %(number)s is already in use.") % {"number": number})
    if number and row["manager_number"] == number:
        problems.append(_("An employee cannot be their own manager."))
    if row["work_email"]:
        try:
            validate_email(row["work_email"])
        except ValidationError:
            problems.append(_("%(email)s is not an email address.") % {"email": row["work_email"]})
    problems += _organisation_problems(row, context)
    problems += _contract_problems(row, labels)
    return problems


def _organisation_problems(row: dict, context: RowsContext) -> list[str]:
    if not row["department"]:
        return []
    department = context.departments.get(row["department"].lower())
    if department is None:
        return [_("Unknown department %(name)s.") % {"name": row["department"]}]
    if row["position"] and (department.pk, row["position"].lower()) not in context.positions:
        return [
            _("Unknown position %(title)s in %(department)s.")
            % {"title": row["position"], "department": department.name}
        ]
    return []


def _dates(row: dict, labels: dict, problems: list) -> dict:
    parsed = {}
    for key in ("hire_date", "contract_end_date", "termination_date"):
        if not row[key]:
            parsed[key] = None
            continue
        try:
            parsed[key] = parse_date(row[key])
        except ValueError:
            parsed[key] = None
            problems.append(
                _("%(column)s %(value)s is not a date (YYYY-MM-DD).")
                % {"column": labels[key], "value": row[key]}
            )
    return parsed


def _contract_problems(row: dict, labels: dict) -> list[str]:
    problems: list[str] = []
    dates = _dates(row, labels, problems)
    status = _choice(Employee.Status.choices, row["status"], Employee.Status.ACTIVE)
    contract = _choice(
        Employee.ContractType.choices, row["contract_type"], Employee.ContractType.INDEFINITE
    )
    if status is None:
        problems.append(_("Unknown status %(value)s.") % {"value": row["status"]})
    if contract is None:
        problems.append(_("Unknown contract type %(value)s.") % {"value": row["contract_type"]})
    hired, ends, left = dates["hire_date"], dates["contract_end_date"], dates["termination_date"]
    if contract == Employee.ContractType.FIXED_TERM and not ends and not row["contract_end_date"]:
        problems.append(_("A fixed-term contract needs an end date."))
    if hired and ends and ends <= hired:
        problems.append(_("The contract must end after the hire date."))
    if status == Employee.Status.TERMINATED and not left and not row["termination_date"]:
        problems.append(_("A terminated employee needs a last working day."))
    if hired and left and left < hired:
        problems.append(_("The last working day cannot be before the hire date."))
    hours = _weekly_hours(row["weekly_hours"])
    if hours is None:
        problems.append(
            _("Weekly hours %(value)s is not a number above 0 and at most 60.")
            % {"value": row["weekly_hours"]}
        )
    elif contract == Employee.ContractType.PART_TIME and hours >= Employee.FULL_TIME_HOURS:
        problems.append(_("A part-time contract has fewer than 40 weekly hours."))
    return problems


def _weekly_hours(text: str) -> Decimal | None:
    if not text:
        return Employee.FULL_TIME_HOURS
    try:
        hours = Decimal(text.replace(",", ".")).quantize(Decimal("0.01"))
    except InvalidOperation:
        return None
    if not (Decimal("0") < hours <= Employee.MAX_WEEKLY_HOURS):
        return None
    return hours


def _manager_cycles(rows: list[dict]) -> list[int]:
    """Lines of rows whose chain of managers inside the file comes back to them."""
    manager_of = {r["employee_number"]: r["manager_number"] for r in rows if r["employee_number"]}
    line_of = {r["employee_number"]: r["line"] for r in rows}
    in_cycle = set()
    for start in manager_of:
        seen, current = set(), start
        while current in manager_of and current not in seen:
            seen.add(current)
            current = manager_of[current]
        if current == start:
            in_cycle.add(start)
    return sorted(line_of[number] for number in in_cycle)


# Employees ---------------------------------------------------------------------


def employee_from_row(row: dict, context: RowsContext, managers: dict) -> Employee:
    department = context.departments[row["department"].lower()]
    dates = {
        k: parse_date(row[k]) if row[k] else None for k in ("contract_end_date", "termination_date")
    }
    return Employee(
        employee_number=row["employee_number"],
        first_name=row["first_name"],
        last_name=row["last_name"],
        work_email=row["work_email"],
        work_phone=row["work_phone"],
        extension=row["extension"],
        department=department,
        position=context.positions[(department.pk, row["position"].lower())],
        manager=managers.get(row["manager_number"]) if row["manager_number"] else None,
        hire_date=parse_date(row["hire_date"]),
        status=_choice(Employee.Status.choices, row["status"], Employee.Status.ACTIVE),
        contract_type=_choice(
            Employee.ContractType.choices, row["contract_type"], Employee.ContractType.INDEFINITE
        ),
        contract_end_date=dates["contract_end_date"],
        termination_date=dates["termination_date"],
        weekly_hours=_weekly_hours(row["weekly_hours"]),
    )
