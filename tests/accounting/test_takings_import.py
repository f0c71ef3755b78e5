"""The registers' daily totals: checked in full, posted all at once, never twice."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from accounting.models.ledger import JournalEntry
from accounting.models.takings import TakingsImport
from accounting.selectors.ledger import account_balance, trial_balance_difference
from accounting.services.ledger import fiscal_period_close, fiscal_year_create
from accounting.services.takings import (
    TakingsImportError,
    takings_import_confirm,
    takings_import_upload,
)

HEADER = "date,register,gross,vat,cash,card,vouchers\n"
CLEAN = HEADER + (
    "2026-11-02,R1,1210.00,210.00,410.00,750.00,50.00\n"
    "2026-11-02,R2,121.00,21.00,121.00,0,0\n"
    '03.11.2026,R1,"99,99",17.35,0.00,99.99,\n'
)


@pytest.fixture
def accountant_user(role_users):
    return role_users["accountant"]


@pytest.fixture
def accountant_client(client, accountant_user):
    client.force_login(accountant_user)
    return client


def upload(client, text: str, name="takings.csv"):
    return client.post(
        reverse("accounting:takings-import"),
        {"file": SimpleUploadedFile(name, text.encode(), content_type="text/csv")},
    )


def test_a_clean_file_previews_then_posts_one_balanced_entry_per_register_and_day(
    accountant_client, accountant_user, standard_chart
):
    response = upload(accountant_client, CLEAN)
    record = TakingsImport.objects.get()
    assert response.status_code == 302
    assert record.is_clean and len(record.rows) == 3
    assert not JournalEntry.objects.exists()  # a preview posts nothing

    response = accountant_client.post(
        reverse("accounting:takings-import-confirm", kwargs={"pk": record.pk})
    )

    assert response.status_code == 302
    record.refresh_from_db()
    assert (record.status, record.entries) == ("imported", 3)
    assert JournalEntry.objects.filter(status="posted", source="sales_import").count() == 3
    assert account_balance(account=standard_chart["5311"]) == Decimal("531.00")
    assert account_balance(account=standard_chart["5125"]) == Decimal("849.99")
    assert account_balance(account=standard_chart["5328"]) == Decimal("50.00")
    assert account_balance(account=standard_chart["707"]) == Decimal("-1182.64")
    assert account_balance(account=standard_chart["4427"]) == Decimal("-248.35")
    assert trial_balance_difference() == Decimal("0.00")


def test_every_bad_row_is_listed_and_nothing_is_posted(accountant_client, standard_chart):
    bad = HEADER + (
        "2026-11-02,R1,100.00,19.00,50.00,50.00,0\n"  # fine
        "2026-13-02,R1,100.00,19.00,50.00,50.00,0\n"  # no such month
        "2026-11-03,,100.00,19.00,50.00,50.00,0\n"  # no register
        "2026-11-04,R1,100.00,119.00,50.00,50.00,0\n"  # VAT above gross
        "2026-11-05,R1,100.00,19.00,50.00,40.00,0\n"  # methods do not add up
        "2026-11-06,R1,-5.00,0,0,0,0\n"  # negative
        "2026-11-07,R1,10.001,0,10.001,0,0\n"  # fraction of a cent
        "2026-11-02,R1,100.00,19.00,50.00,50.00,0\n"  # same register and day again
        "2026-11-08,R1,abc,0,0,0,0\n"  # not an amount
    )

    response = upload(accountant_client, bad)
    record = TakingsImport.objects.get()
    page = accountant_client.get(response.url).content.decode()

    assert [error["line"] for error in record.errors] == [3, 4, 5, 6, 7, 8, 9, 10]
    assert "Line 6" in page and "add up to 90.00, not the gross 100.00" in page
    assert "also on line 2" in page
    assert not record.is_clean
    response = accountant_client.post(
        reverse("accounting:takings-import-confirm", kwargs={"pk": record.pk}), follow=True
    )
    assert "Fix every row" in response.content.decode()
    assert not JournalEntry.objects.exists()


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        ("date,register,gross\n2026-11-02,R1,1\n", "t.csv", "lacks the column(s) vat, cash"),
        (HEADER, "t.csv", "no rows"),
        ("\x89PNG\r\n\x1a\n\x00\x00", "t.csv", "not"),
        (CLEAN, "takings.xlsx", ".csv file"),
    ],
)
def test_unreadable_files_are_explained_and_nothing_is_kept(
    accountant_client, standard_chart, content, name, message
):
    response = upload(accountant_client, content, name=name)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not TakingsImport.objects.exists()


def test_a_file_too_large_is_refused_before_it_is_read(accountant_client, settings):
    settings.TAKINGS_IMPORT_MAX_BYTES = 100
    response = upload(accountant_client, CLEAN)
    assert "larger than" in response.content.decode()
    assert not TakingsImport.objects.exists()


def test_a_day_already_imported_is_refused_at_preview_and_at_confirmation(
    accountant_user, standard_chart
):
    first = takings_import_upload(by=accountant_user, filename="a.csv", data=CLEAN.encode())
    second = takings_import_upload(by=accountant_user, filename="b.csv", data=CLEAN.encode())
    takings_import_confirm(by=accountant_user, takings_import=first)

    with pytest.raises(TakingsImportError, match="already in the ledger"):
        takings_import_confirm(by=accountant_user, takings_import=second)
    third = takings_import_upload(by=accountant_user, filename="c.csv", data=CLEAN.encode())

    assert len(third.errors) == 3
    assert "already in the ledger" in third.errors[0]["problems"][0]
    assert JournalEntry.objects.count() == 3


def test_rows_in_a_closed_period_are_errors(accountant_user, standard_chart):
    year = fiscal_year_create(by=accountant_user, start=timezone.datetime(2026, 1, 1).date())
    fiscal_period_close(by=accountant_user, period=year.periods.get(start__month=11))

    record = takings_import_upload(by=accountant_user, filename="a.csv", data=CLEAN.encode())

    assert {error["line"] for error in record.errors} == {2, 3, 4}
    assert "closed" in record.errors[0]["problems"][0]


def test_only_the_uploader_sees_or_confirms_an_upload(client, role_users, standard_chart):
    record = takings_import_upload(
        by=role_users["accountant"], filename="a.csv", data=CLEAN.encode()
    )
    client.force_login(role_users["admin"])
    detail = reverse("accounting:takings-import-detail", kwargs={"pk": record.pk})
    confirm = reverse("accounting:takings-import-confirm", kwargs={"pk": record.pk})

    assert client.get(detail).status_code == 404
    assert client.post(confirm).status_code == 404
    assert not JournalEntry.objects.exists()


def test_a_stale_preview_must_be_uploaded_again(accountant_user, standard_chart):
    record = takings_import_upload(by=accountant_user, filename="a.csv", data=CLEAN.encode())
    TakingsImport.objects.filter(pk=record.pk).update(
        uploaded_at=timezone.now() - timedelta(days=2)
    )
    with pytest.raises(TakingsImportError, match="more than a day old"):
        takings_import_confirm(by=accountant_user, takings_import=record)
    assert not JournalEntry.objects.exists()


def test_semicolon_files_from_spreadsheets_are_read(accountant_user, standard_chart):
    text = CLEAN.replace(",", ";").replace('"99;99"', "99,99")
    record = takings_import_upload(by=accountant_user, filename="a.csv", data=text.encode())
    assert record.is_clean, record.errors
    assert record.rows[2]["gross"] == "99.99"
