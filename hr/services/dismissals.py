"""Departures decided by HR: dismissal cases agreed by HR and the manager
(two people), other departures, and closing the logins of those who left.

Offboarding items are `hr.services.offboarding`'s.
"""

from datetime import date

from django.contrib.auth import get_user_model
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from backoffice.errors import clean_or_raise
from backoffice.services import notification_send
from backoffice.workflow import require_status, transition
from hr.models.discipline import (
    DismissalCase,
    Termination,
)
from hr.models.employees import Employee, EmploymentChange
from hr.services.discipline import (
    DisciplineError,
    Proposal,
    employee_require_current,
    proposals_mark_acted_on,
)
from hr.services.employees import employee_dismiss

User = get_user_model()

NOT_AWAITING = gettext_lazy("This dismissal case is no longer awaiting agreement.")


# Dismissal cases -------------------------------------------------------------------


@transaction.atomic
def dismissal_case_open(*, by, employee: Employee, reason: str, last_day: date) -> DismissalCase:
    employee = (
        Employee.objects.select_for_update(of=("self",))
        .select_related("manager")
        .get(pk=employee.pk)
    )
    employee_require_current(employee)
    if employee.termination_date is not None:
        raise DisciplineError(
            _("%(name)s is already serving notice.") % {"name": employee.full_name}
        )
    if last_day < employee.hire_date:
        raise DisciplineError(_("The last working day cannot be before the hire date."))
    if DismissalCase.objects.filter(
        employee=employee, status=DismissalCase.Status.AWAITING
    ).exists():
        raise DisciplineError(
            _("%(name)s already has an open dismissal case.") % {"name": employee.full_name}
        )
    manager = employee.manager
    if manager is None or manager.user_id is None:
        raise DisciplineError(
            _(
                "A dismissal needs the agreement of the employee's manager; "
                "record a manager with a login first."
            )
        )
    case = DismissalCase(
        employee=employee, manager=manager, reason=reason.strip(), last_day=last_day, opened_by=by
    )
    clean_or_raise(case, error=DisciplineError)
    case._history_user = by
    case.save()
    proposals_mark_acted_on(by=by, employee=employee, proposes=Proposal.DISMISSAL)
    notification_send(
        recipients=[manager.user],
        title=_("Your agreement is asked to dismiss %(name)s") % {"name": employee.full_name},
        url=reverse("hr:dismissal-detail", args=[case.pk]),
        source="hr.dismissal",
    )
    return case


def _agreement_of(*, by, case: DismissalCase, as_manager: bool) -> str:
    """Whose agreement `by` gives ("manager_agreed" or "hr_agreed"), once it is theirs to give."""
    if case.employee.user_id == by.pk:
        raise DisciplineError(_("Nobody agrees to their own dismissal."))
    if as_manager:
        if case.manager.user_id != by.pk or not by.has_perm("hr.agree_dismissalcase"):
            raise DisciplineError(_("Only the employee's manager gives this agreement."))
        if case.manager_agreed_by_id:
            raise DisciplineError(_("The manager has already agreed."))
        if case.hr_agreed_by_id == by.pk:
            raise DisciplineError(_("You agreed for HR; the manager must be another person."))
        return "manager_agreed"
    if not by.has_perm("hr.change_dismissalcase"):
        raise DisciplineError(_("Only HR gives this agreement."))
    if case.hr_agreed_by_id:
        raise DisciplineError(_("HR has already agreed."))
    if case.manager_agreed_by_id == by.pk:
        raise DisciplineError(_("You agreed as the manager; HR must be another person."))
    return "hr_agreed"


@transaction.atomic
def dismissal_case_agree(*, by, case: DismissalCase, as_manager: bool) -> DismissalCase:
    """Record HR's or the manager's agreement; the second one dismisses the employee.

    Each agreement is a step of the case's workflow: the first keeps it
    awaiting, the second completes it; both stamp who agreed and when.
    """
    case = (
        DismissalCase.objects.select_for_update(of=("self",))
        .select_related("employee", "manager")
        .get(pk=case.pk)
    )
    awaiting = [DismissalCase.Status.AWAITING]
    require_status(case, awaiting, error=DisciplineError, message=str(NOT_AWAITING))
    stamp = _agreement_of(by=by, case=case, as_manager=as_manager)
    to, changes = DismissalCase.Status.AWAITING, {}
    if case.hr_agreed_by_id or case.manager_agreed_by_id:  # the other one agreed already
        employee_dismiss(
            by=by,
            employee=case.employee,
            reason=case.reason,
            last_day=case.last_day,
            kind=Termination.Kind.DISMISSAL,
        )
        to = DismissalCase.Status.COMPLETED
        changes["termination"] = case.employee.terminations.order_by("-pk").first()
    return transition(
        case,
        to=to,
        allowed_from=awaiting,
        by=by,
        stamp=stamp,
        error=DisciplineError,
        changes=changes,
        reason=f"{stamp.replace('_', ' ')}: awaiting -> {to}",
    )


@transaction.atomic
def dismissal_case_withdraw(*, by, case: DismissalCase) -> DismissalCase:
    case = DismissalCase.objects.select_for_update().get(pk=case.pk)
    return transition(
        case,
        to=DismissalCase.Status.WITHDRAWN,
        allowed_from=[DismissalCase.Status.AWAITING],
        by=by,
        error=DisciplineError,
        message=str(NOT_AWAITING),
    )


# Other departures (offboarding: hr.services.offboarding) ----------------------------


@transaction.atomic
def employee_terminate(
    *, by, employee: Employee, kind: str, reason: str, last_day: date
) -> Termination:
    """A departure other than a dismissal: resignation, end of contract, and so on."""
    if kind == Termination.Kind.DISMISSAL:
        raise DisciplineError(_("A dismissal goes through a dismissal case."))
    if DismissalCase.objects.filter(
        employee=employee, status=DismissalCase.Status.AWAITING
    ).exists():
        raise DisciplineError(_("Withdraw the open dismissal case first."))
    employee_dismiss(by=by, employee=employee, reason=reason, last_day=last_day, kind=kind)
    return employee.terminations.order_by("-pk").first()


@transaction.atomic
def employees_deactivate_departed(*, today: date | None = None) -> int:
    """Terminate and close the logins of everyone whose last working day has passed.

    Set-based and safe to run again: it only touches rows not yet done, and
    rows another run holds are skipped. Returns how many employees it terminated.
    The one status move not made with `transition()`, which saves one locked
    row: a daily batch moves every departed employee in one UPDATE and writes
    their history rows with one bulk insert instead.
    """
    today = today or timezone.localdate()
    ids = list(
        Employee.objects.select_for_update(skip_locked=True)
        .filter(termination_date__lt=today)
        .exclude(status=Employee.Status.TERMINATED)
        .values_list("pk", flat=True)
    )
    leaving = list(Employee.objects.filter(pk__in=ids).only("pk", "status"))
    Employee.objects.filter(pk__in=ids).update(status=Employee.Status.TERMINATED)
    terminated = list(Employee.objects.filter(pk__in=ids))
    Employee.history.bulk_history_create(
        terminated, update=True, default_change_reason="last working day passed"
    )
    reason = _("The last working day has passed.")
    EmploymentChange.objects.bulk_create(
        EmploymentChange(
            employee_id=employee.pk,
            effective_date=today,
            field=EmploymentChange.Field.STATUS,
            old_value=str(Employee.Status(employee.status).label),
            new_value=str(Employee.Status.TERMINATED.label),
            reason=reason,
        )
        for employee in leaving
    )
    User.objects.filter(employee__termination_date__lt=today, is_active=True).update(
        is_active=False
    )
    return len(ids)
