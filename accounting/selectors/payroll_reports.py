"""Reads over a calculated payroll run: the variance against the previous
regular run (checked before approval), the payroll register and the cost by
department. Each is a fixed number of aggregate or values queries, whatever
the number of payslips; callers have already checked view_payrollrun."""

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.db.models import Count, Sum
from django.db.models.functions import Coalesce

from accounting.models.payroll_runs import PayrollRun, Payslip, PayslipLine
from accounting.money import CENT, HUNDRED, ZERO

COMPARABLE_STATUSES = (
    PayrollRun.Status.CALCULATED,
    PayrollRun.Status.APPROVED,
    PayrollRun.Status.POSTED,
    PayrollRun.Status.PAID,
)
DEPARTMENT_METRICS = ("headcount", "gross", "net", "employer_cost")
COST_METRICS = ("headcount", "gross", "employer_contributions", "employer_cost")
NAME_ORDER = ("employee__last_name", "employee__first_name", "pk")


def _money_sum(name: str):
    return Coalesce(Sum(name), ZERO)


def previous_regular_run(run: PayrollRun) -> PayrollRun | None:
    """The latest regular run of an earlier period that has payslips to compare."""
    return (
        PayrollRun.objects.filter(
            kind=PayrollRun.Kind.REGULAR,
            status__in=COMPARABLE_STATUSES,
            period_start__lt=run.period_start,
        )
        .exclude(pk=run.pk)
        .order_by("-period_start", "-pk")
        .first()
    )


@dataclass
class PayrollVariance:
    run: PayrollRun
    previous: PayrollRun | None
    threshold_percent: Decimal
    new: list[dict] = field(default_factory=list)
    gone: list[dict] = field(default_factory=list)
    changed: list[dict] = field(default_factory=list)
    departments: list[dict] = field(default_factory=list)
    totals: dict = field(default_factory=dict)

    @property
    def over_threshold(self) -> list[dict]:
        return [row for row in self.changed if row["over_threshold"]]


def _nets(run: PayrollRun) -> dict[int, dict]:
    rows = (
        Payslip.objects.filter(run=run)
        .order_by(*NAME_ORDER)
        .values(
            "employee_id",
            "employee__employee_number",
            "employee__first_name",
            "employee__last_name",
            "department__name",
            "net",
        )
    )
    return {
        row["employee_id"]: {
            "employee_number": row["employee__employee_number"],
            "name": f"{row['employee__first_name']} {row['employee__last_name']}",
            "department": row["department__name"] or "",
            "net": row["net"],
        }
        for row in rows
    }


def _percent(previous: Decimal, current: Decimal) -> Decimal | None:
    if not previous:
        return None
    return ((current - previous) * HUNDRED / previous).quantize(CENT, rounding=ROUND_HALF_UP)


def _changed(current: dict, previous: dict, threshold: Decimal) -> list[dict]:
    rows = []
    for employee_id, now in current.items():
        before = previous.get(employee_id)
        if before is None or before["net"] == now["net"]:
            continue
        percent = _percent(before["net"], now["net"])
        rows.append(
            now
            | {
                "previous_net": before["net"],
                "difference": now["net"] - before["net"],
                "percent": percent,
                # From nothing to something is always worth a look.
                "over_threshold": percent is None or abs(percent) > threshold,
            }
        )
    return rows


def _zero(metric: str):
    return 0 if metric == "headcount" else ZERO


def _department_rows(runs: dict[str, PayrollRun]) -> dict:
    """{department name: {metric: {current, previous, difference}}} in one query."""
    by_key = {run.pk: key for key, run in runs.items()}
    sums = (
        Payslip.objects.filter(run_id__in=list(by_key))
        .order_by()
        .values("run_id", "department_id", "department__name")
        .annotate(
            headcount=Count("pk"),
            gross=_money_sum("gross"),
            net=_money_sum("net"),
            employer_cost=_money_sum("employer_cost"),
        )
    )
    empty = {metric: _zero(metric) for metric in DEPARTMENT_METRICS}
    table: dict = {}
    for row in sums:
        department = table.setdefault(
            row["department_id"],
            {
                "name": row["department__name"] or "",
                "current": dict(empty),
                "previous": dict(empty),
            },
        )
        department[by_key[row["run_id"]]] = {metric: row[metric] for metric in DEPARTMENT_METRICS}
    return table


def _compare(current: dict, previous: dict, metrics) -> dict:
    return {
        metric: {
            "current": current[metric],
            "previous": previous[metric],
            "difference": current[metric] - previous[metric],
        }
        for metric in metrics
    }


def payroll_run_variance(
    run: PayrollRun, *, threshold_percent: Decimal | None = None
) -> PayrollVariance:
    """What changed since the previous regular run: who is new, who is gone,
    whose net changed (and by more than the threshold), totals by department."""
    threshold = Decimal(
        settings.PAYROLL_VARIANCE_PERCENT if threshold_percent is None else threshold_percent
    )
    previous = previous_regular_run(run)
    variance = PayrollVariance(run=run, previous=previous, threshold_percent=threshold)
    if previous is None:
        return variance
    current_nets, previous_nets = _nets(run), _nets(previous)
    variance.new = [row for pk, row in current_nets.items() if pk not in previous_nets]
    variance.gone = [row for pk, row in previous_nets.items() if pk not in current_nets]
    variance.changed = _changed(current_nets, previous_nets, threshold)
    table = _department_rows({"current": run, "previous": previous})
    for department in sorted(table.values(), key=lambda row: row["name"]):
        variance.departments.append(
            {"name": department["name"]}
            | _compare(department["current"], department["previous"], DEPARTMENT_METRICS)
        )
    total = {
        side: {
            metric: sum((row[side][metric] for row in table.values()), _zero(metric))
            for metric in DEPARTMENT_METRICS
        }
        for side in ("current", "previous")
    }
    variance.totals = _compare(total["current"], total["previous"], DEPARTMENT_METRICS)
    return variance


def payroll_run_department_costs(run: PayrollRun) -> dict:
    """Headcount, gross, employer contributions and employer cost per department
    (the payslip's department, kept as the cost centre), and their total."""
    rows = list(
        Payslip.objects.filter(run=run)
        .order_by("department__name", "department_id")
        .values("department_id", "department__code", "department__name")
        .annotate(
            headcount=Count("pk"),
            gross=_money_sum("gross"),
            employer_contributions=_money_sum("employer_contributions"),
            employer_cost=_money_sum("employer_cost"),
        )
    )
    total = {metric: sum((row[metric] for row in rows), _zero(metric)) for metric in COST_METRICS}
    return {"rows": rows, "total": total}


def payroll_run_register(run: PayrollRun) -> dict:
    """One row per payslip with one amount per line code (codes in rule order),
    and a totals row; two queries (payslips, lines)."""
    slips = list(
        Payslip.objects.filter(run=run)
        .order_by(*NAME_ORDER)
        .values(
            "pk",
            "employee__employee_number",
            "employee__first_name",
            "employee__last_name",
            "department__name",
            "gross",
            "deductions",
            "net",
            "employer_cost",
        )
    )
    amounts: dict[tuple[int, str], Decimal] = {}
    codes: dict[str, tuple[int, str]] = {}
    lines = (
        PayslipLine.objects.filter(payslip__run=run)
        .order_by()
        .values_list("payslip_id", "code", "name", "order", "amount")
    )
    for payslip_id, code, name, order, amount in lines:
        amounts[payslip_id, code] = amounts.get((payslip_id, code), ZERO) + amount
        if code not in codes or order < codes[code][0]:
            codes[code] = (order, name)
    columns = sorted(codes, key=lambda code: (codes[code][0], code))
    rows = [
        {
            "employee_number": slip["employee__employee_number"],
            "name": f"{slip['employee__first_name']} {slip['employee__last_name']}",
            "department": slip["department__name"] or "",
            "lines": [amounts.get((slip["pk"], code)) for code in columns],
        }
        | {key: slip[key] for key in ("gross", "deductions", "net", "employer_cost")}
        for slip in slips
    ]
    totals = {
        "lines": [
            sum((amounts.get((slip["pk"], code), ZERO) for slip in slips), ZERO) for code in columns
        ]
    } | {
        key: sum((slip[key] for slip in slips), ZERO)
        for key in ("gross", "deductions", "net", "employer_cost")
    }
    return {
        "columns": [{"code": code, "name": codes[code][1]} for code in columns],
        "rows": rows,
        "totals": totals,
    }
