"""A payroll rule set as data: rules, parameters and bracket tables (see `engine`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from accounting.payroll.engine import GROSS, ZERO


@dataclass(frozen=True)
class PayrollBracketRowSpec:
    lower: Decimal
    upper: Decimal | None
    value: Decimal
    key: int = 0


@dataclass(frozen=True)
class PayrollBracketSpec:
    code: str
    rows: tuple[PayrollBracketRowSpec, ...]
    key_input: str = ""

    def lookup(self, base: Decimal, key: int) -> Decimal:
        """The value of the row holding `base` among the rows of the largest
        key not above `key` (so key 4 serves "4 or more"); zero if none."""
        keys = [row.key for row in self.rows if row.key <= key]
        if not keys:
            return ZERO
        chosen = max(keys)
        for row in self.rows:
            if row.key == chosen and row.lower <= base and (row.upper is None or base <= row.upper):
                return row.value
        return ZERO


@dataclass(frozen=True)
class PayrollParameterValue:
    code: str
    value: Decimal
    effective_from: date
    effective_to: date | None = None

    def in_force(self, on: date) -> bool:
        return self.effective_from <= on and (self.effective_to is None or on <= self.effective_to)


@dataclass(frozen=True)
class PayrollRuleSpec:
    code: str
    name: str
    category: str
    computation: str
    base_kind: str = GROSS
    base_codes: tuple[str, ...] = ()
    less_codes: tuple[str, ...] = ()
    base_offset_parameter: str = ""
    order: int = 0
    effective_from: date = date(2000, 1, 1)
    effective_to: date | None = None
    amount: Decimal | None = None
    amount_parameter: str = ""
    rate: Decimal | None = None
    rate_parameter: str = ""
    floor: Decimal | None = None
    floor_parameter: str = ""
    cap: Decimal | None = None
    cap_parameter: str = ""
    bracket: PayrollBracketSpec | None = None
    rounding_places: int = 2
    reduces_taxable: bool = False
    unless_flag: str = ""
    gross_from_parameter: str = ""
    gross_to_parameter: str = ""
    visible: bool = True

    def in_force(self, on: date) -> bool:
        return self.effective_from <= on and (self.effective_to is None or on <= self.effective_to)

    def parameter_codes(self) -> list[str]:
        return [
            code
            for code in (
                self.base_offset_parameter,
                self.amount_parameter,
                self.rate_parameter,
                self.floor_parameter,
                self.cap_parameter,
                self.gross_from_parameter,
                self.gross_to_parameter,
            )
            if code
        ]


def rule_data(code, name, category, order, computation, **fields) -> dict:
    """A rule as the shipped sets write it (and the data migration stores it)."""
    return {
        "code": code,
        "name": name,
        "category": category,
        "order": order,
        "computation": computation,
        **fields,
    }
