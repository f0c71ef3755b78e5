"""factory_boy factories shared by every app's tests."""

from datetime import date

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from backoffice import roles
from hr.models.employees import Department, Employee, EmployeePersonal, Position


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.com")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    password = factory.django.Password("pw-for-tests-1")

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        """`UserFactory(roles=[roles.HR])` puts the user in Employee and those roles."""
        if not create:
            return
        names = [roles.EMPLOYEE, *(extracted or [])]
        self.groups.add(*Group.objects.filter(name__in=names))


class DepartmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Department
        django_get_or_create = ("code",)

    name = factory.Sequence(lambda n: f"Department {n}")
    code = factory.Sequence(lambda n: f"D{n}")


class PositionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Position

    title = factory.Sequence(lambda n: f"Position {n}")
    department = factory.SubFactory(DepartmentFactory)


class EmployeeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Employee

    employee_number = factory.Sequence(lambda n: f"T{n:05d}")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    work_email = factory.LazyAttribute(lambda e: f"{e.employee_number.lower()}@example.com")
    work_phone = factory.Sequence(lambda n: f"+40 21 555 {n:04d}")
    position = factory.SubFactory(PositionFactory)
    department = factory.LazyAttribute(lambda e: e.position.department)
    hire_date = date(2024, 1, 15)


class EmployeePersonalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EmployeePersonal

    employee = factory.SubFactory(EmployeeFactory)
    birth_date = date(1980, 1, 1)
    national_id = "1800101221144"
    home_address = factory.Sequence(lambda n: f"Strada Privată {n}, București")
    personal_phone = factory.Sequence(lambda n: f"+40 722 {n:06d}")
    personal_email = factory.Sequence(lambda n: f"private{n}@example.net")
    iban = "RO49AAAA1B31007593840000"
