"""Reads of HR, limited to what the asking user may see."""

from django.db.models import Count, Q, QuerySet

from hr.models.employees import Department, Employee, EmployeePersonal, EmploymentChange


def employee_for_user(user) -> Employee | None:
    if not user.is_authenticated:
        return None
    return (
        Employee.objects.select_related("department", "position", "manager")
        .filter(user=user)
        .first()
    )


def directory() -> QuerySet[Employee]:
    """The staff directory: current employees with their work details only."""
    return (
        Employee.objects.filter(status__in=Employee.CURRENT)
        .select_related("department", "position", "manager")
        .only(
            "first_name",
            "last_name",
            "employee_number",
            "work_email",
            "work_phone",
            "extension",
            "status",
            "department__name",
            "position__title",
            "manager__first_name",
            "manager__last_name",
        )
    )


def team_of(manager: Employee) -> QuerySet[Employee]:
    return directory().filter(manager=manager)


def headcount_by_department() -> list[dict]:
    return list(
        Department.objects.annotate(
            headcount=Count("employees", filter=Q(employees__status__in=Employee.CURRENT))
        )
        .values("name", "headcount")
        .order_by("name")
    )


def employees_visible_to(user) -> QuerySet[Employee]:
    """Full employee records: HR sees everyone, anyone else only themselves."""
    employees = Employee.objects.select_related("department", "position", "manager", "user")
    if user.has_perm("hr.view_employee"):
        return employees
    return employees.filter(user=user)


def personal_data_allowed(user, employee: Employee) -> bool:
    return _is_hr_or_self(user, employee, "hr.view_employeepersonal")


def _is_hr_or_self(user, employee: Employee, perm: str) -> bool:
    if not user.is_authenticated:
        return False
    return user.has_perm(perm) or (employee.user_id is not None and employee.user_id == user.pk)


def personal_data_visible_to(user, employee: Employee) -> EmployeePersonal | None:
    """The employee's personal data, for HR and the employee themselves only."""
    if not personal_data_allowed(user, employee):
        return None
    return EmployeePersonal.objects.filter(employee=employee).first()


def employment_history_visible_to(user, employee: Employee) -> QuerySet[EmploymentChange]:
    """Dated changes of position, department, manager and status: HR and the employee."""
    if not _is_hr_or_self(user, employee, "hr.view_employmentchange"):
        return EmploymentChange.objects.none()
    return EmploymentChange.objects.filter(employee=employee).select_related("recorded_by")
