"""The one rounding rule of the money side: half up, to the cent.

Every amount the product computes goes through these functions, so a bill,
a purchase order and the journal entry they produce can never disagree by
a cent.
"""

from decimal import ROUND_HALF_UP, Decimal

ZERO = Decimal("0.00")
CENT = Decimal("0.01")
HUNDRED = Decimal("100")


def to_cent(value: Decimal) -> Decimal:
    """Round half up to the cent. Floats are refused: they are already wrong."""
    if isinstance(value, float):
        raise TypeError("Money must be Decimal, not float.")
    return Decimal(value).quantize(CENT, rounding=ROUND_HALF_UP)


def line_amounts(*, quantity: Decimal, unit_price: Decimal, vat_rate: Decimal):
    """(net, vat) of one document line: each rounded on its own, half up."""
    net = to_cent(Decimal(quantity) * Decimal(unit_price))
    vat = to_cent(net * Decimal(vat_rate) / HUNDRED)
    return net, vat
