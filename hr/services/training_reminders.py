"""The daily training round: reminders of overdue and expiring training, renewals."""

from datetime import date

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from backoffice.models import Notification
from backoffice.services import notification_send
from hr.models.training import Course, TrainingAssignment
from hr.selectors.training import EXPIRY_WARNING_DAYS, assignments_expiring, assignments_overdue
from hr.services.training import open_assignment

User = get_user_model()


def _notify_people(*, employee_ids: set[int], title: str, url: str, level: str) -> int:
    users = User.objects.filter(employee__pk__in=employee_ids, is_active=True)
    return len(
        notification_send(
            recipients=users, title=title, url=url, level=level, source="hr.training", email=True
        )
    )


@transaction.atomic
def training_reminders_send(*, today: date | None = None) -> dict:
    """The daily round: remind people of overdue and soon-expiring training and
    re-assign the mandatory courses whose certificate runs out.

    Each assignment is reminded once (claimed with a conditional UPDATE), and a
    course is re-assigned only to people with no open assignment of it, so a
    second run the same day sends and creates nothing.
    """
    today = today or timezone.localdate()
    my_training = reverse("hr:training-mine")

    overdue_ids = list(
        assignments_overdue(today)
        .filter(overdue_reminded_on__isnull=True)
        .select_for_update(of=("self",), skip_locked=True)
        .values_list("pk", flat=True)
    )
    TrainingAssignment.objects.filter(pk__in=overdue_ids, overdue_reminded_on__isnull=True).update(
        overdue_reminded_on=today
    )
    overdue_people = set(
        TrainingAssignment.objects.filter(pk__in=overdue_ids).values_list("employee_id", flat=True)
    )

    expiring = assignments_expiring(today)
    expiring_ids = list(
        expiring.filter(expiry_reminded_on__isnull=True)
        .select_for_update(of=("self",), skip_locked=True)
        .values_list("pk", flat=True)
    )
    TrainingAssignment.objects.filter(pk__in=expiring_ids, expiry_reminded_on__isnull=True).update(
        expiry_reminded_on=today
    )
    expiring_rows = TrainingAssignment.objects.filter(pk__in=expiring_ids)
    expiring_people = set(expiring_rows.values_list("employee_id", flat=True))

    renewals = _renew_mandatory(expiring, today=today)

    reminded = _notify_people(
        employee_ids=overdue_people,
        title=_("You have overdue training to complete"),
        url=my_training,
        level=Notification.Level.WARNING,
    )
    reminded += _notify_people(
        employee_ids=expiring_people,
        title=_("A training certificate of yours expires within %(days)d days")
        % {"days": EXPIRY_WARNING_DAYS},
        url=my_training,
        level=Notification.Level.INFO,
    )
    return {
        "overdue": len(overdue_ids),
        "expiring": len(expiring_ids),
        "renewed": renewals,
        "notifications": reminded,
    }


def _renew_mandatory(expiring: QuerySet[TrainingAssignment], *, today: date) -> int:
    """New open assignments, due when the certificate expires, for mandatory courses."""
    mandatory = Course.objects.filter(pk=OuterRef("course_id"), is_active=True).filter(
        Q(mandatory_for_all=True) | Q(mandatory_positions=OuterRef("employee__position_id"))
    )
    due = list(
        expiring.filter(Exists(mandatory))
        .exclude(open_assignment(OuterRef("employee_id"), OuterRef("course_id")))
        .values_list("employee_id", "course_id", "expires_on")
        .distinct()
    )
    rows = [
        TrainingAssignment(employee_id=employee_id, course_id=course_id, due_date=expires_on)
        for employee_id, course_id, expires_on in due
    ]
    bulk_create_with_history(rows, TrainingAssignment, batch_size=1000)
    return len(rows)
