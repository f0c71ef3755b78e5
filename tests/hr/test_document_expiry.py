from datetime import date, timedelta

from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from backoffice.models import Notification
from hr import tasks
from hr.models.documents import DocumentExpiryNotice, EmployeeDocument
from hr.services import documents as documents_services
from tests.factories import EmployeeFactory

TODAY = date(2026, 11, 29)
PDF = b"%PDF-1.4\n"


def document(by, employee, expires_in: int | None, kind="work_permit"):
    return documents_services.document_upload(
        by=by,
        employee=employee,
        kind=kind,
        uploaded_file=SimpleUploadedFile("d.pdf", PDF),
        issue_date=TODAY - timedelta(days=400),
        expiry_date=TODAY + timedelta(days=expires_in) if expires_in is not None else None,
    )


def hr_notifications():
    return Notification.objects.filter(source="hr.document_expiry", recipient__username="hr")


def test_hr_and_the_employee_are_told_once_of_a_document_expiring_within_30_days(
    role_users, django_capture_on_commit_callbacks
):
    hr = role_users["hr"]
    member = role_users["employee"]
    expiring = document(hr, member.employee, 20)
    document(hr, role_users["clerk"].employee, 45)  # not yet
    document(hr, role_users["it"].employee, None)  # never expires
    document(hr, role_users["manager"].employee, -3)  # already expired: not "expiring"

    with django_capture_on_commit_callbacks(execute=True):
        assert documents_services.documents_expiry_notify(today=TODAY) == 1
    with django_capture_on_commit_callbacks(execute=True):
        assert (
            documents_services.documents_expiry_notify(today=TODAY) == 0
        )  # the second run: nothing

    notice = DocumentExpiryNotice.objects.get()
    assert (notice.document, notice.threshold_days) == (expiring, 30)
    told_hr = hr_notifications().get()
    assert told_hr.title == "1 employee document expires within 30 days"
    assert member.employee.employee_number in told_hr.body
    assert Notification.objects.filter(source="hr.document_expiry", recipient=member).count() == 1
    assert not Notification.objects.filter(recipient=role_users["clerk"]).exists()
    assert sorted(m.to[0] for m in mail.outbox) == sorted([hr.email, member.email])


def test_the_seven_day_threshold_is_announced_once_more(role_users):
    hr = role_users["hr"]
    expiring = document(hr, role_users["employee"].employee, 20)
    documents_services.documents_expiry_notify(today=TODAY)
    assert documents_services.documents_expiry_notify(today=TODAY + timedelta(days=5)) == 0
    assert documents_services.documents_expiry_notify(today=TODAY + timedelta(days=13)) == 1
    assert documents_services.documents_expiry_notify(today=TODAY + timedelta(days=14)) == 0
    thresholds = sorted(
        DocumentExpiryNotice.objects.filter(document=expiring).values_list(
            "threshold_days", flat=True
        )
    )
    assert thresholds == [7, 30]
    assert hr_notifications().count() == 2


def test_a_document_first_seen_inside_seven_days_gets_only_the_tighter_notice(role_users):
    document(role_users["hr"], role_users["employee"].employee, 3)
    documents_services.documents_expiry_notify(today=TODAY)
    assert list(DocumentExpiryNotice.objects.values_list("threshold_days", flat=True)) == [7]
    assert hr_notifications().count() == 1


def test_a_renewed_expiry_date_is_announced_again(role_users):
    renewed = document(role_users["hr"], role_users["employee"].employee, 20)
    documents_services.documents_expiry_notify(today=TODAY)
    EmployeeDocument.objects.filter(pk=renewed.pk).update(expiry_date=TODAY + timedelta(days=25))
    assert documents_services.documents_expiry_notify(today=TODAY) == 1


def test_the_task_notifies_in_a_bounded_number_of_queries_however_many_documents(role_users):
    hr = role_users["hr"]
    for _ in range(3):
        document(hr, EmployeeFactory(), 10)
    with CaptureQueriesContext(connection) as few:
        documents_services.documents_expiry_notify(today=TODAY)
    for _ in range(15):
        document(hr, EmployeeFactory(), 10)
    with CaptureQueriesContext(connection) as many:
        assert documents_services.documents_expiry_notify(today=TODAY) == 15
    assert len(many) == len(few)


def test_the_periodic_task_runs_the_service_and_is_scheduled_daily(role_users):
    from backoffice.celery import app

    document(role_users["hr"], role_users["employee"].employee, 1)
    EmployeeDocument.objects.update(expiry_date=date.today() + timedelta(days=1))
    assert tasks.documents_expiry_notify_task.apply().get() == 1
    assert tasks.documents_expiry_notify_task.apply().get() == 0
    schedule = {entry["task"] for entry in app.conf.beat_schedule.values()}
    assert "hr.tasks.documents_expiry_notify_task" in schedule
