from datetime import timedelta

from django.utils import timezone

from backoffice.celery import app
from backoffice.models import Notification
from hr.models.training import TrainingAssignment
from hr.tasks import training_reminders_task
from tests.factories import EmployeeFactory, PositionFactory, UserFactory
from tests.hr.factories import CourseFactory, TrainingAssignmentFactory

Status = TrainingAssignment.Status


def person():
    return EmployeeFactory(user=UserFactory())


def test_the_daily_round_reminds_once_and_renews_once_however_often_it_runs(db):
    today = timezone.localdate()
    late = TrainingAssignmentFactory(employee=person(), due_date=today - timedelta(days=3))
    on_time = TrainingAssignmentFactory(employee=person(), due_date=today + timedelta(days=3))
    position = PositionFactory()
    mandatory = CourseFactory(validity_months=12)
    mandatory.mandatory_positions.add(position)
    expiring = TrainingAssignmentFactory(
        employee=EmployeeFactory(user=UserFactory(), position=position),
        course=mandatory,
        status=Status.COMPLETED,
        completed_on=today - timedelta(days=350),
    )
    optional_expiring = TrainingAssignmentFactory(
        employee=person(),
        course=CourseFactory(validity_months=12),
        status=Status.COMPLETED,
        completed_on=today - timedelta(days=350),
    )

    first = training_reminders_task.apply().get()
    assert first == {"overdue": 1, "expiring": 2, "renewed": 1, "notifications": 3}
    reminded = set(Notification.objects.values_list("recipient_id", flat=True))
    assert reminded == {
        late.employee.user_id,
        expiring.employee.user_id,
        optional_expiring.employee.user_id,
    }
    assert on_time.employee.user_id not in reminded
    renewal = TrainingAssignment.objects.get(
        employee=expiring.employee, course=mandatory, status=Status.ASSIGNED
    )
    assert today <= renewal.due_date <= today + timedelta(days=30)
    assert not TrainingAssignment.objects.filter(
        employee=optional_expiring.employee, status=Status.ASSIGNED
    ).exists()

    second = training_reminders_task.apply().get()
    assert second == {"overdue": 0, "expiring": 0, "renewed": 0, "notifications": 0}
    assert Notification.objects.count() == 3
    assert TrainingAssignment.objects.filter(status=Status.ASSIGNED).count() == 3


def test_the_round_is_scheduled_daily_in_the_one_beat_schedule():
    entries = [e["task"] for e in app.conf.beat_schedule.values()]
    assert "hr.tasks.training_reminders_task" in entries
    assert "hr.tasks.training_reminders_task" in app.tasks


def test_people_who_left_are_not_reminded(db):
    from hr.models.employees import Employee

    gone = EmployeeFactory(user=UserFactory(), status=Employee.Status.TERMINATED)
    TrainingAssignmentFactory(employee=gone, due_date=timezone.localdate() - timedelta(days=9))
    assert training_reminders_task.apply().get()["overdue"] == 0
    assert not Notification.objects.exists()
