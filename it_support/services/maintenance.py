"""Maintenance plans: record each time the work was done (the next due date follows), and
remind the owner of an overdue plan once per due date."""

from collections import defaultdict
from datetime import date

from django.db import connection, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from backoffice.errors import DomainError, clean_or_raise
from backoffice.models import Notification
from backoffice.services import notification_send
from it_support.models.maintenance import (
    MaintenanceLog,
    MaintenancePlan,
    MaintenanceReminder,
    next_due_after,
)
from it_support.services.inventory import record_save


class MaintenanceError(DomainError):
    pass


@transaction.atomic
def maintenance_plan_create(*, by, **fields) -> MaintenancePlan:
    return record_save(
        MaintenancePlan(**fields), by=by, reason=_("Created"), error=MaintenanceError
    )


@transaction.atomic
def maintenance_plan_update(*, by, plan: MaintenancePlan, **fields) -> MaintenancePlan:
    plan = MaintenancePlan.objects.select_for_update().get(pk=plan.pk)
    for name, value in fields.items():
        setattr(plan, name, value)
    return record_save(plan, by=by, reason=_("Edited"), error=MaintenanceError)


@transaction.atomic
def maintenance_log_record(*, by, plan: MaintenancePlan, done_on: date, notes: str = ""):
    """Log that the work was done on `done_on`; the plan is next due one period later.

    A late entry for an earlier day is kept in the log but does not move the
    due date back.
    """
    plan = MaintenancePlan.objects.select_for_update().get(pk=plan.pk)
    if done_on > timezone.localdate():
        raise MaintenanceError(_("The work cannot be logged for a day still to come."))
    log = MaintenanceLog(plan=plan, done_on=done_on, done_by=by, notes=notes)
    clean_or_raise(log, error=MaintenanceError)
    log.save()
    if plan.last_done_on is None or done_on >= plan.last_done_on:
        plan.last_done_on = done_on
        plan.next_due_on = next_due_after(done_on, plan.frequency)
        plan._history_user = by
        plan._change_reason = _("Done on %(date)s") % {"date": done_on}
        plan.save(update_fields=["last_done_on", "next_due_on"])
    return log


def _claim_overdue(today: date) -> list[int]:
    """Record a reminder for each active plan past its due date; return the plans claimed.

    A plan is reminded once per due date: logging the work moves the due date,
    and the next time it is late it is reminded again.
    """
    reminder = MaintenanceReminder._meta.db_table
    plan = MaintenancePlan._meta.db_table
    sql = f"""
        INSERT INTO {reminder} (plan_id, due_on, sent_at)
        SELECT p.id, p.next_due_on, %s FROM {plan} p
        WHERE p.active AND p.next_due_on < %s
        ON CONFLICT (plan_id, due_on) DO NOTHING
        RETURNING plan_id
    """  # noqa: S608 - table names come from the models, values are parameters
    with connection.cursor() as cursor:
        cursor.execute(sql, [timezone.now(), today])
        return [row[0] for row in cursor.fetchall()]


@transaction.atomic
def maintenance_overdue_remind(*, today: date | None = None) -> int:
    """Tell each owner of their overdue plans, once per plan and due date."""
    today = today or timezone.localdate()
    claimed = _claim_overdue(today)
    by_owner = defaultdict(list)
    for plan in MaintenancePlan.objects.filter(pk__in=claimed).select_related("owner"):
        by_owner[plan.owner].append(plan)
    for owner, plans in by_owner.items():
        for plan in plans:
            notification_send(
                recipients=[owner],
                title=_("Maintenance overdue: %(title)s") % {"title": plan.title},
                body=_("It was due on %(date)s.") % {"date": plan.next_due_on},
                url=reverse("it_support:maintenance-detail", args=[plan.pk]),
                level=Notification.Level.WARNING,
                source="it_support.maintenance_overdue",
                email=True,
            )
    return len(claimed)
