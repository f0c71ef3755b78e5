import pytest
from django.core.exceptions import ValidationError

from hr.validators import cnp_control_digit, validate_cnp, validate_iban


def test_a_cnp_with_the_right_control_digit_is_accepted():
    validate_cnp("1800101221144")


@pytest.mark.parametrize("cnp", ["1800101221145", "180010122114", "18001012211a4", ""])
def test_a_cnp_with_a_wrong_control_digit_or_shape_is_refused(cnp):
    with pytest.raises(ValidationError):
        validate_cnp(cnp)


def test_a_control_sum_of_ten_gives_the_digit_one():
    first_twelve = next(
        f"1800101{n:05d}" for n in range(100000) if _raw_sum(f"1800101{n:05d}") == 10
    )
    assert cnp_control_digit(first_twelve) == 1
    validate_cnp(first_twelve + "1")


def _raw_sum(first_twelve):
    return sum(int(d) * int(w) for d, w in zip(first_twelve, "279146358279", strict=True)) % 11


def test_a_valid_iban_is_accepted_with_or_without_spaces():
    validate_iban("RO49AAAA1B31007593840000")
    validate_iban("ro49 aaaa 1b31 0075 9384 0000")


@pytest.mark.parametrize("iban", ["RO48AAAA1B31007593840000", "RO49", "RO49AAAA1B3100759384000$"])
def test_an_iban_with_wrong_check_digits_or_shape_is_refused(iban):
    with pytest.raises(ValidationError):
        validate_iban(iban)
