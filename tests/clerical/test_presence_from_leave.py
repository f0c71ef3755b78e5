"""The phone directory shows approved leave: HR's leave events set the presence."""

from datetime import timedelta

import pytest
from django.utils import timezone

from clerical.models.phones import Presence
from clerical.services.presence import presence_set
from hr.services import leave as leave_services
from hr.services.leave_year_end import leave_events_send
from tests.factories import EmployeeFactory, UserFactory
from tests.hr.leave_factories import grant, leave_type

pytestmark = pytest.mark.django_db


def approved_leave(person, *, start, end):
    hr = UserFactory(roles=["HR"])
    grant(person, "10")
    request = leave_services.leave_request(
        by=hr, employee=person, leave_type=leave_type(), start=start, end=end
    )
    leave_services.leave_decide(by=hr, request=request, approve=True)
    return request


def next_monday():
    today = timezone.localdate()
    return today + timedelta(days=7 - today.weekday())


def test_a_person_on_approved_leave_shows_on_leave_until_the_day_after_and_then_in():
    person = EmployeeFactory()
    monday = next_monday()
    approved_leave(person, start=monday, end=monday + timedelta(days=1))

    leave_events_send(today=monday)
    presence = Presence.objects.get(employee=person)
    assert presence.status == Presence.Status.LEAVE
    assert timezone.localtime(presence.until).date() == monday + timedelta(days=2)

    leave_events_send(today=monday + timedelta(days=2))
    assert Presence.objects.get(employee=person).status == Presence.Status.IN


def test_the_end_of_leave_does_not_override_a_status_the_person_set_since():
    person = EmployeeFactory()
    monday = next_monday()
    approved_leave(person, start=monday, end=monday)
    leave_events_send(today=monday)
    presence_set(employee=person, status=Presence.Status.MEETING, by=person.user)

    leave_events_send(today=monday + timedelta(days=1))
    assert Presence.objects.get(employee=person).status == Presence.Status.MEETING
