"""Reads of HR, limited to what the asking user may see."""

from django.db.models import Count, Q, QuerySet

from hr.models import Department, Employee


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
