from datetime import date

import pytest

from accounting.models.pay import Timesheet
from accounting.services.pay import timesheet_reminders_send
from backoffice.models import Notification
from tests.accounting.pay import timesheet

Status = Timesheet.Status


def test_nothing_is_sent_before_the_last_days_of_the_month(role_users):
    assert timesheet_reminders_send(today=date(2026, 3, 20)) == {"to_submit": 0, "to_approve": 0}
    assert not Notification.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_reminders_go_once_to_who_must_submit_and_to_managers_with_approvals(role_users):
    employee, manager = role_users["employee"], role_users["manager"]
    timesheet(employee.employee, month=date(2026, 3, 1), status=Status.SUBMITTED)
    timesheet(role_users["hr"].employee, month=date(2026, 3, 1))
    first = timesheet_reminders_send(today=date(2026, 3, 30))
    # Everyone but the employee (submitted) must still submit; the manager must approve.
    assert first == {"to_submit": 7, "to_approve": 1}
    assert not Notification.objects.filter(recipient=employee).exists()
    assert Notification.objects.filter(recipient=manager, url__contains="team").exists()
    assert Notification.objects.filter(recipient=role_users["hr"]).count() == 1
    second = timesheet_reminders_send(today=date(2026, 3, 31))
    assert second == {"to_submit": 0, "to_approve": 0}
    assert Notification.objects.count() == 8
