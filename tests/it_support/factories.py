"""Factories of IT's inventory, licences, maintenance, change requests, articles and tickets."""

from datetime import timedelta
from decimal import Decimal

import factory
from django.utils import timezone

from it_support.models.changes import ChangeRequest
from it_support.models.inventory import Equipment, System
from it_support.models.knowledge import Article, ArticleCategory
from it_support.models.licences import Licence
from it_support.models.maintenance import Frequency, MaintenancePlan
from it_support.models.tickets import Category, Impact, Ticket, Urgency, priority_of
from tests.factories import UserFactory


class SystemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = System

    name = factory.Sequence(lambda n: f"System {n}")
    kind = System.Kind.CASH_REGISTER


class EquipmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Equipment

    tag = factory.Sequence(lambda n: f"EQ-{n:05d}")
    name = factory.Sequence(lambda n: f"Register {n}")
    kind = Equipment.Kind.REGISTER
    location = "Shop Unirii"


class LicenceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Licence

    name = factory.Sequence(lambda n: f"Licence {n}")
    product = "Office suite"
    seats_total = 2


class MaintenancePlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MaintenancePlan

    title = factory.Sequence(lambda n: f"Back up database {n}")
    system = factory.SubFactory(SystemFactory)
    frequency = Frequency.DAILY
    owner = factory.SubFactory(UserFactory)
    next_due_on = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=1))


class ChangeRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ChangeRequest

    title = factory.Sequence(lambda n: f"Faster checkout {n}")
    system = factory.SubFactory(SystemFactory)
    description = "Link the card terminal to the register program."
    reason = "Cashiers type each amount twice."
    metric = "checkout time (s)"
    baseline = Decimal("100.00")
    target = Decimal("70.00")
    risk = ChangeRequest.Risk.MEDIUM
    rollback_plan = "Reinstall the previous version."
    requested_by = factory.SubFactory(UserFactory)


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Article

    title = factory.Sequence(lambda n: f"Article {n}")
    body = "Restart the program."
    category = ArticleCategory.OTHER
    published = True
    author = factory.SubFactory(UserFactory)


class TicketFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Ticket

    subject = factory.Sequence(lambda n: f"Register {n} freezes")
    requester = factory.SubFactory(UserFactory)
    category = Category.CASH_REGISTER
    impact = Impact.DEGRADED
    urgency = Urgency.MEDIUM
    priority = factory.LazyAttribute(lambda t: priority_of(t.impact, t.urgency))
