"""Reads of policies and their acknowledgements."""

from django.db.models import Exists, OuterRef, Q, QuerySet, Subquery

from hr.models.employees import Employee
from hr.models.policies import Policy, PolicyAcknowledgement, PolicyVersion


def _applies_to(employee: Employee) -> Q:
    return Q(applies_to_all=True) | Q(departments=employee.department_id)


def policies_for(employee: Employee | None) -> QuerySet[Policy]:
    """The active policies that apply to the employee and have a published version,
    each with `acknowledged_at` for its current version (None: still to read)."""
    if employee is None:
        return Policy.objects.none()
    applicable = Policy.objects.filter(
        _applies_to(employee), is_active=True, current_version__isnull=False
    ).values("pk")
    acknowledged = PolicyAcknowledgement.objects.filter(
        employee=employee, version=OuterRef("current_version")
    ).values("acknowledged_at")[:1]
    return (
        Policy.objects.filter(pk__in=applicable)
        .select_related("current_version")
        .annotate(acknowledged_at=Subquery(acknowledged))
        .order_by("title")
    )


def policy_version_readable_by(user, version: PolicyVersion) -> bool:
    """HR reads every version; an employee the current version of a policy for them."""
    if not user.is_authenticated:
        return False
    if user.has_perm("hr.view_policyversion"):
        return True
    employee = Employee.objects.filter(user=user).first()
    if employee is None:
        return False
    return policies_for(employee).filter(current_version=version).exists()


def employees_bound_by(version: PolicyVersion) -> QuerySet[Employee]:
    """Current employees the version's policy applies to, each with `acknowledged_at`."""
    policy = version.policy
    employees = Employee.objects.filter(status__in=Employee.CURRENT)
    if not policy.applies_to_all:
        employees = employees.filter(department__in=policy.departments.values("pk"))
    acknowledged = PolicyAcknowledgement.objects.filter(
        employee=OuterRef("pk"), version=version
    ).values("acknowledged_at")[:1]
    return (
        employees.select_related("department", "position")
        .annotate(acknowledged_at=Subquery(acknowledged))
        .order_by("last_name", "first_name", "pk")
    )


def pending_acknowledgement(version: PolicyVersion) -> QuerySet[Employee]:
    return employees_bound_by(version).exclude(
        Exists(PolicyAcknowledgement.objects.filter(employee=OuterRef("pk"), version=version))
    )


def acknowledgement_counts(version: PolicyVersion) -> dict:
    bound = employees_bound_by(version)
    total = bound.count()
    done = bound.filter(acknowledged_at__isnull=False).count()
    return {"total": total, "done": done, "pending": total - done}
