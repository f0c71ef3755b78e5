"""Writes of HR. Each sends the matching event for the other departments."""

from datetime import date
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from backoffice import events
from backoffice.errors import DomainError, clean_or_raise
from backoffice.workflow import require_status, transition
from hr.models.discipline import OffboardingItem, Termination
from hr.models.employees import Department, Employee, EmployeePersonal, EmploymentChange, Position

User = get_user_model()


class EmployeeError(DomainError):
    pass


TRACKED_FIELDS = (
    "department",
    "position",
    "manager",
    "status",
    "contract_type",
    "contract_end_date",
    "weekly_hours",
)


@transaction.atomic
def employee_hire(
    *,
    by,
    employee_number: str,
    first_name: str,
    last_name: str,
    department: Department,
    position: Position,
    hire_date: date,
    manager: Employee | None = None,
    work_email: str = "",
    work_phone: str = "",
    extension: str = "",
    contract_type: str = Employee.ContractType.INDEFINITE,
    contract_end_date: date | None = None,
    weekly_hours: Decimal = Employee.FULL_TIME_HOURS,
    user=None,
) -> Employee:
    if Employee.objects.filter(employee_number=employee_number).exists():
        raise EmployeeError(
            _("Employee number %(number)s is already in use.") % {"number": employee_number}
        )
    if position.department_id != department.pk:
        raise EmployeeError(_("The position belongs to another department."))
    employee = Employee(
        user=user,
        employee_number=employee_number,
        first_name=first_name,
        last_name=last_name,
        department=department,
        position=position,
        manager=manager,
        hire_date=hire_date,
        work_email=work_email,
        work_phone=work_phone,
        extension=extension,
        contract_type=contract_type,
        contract_end_date=contract_end_date,
        weekly_hours=weekly_hours,
    )
    clean_or_raise(employee, error=EmployeeError)
    employee._history_user = by
    employee.save()
    events.employee_hired.send(sender=Employee, employee=employee, by=by)
    return employee


def _change_row(*, employee, name, old, new, effective_date, reason, by) -> EmploymentChange:
    choices = dict(Employee._meta.get_field(name).flatchoices)

    def text(value):
        if value is None or value == "":
            return ""
        if choices:
            return str(choices.get(value, value))
        return str(value)

    def object_id(value):
        return value.pk if isinstance(value, models.Model) else None

    return EmploymentChange(
        employee=employee,
        effective_date=effective_date,
        field=name,
        old_value=text(old),
        new_value=text(new),
        old_object_id=object_id(old),
        new_object_id=object_id(new),
        reason=reason,
        recorded_by=by,
    )


@transaction.atomic
def employee_change(
    *,
    by,
    employee: Employee,
    effective_date: date | None = None,
    reason: str = "",
    **fields,
) -> Employee:
    """Change an employee's work record.

    Each tracked field that changes gets a dated `EmploymentChange` row, and
    the `employee_changed` event carries all of them.
    """
    effective_date = effective_date or timezone.localdate()
    employee = Employee.objects.select_for_update().get(pk=employee.pk)
    if effective_date < employee.hire_date:
        raise EmployeeError(_("A change cannot take effect before the hire date."))
    leaving = fields.get("status") == Employee.Status.TERMINATED
    if leaving and employee.status != Employee.Status.TERMINATED:
        # A departure has its own event and last day: employee_dismiss.
        raise EmployeeError(_("Record a departure with a dismissal, not a change."))
    changes = {}
    for name, value in fields.items():
        old = getattr(employee, name)
        if old != value:
            setattr(employee, name, value)
            if name in TRACKED_FIELDS:
                changes[name] = (old, value)
    if employee.position.department_id != employee.department_id:
        raise EmployeeError(_("The position belongs to another department."))
    clean_or_raise(employee, error=EmployeeError)
    employee._history_user = by
    employee.save()
    if changes:
        EmploymentChange.objects.bulk_create(
            _change_row(
                employee=employee,
                name=name,
                old=old,
                new=new,
                effective_date=effective_date,
                reason=reason,
                by=by,
            )
            for name, (old, new) in changes.items()
        )
        events.employee_changed.send(sender=Employee, employee=employee, by=by, changes=changes)
    return employee


@transaction.atomic
def employee_personal_update(*, by, employee: Employee, **fields) -> EmployeePersonal:
    """Create or update an employee's personal data."""
    personal = EmployeePersonal.objects.select_for_update().filter(
        employee=employee
    ).first() or EmployeePersonal(employee=employee)
    for name, value in fields.items():
        setattr(personal, name, value)
    clean_or_raise(personal, error=EmployeeError)
    personal._history_user = by
    personal.save()
    return personal


@transaction.atomic
def employee_dismiss(
    *,
    by,
    employee: Employee,
    reason: str,
    last_day: date,
    kind: str = Termination.Kind.DISMISSAL,
) -> Employee:
    """Record a departure of any kind, open its offboarding checklist, tell the others.

    Until the last working day has passed the employee is serving notice;
    `employees_deactivate_departed` (a daily task) then marks them terminated
    and closes their login. A last day already past does both at once.
    """
    employee = Employee.objects.select_for_update().get(pk=employee.pk)
    gone = _("%(name)s has already left or is serving notice.") % {"name": employee.full_name}
    require_status(employee, Employee.CURRENT, error=EmployeeError, message=gone)
    if employee.termination_date is not None:
        raise EmployeeError(gone)
    if last_day < employee.hire_date:
        raise EmployeeError(_("The last working day cannot be before the hire date."))
    if kind not in Termination.Kind.values:
        raise EmployeeError(_("Unknown kind of departure."))
    if not reason.strip():
        raise EmployeeError(_("Give the reason of the departure."))
    today = timezone.localdate()
    old_status = employee.status
    employee.termination_date = last_day
    clean_or_raise(employee, error=EmployeeError)
    transition(
        employee,
        to=Employee.Status.TERMINATED if last_day < today else Employee.Status.NOTICE,
        allowed_from=Employee.CURRENT,
        by=by,
        error=EmployeeError,
        message=gone,
        changes={"termination_date": last_day},
    )
    _change_row(
        employee=employee,
        name="status",
        old=old_status,
        new=employee.status,
        effective_date=max(today, employee.hire_date),
        reason=reason,
        by=by,
    ).save()
    if employee.user_id and last_day < today:
        User.objects.filter(pk=employee.user_id).update(is_active=False)
    termination = Termination(
        employee=employee, kind=kind, reason=reason, last_day=last_day, recorded_by=by
    )
    termination.full_clean()
    termination.save()
    OffboardingItem.objects.bulk_create(
        OffboardingItem(termination=termination, task=task, department=department)
        for task, department in OffboardingItem.CHECKLIST
    )
    events.employee_dismissed.send(
        sender=Employee, employee=employee, by=by, reason=reason, last_day=last_day, kind=kind
    )
    return employee
