"""HR sends named events; the other departments' receivers act on them."""

from datetime import date

import pytest
from django.core import mail

from backoffice import events
from backoffice.models import Notification
from hr.services import employees as employees_services
from tests.factories import PositionFactory


def test_hiring_tells_it_accounting_and_clerical(role_users, django_capture_on_commit_callbacks):
    position = PositionFactory()
    received = []

    def spy(sender, **kwargs):
        received.append(kwargs["employee"])

    events.employee_hired.connect(spy)
    try:
        employee = employees_services.employee_hire(
            by=role_users["hr"],
            employee_number="N-1",
            first_name="Dana",
            last_name="Pop",
            department=position.department,
            position=position,
            hire_date=date(2026, 12, 1),
        )
    finally:
        events.employee_hired.disconnect(spy)
    assert received == [employee]
    sources = Notification.objects.filter(source="hr.employee_hired")
    by_user = {n.recipient.username: n.title for n in sources.select_related("recipient")}
    assert by_user["it"] == "Set up accounts and equipment for Dana Pop"
    assert by_user["accountant"] == "Set up the pay profile of Dana Pop"
    assert by_user["clerk"] == "Add Dana Pop to the phone directory"
    assert "employee" not in by_user


def test_a_dismissal_opens_an_it_ticket_to_revoke_access_and_tells_it_by_email(
    role_users, django_capture_on_commit_callbacks
):
    leaver = role_users["employee"].employee
    with django_capture_on_commit_callbacks(execute=True):
        employees_services.employee_dismiss(
            by=role_users["hr"],
            employee=leaver,
            reason="Gross misconduct",
            last_day=date(2026, 12, 31),
        )
    it_note = Notification.objects.get(recipient=role_users["it"], source="it_support.ticket")
    assert "Offboarding of" in it_note.title and "2026-12-31" in it_note.title
    assert "Revoke every account" in it_note.body
    assert [m.to for m in mail.outbox] == [["it@example.com"]]
    assert Notification.objects.filter(
        recipient=role_users["accountant"], title__startswith="Final pay due"
    ).exists()


def test_a_receiver_failure_rolls_back_the_dismissal(role_users):
    leaver = role_users["employee"].employee

    def broken(sender, **kwargs):
        raise RuntimeError("IT system down")

    events.employee_dismissed.connect(broken)
    try:
        with pytest.raises(RuntimeError):
            employees_services.employee_dismiss(
                by=role_users["hr"], employee=leaver, reason="x", last_day=date(2026, 12, 31)
            )
    finally:
        events.employee_dismissed.disconnect(broken)
    leaver.refresh_from_db()
    assert leaver.status == "active"
    assert not Notification.objects.filter(source="hr.employee_dismissed").exists()
