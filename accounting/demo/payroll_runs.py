"""The demo payroll run: last month's run under the Romanian rules, calculated
(not approved, so the payroll approver has something to decide). Idempotent."""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from accounting.models.payroll_rules import PayrollRuleSet
from accounting.models.payroll_runs import PayrollRun
from accounting.selectors.pay import calendar_month_start
from accounting.selectors.payroll_rules import payroll_rule_set_specs
from accounting.services.payroll_calculation import payroll_run_calculate_chunk
from accounting.services.payroll_runs import (
    payroll_run_create,
    payroll_run_totals,
    run_employees,
)
from backoffice.calendar import working_dates


def payroll_runs_demo_create(*, by) -> PayrollRun:
    """Calculate in this process (no worker needed for a seed), chunk by chunk."""
    month = calendar_month_start(calendar_month_start(timezone.localdate()) - timedelta(days=1))
    run = PayrollRun.objects.filter(period_start=month).first()
    if run is not None:
        return run
    rule_set = PayrollRuleSet.objects.get(code="RO")
    run = payroll_run_create(
        by=by,
        month=month,
        pay_date=calendar_month_start(timezone.localdate()) + timedelta(9),
        rule_set=rule_set,
    )
    rules, parameters = payroll_rule_set_specs(rule_set)
    days = working_dates(run.period_start, run.period_end)
    ids = list(run_employees(run).values_list("pk", flat=True))
    size = settings.PAYROLL_CHUNK_SIZE
    for start in range(0, len(ids), size):
        payroll_run_calculate_chunk(
            run=run,
            employee_ids=ids[start : start + size],
            rules=rules,
            parameters=parameters,
            days=days,
        )
    PayrollRun.objects.filter(pk=run.pk).update(
        status=PayrollRun.Status.CALCULATED,
        calculated_by=by,
        calculated_at=timezone.now(),
        **payroll_run_totals(run),
    )
    run.refresh_from_db()
    return run
