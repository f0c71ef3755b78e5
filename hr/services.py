"""Writes of HR. Each sends the matching event for the other departments."""

from datetime import date

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils.translation import gettext as _

from backoffice import events
from backoffice.errors import DomainError
from hr.models import Department, Employee, Position

User = get_user_model()


class EmployeeError(DomainError):
    pass


TRACKED_FIELDS = ("department", "position", "manager", "status")


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
    )
    employee.full_clean()
    employee._history_user = by
    employee.save()
    events.employee_hired.send(sender=Employee, employee=employee, by=by)
    return employee


@transaction.atomic
def employee_change(*, by, employee: Employee, **fields) -> Employee:
    """Change an employee's work record; tracked changes send `employee_changed`."""
    employee = Employee.objects.select_for_update().get(pk=employee.pk)
    changes = {}
    for name, value in fields.items():
        old = getattr(employee, name)
        if old != value:
            setattr(employee, name, value)
            if name in TRACKED_FIELDS:
                changes[name] = (old, value)
    employee.full_clean()
    employee._history_user = by
    employee.save()
    if changes:
        events.employee_changed.send(sender=Employee, employee=employee, by=by, changes=changes)
    return employee


@transaction.atomic
def employee_dismiss(*, by, employee: Employee, reason: str, last_day: date) -> Employee:
    employee = Employee.objects.select_for_update().get(pk=employee.pk)
    if employee.status == Employee.Status.TERMINATED:
        raise EmployeeError(_("%(name)s has already left.") % {"name": employee.full_name})
    if last_day < employee.hire_date:
        raise EmployeeError(_("The last working day cannot be before the hire date."))
    employee.status = Employee.Status.TERMINATED
    employee.termination_date = last_day
    employee.full_clean()
    employee._history_user = by
    employee.save()
    events.employee_dismissed.send(
        sender=Employee, employee=employee, by=by, reason=reason, last_day=last_day
    )
    return employee
