import io
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import Workbook

from backoffice import events
from hr.employee_files import headers
from hr.models.employees import Employee
from hr.models.imports import EmployeeImport
from hr.services import imports as imports_services
from tests.factories import EmployeeFactory, PositionFactory

HEADER = ",".join(headers())


@pytest.fixture
def sales(db):
    return PositionFactory(title="Cashier", department__name="Sales", department__code="SAL")


def line(number, first="Ana", last="Pop", *, department="Sales", position="Cashier", **kw):
    values = {
        "email": f"{number.lower()}@example.com",
        "phone": "+40 21 1",
        "ext": "12",
        "manager": "",
        "hired": "2026-01-05",
        "status": "active",
        "contract": "indefinite",
        "ends": "",
        "hours": "40.00",
        "left": "",
    } | kw
    return ",".join(
        [number, first, last, values["email"], values["phone"], values["ext"], department]
        + [position, values["manager"], values["hired"], values["status"], values["contract"]]
        + [values["ends"], values["hours"], values["left"]]
    )


def csv_file(*lines, header=HEADER, name="people.csv"):
    return SimpleUploadedFile(name, "\n".join([header, *lines]).encode("utf-8"))


def upload(user, *lines, **kw):
    return imports_services.employee_import_upload(by=user, uploaded_file=csv_file(*lines, **kw))


@pytest.fixture
def hired():
    seen = []

    def spy(sender, **kwargs):
        seen.append(kwargs["employee"].employee_number)

    events.employee_hired.connect(spy)
    yield seen
    events.employee_hired.disconnect(spy)


def test_a_clean_file_is_held_for_preview_and_imports_nothing_until_confirmed(hr_user, sales):
    batch = upload(hr_user, line("N-1"), line("N-2", manager="N-1"))
    assert batch.is_clean
    assert [row["employee_number"] for row in batch.rows] == ["N-1", "N-2"]
    assert not Employee.objects.filter(employee_number__startswith="N-").exists()


def test_confirming_creates_everyone_with_history_and_an_event_each(hr_user, sales, hired):
    boss = EmployeeFactory(employee_number="BOSS")
    batch = upload(
        hr_user,
        line("N-2", manager="N-1"),
        line("N-1", manager="BOSS", contract="part_time", hours="20"),
        line("N-3", contract="fixed_term", ends="2026-12-31", status="on leave"),
    )
    assert imports_services.employee_import_confirm(by=hr_user, batch=batch) == 3
    people = {e.employee_number: e for e in Employee.objects.filter(employee_number__in=hired)}
    assert sorted(hired) == ["N-1", "N-2", "N-3"]
    assert people["N-2"].manager == people["N-1"]
    assert people["N-1"].manager == boss
    assert (people["N-1"].contract_type, people["N-1"].weekly_hours) == (
        "part_time",
        Decimal("20.00"),
    )
    assert people["N-3"].status == Employee.Status.ON_LEAVE
    assert people["N-3"].contract_end_date == date(2026, 12, 31)
    assert people["N-1"].history.get().history_user == hr_user
    batch.refresh_from_db()
    assert (batch.status, batch.imported_count) == ("imported", 3)


@pytest.mark.parametrize(
    ("bad_line", "message"),
    [
        (line("N-9", hired="31/02/2026"), "is not a date"),
        (line("N-9", hired=""), "Hire date is missing"),
        (line("N-9", department="Nowhere"), "Unknown department Nowhere"),
        (line("N-9", position="Astronaut"), "Unknown position Astronaut in Sales"),
        (line("N-9", manager="NOBODY"), "Unknown manager NOBODY"),
        (line("N-9", email="not-an-email"), "not-an-email is not an email address"),
        (line("TAKEN"), "TAKEN is already in use"),
        (line("N-9", contract="fixed_term"), "needs an end date"),
        (line("N-9", contract="part_time"), "fewer than 40"),
        (line("N-9", hours="abc"), "Weekly hours abc"),
        (line("N-9", status="retired"), "Unknown status retired"),
        (line("N-9", status="terminated"), "needs a last working day"),
        (line("", "Ana"), "Employee number is missing"),
    ],
)
def test_each_kind_of_bad_row_is_listed_and_nothing_is_imported(hr_user, sales, bad_line, message):
    EmployeeFactory(employee_number="TAKEN")
    before = Employee.objects.count()
    batch = upload(hr_user, line("N-1"), bad_line)
    assert not batch.is_clean
    assert list(batch.errors) == ["3"]
    assert any(message in error for error in batch.errors["3"]), batch.errors
    with pytest.raises(imports_services.EmployeeImportError):
        imports_services.employee_import_confirm(by=hr_user, batch=batch)
    assert Employee.objects.count() == before


def test_a_number_twice_in_the_file_is_an_error_on_the_second_line(hr_user, sales):
    batch = upload(hr_user, line("N-1"), line("N-1", "Bis"))
    assert batch.errors == {"3": ["Employee number N-1 is also on line 2."]}


def test_missing_columns_are_a_file_error(hr_user, sales):
    batch = upload(hr_user, "N-1,Ana", header="Employee number,First name")
    assert "Missing columns: Last name, Department, Position, Hire date." in batch.errors["file"]
    with pytest.raises(imports_services.EmployeeImportError, match="nothing to import"):
        imports_services.employee_import_confirm(by=hr_user, batch=batch)


def test_a_circle_of_managers_in_the_file_is_refused(hr_user, sales):
    batch = upload(hr_user, line("N-1", manager="N-2"), line("N-2", manager="N-1"))
    assert set(batch.errors) == {"2", "3"}


def test_a_number_taken_between_preview_and_confirm_refuses_the_whole_file(hr_user, sales):
    batch = upload(hr_user, line("N-1"), line("N-2"))
    EmployeeFactory(employee_number="N-2")
    with pytest.raises(imports_services.EmployeeImportError, match="no longer pass"):
        imports_services.employee_import_confirm(by=hr_user, batch=batch)
    assert not Employee.objects.filter(employee_number="N-1").exists()
    batch.refresh_from_db()
    assert "N-2 is already in use" in batch.errors["3"][0]


def test_an_import_is_confirmed_once_only_by_its_uploader_and_before_it_expires(
    hr_user, role_users, sales
):
    batch = upload(hr_user, line("N-1"))
    with pytest.raises(imports_services.EmployeeImportError, match="not yours"):
        imports_services.employee_import_confirm(by=role_users["admin"], batch=batch)
    EmployeeImport.objects.filter(pk=batch.pk).update(
        expires_at=timezone.now() - timedelta(seconds=1)
    )
    with pytest.raises(imports_services.EmployeeImportError, match="expired"):
        imports_services.employee_import_confirm(by=hr_user, batch=batch)
    EmployeeImport.objects.filter(pk=batch.pk).update(
        expires_at=timezone.now() + timedelta(hours=1)
    )
    imports_services.employee_import_confirm(by=hr_user, batch=batch)
    with pytest.raises(imports_services.EmployeeImportError, match="already been imported"):
        imports_services.employee_import_confirm(by=hr_user, batch=batch)
    assert Employee.objects.filter(employee_number="N-1").count() == 1


def test_expired_uploads_are_pruned(hr_user, sales):
    old = upload(hr_user, line("N-1"))
    fresh = upload(hr_user, line("N-2"))
    EmployeeImport.objects.filter(pk=old.pk).update(expires_at=timezone.now())
    assert imports_services.employee_imports_prune() == 1
    assert list(EmployeeImport.objects.all()) == [fresh]


def test_an_xlsx_file_imports_like_a_csv(hr_user, sales):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(headers())
    sheet.append(["X-1", "Ilinca", "Xls", "", "", 15, "Sales", "Cashier", None, date(2026, 2, 1)])
    buffer = io.BytesIO()
    workbook.save(buffer)
    batch = imports_services.employee_import_upload(
        by=hr_user, uploaded_file=SimpleUploadedFile("people.xlsx", buffer.getvalue())
    )
    assert batch.is_clean, batch.errors
    imports_services.employee_import_confirm(by=hr_user, batch=batch)
    person = Employee.objects.get(employee_number="X-1")
    assert (person.hire_date, person.extension) == (date(2026, 2, 1), "15")


def test_the_pages_walk_from_upload_to_preview_to_confirm(client, hr_user, sales):
    client.force_login(hr_user)
    bad = client.post(
        reverse("hr:employee-import"),
        {"file": csv_file(line("N-1"), line("N-2", department="Nowhere"))},
    )
    preview = client.get(bad["Location"])
    assert b"Unknown department Nowhere" in preview.content
    assert b"import-confirm" not in preview.content
    good = client.post(reverse("hr:employee-import"), {"file": csv_file(line("N-1"), line("N-2"))})
    preview = client.get(good["Location"])
    assert b'data-testid="import-confirm"' in preview.content
    batch = EmployeeImport.objects.get(pk=preview.context["batch"].pk)
    done = client.post(reverse("hr:employee-import-confirm", args=[batch.pk]))
    assert done["Location"] == reverse("hr:directory")
    assert Employee.objects.filter(employee_number__in=["N-1", "N-2"]).count() == 2


def test_re_posting_other_data_to_confirm_does_not_change_what_is_imported(client, hr_user, sales):
    batch = upload(hr_user, line("N-1"))
    client.force_login(hr_user)
    client.post(
        reverse("hr:employee-import-confirm", args=[batch.pk]),
        {"rows": '[{"employee_number": "EVIL"}]', "employee_number": "EVIL"},
    )
    assert Employee.objects.filter(employee_number="N-1").exists()
    assert not Employee.objects.filter(employee_number="EVIL").exists()


def test_someone_elses_upload_is_not_found(client, hr_user, role_users, sales):
    batch = upload(hr_user, line("N-1"))
    other_hr = role_users["admin"]
    client.force_login(other_hr)
    assert client.get(reverse("hr:employee-import-preview", args=[batch.pk])).status_code == 404
    response = client.post(reverse("hr:employee-import-confirm", args=[batch.pk]))
    assert response.status_code == 404
    assert not Employee.objects.filter(employee_number="N-1").exists()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("people.csv", b"MZ\x90\x00\x03\x00\x00\x00binary", "not a CSV or XLSX"),
        ("people.xlsx", b"N-1,Ana", "not a real XLSX"),
        ("people.xlsx", b"PK\x03\x04broken zip", "cannot be read"),
        ("people.exe", b"a,b", "Upload a CSV or XLSX"),
        ("people.csv", "\n".join([HEADER, "x"]).encode("utf-16"), "not a CSV or XLSX"),
    ],
)
def test_a_file_of_the_wrong_type_is_refused_with_a_message(
    client, hr_user, sales, name, content, message
):
    client.force_login(hr_user)
    response = client.post(
        reverse("hr:employee-import"), {"file": SimpleUploadedFile(name, content)}
    )
    assert response.status_code == 200
    assert message in str(response.context["form"].errors["file"])
    assert not EmployeeImport.objects.exists()


def test_a_file_over_the_size_limit_is_refused(client, hr_user, sales, settings):
    settings.HR_IMPORT_MAX_BYTES = 50
    client.force_login(hr_user)
    response = client.post(reverse("hr:employee-import"), {"file": csv_file(line("N-1"))})
    assert "the limit is" in str(response.context["form"].errors["file"])
    assert not EmployeeImport.objects.exists()


def test_the_import_is_set_based_its_query_count_does_not_grow_with_the_rows(
    hr_user, sales, monkeypatch
):
    """HR's own work (checks, inserts, history) is set-based. The other departments'
    receivers of `employee_hired` run once per person by design (see the service),
    so they are left out of this count."""
    monkeypatch.setattr(events.employee_hired, "receivers", [])
    monkeypatch.setattr(events.employee_hired, "sender_receivers_cache", {})

    def run(prefix, count):
        batch = upload(hr_user, *[line(f"{prefix}-{n}") for n in range(count)])
        with CaptureQueriesContext(connection) as queries:
            imports_services.employee_import_confirm(by=hr_user, batch=batch)
        return len(queries)

    assert run("A", 3) == run("B", 40)
