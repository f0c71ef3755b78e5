"""Bank files of credit transfers, shared by supplier payments and net pay.

A transfer is a dict with `name`, `iban`, `bic` (may be empty), `amount`
(Decimal, exact to the cent) and `reference`. The company is the debtor.
"""

import csv
import io
from datetime import date

from django.conf import settings
from django.utils.translation import gettext as _

from accounting.money import to_cent
from backoffice.errors import DomainError
from backoffice.validators import compact_iban


class BankFileError(DomainError):
    pass


def transfers_csv(transfers: list[dict], *, party: str = "supplier") -> bytes:
    """One row per transfer; `party` names the first column (supplier, employee)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([party, "iban", "bic", "amount", "currency", "reference"])
    for transfer in transfers:
        writer.writerow(
            [
                transfer["name"],
                transfer["iban"],
                transfer["bic"],
                f"{transfer['amount']:.2f}",
                settings.BASE_CURRENCY,
                transfer["reference"],
            ]
        )
    return out.getvalue().encode("utf-8")


def transfers_sepa(transfers: list[dict], *, execution_date: date, reference: str) -> bytes:
    """A SEPA credit transfer (pain.001.001.03), validated against the schema sepaxml ships.

    `reference` prefixes each transfer's end-to-end id (`<reference>-<n>`).
    """
    from sepaxml import SepaTransfer
    from sepaxml.validation import ValidationError as SepaValidationError

    currency = settings.BASE_CURRENCY
    config = {
        "name": settings.COMPANY_NAME,
        "IBAN": compact_iban(settings.COMPANY_IBAN),
        "BIC": settings.COMPANY_BIC,
        "batch": True,
        "currency": currency,
        # The SEPA service level is for euro transfers; others go as domestic ones.
        "domestic": currency != "EUR",
    }
    sepa = SepaTransfer(config, schema="pain.001.001.03", clean=True)
    for number, transfer in enumerate(transfers, start=1):
        payment = {
            "name": transfer["name"],
            "IBAN": transfer["iban"],
            # sepaxml wants whole cents: the amounts are already exact to the cent.
            "amount": int(to_cent(transfer["amount"]) * 100),
            "currency": currency,
            "execution_date": execution_date,
            "description": transfer["reference"][:140],
            "endtoend_id": f"{reference}-{number}"[:35],
        }
        if transfer["bic"]:
            payment["BIC"] = transfer["bic"]
        sepa.add_payment(payment)
    try:
        return sepa.export(validate=True)
    except SepaValidationError as exc:
        raise BankFileError(
            _("The bank file does not pass the SEPA schema: %(error)s")
            % {"error": exc.__cause__ or exc}
        ) from None
