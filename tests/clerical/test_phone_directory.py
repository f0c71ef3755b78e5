"""The phone directory: HR's staff with extension, direct line and presence."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from clerical.models.phones import Presence
from clerical.phone_numbers import normalise_phone_number
from clerical.services.presence import PresenceError, presence_set
from tests.factories import EmployeeFactory


def test_presence_set_records_who_set_it_and_keeps_history(role_users):
    person = role_users["employee"].employee
    clerk = role_users["clerk"]
    until = timezone.now() + timedelta(days=3)
    presence_set(employee=person, status=Presence.Status.LEAVE, by=clerk, until=until)
    presence = presence_set(employee=person, status=Presence.Status.MEETING, by=clerk)
    assert (presence.status, presence.until, presence.set_by) == ("meeting", None, clerk)
    assert [h.status for h in presence.history.order_by("history_date")] == ["leave", "meeting"]


def test_presence_set_refuses_a_time_in_the_past_and_changes_nothing(role_users):
    person = role_users["employee"].employee
    with pytest.raises(PresenceError):
        presence_set(
            employee=person,
            status=Presence.Status.OUT,
            by=role_users["clerk"],
            until=timezone.now() - timedelta(hours=1),
        )
    assert not Presence.objects.filter(employee=person).exists()


def test_a_person_sets_their_own_presence_and_the_directory_shows_it(client, role_users):
    client.force_login(role_users["employee"])
    response = client.post(reverse("clerical:presence-mine"), {"status": "meeting", "until": ""})
    assert response.status_code == 302
    assert Presence.objects.get(employee=role_users["employee"].employee).status == "meeting"
    page = client.get(reverse("clerical:phone-directory"), {"q": role_users["employee"].last_name})
    assert "In a meeting" in page.content.decode()


def test_the_directory_pages_with_bounded_queries_and_finds_by_extension(
    client, role_users, django_assert_max_num_queries
):
    for n in range(30):
        person = EmployeeFactory(extension=f"{700 + n}")
        if n % 2:
            presence_set(employee=person, status=Presence.Status.OUT, by=role_users["clerk"])
    client.force_login(role_users["employee"])
    with django_assert_max_num_queries(12):
        response = client.get(reverse("clerical:phone-directory"))
    assert response.status_code == 200
    found = client.get(reverse("clerical:phone-directory"), {"q": "715"})
    assert list(found.context["page"].object_list.values_list("extension", flat=True)) == ["715"]


@pytest.mark.parametrize(
    "typed, kept",
    [
        ("0721 234 567", "+40721234567"),
        ("(0040) 21-555.1234", "+40215551234"),
        ("+49 30 1234", "+49301234"),
        ("221", "221"),
    ],
)
def test_numbers_are_kept_in_one_international_form(typed, kept):
    assert normalise_phone_number(typed) == kept


@pytest.mark.parametrize("typed", ["07ab 123", "12", "+1234567890123456", "０７２１"])
def test_a_number_with_letters_or_a_wrong_length_is_refused(typed):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        normalise_phone_number(typed)


def test_a_presence_whose_time_has_passed_shows_the_person_in(role_users):
    from clerical.models.phones import Presence as P
    from clerical.selectors.phones import phone_directory

    person = role_users["employee"].employee
    presence_set(
        employee=person,
        status=P.Status.OUT,
        by=role_users["clerk"],
        until=timezone.now() + timedelta(hours=1),
    )
    assert phone_directory().get(pk=person.pk).presence_status == "out"
    P.objects.filter(pk=person.pk).update(until=timezone.now() - timedelta(minutes=1))
    assert phone_directory().get(pk=person.pk).presence_status is None
