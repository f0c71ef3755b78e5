"""Incidents, warnings, escalation, dismissal cases, other departures and offboarding."""

from datetime import date

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from backoffice.errors import DomainError, clean_or_raise
from backoffice.services import notification_send
from backoffice.workflow import require_status, transition
from hr.models.discipline import (
    DisciplineProposal,
    DismissalCase,
    EscalationRule,
    Incident,
    Termination,
    Warning,
)
from hr.models.employees import Employee, EmploymentChange
from hr.services.employees import employee_dismiss

User = get_user_model()
Proposal = EscalationRule.Proposal


class DisciplineError(DomainError):
    pass


NOT_AWAITING = gettext_lazy("This dismissal case is no longer awaiting agreement.")


def _require_current(employee: Employee) -> None:
    if not employee.is_current:
        raise DisciplineError(_("%(name)s no longer works here.") % {"name": employee.full_name})


# Incidents and escalation ------------------------------------------------------


@transaction.atomic
def incident_record(
    *,
    by,
    employee: Employee,
    occurred_on: date,
    description: str,
    reported_by: Employee | None = None,
) -> tuple[Incident, list[DisciplineProposal]]:
    """Record an incident and return it with the proposals the escalation rules made."""
    _require_current(employee)
    if occurred_on > timezone.localdate():
        raise DisciplineError(_("An incident cannot be dated in the future."))
    if occurred_on < employee.hire_date:
        raise DisciplineError(_("An incident cannot be dated before the hire date."))
    incident = Incident(
        employee=employee,
        occurred_on=occurred_on,
        description=description.strip(),
        reported_by=reported_by,
        recorded_by=by,
    )
    incident.full_clean()
    incident.save()
    return incident, escalation_evaluate(incident=incident)


def escalation_evaluate(*, incident: Incident) -> list[DisciplineProposal]:
    """Apply every rule in use to the employee's active warnings; one query for the counts."""
    counts = (
        Warning.objects.active()
        .filter(employee_id=incident.employee_id)
        .aggregate(
            final=Count("pk", filter=Q(level=Warning.Level.FINAL)),
            written=Count("pk", filter=Q(level=Warning.Level.WRITTEN)),
        )
    )
    open_steps = set(
        DisciplineProposal.objects.filter(
            employee_id=incident.employee_id, status=DisciplineProposal.Status.OPEN
        ).values_list("proposes", flat=True)
    )
    made = []
    for rule in EscalationRule.objects.filter(is_active=True).order_by("pk"):
        if rule.condition == EscalationRule.Condition.FINAL_ACTIVE:
            holds = counts["final"] >= rule.threshold
        else:
            holds = counts["written"] >= rule.threshold
        # With a final warning active, a further final warning is no step up.
        if rule.proposes == Proposal.FINAL_WARNING and counts["final"]:
            holds = False
        if holds and rule.proposes not in open_steps:
            open_steps.add(rule.proposes)
            made.append(
                DisciplineProposal.objects.create(
                    employee_id=incident.employee_id,
                    incident=incident,
                    rule=rule,
                    proposes=rule.proposes,
                )
            )
    return made


# The rules a new install starts with (also added by migration hr.0004).
DEFAULT_ESCALATION_RULES = [
    (
        "A new incident while a final warning is active",
        EscalationRule.Condition.FINAL_ACTIVE,
        1,
        Proposal.DISMISSAL,
    ),
    (
        "Two active written warnings",
        EscalationRule.Condition.WRITTEN_COUNT,
        2,
        Proposal.FINAL_WARNING,
    ),
]


def escalation_rules_ensure_defaults() -> None:
    """Give an empty rule table the default rules; rules already there are left alone."""
    if EscalationRule.objects.exists():
        return
    EscalationRule.objects.bulk_create(
        EscalationRule(name=name, condition=condition, threshold=threshold, proposes=proposes)
        for name, condition, threshold, proposes in DEFAULT_ESCALATION_RULES
    )


def _proposal_decide(*, by, proposal: DisciplineProposal, to: str) -> DisciplineProposal:
    return transition(
        proposal,
        to=to,
        allowed_from=[DisciplineProposal.Status.OPEN],
        by=by,
        stamp="decided",
        error=DisciplineError,
        message=_("This proposal has already been decided."),
    )


def _proposals_acted_on(*, by, employee: Employee, proposes: str) -> None:
    # At most one: one open proposal per employee and step (a unique constraint).
    for proposal in DisciplineProposal.objects.select_for_update().filter(
        employee=employee, proposes=proposes, status=DisciplineProposal.Status.OPEN
    ):
        _proposal_decide(by=by, proposal=proposal, to=DisciplineProposal.Status.ACTED_ON)


@transaction.atomic
def proposal_decline(*, by, proposal: DisciplineProposal) -> DisciplineProposal:
    proposal = DisciplineProposal.objects.select_for_update().get(pk=proposal.pk)
    return _proposal_decide(by=by, proposal=proposal, to=DisciplineProposal.Status.DECLINED)


# Warnings ------------------------------------------------------------------------


@transaction.atomic
def warning_issue(
    *,
    by,
    employee: Employee,
    level: str,
    reason: str,
    expected_change: str,
    issued_on: date,
    expires_on: date,
    incidents=(),
    shared_with_manager: bool = False,
) -> Warning:
    _require_current(employee)
    if expires_on <= issued_on:
        raise DisciplineError(_("The expiry date must be after the issue date."))
    if issued_on < employee.hire_date:
        raise DisciplineError(_("A warning cannot be issued before the hire date."))
    incidents = list(incidents)
    if any(incident.employee_id != employee.pk for incident in incidents):
        raise DisciplineError(_("A linked incident belongs to another employee."))
    warning = Warning(
        employee=employee,
        level=level,
        reason=reason.strip(),
        expected_change=expected_change.strip(),
        issued_on=issued_on,
        expires_on=expires_on,
        shared_with_manager=shared_with_manager,
        issued_by=by,
    )
    warning.full_clean()
    warning._history_user = by
    warning.save()
    warning.incidents.set(incidents)
    if level == Warning.Level.FINAL:
        _proposals_acted_on(by=by, employee=employee, proposes=Proposal.FINAL_WARNING)
    if employee.user_id:
        notification_send(
            recipients=[employee.user],
            title=_("You have received a %(level)s warning; please read and acknowledge it.")
            % {"level": warning.get_level_display().lower()},
            url=reverse("hr:warning-detail", args=[warning.pk]),
            source="hr.warning",
        )
    return warning


@transaction.atomic
def warning_acknowledge(*, by, warning: Warning) -> Warning:
    warning = (
        Warning.objects.select_for_update(of=("self",))
        .select_related("employee")
        .get(pk=warning.pk)
    )
    if warning.employee.user_id != by.pk:
        raise DisciplineError(_("Only the employee who received a warning acknowledges it."))
    if warning.acknowledged_at is not None:
        raise DisciplineError(_("You have already acknowledged this warning."))
    warning.acknowledged_at = timezone.now()
    warning._history_user = by
    warning.save()
    return warning


@transaction.atomic
def warning_share(*, by, warning: Warning, shared: bool) -> Warning:
    warning = Warning.objects.select_for_update().get(pk=warning.pk)
    warning.shared_with_manager = shared
    warning._history_user = by
    warning.save()
    return warning


# Dismissal cases -------------------------------------------------------------------


@transaction.atomic
def dismissal_case_open(*, by, employee: Employee, reason: str, last_day: date) -> DismissalCase:
    employee = (
        Employee.objects.select_for_update(of=("self",))
        .select_related("manager")
        .get(pk=employee.pk)
    )
    _require_current(employee)
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
    _proposals_acted_on(by=by, employee=employee, proposes=Proposal.DISMISSAL)
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
