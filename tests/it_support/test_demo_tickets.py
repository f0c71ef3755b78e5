from django.core.management import call_command

from it_support.models.tickets import Ticket, TicketMessage


def test_the_demo_has_months_of_tickets_some_breached_and_seeding_twice_adds_nothing(db):
    call_command("seed_demo", employees=5, verbosity=0)
    tickets = Ticket.objects.filter(subject__endswith="[demo]")
    assert tickets.count() == 240
    assert tickets.filter(resolution_breached=True).exists()
    assert tickets.filter(status__in=Ticket.OPEN).exists()
    assert tickets.filter(equipment__kind="register").exists()
    assert tickets.values("system").distinct().count() >= 3
    assert Ticket.history.filter(subject__endswith="[demo]").count() == 240
    messages = TicketMessage.objects.count()
    call_command("seed_demo", employees=5, verbosity=0)
    assert (tickets.count(), TicketMessage.objects.count()) == (240, messages)
