"""The demo company's employee records: contracts, hours, extensions and documents.

Called by `seed_demo`; safe to run again (rows already filled are left
alone, documents are looked up by employee, type and file name first).
The contract fields are filled with a few set-based UPDATEs, so seeding
10,000 people costs the same number of statements as seeding 10.
"""

from datetime import date, timedelta
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models import CharField, F
from django.db.models.functions import Cast, Mod
from django.utils import timezone

from hr.models.documents import EmployeeDocument
from hr.models.employees import Employee
from hr.services.documents import document_upload

FIXED_TERM_END = date(2027, 6, 30)
PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)
PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00"
    b"\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N"
    b"\x00\x00\x00\x00IEND\xaeB`\x82"
)

# employee number: [(type, file name, days from today it expires, or None)]
DOCUMENTS = {
    "D0008": [  # the demo employee
        (EmployeeDocument.Kind.CONTRACT, "contract-D0008.pdf", None),
        (EmployeeDocument.Kind.ID_COPY, "id-card-D0008.png", 12),
    ],
    "D0002": [(EmployeeDocument.Kind.CONTRACT, "contract-D0002.pdf", None)],
    "E000001": [(EmployeeDocument.Kind.WORK_PERMIT, "work-permit-E000001.pdf", 5)],
    "E000002": [(EmployeeDocument.Kind.CERTIFICATE, "forklift-E000002.pdf", 25)],
    "E000003": [(EmployeeDocument.Kind.CERTIFICATE, "first-aid-E000003.pdf", 200)],
}


def seed_records(*, by) -> None:
    _fill_contracts()
    _file_documents(by=by)


def _fill_contracts() -> None:
    untouched = Employee.objects.filter(
        contract_type=Employee.ContractType.INDEFINITE,
        weekly_hours=Employee.FULL_TIME_HOURS,
        contract_end_date__isnull=True,
    )
    untouched.filter(extension="").update(
        extension=Cast(Mod(F("pk"), 900) + 100, output_field=CharField())
    )
    # The demo users (D....) keep simple records: indefinite, full time.
    buckets = untouched.filter(employee_number__startswith="E").alias(bucket=Mod(F("pk"), 10))
    buckets.filter(bucket=3).update(
        contract_type=Employee.ContractType.PART_TIME, weekly_hours=Decimal("20.00")
    )
    buckets.filter(bucket=5).update(
        contract_type=Employee.ContractType.PART_TIME, weekly_hours=Decimal("30.00")
    )
    buckets.filter(bucket=7, hire_date__lt=FIXED_TERM_END).update(
        contract_type=Employee.ContractType.FIXED_TERM, contract_end_date=FIXED_TERM_END
    )
    buckets.filter(bucket=9).update(contract_type=Employee.ContractType.CONTRACTOR)
    Employee.objects.filter(employee_number="E000004", contract_type="indefinite").update(
        contract_type=Employee.ContractType.INTERNSHIP, weekly_hours=Decimal("30.00")
    )


def _file_documents(*, by) -> None:
    today = timezone.localdate()
    people = Employee.objects.in_bulk(list(DOCUMENTS), field_name="employee_number")
    existing = set(
        EmployeeDocument.objects.filter(employee__in=people.values()).values_list(
            "employee__employee_number", "kind", "original_name"
        )
    )
    for number, documents in DOCUMENTS.items():
        employee = people.get(number)
        if employee is None:
            continue
        for kind, name, expires_in in documents:
            if (number, kind, name) in existing:
                continue
            expiry = today + timedelta(days=expires_in) if expires_in is not None else None
            document_upload(
                by=by,
                employee=employee,
                kind=kind,
                uploaded_file=SimpleUploadedFile(name, PNG if name.endswith(".png") else PDF),
                issue_date=today - timedelta(days=365),
                expiry_date=expiry,
            )
