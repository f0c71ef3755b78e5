"""The payroll rules engine: pure Python, no database, no eval.

A rule set is data (`PayrollRuleSpec`, `PayrollParameterValue`,
`PayrollBracketSpec`, in `specs`); `calculate` applies the rules in force on a date to
one employee's inputs for a period and returns the payslip lines.

How a rule computes its line:

* its *base*: gross, taxable (gross minus the lines of rules marked
  `reduces_taxable`), one line, a sum of lines, hours of some kinds or money
  inputs; minus the lines in `less_codes` and minus `base_offset_parameter`;
  never below zero;
* its *computation*: the base itself, a fixed amount, a percentage of the
  base (the amount kept between floor and cap), hourly rate x hours x rate
  percent, or a bracket table looked up by the base (the row value is an
  amount, or a percentage of `rate` when the rule has one);
* then rounded half up to `rounding_places` (0 or 2) decimals.

A rule applies only when gross lies within its gross window (parameters)
and its `unless_flag` input is false. Rules run in topological order over
their references (ties by `order`, then code), so the `order` field never
has to be right for the arithmetic to be. Gross is the sum of the earning
lines, employee deductions the sum of deduction and tax lines, net = gross
- employee deductions exactly, employer cost = gross + employer
contributions.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from accounting.payroll.specs import PayrollParameterValue, PayrollRuleSpec

ZERO = Decimal("0.00")
CENT = Decimal("0.01")
HUNDRED = Decimal("100")

EARNING = "earning"
EMPLOYEE_DEDUCTION = "employee_deduction"
TAX = "tax"
EMPLOYER_CONTRIBUTION = "employer_contribution"
INFO = "info"
CATEGORIES = (EARNING, EMPLOYEE_DEDUCTION, TAX, EMPLOYER_CONTRIBUTION, INFO)
DEDUCTING = (EMPLOYEE_DEDUCTION, TAX)

GROSS, TAXABLE, LINE, SUM_OF_LINES, HOURS, INPUT = (
    "gross",
    "taxable",
    "line",
    "sum_of_lines",
    "hours",
    "input",
)
BASE, FIXED, PERCENTAGE, RATE_TIMES_HOURS, BRACKET_TABLE = (
    "base",
    "fixed",
    "percentage",
    "rate_times_hours",
    "bracket_table",
)
HOUR_KINDS = ("normal", "overtime", "night", "weekend", "holiday")
MONEY_INPUTS = ("base_salary", "hourly_rate")
FLAG_INPUTS = ("income_tax_exempt", "young_employee")
KEY_INPUTS = ("dependants", "young_employee")


class PayrollRulesError(Exception):
    """A rule set cannot be applied: the message says which rule and why."""


@dataclass(frozen=True)
class PayrollItem:
    """An extra earning or deduction of the period, entered by the caller."""

    code: str
    amount: Decimal
    name: str = ""


@dataclass(frozen=True)
class PayrollInputs:
    base_salary: Decimal = ZERO
    hourly_rate: Decimal = ZERO
    hours: Mapping[str, Decimal] = field(default_factory=dict)
    dependants: int = 0
    income_tax_exempt: bool = False
    young_employee: bool = False
    extra_earnings: Sequence[PayrollItem] = ()
    extra_deductions: Sequence[PayrollItem] = ()


@dataclass(frozen=True)
class PayslipLineResult:
    code: str
    name: str
    category: str
    base: Decimal | None
    amount: Decimal
    visible: bool = True


@dataclass(frozen=True)
class PayslipResult:
    lines: tuple[PayslipLineResult, ...]
    gross: Decimal
    employee_deductions: Decimal
    net: Decimal
    employer_contributions: Decimal
    employer_cost: Decimal
    minimum_wage_earner: bool = False

    def line(self, code: str) -> PayslipLineResult | None:
        return next((line for line in self.lines if line.code == code), None)


def round_places(value: Decimal, places: int) -> Decimal:
    """Half up to `places` decimals, returned to the cent (938 -> 938.00)."""
    exponent = Decimal(1).scaleb(-places)
    return value.quantize(exponent, rounding=ROUND_HALF_UP).quantize(CENT)


# The order rules run in ---------------------------------------------------------


def _references(rule: PayrollRuleSpec, earnings: set[str], reducing: set[str]) -> set[str]:
    """Codes of the rules whose lines `rule` needs before it can run."""
    refs = set(rule.less_codes)
    if rule.base_kind in (LINE, SUM_OF_LINES):
        refs |= set(rule.base_codes)
    if rule.base_kind in (GROSS, TAXABLE) or rule.gross_from_parameter or rule.gross_to_parameter:
        refs |= earnings
    if rule.base_kind == TAXABLE:
        refs |= reducing
    return refs


def payroll_rules_order(rules: Iterable[PayrollRuleSpec]) -> list[PayrollRuleSpec]:
    """The rules sorted so every rule comes after the lines it uses.

    Raises PayrollRulesError naming the rules of a cycle.
    """
    rules = list(rules)
    by_code = {rule.code: rule for rule in rules}
    earnings = {rule.code for rule in rules if rule.category == EARNING}
    reducing = {rule.code for rule in rules if rule.reduces_taxable}
    needs = {rule.code: _references(rule, earnings, reducing) & set(by_code) for rule in rules}
    waiting = {code: len(refs) for code, refs in needs.items()}
    users: dict[str, list[str]] = {code: [] for code in by_code}
    for code, refs in needs.items():
        for ref in refs:
            users[ref].append(code)
    ready = [(by_code[c].order, c) for c, n in waiting.items() if n == 0]
    heapq.heapify(ready)
    ordered = []
    while ready:
        _order, code = heapq.heappop(ready)
        ordered.append(by_code[code])
        for user in users[code]:
            waiting[user] -= 1
            if waiting[user] == 0:
                heapq.heappush(ready, (by_code[user].order, user))
    if len(ordered) < len(rules):
        stuck = sorted(code for code, n in waiting.items() if n > 0)
        raise PayrollRulesError(
            "These rules depend on each other in a cycle: " + ", ".join(stuck) + "."
        )
    return ordered


# Calculation ---------------------------------------------------------------------


class _Context:
    def __init__(self, parameters, inputs: PayrollInputs, on: date):
        self.on = on
        self.inputs = inputs
        self.parameters = {p.code: p.value for p in parameters if p.in_force(on)}
        self.amounts: dict[str, Decimal] = {}
        self.gross = ZERO
        self.reducing = ZERO

    def parameter(self, rule: PayrollRuleSpec, code: str) -> Decimal:
        if code not in self.parameters:
            raise PayrollRulesError(
                f"Rule {rule.code}: the parameter {code} has no value on {self.on}."
            )
        return self.parameters[code]

    def value(self, rule, fixed: Decimal | None, code: str) -> Decimal | None:
        return self.parameter(rule, code) if code else fixed

    def line(self, rule, code: str) -> Decimal:
        if code not in self.amounts:
            raise PayrollRulesError(f"Rule {rule.code}: the line {code} is not in force.")
        return self.amounts[code]

    def flag(self, name: str) -> bool:
        return bool(getattr(self.inputs, name, False))

    def hours(self, kinds) -> Decimal:
        return sum((Decimal(self.inputs.hours.get(kind, 0)) for kind in kinds), ZERO)


def _base(rule: PayrollRuleSpec, ctx: _Context) -> Decimal:
    if rule.base_kind == GROSS:
        base = ctx.gross
    elif rule.base_kind == TAXABLE:
        base = ctx.gross - ctx.reducing
    elif rule.base_kind in (LINE, SUM_OF_LINES):
        base = sum((ctx.line(rule, code) for code in rule.base_codes), ZERO)
    elif rule.base_kind == HOURS:
        base = ctx.hours(rule.base_codes)
    elif rule.base_kind == INPUT:
        base = sum((Decimal(getattr(ctx.inputs, code)) for code in rule.base_codes), ZERO)
    else:
        raise PayrollRulesError(f"Rule {rule.code}: unknown base {rule.base_kind!r}.")
    base -= sum((ctx.line(rule, code) for code in rule.less_codes), ZERO)
    if rule.base_offset_parameter:
        base -= ctx.parameter(rule, rule.base_offset_parameter)
    return max(base, ZERO)


def _amount(rule: PayrollRuleSpec, base: Decimal, ctx: _Context) -> Decimal:
    rate = ctx.value(rule, rule.rate, rule.rate_parameter)
    if rule.computation == BASE:
        amount = base
    elif rule.computation == FIXED:
        amount = ctx.value(rule, rule.amount, rule.amount_parameter) or ZERO
    elif rule.computation == PERCENTAGE:
        if rate is None:
            raise PayrollRulesError(f"Rule {rule.code}: a percentage needs a rate.")
        amount = base * rate / HUNDRED
    elif rule.computation == RATE_TIMES_HOURS:
        percent = HUNDRED if rate is None else rate
        amount = Decimal(ctx.inputs.hourly_rate) * base * percent / HUNDRED
    elif rule.computation == BRACKET_TABLE:
        if rule.bracket is None:
            raise PayrollRulesError(f"Rule {rule.code}: a bracket table computation needs a table.")
        key = int(getattr(ctx.inputs, rule.bracket.key_input, 0) or 0)
        # Rows are bounded to the cent, so look up the base to the cent.
        amount = rule.bracket.lookup(base.quantize(CENT, rounding=ROUND_HALF_UP), key)
        if rate is not None:
            amount = amount * rate / HUNDRED
    else:
        raise PayrollRulesError(f"Rule {rule.code}: unknown computation {rule.computation!r}.")
    floor = ctx.value(rule, rule.floor, rule.floor_parameter)
    cap = ctx.value(rule, rule.cap, rule.cap_parameter)
    if floor is not None:
        amount = max(amount, floor)
    if cap is not None:
        amount = min(amount, cap)
    return round_places(max(amount, ZERO), rule.rounding_places)


def _applies(rule: PayrollRuleSpec, ctx: _Context) -> bool:
    if rule.unless_flag and ctx.flag(rule.unless_flag):
        return False
    if rule.gross_from_parameter and ctx.gross < ctx.parameter(rule, rule.gross_from_parameter):
        return False
    return not (
        rule.gross_to_parameter and ctx.gross > ctx.parameter(rule, rule.gross_to_parameter)
    )


def _item_lines(items: Sequence[PayrollItem], category: str, taken: set[str]):
    lines = []
    for item in items:
        amount = Decimal(item.amount)
        if item.code in taken:
            raise PayrollRulesError(f"The item {item.code} has the code of a rule or another item.")
        if amount < 0 or amount != amount.quantize(CENT):
            raise PayrollRulesError(f"The item {item.code} must be a positive amount in cents.")
        taken.add(item.code)
        lines.append(
            PayslipLineResult(
                item.code, item.name or item.code, category, None, amount.quantize(CENT)
            )
        )
    return lines


_ORDER_CACHE: dict = {}


def _in_force_ordered(rules, on: date):
    """The rules in force on `on`, in the order they run. The same for every
    payslip of a run, so worked out once per rules object and day (a run passes
    one tuple of specs to all its payslips)."""
    key = (id(rules), on)
    cached = _ORDER_CACHE.get(key)
    if cached is not None and cached[0] is rules:
        return cached[1], cached[2]
    in_force = tuple(rule for rule in rules if rule.in_force(on))
    ordered = tuple(payroll_rules_order(in_force))
    if isinstance(rules, tuple):  # immutable: safe to remember
        if len(_ORDER_CACHE) > 32:
            _ORDER_CACHE.clear()
        _ORDER_CACHE[key] = (rules, in_force, ordered)
    return in_force, ordered


def calculate(
    rules: Iterable[PayrollRuleSpec],
    parameters: Iterable[PayrollParameterValue],
    inputs: PayrollInputs,
    on: date,
) -> PayslipResult:
    """The payslip of `inputs` under the rules and parameters in force on `on`."""
    in_force, ordered = _in_force_ordered(rules, on)
    ctx = _Context(list(parameters), inputs, on)
    taken = {rule.code for rule in in_force}
    lines = _item_lines(inputs.extra_earnings, EARNING, taken)
    ctx.gross = sum((line.amount for line in lines), ZERO)
    for rule in ordered:
        if not _applies(rule, ctx):
            ctx.amounts[rule.code] = ZERO
            continue
        base = _base(rule, ctx)
        amount = _amount(rule, base, ctx)
        ctx.amounts[rule.code] = amount
        if rule.category == EARNING:
            ctx.gross += amount
        if rule.reduces_taxable:
            ctx.reducing += amount
        shown_base = None if rule.computation == FIXED else base
        lines.append(
            PayslipLineResult(rule.code, rule.name, rule.category, shown_base, amount, rule.visible)
        )
    lines += _item_lines(inputs.extra_deductions, EMPLOYEE_DEDUCTION, taken)
    return _result(lines, ctx)


def _result(lines: list[PayslipLineResult], ctx: _Context) -> PayslipResult:
    def total(*categories):
        return sum((line.amount for line in lines if line.category in categories), ZERO)

    gross = total(EARNING)
    deductions = total(*DEDUCTING)
    employer = total(EMPLOYER_CONTRIBUTION)
    minimum = ctx.parameters.get("MIN_WAGE")
    return PayslipResult(
        lines=tuple(lines),
        gross=gross,
        employee_deductions=deductions,
        net=gross - deductions,
        employer_contributions=employer,
        employer_cost=gross + employer,
        minimum_wage_earner=minimum is not None and gross <= minimum,
    )
