"""Incidents, warnings and escalation proposals (dismissal cases: `hr.services.dismissals`)."""

from datetime import date

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from backoffice.errors import DomainError
from backoffice.services import notification_send
from backoffice.workflow import transition
from hr.models.discipline import (
    DisciplineProposal,
    EscalationRule,
    Incident,
    Warning,
)
from hr.models.employees import Employee

User = get_user_model()
Proposal = EscalationRule.Proposal


class DisciplineError(DomainError):
    pass


def employee_require_current(employee: Employee) -> None:
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
    employee_require_current(employee)
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


def proposals_mark_acted_on(*, by, employee: Employee, proposes: str) -> None:
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
    employee_require_current(employee)
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
        proposals_mark_acted_on(by=by, employee=employee, proposes=Proposal.FINAL_WARNING)
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
