"""What the export writes, the import reads back: CSV and XLSX, same columns."""

import io
from datetime import date
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook

from backoffice import roles
from backoffice import services as core
from backoffice.models import Job
from hr import employee_files
from hr.models.employees import Employee
from hr.services import imports as imports_services
from tests.factories import EmployeeFactory, PositionFactory, UserFactory


@pytest.fixture
def staff(db):
    position = PositionFactory(title="Storekeeper", department__name="Warehouse")
    boss = EmployeeFactory(employee_number="00017", position=position, extension="100")
    EmployeeFactory(
        position=position,
        manager=boss,
        contract_type=Employee.ContractType.PART_TIME,
        weekly_hours=Decimal("22.50"),
        first_name="Ștefan",
        last_name="Lazăr, Jr.",
    )
    EmployeeFactory(
        position=position,
        manager=boss,
        contract_type=Employee.ContractType.FIXED_TERM,
        contract_end_date=date(2026, 6, 30),
        status=Employee.Status.NOTICE,
        work_email="",
    )
    EmployeeFactory(
        position=position,
        status=Employee.Status.TERMINATED,
        termination_date=date(2025, 3, 31),
        contract_type=Employee.ContractType.CONTRACTOR,
    )
    return list(Employee.objects.order_by("employee_number").values_list(*employee_files.LOOKUPS))


def export(user, file_format: str) -> tuple[str, bytes]:
    job = Job.objects.create(
        kind="hr.employee_export", requested_by=user, params={"format": file_format}
    )
    job = core.job_run(job_id=job.pk)
    assert job.status == Job.Status.SUCCEEDED, job.error
    with job.result_file.open("rb") as handle:
        return job.result_file.name, handle.read()


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_an_exported_file_imports_back_to_the_same_records(staff, file_format):
    hr = UserFactory(roles=[roles.HR])
    name, content = export(hr, file_format)
    assert name.endswith(f".{file_format}")
    Employee.objects.update(manager=None)
    Employee.objects.all().delete()

    batch = imports_services.employee_import_upload(
        by=hr, uploaded_file=SimpleUploadedFile(f"back.{file_format}", content)
    )
    assert batch.errors == {}
    assert imports_services.employee_import_confirm(by=hr, batch=batch) == len(staff)
    again = list(Employee.objects.order_by("employee_number").values_list(*employee_files.LOOKUPS))
    assert again == staff


def test_the_csv_and_xlsx_exports_have_the_same_header_and_rows(staff):
    hr = UserFactory(roles=[roles.HR])
    _name, csv_bytes = export(hr, "csv")
    _name, xlsx_bytes = export(hr, "xlsx")
    csv_rows = employee_files.read_table(SimpleUploadedFile("a.csv", csv_bytes))
    sheet = load_workbook(io.BytesIO(xlsx_bytes), read_only=True).worksheets[0]
    xlsx_rows = [
        [employee_files.cell_text(v) for v in row] for row in sheet.iter_rows(values_only=True)
    ]
    assert csv_rows[0] == employee_files.headers()
    assert csv_rows == xlsx_rows
    assert len(csv_rows) == len(staff) + 1


def test_the_directory_starts_an_xlsx_export(client, role_users):
    client.force_login(role_users["hr"])
    from django.urls import reverse

    response = client.post(reverse("hr:employee-export"), {"format": "xlsx"})
    job = Job.objects.get()
    assert response["Location"] == reverse("backoffice:job-detail", args=[job.pk])
    assert job.params == {"format": "xlsx"}
