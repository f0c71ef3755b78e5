"""The statements' pages, files and stored runs: the exports carry the
screen's figures, and only those who may run a report get its files."""

import csv
import io
from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from accounting.reports import ProfitAndLoss
from backoffice.reports import NotApplicable, render_csv, render_xlsx, report_job_start
from backoffice.services import job_run
from tests.accounting.test_financial_statements import post

pytestmark = pytest.mark.django_db

PARAMS = {"month": "2026-03", "months": 1, "detail": True}
QUERY = "?month=2026-03&months=1&detail=on"


@pytest.fixture
def ledger(accountant, standard_chart):
    post(accountant, standard_chart, date(2026, 2, 5), "5121", "707", "800.00")
    post(accountant, standard_chart, date(2026, 3, 5), "5121", "707", "1234567.89")
    post(accountant, standard_chart, date(2026, 3, 6), "623", "401", "50.00")
    return standard_chart


def pnl_url(suffix=QUERY):
    return (
        reverse("backoffice:report-detail", kwargs={"key": "accounting.profit_and_loss"}) + suffix
    )


def test_the_csv_and_xlsx_carry_the_screens_figures(ledger):
    result = ProfitAndLoss().compute(PARAMS)
    rows = list(csv.reader(io.StringIO(render_csv(result).decode("utf-8-sig"))))
    assert rows[0] == [column.label for column in result.columns]
    sheet = load_workbook(io.BytesIO(render_xlsx(result))).active
    cells = list(sheet.iter_rows(min_row=4, values_only=True))
    for csv_row, xlsx_row, row in zip(rows[1:], cells, result.rows, strict=False):
        for column, text, value in zip(result.columns, csv_row, xlsx_row, strict=True):
            figure = row.cells.get(column.key)
            kind = result.kind_of(row, column)
            if isinstance(figure, Decimal) and kind == "money":
                assert Decimal(text) == figure and Decimal(str(value)) == figure
            elif isinstance(figure, Decimal):  # a percentage: 12.5 on screen, 0.125 in XLSX
                assert text == f"{figure}%" and Decimal(str(value)) * 100 == figure
            elif isinstance(figure, NotApplicable):
                assert text == value == str(figure)
    codes = [row[0] for row in cells if row[0]]
    assert "707" in codes and all(isinstance(code, str) for code in codes)


def test_the_page_shows_the_figures_and_offers_the_files(client, role_users, ledger):
    client.force_login(role_users["manager"])
    html = client.get(pnl_url()).content.decode()
    assert "1,234,567.89 RON" in html and 'data-testid="export-xlsx"' in html
    response = client.get(pnl_url(QUERY + "&format=pdf"))
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response).startswith(b"%PDF")
    response = client.get(pnl_url(QUERY + "&format=xlsx"))
    assert 'filename="profit-and-loss-2026-03-1-True.xlsx"' in response["Content-Disposition"]


def test_bad_parameters_get_a_message_not_an_error(client, role_users, ledger):
    client.force_login(role_users["accountant"])
    response = client.get(pnl_url("?month=2026-13&months=5"))
    assert response.status_code == 200
    assert "Give a year and month" in response.content.decode()


def test_the_statement_page_reads_a_bounded_number_of_queries(
    client, role_users, ledger, django_assert_max_num_queries
):
    client.force_login(role_users["accountant"])
    client.get(pnl_url())
    with django_assert_max_num_queries(12):
        assert client.get(pnl_url()).status_code == 200


def test_someone_who_may_not_run_the_report_never_sees_it(client, role_users, ledger):
    client.force_login(role_users["employee"])
    assert client.get(pnl_url()).status_code == 404
    assert "Profit and loss" not in client.get(reverse("backoffice:report-list")).content.decode()


def test_a_run_in_the_background_stores_its_files_for_its_requester_only(
    client, role_users, ledger
):
    accountant = role_users["accountant"]
    job = report_job_start(by=accountant, report=ProfitAndLoss(), params=PARAMS)
    job = job_run(job_id=job.pk)
    assert job.status == "succeeded", job.error
    assert set(job.result["files"]) == {"csv", "xlsx", "pdf"}
    assert job.result["figures"]["checks"]["net_profit"] == {"d": "1234517.89"}

    client.force_login(accountant)
    listing = client.get(reverse("backoffice:report-list")).content.decode()
    xlsx = reverse("backoffice:report-file", kwargs={"job_id": job.pk, "fmt": "xlsx"})
    assert xlsx in listing and "month=2026-03" in listing
    response = client.get(xlsx)
    assert response.status_code == 200
    job_file = reverse("backoffice:job-download", kwargs={"job_id": job.pk})
    assert client.get(job_file).status_code == 200
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    assert sheet["A1"].value == "Profit and loss"

    client.force_login(role_users["manager"])
    assert client.get(xlsx).status_code == 404
    accountant.groups.clear()
    client.force_login(accountant)
    assert client.get(xlsx).status_code == 404
    assert client.get(job_file).status_code == 404
