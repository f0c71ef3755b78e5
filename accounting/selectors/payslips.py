"""Reads of published payslips: the employee's own, the PDF's contents and the
year-to-date figures printed on them.

An employee sees only their own payslips (through `Employee.user`), and only
from runs that are approved or later (`PayrollRun.FINAL`): a draft is not pay.
A manager holds no payroll permission, so their team's payslips stay hidden.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import (
    Count,
    DecimalField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from accounting.models.payroll_runs import PayrollRun, Payslip, PayslipLine
from accounting.payroll.engine import (
    EARNING,
    EMPLOYEE_DEDUCTION,
    EMPLOYER_CONTRIBUTION,
    INFO,
    TAX,
)

ZERO = Decimal("0.00")
MONEY = DecimalField(max_digits=14, decimal_places=2)

LINE_GROUPS = (
    (EARNING, _("Earnings")),
    (EMPLOYEE_DEDUCTION, _("Employee deductions")),
    (TAX, _("Taxes")),
    (EMPLOYER_CONTRIBUTION, _("Employer contributions")),
    (INFO, _("For information")),
)


@dataclass(frozen=True)
class YearToDate:
    year: int
    gross: Decimal = ZERO
    deductions: Decimal = ZERO
    income_tax: Decimal = ZERO
    net: Decimal = ZERO


@dataclass
class LineGroup:
    category: str
    label: str
    lines: list = field(default_factory=list)

    @property
    def total(self) -> Decimal:
        return sum((line.amount for line in self.lines), ZERO)


def _with_run(payslips: QuerySet[Payslip]) -> QuerySet[Payslip]:
    return payslips.select_related(
        "run", "run__rule_set", "employee", "employee__user", "department"
    )


def my_payslips(user) -> QuerySet[Payslip]:
    """The signed-in user's own payslips from approved (or later) runs, newest first."""
    if not user.is_authenticated:
        return Payslip.objects.none()
    return _with_run(
        Payslip.objects.filter(employee__user=user, run__status__in=PayrollRun.FINAL)
    ).order_by("-run__period_start", "-run__pay_date", "-pk")


def payslip_documents_visible_to(user) -> QuerySet[Payslip]:
    """Payslips whose PDF `user` may download: every one for payroll roles, else
    their own published ones."""
    if user.has_perm("accounting.view_payrollrun"):
        return _with_run(Payslip.objects.all())
    return my_payslips(user)


def payslip_lines_grouped(lines) -> list[LineGroup]:
    """Lines by category in payslip order (earnings first); empty groups left out."""
    groups = {category: LineGroup(category, label) for category, label in LINE_GROUPS}
    for line in sorted(lines, key=lambda line: line.order):
        groups.setdefault(line.category, LineGroup(line.category, line.category))
        groups[line.category].lines.append(line)
    return [group for group in groups.values() if group.lines]


def _income_tax_of_payslip():
    per_payslip = (
        PayslipLine.objects.filter(payslip=OuterRef("pk"), category=TAX)
        .order_by()
        .values("payslip")
        .annotate(total=Sum("amount"))
        .values("total")
    )
    return Coalesce(Subquery(per_payslip, output_field=MONEY), Value(ZERO, output_field=MONEY))


def _sums(payslips: QuerySet[Payslip]):
    zero = Value(ZERO, output_field=MONEY)
    return payslips.annotate(tax=_income_tax_of_payslip()).aggregate(
        gross=Coalesce(Sum("gross"), zero),
        deductions=Coalesce(Sum("deductions"), zero),
        income_tax=Coalesce(Sum("tax"), zero),
        net=Coalesce(Sum("net"), zero),
    )


def _up_to(run: PayrollRun) -> Q:
    """Runs of `run`'s calendar year that count before it: final ones of an
    earlier period, or of the same period made before it, and `run` itself."""
    earlier = Q(run__period_start__lt=run.period_start) | Q(
        run__period_start=run.period_start, run__pk__lt=run.pk
    )
    return Q(run__period_start__year=run.period_start.year) & (
        (earlier & Q(run__status__in=PayrollRun.FINAL)) | Q(run=run)
    )


def payslip_year_to_date(payslip: Payslip) -> YearToDate:
    """Gross, deductions, income tax (tax lines) and net of the payslip's employee
    for the calendar year of its run, up to and including it: one aggregate query."""
    run = payslip.run
    sums = _sums(Payslip.objects.filter(_up_to(run), employee_id=payslip.employee_id))
    return YearToDate(year=run.period_start.year, **sums)


def payslips_year_to_date(run: PayrollRun, employee_ids) -> dict[int, YearToDate]:
    """`payslip_year_to_date` for many employees of one run, in one grouped query."""
    zero = Value(ZERO, output_field=MONEY)
    rows = (
        Payslip.objects.filter(_up_to(run), employee_id__in=list(employee_ids))
        .annotate(tax=_income_tax_of_payslip())
        .order_by()
        .values("employee_id")
        .annotate(
            gross_total=Coalesce(Sum("gross"), zero),
            deductions_total=Coalesce(Sum("deductions"), zero),
            income_tax_total=Coalesce(Sum("tax"), zero),
            net_total=Coalesce(Sum("net"), zero),
        )
    )
    year = run.period_start.year
    return {
        row["employee_id"]: YearToDate(
            year=year,
            gross=row["gross_total"],
            deductions=row["deductions_total"],
            income_tax=row["income_tax_total"],
            net=row["net_total"],
        )
        for row in rows
    }


def my_year_to_date(user, year: int) -> YearToDate:
    """The signed-in user's totals over every published run of `year` (one query)."""
    sums = _sums(my_payslips(user).filter(run__period_start__year=year).order_by())
    return YearToDate(year=year, **sums)


def payslip_documents_summary(run: PayrollRun) -> dict:
    """How many of the run's payslips have a stored PDF and were emailed (one query)."""
    return run.payslips.order_by().aggregate(
        payslips=Count("pk"),
        with_pdf=Count("pk", filter=~Q(pdf="")),
        emailed=Count("pk", filter=Q(emailed_at__isnull=False)),
    )


def payslips_with_lines(run: PayrollRun, payslip_ids) -> list[Payslip]:
    """Payslips of `run` with their employee and, in `ordered_lines`, their lines
    in payslip order: two queries whatever the number (what the PDFs are made of)."""
    lines = Prefetch(
        "lines", queryset=PayslipLine.objects.order_by("order"), to_attr="ordered_lines"
    )
    return list(
        _with_run(Payslip.objects.filter(run=run, pk__in=list(payslip_ids)))
        .prefetch_related(lines)
        .order_by("pk")
    )
