"""IT's queue: open tickets by default, filters, keyset pages, a bounded number of
queries whatever the table holds, and no exact COUNT(*) of the whole table."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from it_support.models.tickets import SavedQueueFilter, Ticket
from it_support.selectors import tickets as selectors
from tests.it_support.factories import EquipmentFactory, TicketFactory


@pytest.fixture
def tickets(role_users):
    register = EquipmentFactory()
    made = TicketFactory.create_batch(5, requester=role_users["employee"])
    made += [
        TicketFactory(requester=role_users["clerk"], equipment=register, system=register.system),
        TicketFactory(requester=role_users["clerk"], status=Ticket.Status.CLOSED),
        TicketFactory(
            requester=role_users["clerk"], assignee=role_users["it"], resolution_breached=True
        ),
    ]
    return made


def test_the_queue_shows_open_tickets_newest_first(client, role_users, tickets):
    client.force_login(role_users["it"])
    listed = client.get(reverse("it_support:ticket-queue")).context["tickets"]
    assert listed == sorted([t for t in tickets if t.is_open], key=lambda t: -t.pk)


def test_filters_narrow_the_queue(client, role_users, tickets):
    client.force_login(role_users["it"])
    url = reverse("it_support:ticket-queue")
    assert client.get(url, {"equipment": tickets[5].equipment_id}).context["tickets"] == [
        tickets[5]
    ]
    assert client.get(url, {"breached": "on"}).context["tickets"] == [tickets[7]]
    assert client.get(url, {"assignee": "me"}).context["tickets"] == [tickets[7]]
    assert client.get(url, {"status": "closed"}).context["tickets"] == [tickets[6]]


def test_pages_follow_by_keyset_and_the_count_is_never_exact(client, role_users, tickets):
    client.force_login(role_users["it"])

    rows, after = selectors.tickets_page(Ticket.objects.all(), after=None, size=3)
    rest, _ = selectors.tickets_page(Ticket.objects.all(), after=after, size=10)
    assert [t.pk for t in rows + rest] == sorted((t.pk for t in tickets), reverse=True)
    with CaptureQueriesContext(connection) as queries:
        client.get(reverse("it_support:ticket-queue"), {"after": after})
    on_tickets = [q["sql"].upper() for q in queries if '"IT_SUPPORT_TICKET"' in q["sql"].upper()]
    assert on_tickets and not any("COUNT(" in sql or "OFFSET" in sql for sql in on_tickets)


def test_the_queue_runs_a_bounded_number_of_queries(
    client, role_users, tickets, django_assert_max_num_queries
):
    client.force_login(role_users["it"])
    client.get(reverse("it_support:ticket-queue"))
    TicketFactory.create_batch(20, requester=role_users["manager"], equipment=EquipmentFactory())
    with django_assert_max_num_queries(12):
        client.get(reverse("it_support:ticket-queue"))


def test_bulk_assign_to_me_takes_each_ticked_ticket_and_reports_refusals(
    client, role_users, tickets
):
    client.force_login(role_users["it"])
    closed = tickets[6]
    response = client.post(
        reverse("it_support:ticket-bulk"),
        {"ticket": [tickets[0].pk, tickets[1].pk, closed.pk], "action": "assign_me"},
        follow=True,
    )
    page = response.content.decode()
    assert "2 tickets done." in page and closed.reference in page
    assert Ticket.objects.filter(assignee=role_users["it"], status="assigned").count() == 2
    closed.refresh_from_db()
    assert closed.assignee is None


def test_saved_filters_are_per_person_and_keep_only_queue_filters(client, role_users, db):
    client.force_login(role_users["it"])
    client.post(
        reverse("it_support:queue-filter-save"),
        {"name": "Breached registers", "query": "breached=on&category=hardware&evil=1"},
    )
    saved = SavedQueueFilter.objects.get()
    assert (saved.user, saved.query) == (role_users["it"], "breached=on&category=hardware")
    page = client.get(reverse("it_support:ticket-queue")).content.decode()
    assert "Breached registers" in page
    client.force_login(role_users["admin"])
    assert (
        "Breached registers" not in client.get(reverse("it_support:ticket-queue")).content.decode()
    )
    url = reverse("it_support:queue-filter-delete", args=[saved.pk])
    assert client.post(url).status_code == 404
