"""Maintenance plans: logging the work moves the next due date; overdue plans are flagged
on the pages and their owner reminded once per plan and due date."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from backoffice.models import Notification
from it_support.models.maintenance import Frequency, next_due_after
from it_support.services import maintenance as maintenance_services
from it_support.services.maintenance import MaintenanceError
from it_support.tasks import maintenance_overdue_remind_task
from tests.it_support.factories import MaintenancePlanFactory


@pytest.mark.parametrize(
    ("frequency", "done", "due"),
    [
        (Frequency.DAILY, date(2026, 3, 28), date(2026, 3, 29)),
        (Frequency.MONTHLY, date(2026, 1, 31), date(2026, 2, 28)),
        (Frequency.QUARTERLY, date(2026, 11, 30), date(2027, 2, 28)),
    ],
)
def test_the_next_due_date_follows_the_frequency(frequency, done, due):
    assert next_due_after(done, frequency) == due


def test_logging_the_work_moves_the_due_date_but_a_late_entry_does_not_move_it_back(db, role_users):
    today = timezone.localdate()
    plan = MaintenancePlanFactory(frequency=Frequency.WEEKLY, owner=role_users["it"])
    maintenance_services.maintenance_log_record(by=role_users["it"], plan=plan, done_on=today)
    maintenance_services.maintenance_log_record(
        by=role_users["it"], plan=plan, done_on=today - timedelta(days=3)
    )
    plan.refresh_from_db()
    assert (plan.last_done_on, plan.next_due_on) == (today, today + timedelta(weeks=1))
    assert plan.logs.count() == 2


def test_work_cannot_be_logged_for_a_day_to_come(db, role_users):
    plan = MaintenancePlanFactory(owner=role_users["it"])
    with pytest.raises(MaintenanceError):
        maintenance_services.maintenance_log_record(
            by=role_users["it"], plan=plan, done_on=timezone.localdate() + timedelta(days=1)
        )
    assert plan.logs.count() == 0


def test_an_overdue_plan_is_flagged_on_the_list(client, role_users):
    MaintenancePlanFactory(
        title="Update the registers",
        owner=role_users["it"],
        next_due_on=timezone.localdate() - timedelta(days=2),
    )
    MaintenancePlanFactory(title="Back up", owner=role_users["it"])
    client.force_login(role_users["it"])
    html = client.get(reverse("it_support:maintenance-list"), {"overdue": "1"}).content.decode()
    assert html.count('data-testid="overdue"') == 1
    assert "Update the registers" in html and "Back up" not in html


def test_the_owner_is_reminded_once_per_plan_and_due_date(db, role_users):
    owner = role_users["it"]
    plan = MaintenancePlanFactory(owner=owner, next_due_on=timezone.localdate() - timedelta(days=1))
    MaintenancePlanFactory(
        owner=owner, next_due_on=timezone.localdate() - timedelta(days=9), active=False
    )
    assert maintenance_overdue_remind_task() == 1
    assert maintenance_overdue_remind_task() == 0
    assert (
        Notification.objects.filter(
            recipient=owner, source="it_support.maintenance_overdue"
        ).count()
        == 1
    )
    # Done a month late, then late again for the new due date: a new reminder.
    maintenance_services.maintenance_log_record(
        by=owner, plan=plan, done_on=timezone.localdate() - timedelta(days=5)
    )
    assert maintenance_overdue_remind_task() == 1
