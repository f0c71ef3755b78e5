"""Each person's calls today and open messages on the home page; calls per department per day."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from clerical.models.phones import Call
from clerical.selectors.phones import calls_per_department_per_day
from tests.clerical.factories import CallFactory, PhoneMessageFactory
from tests.factories import EmployeeFactory


def test_the_home_page_shows_my_open_messages_and_calls_today(
    client, role_users, django_assert_max_num_queries
):
    me = role_users["employee"].employee
    PhoneMessageFactory(recipient=me, caller="Urgent Ursula", urgency="urgent")
    PhoneMessageFactory(recipient=me, caller="Finished Florin", status="done")
    PhoneMessageFactory(caller="Someone Else's Caller")
    CallFactory.create_batch(3, for_employee=me)
    client.force_login(role_users["employee"])
    response = client.get(reverse("home"))
    page = response.content.decode()
    assert "Urgent Ursula" in page
    assert "Finished Florin" not in page and "Someone Else" not in page
    assert "3 calls for you today" in page
    PhoneMessageFactory.create_batch(10, recipient=me)
    with django_assert_max_num_queries(40):
        client.get(reverse("home"))


def test_calls_are_counted_per_department_per_day_in_one_query(
    role_users, django_assert_num_queries
):
    sales, support = EmployeeFactory(), EmployeeFactory()
    CallFactory.create_batch(2, for_employee=sales)
    CallFactory(for_employee=sales, status=Call.Status.MESSAGE)
    CallFactory(for_employee=support, received_at=timezone.now() - timedelta(days=1))
    CallFactory(for_employee=support, received_at=timezone.now() - timedelta(days=30))
    with django_assert_num_queries(1):
        rows = calls_per_department_per_day()
    today, yesterday = timezone.localdate(), timezone.localdate() - timedelta(days=1)
    counted = {(r["day"], r["department__name"]): (r["calls"], r["messages"]) for r in rows}
    assert counted == {
        (today, sales.department.name): (3, 1),
        (yesterday, support.department.name): (1, 0),
    }
