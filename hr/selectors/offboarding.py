"""Reads of offboarding: HR's checklist of departures, and each department's own items."""

from django.db.models import QuerySet

from hr.models.discipline import OffboardingItem, Termination

# Who works in the department that owns an item (the area permissions of
# `backoffice.roles`); HR's own items are read through the HR checklist.
DEPARTMENT_PERMISSION = {
    OffboardingItem.Department.IT: "backoffice.access_it",
    OffboardingItem.Department.PAYROLL: "backoffice.access_accounting",
}


def terminations_with_open_items() -> QuerySet[Termination]:
    return (
        Termination.objects.filter(items__done_at__isnull=True)
        .distinct()
        .select_related("employee", "recorded_by")
        .order_by("last_day", "pk")
    )


def offboarding_items_of(terminations) -> QuerySet[OffboardingItem]:
    return (
        OffboardingItem.objects.filter(termination__in=terminations)
        .select_related("done_by")
        .order_by("termination_id", "pk")
    )


def offboarding_items_of_department(user, *, department: str) -> QuerySet[OffboardingItem]:
    """A department's items of every departure, open and done, with the leaver;
    none unless the user works in that department."""
    permission = DEPARTMENT_PERMISSION.get(department)
    items = OffboardingItem.objects.filter(department=department).select_related(
        "termination__employee", "done_by"
    )
    if permission is None or not user.is_authenticated or not user.has_perm(permission):
        return items.none()
    return items.order_by("termination__last_day", "termination_id", "pk")
