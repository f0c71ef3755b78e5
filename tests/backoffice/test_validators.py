import pytest
from django.core.exceptions import ValidationError

from backoffice.validators import validate_iban


def test_a_valid_iban_is_accepted_with_or_without_spaces():
    validate_iban("RO49AAAA1B31007593840000")
    validate_iban("ro49 aaaa 1b31 0075 9384 0000")


@pytest.mark.parametrize("iban", ["RO48AAAA1B31007593840000", "RO49", "RO49AAAA1B3100759384000$"])
def test_an_iban_with_wrong_check_digits_or_shape_is_refused(iban):
    with pytest.raises(ValidationError):
        validate_iban(iban)
