from decimal import Decimal

import pytest

from accounting.templatetags.quantities import quantity, unit_price


@pytest.mark.parametrize(
    ("value", "shown"),
    [("10.000", "10"), ("2.500", "2.5"), ("0.125", "0.125"), ("0.000", "0"), ("1E+1", "10")],
)
def test_quantities_show_without_trailing_zeros_or_exponents(value, shown):
    assert quantity(Decimal(value)) == shown


@pytest.mark.parametrize(
    ("value", "shown"),
    [("1180.0000", "1,180.00"), ("12.5000", "12.50"), ("0.3333", "0.3333"), ("0", "0.00")],
)
def test_unit_prices_show_at_least_cents_and_at_most_their_four_decimals(value, shown):
    assert unit_price(Decimal(value)) == shown
