"""Writes of onboarding: the checklist of a new employee and its tasks."""

from datetime import timedelta

from django.contrib.auth.tokens import default_token_generator
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from backoffice.errors import DomainError
from backoffice.mail import MailClaim, mail_send
from hr.models.employees import Employee
from hr.models.onboarding import (
    OnboardingChecklist,
    OnboardingTask,
    OnboardingTemplate,
    OnboardingTemplateTask,
)


class OnboardingError(DomainError):
    pass


# The standard tasks (title, responsible, days after the start date); the
# same list migration hr.0004 writes, used again should that template be gone.
STANDARD_TEMPLATE = "Standard onboarding"
STANDARD_TASKS = [
    ("Sign the employment contract", "hr", -3),
    ("Create the IT account and hand over the equipment", "it", 0),
    ("Workplace tour and introductions", "manager", 0),
    ("Mandatory training (safety, data protection)", "hr", 7),
    ("First-week check-in with the manager", "manager", 5),
]


def onboarding_default_template() -> OnboardingTemplate:
    """The template marked default; without any, the standard one, made again."""
    template = OnboardingTemplate.objects.filter(is_default=True).first()
    if template is not None:
        return template
    template, created = OnboardingTemplate.objects.get_or_create(
        name=STANDARD_TEMPLATE, defaults={"is_default": True}
    )
    if created:
        OnboardingTemplateTask.objects.bulk_create(
            OnboardingTemplateTask(
                template=template, title=title, responsible=who, due_days=days, order=order
            )
            for order, (title, who, days) in enumerate(STANDARD_TASKS, start=1)
        )
    return template


@transaction.atomic
def onboarding_start(
    *, by, employee: Employee, template: OnboardingTemplate | None = None, site_url: str = ""
) -> OnboardingChecklist:
    """Make the employee's checklist from a template (the default one unless given).

    With `site_url` (the address the product is served at) and a login with
    an email, the new employee is sent a link to set their password once the
    transaction commits.
    """
    from hr.tasks import onboarding_welcome_email_task

    if OnboardingChecklist.objects.filter(employee=employee).exists():
        raise OnboardingError(
            _("%(name)s already has an onboarding checklist.") % {"name": employee.full_name}
        )
    template = template or onboarding_default_template()
    checklist = OnboardingChecklist.objects.create(
        employee=employee, template=template, started_by=by
    )
    OnboardingTask.objects.bulk_create(
        OnboardingTask(
            checklist=checklist,
            title=task.title,
            responsible=task.responsible,
            due_date=employee.hire_date + timedelta(days=task.due_days),
            order=task.order,
        )
        for task in template.tasks.all()
    )
    if site_url and employee.user_id and employee.user.email:
        transaction.on_commit(lambda: onboarding_welcome_email_task.delay(checklist.pk, site_url))
    return checklist


@transaction.atomic
def onboarding_task_set_done(*, by, task: OnboardingTask, done: bool) -> OnboardingTask:
    task = OnboardingTask.objects.select_for_update().get(pk=task.pk)
    if done == task.is_done:
        return task
    task.done_at = timezone.now() if done else None
    task.done_by = by if done else None
    task.save(update_fields=["done_at", "done_by"])
    return task


def onboarding_welcome_email(*, checklist_id: int, site_url: str) -> bool:
    """Email the new employee a link to set their password, once however often it runs.

    The link is Django's password-reset link: the token is made now, from
    the user's state, and stops working once the password is set. A refused
    message is kept by the outbox and sent by a retry.
    """
    checklist = (
        OnboardingChecklist.objects.select_related("employee__user")
        .filter(pk=checklist_id, welcome_sent_at__isnull=True)
        .first()
    )
    user = checklist.employee.user if checklist else None
    if user is None or not user.email:
        return False
    path = reverse(
        "password_reset_confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
    context = {
        "employee": checklist.employee,
        "username": user.get_username(),
        "link": site_url.rstrip("/") + path,
    }
    return mail_send(
        key=f"hr.onboarding_welcome:{checklist.pk}",
        to=[user.email],
        subject=_("Welcome: set your back-office password"),
        body=render_to_string("hr/email/welcome.txt", context),
        claim=MailClaim(checklist, "welcome_sent_at"),
    )
