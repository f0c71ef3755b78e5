"""Home cards: my open tickets for anyone who raised one; queue counts for IT."""

from django.urls import reverse

from it_support.models.tickets import Ticket
from it_support.panels import queue_panel
from tests.it_support.factories import TicketFactory


def test_the_requester_sees_their_open_tickets_and_it_the_queue_counts(client, role_users):
    mine = TicketFactory(requester=role_users["employee"], subject="Till 3 is dead")
    TicketFactory(requester=role_users["employee"], subject="Old", status=Ticket.Status.CLOSED)
    TicketFactory(
        requester=role_users["clerk"], assignee=role_users["it"], resolution_breached=True
    )
    client.force_login(role_users["employee"])
    page = client.get(reverse("home")).content.decode()
    assert 'data-testid="my-open-tickets"' in page and mine.reference in page
    assert "Old" not in page and 'data-testid="it-queue-panel"' not in page
    client.force_login(role_users["it"])
    assert 'data-testid="it-queue-panel"' in client.get(reverse("home")).content.decode()
    counts = queue_panel(role_users["it"])["counts"]
    assert counts == {"open": 2, "unassigned": 1, "mine": 1, "breached": 1}


def test_someone_without_tickets_still_finds_the_way_to_ask_it(client, role_users):
    client.force_login(role_users["accountant"])
    page = client.get(reverse("home")).content.decode()
    assert 'data-testid="ask-it"' in page and "Nothing open" in page
