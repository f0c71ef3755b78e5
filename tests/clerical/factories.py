import factory

from clerical.models.documents import Cabinet, Folder
from tests.factories import DepartmentFactory


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
