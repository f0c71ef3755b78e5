"""HR's rows of the permission matrix (tests/test_permission_matrix.py)."""

from datetime import date

from django.core.files.uploadedfile import SimpleUploadedFile

from hr import services
from hr.models import EmployeeDocument, EmployeeImport
from tests.permissions import Row, only, signed_in

PDF = b"%PDF-1.4\n%test\n"


def make_objects(role_users) -> dict:
    employee = role_users["employee"].employee
    document = services.document_upload(
        by=role_users["hr"],
        employee=employee,
        kind=EmployeeDocument.Kind.CONTRACT,
        uploaded_file=SimpleUploadedFile("contract.pdf", PDF),
        issue_date=date(2024, 1, 15),
    )
    batch = EmployeeImport.objects.create(
        uploaded_by=role_users["hr"],
        file_name="people.csv",
        rows=[
            {
                "line": 2,
                "employee_number": "MATRIX-1",
                "first_name": "Ana",
                "last_name": "Matrice",
                "work_email": "",
                "work_phone": "",
                "extension": "",
                "department": employee.department.name,
                "position": employee.position.title,
                "manager_number": "",
                "hire_date": "2026-01-05",
                "status": "",
                "contract_type": "",
                "contract_end_date": "",
                "weekly_hours": "",
                "termination_date": "",
            }
        ],
    )
    return {"employee": employee, "document": document, "import": batch}


# The import belongs to the HR user who uploaded it: the administrator, who
# holds every permission, is refused it as someone else's (404).
OWNER_ONLY = only("hr") | {"admin": 404}

ROWS: dict[str, Row] = {
    "hr:index": Row(only("hr", "admin")),
    "hr:directory": Row(signed_in()),
    "hr:org-chart": Row(signed_in()),
    "hr:employee-detail": Row(
        only("hr", "admin", "employee", other=404), kwargs=lambda o: {"pk": o["employee"].pk}
    ),
    "hr:employee-personal-edit": Row(
        only("hr", "admin"), kwargs=lambda o: {"pk": o["employee"].pk}
    ),
    "hr:employee-change": Row(only("hr", "admin"), kwargs=lambda o: {"pk": o["employee"].pk}),
    "hr:employee-export": Row(only("hr", "admin", ok=302), method="post"),
    "hr:employee-import": Row(only("hr", "admin")),
    "hr:employee-import-preview": Row(OWNER_ONLY, kwargs=lambda o: {"pk": o["import"].pk}),
    "hr:employee-import-confirm": Row(
        only("hr", ok=302) | {"admin": 404},
        kwargs=lambda o: {"pk": o["import"].pk},
        method="post",
    ),
    "hr:document-upload": Row(only("hr", "admin"), kwargs=lambda o: {"pk": o["employee"].pk}),
    "hr:document-download": Row(
        only("hr", "admin", "employee", other=404), kwargs=lambda o: {"pk": o["document"].pk}
    ),
    "hr:my-documents": Row(signed_in(302)),
    "hr:documents-expiring": Row(only("hr", "admin")),
}
