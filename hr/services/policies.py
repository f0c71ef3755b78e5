"""Writes of policies: versions, publication, acknowledgements and reminders."""

from datetime import date

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from backoffice.errors import DomainError, clean_or_raise
from backoffice.models import Notification
from backoffice.services import notification_send
from backoffice.workflow import require_status, transition
from hr.models.employees import Employee
from hr.models.policies import Policy, PolicyAcknowledgement, PolicyVersion
from hr.selectors.policies import employees_bound_by, pending_acknowledgement, policies_for

User = get_user_model()


class PolicyError(DomainError):
    pass


@transaction.atomic
def policy_create(
    *,
    by,
    title: str,
    category: str,
    applies_to_all: bool = True,
    departments=(),
) -> Policy:
    if not applies_to_all and not departments:
        raise PolicyError(_("Choose the departments the policy applies to, or everyone."))
    policy = Policy(title=title, category=category, applies_to_all=applies_to_all)
    clean_or_raise(policy, error=PolicyError)
    policy.save()
    if not applies_to_all:
        policy.departments.set(departments)
    return policy


@transaction.atomic
def policy_version_create(
    *, by, policy: Policy, effective_date: date, text: str = "", file=None
) -> PolicyVersion:
    """A draft of the next version; people see it once it is published."""
    if not text.strip() and not file:
        raise PolicyError(_("A version needs its text or a PDF file."))
    policy = Policy.objects.select_for_update().get(pk=policy.pk)
    last = policy.versions.aggregate(last=Max("version"))["last"] or 0
    version = PolicyVersion(
        policy=policy, version=last + 1, effective_date=effective_date, text=text.strip()
    )
    if file:
        version.file = file
    clean_or_raise(version, error=PolicyError)
    version._history_user = by
    version.save()
    return version


@transaction.atomic
def policy_version_publish(*, by, version: PolicyVersion) -> PolicyVersion:
    """Make the version current: everyone it applies to must now acknowledge it."""
    policy = Policy.objects.select_for_update().get(pk=version.policy_id)
    version = PolicyVersion.objects.select_for_update().get(pk=version.pk)
    already = _("Version %(n)d is already published.") % {"n": version.version}
    require_status(version, [False], error=PolicyError, message=already, field="published")
    current = policy.current_version
    if current is not None and current.version > version.version:
        raise PolicyError(
            _("Version %(n)d is older than the current version %(current)d.")
            % {"n": version.version, "current": current.version}
        )
    transition(
        version,
        to=True,
        allowed_from=[False],
        by=by,
        error=PolicyError,
        message=already,
        changes={"published_at": timezone.now()},
        field="published",
        reason="published",
    )
    policy.current_version = version
    policy.save(update_fields=["current_version"])
    if policy.is_active:
        notification_send(
            recipients=User.objects.filter(
                employee__in=employees_bound_by(version).values("pk"), is_active=True
            ),
            title=_("Please read and acknowledge: %(policy)s, version %(n)d")
            % {"policy": policy.title, "n": version.version},
            url=reverse("hr:policy-mine"),
            level=Notification.Level.WARNING,
            source="hr.policy",
        )
    return version


@transaction.atomic
def policy_acknowledge(*, by, version: PolicyVersion) -> PolicyAcknowledgement:
    """The signed-in person acknowledges the current version of a policy for them.

    Always for `by` themselves: nobody acknowledges for someone else. Doing it
    twice keeps the first acknowledgement.
    """
    employee = Employee.objects.filter(user=by).first() if by.is_authenticated else None
    if employee is None:
        raise PolicyError(_("Only employees acknowledge policies."))
    if not policies_for(employee).filter(current_version=version).exists():
        raise PolicyError(_("This is not the current version of a policy that applies to you."))
    existing = PolicyAcknowledgement.objects.filter(employee=employee, version=version).first()
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            return PolicyAcknowledgement.objects.create(employee=employee, version=version)
    except IntegrityError:
        # The same person pressed twice at once: the first one counts.
        return PolicyAcknowledgement.objects.get(employee=employee, version=version)


@transaction.atomic
def policy_reminders_send(*, by, version: PolicyVersion) -> int:
    """Remind everyone who has not yet acknowledged the current version."""
    if not version.published or version.policy.current_version_id != version.pk:
        raise PolicyError(_("Only the current published version can be reminded."))
    recipients = User.objects.filter(
        employee__in=pending_acknowledgement(version).values("pk"), is_active=True
    )
    sent = notification_send(
        recipients=recipients,
        title=_("Reminder: please read and acknowledge %(policy)s, version %(n)d")
        % {"policy": version.policy.title, "n": version.version},
        url=reverse("hr:policy-mine"),
        level=Notification.Level.WARNING,
        source="hr.policy",
        email=True,
    )
    return len(sent)
