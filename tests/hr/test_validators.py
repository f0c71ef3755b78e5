import pytest
from django.core.exceptions import ValidationError

from hr.validators import cnp_control_digit, validate_cnp


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
