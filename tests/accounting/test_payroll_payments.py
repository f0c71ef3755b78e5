"""Paying a posted payroll run: the net-pay bank file (CSV, SEPA pain.001) and
marking the run paid with one balanced entry from salaries payable to the bank."""

import csv
import io
import os
import xml.etree.ElementTree as ET
from datetime import date
from decimal import Decimal

import pytest
import sepaxml
import xmlschema
from django.urls import reverse

from accounting.chart import account_for
from accounting.models.ledger import FiscalPeriod, JournalEntry
from accounting.models.pay import PayProfile
from accounting.models.payroll_runs import PayrollRun
from accounting.services.ledger import LedgerError, fiscal_period_close
from accounting.services.payroll_payments import payroll_run_bank_file, payroll_run_mark_paid
from accounting.services.payroll_runs import PayrollRunError
from tests.accounting.payroll_reports import make_run, posted_run, slip
from tests.factories import EmployeeFactory

pytestmark = pytest.mark.django_db

NS = {"p": "urn:iso:std:iso:20022:tech:xsd:pain.001.001.03"}
SCHEMA = os.path.join(os.path.dirname(sepaxml.__file__), "schemas", "pain.001.001.03.xsd")
IBANS = ("DE89370400440532013000", "GB29NWBK60161331926819", "RO49AAAA1B31007593840000")


@pytest.fixture
def calculator(role_users):
    return role_users["accountant"]


@pytest.fixture
def posted(calculator, role_users):
    run, (salaried, hourly, joiner, _missing) = posted_run(
        calculator=calculator, approver=role_users["controller"]
    )
    for employee, iban in zip((salaried, hourly, joiner), IBANS, strict=True):
        # As typed by a person: spaces and lower case; the file has it compact.
        spaced = " ".join(iban[i : i + 4] for i in range(0, len(iban), 4)).lower()
        PayProfile.objects.filter(employee=employee).update(iban=spaced)
    return run, {"salaried": salaried, "hourly": hourly, "joiner": joiner}


def test_the_csv_has_one_transfer_per_payslip_adding_up_to_the_net(posted, calculator):
    run, people = posted
    name, content_type, content = payroll_run_bank_file(by=calculator, run=run, file_format="csv")
    assert (name, content_type) == (f"salaries-2026-03-{run.pk}.csv", "text/csv; charset=utf-8")
    header, *rows = list(csv.reader(io.StringIO(content.decode("utf-8"))))
    assert header == ["employee", "iban", "bic", "amount", "currency", "reference"]
    by_iban = {row[1]: row for row in rows}
    salaried = people["salaried"]
    assert by_iban[IBANS[0]] == [
        salaried.full_name,
        IBANS[0],
        "",
        "4000.00",
        "RON",
        f"Salary 2026-03 {salaried.employee_number}",
    ]
    assert {iban: row[3] for iban, row in by_iban.items()} == {
        IBANS[0]: "4000.00",
        IBANS[1]: "7040.00",
        IBANS[2]: "1920.00",
    }
    assert sum(Decimal(row[3]) for row in rows) == run.net == Decimal("12960.00")


def test_the_sepa_file_is_a_valid_pain_001_paying_each_employee(posted, calculator, settings):
    run, _people = posted
    name, content_type, content = payroll_run_bank_file(by=calculator, run=run, file_format="sepa")
    assert (name, content_type) == (f"salaries-2026-03-{run.pk}.xml", "application/xml")
    xmlschema.XMLSchema(SCHEMA).validate(content.decode("utf-8"))
    root = ET.fromstring(content)  # noqa: S314 (the file we just wrote)
    header = root.find("p:CstmrCdtTrfInitn/p:GrpHdr", NS)
    assert header.find("p:NbOfTxs", NS).text == "3"
    assert header.find("p:CtrlSum", NS).text == "12960.00"
    info = root.find("p:CstmrCdtTrfInitn/p:PmtInf", NS)
    assert info.find("p:ReqdExctnDt", NS).text == "2026-04-10"
    assert info.find("p:DbtrAcct/p:Id/p:IBAN", NS).text == settings.COMPANY_IBAN
    amounts = {
        tx.find("p:CdtrAcct/p:Id/p:IBAN", NS).text: Decimal(tx.find("p:Amt/p:InstdAmt", NS).text)
        for tx in info.findall("p:CdtTrfTxInf", NS)
    }
    assert amounts == {
        IBANS[0]: Decimal("4000.00"),
        IBANS[1]: Decimal("7040.00"),
        IBANS[2]: Decimal("1920.00"),
    }
    assert sum(amounts.values()) == run.net


def test_the_iban_is_the_one_in_force_on_the_pay_date(posted, calculator):
    run, people = posted
    PayProfile.objects.create(
        employee=people["salaried"],
        effective_from=date(2026, 4, 1),
        pay_type="monthly",
        monthly_salary=Decimal("5000.00"),
        iban="FR1420041010050500013M02606",
    )
    PayProfile.objects.create(
        employee=people["hourly"],
        effective_from=date(2026, 4, 11),  # after the pay date: not yet in force
        pay_type="hourly",
        hourly_rate=Decimal("50.00"),
        iban="FR7630006000011234567890189",
    )
    _name, _type, content = payroll_run_bank_file(by=calculator, run=run, file_format="csv")
    ibans = [row[1] for row in csv.reader(io.StringIO(content.decode()))][1:]
    assert "FR1420041010050500013M02606" in ibans
    assert IBANS[0] not in ibans
    assert IBANS[1] in ibans


@pytest.mark.parametrize("status", ["draft", "calculated", "approved"])
def test_the_bank_file_waits_until_the_run_is_posted(role_users, calculator, status):
    run = make_run(by=calculator, month=date(2026, 3, 1), status=status)
    slip(run, EmployeeFactory(), gross="100.00", net="80.00")
    with pytest.raises(PayrollRunError, match="once the payroll run is posted"):
        payroll_run_bank_file(by=calculator, run=run, file_format="csv")


def test_an_unknown_format_is_refused(posted, calculator):
    run, _people = posted
    with pytest.raises(PayrollRunError, match="Unknown bank file format"):
        payroll_run_bank_file(by=calculator, run=run, file_format="pdf")


def test_an_employee_without_an_iban_stops_the_whole_file_and_is_named(posted, calculator):
    run, people = posted
    joiner = people["joiner"]
    PayProfile.objects.filter(employee=joiner).update(iban="")
    with pytest.raises(PayrollRunError) as refused:
        payroll_run_bank_file(by=calculator, run=run, file_format="sepa")
    assert joiner.full_name in str(refused.value)
    assert joiner.employee_number in str(refused.value)
    assert people["salaried"].full_name not in str(refused.value)


def test_the_approver_may_not_download_the_bank_file(posted, role_users):
    run, _people = posted
    with pytest.raises(PayrollRunError, match="may not"):
        payroll_run_bank_file(by=role_users["controller"], run=run, file_format="csv")


def test_marking_paid_posts_one_balanced_entry_once(posted, calculator):
    run, _people = posted
    paid = payroll_run_mark_paid(by=calculator, run=run, paid_on=date(2026, 4, 10))

    assert (paid.status, paid.paid_by, paid.paid_at is not None) == ("paid", calculator, True)
    entry = paid.payment_entry
    assert (entry.source, entry.source_key, entry.date, entry.status) == (
        JournalEntry.Source.PAYROLL_PAYMENT,
        f"payroll-payment:{run.pk}",
        date(2026, 4, 10),
        JournalEntry.Status.POSTED,
    )
    lines = {
        line.account.code: (line.debit, line.credit)
        for line in entry.lines.select_related("account")
    }
    assert lines == {
        account_for("salaries_payable").code: (Decimal("12960.00"), Decimal("0.00")),
        account_for("bank").code: (Decimal("0.00"), Decimal("12960.00")),
    }
    run.refresh_from_db()
    assert run.status == PayrollRun.Status.PAID
    assert run.history.first().history_user == calculator

    with pytest.raises(PayrollRunError, match="already marked paid"):
        payroll_run_mark_paid(by=calculator, run=run, paid_on=date(2026, 4, 11))
    assert JournalEntry.objects.filter(source=JournalEntry.Source.PAYROLL_PAYMENT).count() == 1
    # A lost download: the bank file of a paid run is the same again.
    _name, _type, content = payroll_run_bank_file(by=calculator, run=run, file_format="csv")
    assert content.decode().count("Salary 2026-03") == 3


@pytest.mark.parametrize("status", ["draft", "calculated", "approved"])
def test_only_a_posted_run_can_be_marked_paid(calculator, status):
    run = make_run(by=calculator, month=date(2026, 3, 1), status=status)
    with pytest.raises(PayrollRunError, match="Only a posted payroll run"):
        payroll_run_mark_paid(by=calculator, run=run, paid_on=date(2026, 4, 10))
    run.refresh_from_db()
    assert (run.status, run.payment_entry) == (status, None)


def test_a_payment_before_the_period_is_refused_and_nothing_changes(posted, calculator):
    run, _people = posted
    with pytest.raises(PayrollRunError, match="cannot be before the period"):
        payroll_run_mark_paid(by=calculator, run=run, paid_on=date(2026, 2, 28))
    run.refresh_from_db()
    assert (run.status, run.payment_entry) == (PayrollRun.Status.POSTED, None)
    assert not JournalEntry.objects.filter(source=JournalEntry.Source.PAYROLL_PAYMENT).exists()


def test_a_closed_period_gives_the_ledgers_error_and_nothing_changes(posted, calculator):
    run, _people = posted
    april = FiscalPeriod.objects.get(start=date(2026, 4, 1))
    fiscal_period_close(by=calculator, period=april)
    with pytest.raises(LedgerError, match="is closed"):
        payroll_run_mark_paid(by=calculator, run=run, paid_on=date(2026, 4, 10))
    run.refresh_from_db()
    assert (run.status, run.payment_entry, run.paid_by) == (PayrollRun.Status.POSTED, None, None)


def test_the_approver_may_not_mark_a_run_paid(posted, role_users):
    run, _people = posted
    with pytest.raises(PayrollRunError, match="may not"):
        payroll_run_mark_paid(by=role_users["controller"], run=run, paid_on=date(2026, 4, 10))


# Pages ---------------------------------------------------------------------------


def test_the_bank_file_downloads_and_a_bad_format_is_a_message(client, posted, calculator):
    run, _people = posted
    client.force_login(calculator)
    url = reverse("accounting:payrollrun-bankfile", args=[run.pk])
    response = client.get(url, {"format": "sepa"})
    assert response.status_code == 200
    assert (
        response["Content-Disposition"] == f'attachment; filename="salaries-2026-03-{run.pk}.xml"'
    )
    assert b"<NbOfTxs>3</NbOfTxs>" in response.content
    response = client.get(url, {"format": "exe"}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("accounting:payrollrun-detail", args=[run.pk])
    assert "Unknown bank file format" in response.content.decode()


def test_the_run_page_offers_the_bank_file_and_mark_paid_once_posted(client, posted, calculator):
    run, _people = posted
    client.force_login(calculator)
    page = client.get(reverse("accounting:payrollrun-detail", args=[run.pk])).content.decode()
    assert reverse("accounting:payrollrun-bankfile", args=[run.pk]) in page
    assert 'data-testid="run-mark-paid"' in page


def test_a_bad_payment_date_is_a_form_error_and_changes_nothing(client, posted, calculator):
    run, _people = posted
    client.force_login(calculator)
    url = reverse("accounting:payrollrun-mark-paid", args=[run.pk])
    for paid_on in ("not a date", "2026-02-01"):
        response = client.post(url, {"paid_on": paid_on})
        assert response.status_code == 200
        assert response.context["form"].errors
    run.refresh_from_db()
    assert run.status == PayrollRun.Status.POSTED

    response = client.post(url, {"paid_on": "2026-04-10"})
    assert response.status_code == 302
    run.refresh_from_db()
    assert (run.status, run.payment_entry.date) == (PayrollRun.Status.PAID, date(2026, 4, 10))
    page = client.get(reverse("accounting:payrollrun-detail", args=[run.pk])).content.decode()
    assert 'data-testid="run-paid"' in page
    assert 'data-testid="run-mark-paid"' not in page
