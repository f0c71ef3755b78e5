"""Factories of HR's training and policy records."""

from datetime import timedelta
from decimal import Decimal

import factory
from django.utils import timezone

from hr.models.policies import Policy, PolicyVersion
from hr.models.training import Course, TrainingAssignment, TrainingSession
from tests.factories import EmployeeFactory

PDF_BYTES = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n"


class CourseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Course
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Course {n}")
    duration_hours = Decimal("2.0")
    validity_months = 12


class TrainingSessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TrainingSession

    course = factory.SubFactory(CourseFactory)
    starts_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=7))
    ends_at = factory.LazyAttribute(lambda s: s.starts_at + timedelta(hours=2))
    location = "Training room"
    trainer_name = "Outside Trainer"
    capacity = 20


class TrainingAssignmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TrainingAssignment

    employee = factory.SubFactory(EmployeeFactory)
    course = factory.SubFactory(CourseFactory)
    due_date = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=30))


class PolicyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Policy
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Policy {n}")
    category = Policy.Category.CONDUCT


class PolicyVersionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PolicyVersion

    policy = factory.SubFactory(PolicyFactory)
    version = factory.Sequence(lambda n: n + 1)
    effective_date = factory.LazyFunction(timezone.localdate)
    text = "Treat colleagues and customers with respect."
