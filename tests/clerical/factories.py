"""Factories of the clerical office: filing, phones and office requests."""

import factory

from clerical.models.documents import Cabinet, Folder
from clerical.models.phones import Call, PhoneMessage
from clerical.models.requests import OfficeRequest
from tests.factories import DepartmentFactory, EmployeeFactory, UserFactory


class CabinetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Cabinet

    name = factory.Sequence(lambda n: f"Cabinet {n}")
    department = factory.SubFactory(DepartmentFactory)


class FolderFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Folder

    name = factory.Sequence(lambda n: f"Folder {n}")
    cabinet = factory.SubFactory(CabinetFactory)


class CallFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Call

    taken_by = factory.SubFactory(UserFactory)
    for_employee = factory.SubFactory(EmployeeFactory)
    department = factory.LazyAttribute(lambda c: c.for_employee.department)
    caller_name = "Ion Client"
    caller_number = "+40721000111"
    subject = "Invoice"


class PhoneMessageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PhoneMessage

    recipient = factory.SubFactory(EmployeeFactory)
    taken_by = factory.SubFactory(UserFactory)
    caller = "Ion Client"
    caller_number = "+40721000111"
    body = "Please call back about the invoice."


class OfficeRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OfficeRequest

    requested_by = factory.SubFactory(UserFactory)
    kind = OfficeRequest.Kind.COPIES
    description = "20 copies of the price list"
    quantity = 20
