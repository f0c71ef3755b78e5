"""Checks of a whole rule set before it is saved: references, overlapping date
ranges, bracket tables with gaps or overlaps, and cycles between rules."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

from accounting.payroll.engine import (
    CENT,
    HOUR_KINDS,
    HOURS,
    INPUT,
    LINE,
    MONEY_INPUTS,
    SUM_OF_LINES,
    PayrollRulesError,
    payroll_rules_order,
)
from accounting.payroll.specs import PayrollBracketSpec, PayrollParameterValue, PayrollRuleSpec


def _overlaps(items) -> list[tuple]:
    """Pairs of (code, from, to) items with the same code whose ranges meet."""
    found = []
    ordered = sorted(items, key=lambda item: (item[0], item[1]))
    for before, after in zip(ordered, ordered[1:], strict=False):
        if before[0] == after[0] and (before[2] is None or after[1] <= before[2]):
            found.append((before, after))
    return found


def payroll_bracket_problems(bracket: PayrollBracketSpec) -> list[str]:
    problems = []
    for key in sorted({row.key for row in bracket.rows}):
        rows = sorted((r for r in bracket.rows if r.key == key), key=lambda r: r.lower)
        for index, row in enumerate(rows):
            label = f"{bracket.code} [{key}] {row.lower}"
            if row.upper is not None and row.upper < row.lower:
                problems.append(f"Bracket {label}: the upper bound is below the lower bound.")
            if index + 1 == len(rows):
                continue
            following = rows[index + 1]
            if row.upper is None or following.lower <= row.upper:
                problems.append(f"Bracket {label} overlaps the next row ({following.lower}).")
            elif following.lower != row.upper + CENT:
                problems.append(f"Bracket {label}: gap between {row.upper} and {following.lower}.")
    return problems


def payroll_rules_problems(
    rules: Sequence[PayrollRuleSpec], parameters: Sequence[PayrollParameterValue]
) -> list[str]:
    """Everything wrong with a rule set as a whole; an empty list when sound."""
    problems = []
    rule_codes = {rule.code for rule in rules}
    parameter_codes = {p.code for p in parameters}
    for rule in rules:
        problems += _rule_reference_problems(rule, rule_codes, parameter_codes)
    for before, after in _overlaps([(r.code, r.effective_from, r.effective_to) for r in rules]):
        problems.append(
            f"Rule {before[0]}: the range from {after[1]} overlaps the range from {before[1]}."
        )
    for before, after in _overlaps(
        [(p.code, p.effective_from, p.effective_to) for p in parameters]
    ):
        problems.append(
            f"Parameter {before[0]}: the range from {after[1]} overlaps the range from {before[1]}."
        )
    if not problems:
        # A cycle is judged per date: the set in force changes only on a
        # rule's first day or the day after its last.
        changes = {rule.effective_from for rule in rules}
        changes |= {r.effective_to + timedelta(days=1) for r in rules if r.effective_to}
        for on in sorted(changes):
            try:
                payroll_rules_order([r for r in rules if r.in_force(on)])
            except PayrollRulesError as exc:
                problems.append(str(exc))
                break
    return problems


def _rule_reference_problems(rule, rule_codes, parameter_codes) -> list[str]:
    problems = []
    if rule.base_kind in (LINE, SUM_OF_LINES):
        allowed, what = rule_codes, "rule"
    elif rule.base_kind == HOURS:
        allowed, what = set(HOUR_KINDS), "hour kind"
    elif rule.base_kind == INPUT:
        allowed, what = set(MONEY_INPUTS), "input"
    else:
        allowed, what = set(), ""
    for code in rule.base_codes:
        if code not in allowed:
            problems.append(f"Rule {rule.code}: the base names an unknown {what} {code!r}.")
    for code in rule.less_codes:
        if code not in rule_codes:
            problems.append(f"Rule {rule.code}: it subtracts an unknown rule {code!r}.")
    for code in rule.parameter_codes():
        if code not in parameter_codes:
            problems.append(f"Rule {rule.code}: it uses an unknown parameter {code!r}.")
    if rule.bracket is not None:
        problems += payroll_bracket_problems(rule.bracket)
    return problems
