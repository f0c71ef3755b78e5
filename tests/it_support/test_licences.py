"""Software licences: seats within what was bought, and reminders before expiry told once
per licence and threshold however often the beat task runs."""

from datetime import timedelta

import pytest
from django.utils import timezone

from backoffice.models import Notification
from it_support.services import licences as licences_services
from it_support.services.licences import LicenceError
from it_support.tasks import licences_expiry_remind_task
from tests.factories import EmployeeFactory
from tests.it_support.factories import EquipmentFactory, LicenceFactory


def test_a_seat_goes_to_an_employee_or_equipment_until_none_is_free(db, role_users):
    licence = LicenceFactory(seats_total=2)
    by = role_users["it"]
    licences_services.licence_seat_assign(by=by, licence=licence, employee=EmployeeFactory())
    licences_services.licence_seat_assign(by=by, licence=licence, equipment=EquipmentFactory())
    with pytest.raises(LicenceError, match="All 2 seats are in use"):
        licences_services.licence_seat_assign(by=by, licence=licence, employee=EmployeeFactory())
    assert licence.assignments.count() == 2


def test_the_same_person_cannot_take_two_seats_of_one_licence(db, role_users):
    licence, person = LicenceFactory(seats_total=5), EmployeeFactory()
    licences_services.licence_seat_assign(by=role_users["it"], licence=licence, employee=person)
    with pytest.raises(LicenceError, match="already have a seat"):
        licences_services.licence_seat_assign(by=role_users["it"], licence=licence, employee=person)


def test_the_total_cannot_drop_below_the_seats_in_use(db, role_users):
    licence = LicenceFactory(seats_total=3)
    for _ in range(2):
        licences_services.licence_seat_assign(
            by=role_users["it"], licence=licence, employee=EmployeeFactory()
        )
    with pytest.raises(LicenceError, match="2 seats are in use"):
        licences_services.licence_update(by=role_users["it"], licence=licence, seats_total=1)


def test_expiry_is_reminded_once_per_threshold_however_often_the_task_runs(db, role_users):
    today = timezone.localdate()
    LicenceFactory(name="Antivirus", expires_on=today + timedelta(days=25))
    LicenceFactory(name="Far away", expires_on=today + timedelta(days=300))
    assert licences_expiry_remind_task() == 1
    assert licences_expiry_remind_task() == 0
    notes = Notification.objects.filter(source="it_support.licence_expiry")
    assert notes.filter(recipient=role_users["it"]).count() == 1
    assert "Antivirus" in notes.get(recipient=role_users["it"]).body
    # A week later it is inside the 7-day threshold: one more reminder.
    assert licences_services.licences_expiry_remind(today=today + timedelta(days=20)) == 1
