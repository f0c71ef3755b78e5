import factory

from it_support.models.inventory import Equipment, System
from it_support.models.tickets import Category, Impact, Ticket, Urgency, priority_of
from tests.factories import UserFactory


class SystemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = System
        django_get_or_create = ("name",)

    name = "Casa POS"
    kind = System.Kind.CASH_REGISTER


class EquipmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Equipment

    tag = factory.Sequence(lambda n: f"REG-{n:03d}")
    name = "Register"
    kind = Equipment.Kind.REGISTER
    location = "Store 1, till 2"
    system = factory.SubFactory(SystemFactory)


class TicketFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Ticket

    subject = factory.Sequence(lambda n: f"Register {n} freezes")
    requester = factory.SubFactory(UserFactory)
    category = Category.CASH_REGISTER
    impact = Impact.DEGRADED
    urgency = Urgency.MEDIUM
    priority = factory.LazyAttribute(lambda t: priority_of(t.impact, t.urgency))
