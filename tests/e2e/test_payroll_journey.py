"""March's payroll of a small company, from the timesheet to the ledger, in the browser.

Four people, each signed in through the login page in their own browser:
the hourly employee submits their timesheet with overtime, their manager
approves it from the team page, the accountant creates and calculates the
run, follows the calculation and excludes a newcomer who has no pay profile
yet, the payroll controller approves the run (the accountant, who may
approve runs, is refused their own calculation), and the accountant posts
it to the ledger.

The month is March 2026: 22 working days (Monday 2 to Tuesday 31, no public
holiday), so the schedule is 22 x 8 = 176 normal hours; the clocks change on
Sunday 29 March, inside the period. The run uses the
Romanian rules; the hourly employee's figures are worked out by hand in
`HOURLY_NET` below.

Each step is a function taking the pages it needs, so the steps still to come
(the net-pay bank file, marking the run paid, the employee's own payslip) are
appended after `accountant_posts_the_run` with the same fixtures.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from django.db.models import Sum
from playwright.sync_api import Browser, Locator, Page, expect

import backoffice.tasks
from accounting.chart import chart_of_accounts_install
from accounting.models.ledger import FiscalPeriod
from accounting.models.pay import Timesheet
from accounting.models.payroll_runs import PayrollException, PayrollRun
from accounting.services.ledger import fiscal_year_create
from accounting.services.payroll_rules import payroll_rule_sets_install
from backoffice import roles
from hr.models.employees import Employee
from tests.accounting.pay import profile
from tests.e2e.conftest import MUST_SUCCEED, STEP_TIMEOUT_MS, log_in
from tests.factories import DepartmentFactory, EmployeeFactory, PositionFactory, UserFactory

pytestmark = pytest.mark.e2e

PASSWORD = "pw-for-tests-1"  # UserFactory's
MONTH = "2026-03"
MARCH = date(2026, 3, 1)
PAY_DATE = date(2026, 4, 10)
OVERTIME_DAYS = ("02", "03", "04")  # 2 hours each: 6 hours of overtime

HOURLY_RATE = Decimal("30.00")
SALARIES = {
    "manager": Decimal("7000.00"),
    "accountant": Decimal("6500.00"),
    "controller": Decimal("6500.00"),
}
# The hourly employee under the Romanian rules, March 2026 (minimum wage 4,050):
#   normal hours   176 h x 30.00                    = 5,280.00
#   overtime         6 h x 30.00 x 175 %            =   315.00
#   gross                                           = 5,595.00
#   CAS 25 % of 5,595 = 1,398.75, to the leu        = 1,399
#   CASS 10 % of 5,595 = 559.50, to the leu         =   560
#   personal deduction: 5,595 - 4,050 = 1,545 above the minimum wage, the 31st
#     50-lei tranche, so 20 - 31 x 0.5 = 4.5 % of 4,050 = 182.25, to the leu = 182
#   income tax 10 % of (5,595 - 1,399 - 560 - 182 = 3,454) = 345.40, to the leu = 345
#   net 5,595 - 1,399 - 560 - 345                   = 3,291.00
#   CAM (employer) 2.25 % of 5,595 = 125.89, to the leu = 126
HOURLY_GROSS = Decimal("5595.00")
HOURLY_NET = Decimal("3291.00")
# Everyone paid: the hourly employee and three salaries; the newcomer is excluded.
RUN_GROSS = HOURLY_GROSS + sum(SALARIES.values())  # 25,595.00

STATUS = "run-status"


@dataclass
class Company:
    hourly: Employee
    manager: Employee
    accountant: Employee
    controller: Employee
    newcomer: Employee


@pytest.fixture
def company(live_server) -> Company:
    """Five people: an hourly cashier, their manager, an accountant who also may approve
    payroll runs (a small company), the payroll controller, and a newcomer hired on
    16 March whose pay profile is not entered yet."""
    payroll_rule_sets_install()
    chart_of_accounts_install()
    sales = PositionFactory(title="Cashier", department=DepartmentFactory(code="SAL", name="Sales"))
    office = PositionFactory(
        title="Accountant", department=DepartmentFactory(code="ACC", name="Accounting")
    )

    def person(username, first, last, position, extra_roles=(), **fields):
        user = UserFactory(
            username=username, first_name=first, last_name=last, roles=list(extra_roles)
        )
        return EmployeeFactory(
            user=user, first_name=first, last_name=last, position=position, **fields
        )

    manager = person("manager", "Mihai", "Popescu", sales, [roles.MANAGER])
    accountant = person(
        "accountant", "Andrei", "Stan", office, [roles.ACCOUNTANT, roles.PAYROLL_APPROVER]
    )
    controller = person("controller", "Ioana", "Marin", office, [roles.PAYROLL_APPROVER])
    hourly = person("employee", "Vlad", "Constantin", sales, manager=manager)
    newcomer = EmployeeFactory(
        first_name="Irina", last_name="Nou", position=sales, hire_date=date(2026, 3, 16)
    )
    profile(hourly, pay_type="hourly", monthly_salary=None, hourly_rate=HOURLY_RATE)
    for employee in (manager, accountant, controller):
        profile(employee, monthly_salary=SALARIES[employee.user.username])
    if not FiscalPeriod.objects.filter(start__lte=PAY_DATE, end__gte=PAY_DATE).exists():
        fiscal_year_create(by=accountant.user, start=date(2026, 1, 1))
    return Company(hourly, manager, accountant, controller, newcomer)


@pytest.fixture
def browsers(browser: Browser, live_server):
    """`browsers("manager")`: that user's tab, in their own context, signed in once.

    The same watch as conftest's `page`: the test fails on broken assets or
    script errors in any of the browsers.
    """
    pages: dict[str, Page] = {}
    problems: list[str] = []

    def watch(page: Page, username: str) -> None:
        page.on("pageerror", lambda error: problems.append(f"{username}: script error: {error}"))
        page.on(
            "response",
            lambda response: (
                problems.append(f"{username}: {response.status} {response.url}")
                if response.status >= 400 and response.request.resource_type in MUST_SUCCEED
                else None
            ),
        )

    def tab(username: str) -> Page:
        if username not in pages:
            context = browser.new_context(base_url=live_server.url)
            context.set_default_timeout(STEP_TIMEOUT_MS)
            page = context.new_page()
            watch(page, username)
            assert log_in(page, username, PASSWORD).status == 302
            expect(page.get_by_test_id("user-menu")).to_be_visible()
            pages[username] = page
        return pages[username]

    yield tab
    for page in pages.values():
        page.context.close()
    if problems:
        pytest.fail("The browsers met broken pages:\n" + "\n".join(problems), pytrace=False)


class HeldQueue:
    """The task queue with its worker not started yet.

    Without REDIS_URL a job runs inside the request that starts it, so the run
    page would never show the calculation in progress. Held here, the page
    shows it queued; `work()` then runs the jobs with the real task, as a
    worker would, while the page polls.
    """

    def __init__(self, task):
        self.task, self.job_ids = task, []

    def delay(self, job_id):
        self.job_ids.append(job_id)

    def work(self) -> int:
        done = 0
        while self.job_ids:
            self.task(self.job_ids.pop(0))
            done += 1
        return done


@pytest.fixture
def worker(monkeypatch) -> HeldQueue:
    queue = HeldQueue(backoffice.tasks.job_run_task)
    monkeypatch.setattr(backoffice.tasks, "job_run_task", queue)
    return queue


def row_headed(table: Locator, header: str) -> Locator:
    """The row of a two-column table (label, amount) whose header is exactly `header`."""
    return table.get_by_role("row").filter(
        has=table.page.get_by_role("rowheader", name=header, exact=True)
    )


def run_fact(page: Page, term: str) -> Locator:
    """The value of one line of the run's facts ("Approved by", "Journal entry")."""
    return page.locator("dl dt", has_text=term).locator("xpath=following-sibling::dd[1]")


def open_month(page: Page) -> None:
    page.get_by_label("Month", exact=True).fill(MONTH)
    page.get_by_role("button", name="Open", exact=True).click()


def employee_submits_the_timesheet(page: Page, company: Company) -> None:
    page.get_by_test_id("user-menu").click()
    page.get_by_role("link", name="My timesheet").click()
    open_month(page)
    expect(page.get_by_role("heading", level=1)).to_contain_text("My timesheet for March 2026")
    expect(page.get_by_test_id("timesheet-status")).to_have_text("Draft")
    expect(page.get_by_text("22 working days")).to_be_visible()
    # The grid comes filled with the schedule: 8 normal hours each working day.
    expect(page.locator('input[name="d02_normal"]')).to_have_value("8.00")
    expect(page.locator('input[name="d07_normal"]')).to_have_value("")  # a Saturday
    for day in OVERTIME_DAYS:
        page.locator(f'input[name="d{day}_overtime"]').fill("2")
    page.get_by_test_id("timesheet-submit").click()
    expect(page.get_by_text("Your timesheet is submitted to your manager.")).to_be_visible()
    expect(page.get_by_test_id("timesheet-status")).to_have_text("Submitted")
    expect(page.get_by_test_id("timesheet-locked")).to_be_visible()
    sheet = Timesheet.objects.get(employee=company.hourly, period_start=MARCH)
    assert sheet.status == Timesheet.Status.SUBMITTED
    hours = sheet.days.aggregate(normal=Sum("normal"), overtime=Sum("overtime"))
    assert hours == {"normal": Decimal("176"), "overtime": Decimal("6")}


def manager_approves_the_timesheet(page: Page, company: Company) -> None:
    page.get_by_test_id("user-menu").click()
    page.get_by_role("link", name="Team timesheets").click()
    open_month(page)
    row = page.get_by_test_id(f"team-row-{company.hourly.pk}")
    expect(row).to_contain_text("Submitted")
    cells = row.get_by_role("cell")
    expect(cells.nth(2)).to_have_text("182.00")  # hours recorded
    expect(cells.nth(3)).to_have_text("176.00")  # expected
    expect(cells.nth(4)).to_have_text("6.00")  # over the schedule: the overtime

    # The manager looks at the days before approving.
    row.get_by_role("link", name="Review or return").click()
    expect(page.get_by_text("182.00 hours recorded")).to_be_visible()
    monday = page.get_by_test_id("timesheet-days").get_by_role("row", name="Mon 02")
    expect(monday.get_by_role("cell").nth(2)).to_have_text("2.00")
    page.go_back()

    row.get_by_role("button", name="Approve").click()
    expect(page.get_by_text(f"The timesheet of {company.hourly} is approved.")).to_be_visible()
    expect(row).to_contain_text("Approved")
    sheet = Timesheet.objects.get(employee=company.hourly, period_start=MARCH)
    assert (sheet.status, sheet.decided_by) == (Timesheet.Status.APPROVED, company.manager.user)


def accountant_creates_and_calculates_the_run(
    page: Page, company: Company, worker: HeldQueue
) -> PayrollRun:
    page.goto("/accounting/payroll/runs/")
    page.get_by_role("link", name="New payroll run").click()
    page.get_by_label("Month").fill(MONTH)
    page.get_by_label("Pay date").fill(PAY_DATE.isoformat())
    page.get_by_label("Rule set").select_option(label="Romania")
    page.get_by_role("button", name="Create").click()
    expect(page.get_by_text("The payroll run is created.")).to_be_visible()
    expect(page.get_by_test_id(STATUS)).to_have_text("Draft")
    run = PayrollRun.objects.get()
    assert (run.period_start, run.period_end, run.pay_date) == (MARCH, date(2026, 3, 31), PAY_DATE)

    page.get_by_role("button", name="Calculate", exact=True).click()
    expect(page.get_by_text("The calculation has started.")).to_be_visible()
    expect(page.get_by_test_id(STATUS)).to_have_text("Calculating")
    progress = page.locator("#job-progress")
    expect(progress).to_have_attribute("data-status", "queued")
    expect(page.get_by_role("button", name="Calculate again")).to_have_count(0)

    assert worker.work() == 1
    # The page follows the job and, once it is done, reloads itself with the result.
    expect(page.get_by_test_id(STATUS)).to_have_text("Calculated")
    expect(page.locator("#job-progress")).to_have_count(0)
    job = PayrollRun.objects.get().job
    assert (job.status, job.done, job.total) == ("succeeded", 5, 5)  # everyone employed
    expect(page.get_by_test_id("run-payslips").locator("tbody tr")).to_have_count(4)
    run.refresh_from_db()
    assert (run.status, run.calculated_by) == (
        PayrollRun.Status.CALCULATED,
        company.accountant.user,
    )
    assert run.gross == RUN_GROSS
    return run


def accountant_excludes_the_newcomer(page: Page, company: Company) -> None:
    exceptions = page.get_by_test_id("run-exceptions").locator("tbody tr")
    expect(exceptions).to_have_count(1)
    row = exceptions.filter(has_text=str(company.newcomer))
    expect(row).to_contain_text("No pay profile")
    expect(row).to_contain_text("No pay profile in force.")
    row.get_by_role("button", name="Exclude").click()
    expect(row.get_by_role("cell").nth(3)).to_have_text("Excluded")
    exception = PayrollException.objects.get()
    assert (exception.employee, exception.excluded) == (company.newcomer, True)
    assert exception.decided_by == company.accountant.user


def accountant_may_not_approve_their_own_calculation(page: Page) -> None:
    # The accountant may approve runs, but not one they calculated: no button, a reason.
    expect(page.get_by_role("button", name="Approve")).to_have_count(0)
    expect(page.get_by_test_id("run-approve-other")).to_have_text(
        "You calculated this run: someone else approves it."
    )
    assert PayrollRun.objects.get().status == PayrollRun.Status.CALCULATED


def accountant_checks_the_hourly_payslip(page: Page, company: Company) -> None:
    page.get_by_test_id("run-payslips").get_by_role("link", name=str(company.hourly)).click()
    lines = page.get_by_test_id("payslip-lines")
    expect(lines.get_by_role("row", name="OVERTIME")).to_contain_text("315.00 RON")
    expect(row_headed(lines, "Gross")).to_contain_text("5,595.00 RON")
    expect(row_headed(lines, "Net")).to_contain_text("3,291.00 RON")
    expect(row_headed(lines, "Employer contributions")).to_contain_text("126.00 RON")


def controller_approves_the_run(page: Page, company: Company, run: PayrollRun) -> None:
    page.goto("/accounting/payroll/runs/")
    page.get_by_test_id("payroll-runs").get_by_role("link", name="03/2026").click()
    expect(page.get_by_test_id(STATUS)).to_have_text("Calculated")
    totals = page.get_by_test_id("run-totals")
    expect(row_headed(totals, "Gross")).to_contain_text("25,595.00 RON")
    expect(row_headed(totals, "Net")).to_contain_text(f"{run.net:,.2f} RON")
    expect(row_headed(totals, "Employer cost")).to_contain_text(f"{run.employer_cost:,.2f} RON")
    expect(page.get_by_test_id("run-exceptions")).to_contain_text("Excluded")
    page.get_by_role("button", name="Approve").click()
    expect(page.get_by_text("The payroll run is approved.")).to_be_visible()
    expect(page.get_by_test_id(STATUS)).to_have_text("Approved")
    # The page names users by their username, not by their name.
    expect(run_fact(page, "Approved by")).to_contain_text("controller")
    expect(run_fact(page, "Calculated by")).to_contain_text("accountant")
    # Posting is the accountant's: the controller has no such button.
    expect(page.get_by_role("button", name="Post to the ledger")).to_have_count(0)
    run.refresh_from_db()
    assert (run.status, run.approved_by) == (PayrollRun.Status.APPROVED, company.controller.user)


def accountant_posts_the_run(page: Page, company: Company, run: PayrollRun) -> None:
    page.goto(f"/accounting/payroll/runs/{run.pk}/")
    expect(page.get_by_test_id(STATUS)).to_have_text("Approved")
    expect(page.get_by_role("button", name="Approve")).to_have_count(0)
    page.get_by_role("button", name="Post to the ledger").click()
    expect(page.get_by_text("The payroll run is posted.")).to_be_visible()
    expect(page.get_by_test_id(STATUS)).to_have_text("Posted")
    expect(page.get_by_role("button", name="Post to the ledger")).to_have_count(0)

    run.refresh_from_db()
    entry = run.journal_entry
    assert run.status == PayrollRun.Status.POSTED and entry is not None
    assert (entry.source, entry.source_key, entry.date) == (
        "payroll_run",
        f"payroll-run:{run.pk}",
        PAY_DATE,
    )
    debits = entry.lines.aggregate(total=Sum("debit"))["total"]
    credits = entry.lines.aggregate(total=Sum("credit"))["total"]
    employer = run.payslips.aggregate(total=Sum("employer_contributions"))["total"]
    assert debits == credits == run.gross + employer
    assert run.gross == RUN_GROSS
    slip = run.payslips.get(employee=company.hourly)
    assert (slip.gross, slip.net) == (HOURLY_GROSS, HOURLY_NET)
    assert slip.employer_contributions == Decimal("126.00")

    # The entry's page shows the same balanced totals.
    run_fact(page, "Journal entry").get_by_role("link", name=str(entry)).click()
    expect(page.get_by_test_id("entry-source")).to_contain_text(f"payroll-run:{run.pk}")
    total = page.locator("tfoot tr th")  # Total, debit, credit
    # Every amount on the page goes through the one money format.
    expect(total.nth(1)).to_have_text(f"{debits:,.2f} RON")
    expect(total.nth(2)).to_have_text(f"{credits:,.2f} RON")


def accountant_sends_the_bank_file_and_marks_the_run_paid(
    page: Page, company: Company, run: PayrollRun
) -> None:
    page.go_back()  # from the journal entry to the run
    expect(page.get_by_test_id("run-status")).to_have_text("Posted")
    run.refresh_from_db()
    hourly_iban = company.hourly.pay_profiles.get().iban
    with page.expect_download() as download:
        page.get_by_role("link", name="Bank file (SEPA)").click()
    xml = Path(download.value.path()).read_text(encoding="utf-8")
    # One transfer per payslip, summing to the run's net; the hourly employee's
    # net to their IBAN.
    assert "<NbOfTxs>4</NbOfTxs>" in xml
    assert f"<CtrlSum>{run.net}</CtrlSum>" in xml
    assert hourly_iban in xml
    assert f'<InstdAmt Ccy="RON">{HOURLY_NET}</InstdAmt>' in xml

    page.get_by_test_id("run-mark-paid").get_by_label("Paid on").fill("2026-04-10")
    page.get_by_test_id("run-mark-paid").get_by_role("button", name="Mark paid").click()
    expect(page.get_by_test_id("run-status")).to_have_text("Paid")
    expect(page.get_by_test_id("run-paid")).to_contain_text("accountant")
    run.refresh_from_db()
    assert run.status == PayrollRun.Status.PAID
    payment = run.payment_entry
    sides = {
        line.account.code: (line.debit, line.credit)
        for line in payment.lines.select_related("account")
    }
    # Salaries payable (421) settled from the bank (5121), to the cent.
    assert sides == {"421": (run.net, Decimal("0")), "5121": (Decimal("0"), run.net)}
    # Nothing can be marked paid twice: the button is gone.
    expect(page.get_by_test_id("run-mark-paid")).to_have_count(0)


def test_a_month_of_payroll_from_the_timesheet_to_the_ledger(company, browsers, worker):
    employee_submits_the_timesheet(browsers("employee"), company)
    manager_approves_the_timesheet(browsers("manager"), company)

    accountant = browsers("accountant")
    run = accountant_creates_and_calculates_the_run(accountant, company, worker)
    accountant_excludes_the_newcomer(accountant, company)
    accountant_may_not_approve_their_own_calculation(accountant)
    accountant_checks_the_hourly_payslip(accountant, company)

    controller_approves_the_run(browsers("controller"), company, run)
    accountant_posts_the_run(accountant, company, run)

    accountant_sends_the_bank_file_and_marks_the_run_paid(accountant, company, run)
