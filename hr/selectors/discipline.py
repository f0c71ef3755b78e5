"""Reads of discipline and departures, limited to what the user may see."""

from django.db.models import QuerySet

from hr.models.discipline import (
    DisciplineProposal,
    DismissalCase,
    Incident,
    Warning,
)


def warnings_visible_to(user) -> QuerySet[Warning]:
    """Whole warnings: HR sees all, an employee their own; managers none (see below)."""
    warnings = Warning.objects.with_is_active().select_related("employee", "issued_by")
    if not user.is_authenticated:
        return warnings.none()
    if user.has_perm("hr.view_warning"):
        return warnings
    if user.has_perm("hr.acknowledge_warning"):
        return warnings.filter(employee__user=user)
    return warnings.none()


def team_warnings_shared_with(user) -> QuerySet:
    """What a manager may know of their team's warnings: who, level and dates, no details.

    Rows are dictionaries, so the reason and expected change never leave the
    database for a manager.
    """
    if not user.is_authenticated or not user.has_perm("hr.view_team_warning"):
        return Warning.objects.none().values()
    return (
        Warning.objects.with_is_active()
        .filter(employee__manager__user=user, shared_with_manager=True)
        .values(
            "employee__first_name",
            "employee__last_name",
            "level",
            "issued_on",
            "expires_on",
            "is_active",
        )
        .order_by("-issued_on", "employee__last_name")
    )


def incidents_of(employee) -> QuerySet[Incident]:
    return Incident.objects.filter(employee=employee).select_related("reported_by", "recorded_by")


def proposals_open() -> QuerySet[DisciplineProposal]:
    return DisciplineProposal.objects.filter(status=DisciplineProposal.Status.OPEN).select_related(
        "employee", "incident", "rule"
    )


def dismissal_cases_visible_to(user) -> QuerySet[DismissalCase]:
    """HR sees every case; a manager the cases that ask for their own agreement."""
    cases = DismissalCase.objects.select_related(
        "employee", "manager", "hr_agreed_by", "manager_agreed_by", "opened_by"
    )
    if not user.is_authenticated:
        return cases.none()
    # Nobody handles their own dismissal, whatever their role.
    cases = cases.exclude(employee__user=user)
    if user.has_perm("hr.view_dismissalcase"):
        return cases
    if user.has_perm("hr.agree_dismissalcase"):
        return cases.filter(manager__user=user)
    return cases.none()
