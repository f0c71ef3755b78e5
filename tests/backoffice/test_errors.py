"""Model validation becomes the service's domain error, as one message."""

import pytest
from django.core.exceptions import ValidationError

from backoffice.errors import DomainError, as_domain_error, clean_or_raise
from hr.models.employees import Department


class RecordsError(DomainError):
    pass


@pytest.mark.django_db
def test_a_refused_model_becomes_the_domain_error_with_every_message():
    department = Department(name="")
    with pytest.raises(RecordsError) as raised:
        clean_or_raise(department, error=RecordsError)
    assert "This field cannot be blank." in str(raised.value)
    assert isinstance(raised.value.__cause__, ValidationError)


def test_a_validator_inside_the_block_is_raised_with_its_prefix():
    def refuse(value):
        raise ValidationError(["Too long.", "Not a number."])

    with (
        pytest.raises(RecordsError, match="^Line 2: Too long. Not a number.$"),
        as_domain_error(RecordsError, prefix="Line 2: "),
    ):
        refuse("x")


def test_other_errors_pass_through_untouched():
    with pytest.raises(KeyError), as_domain_error(RecordsError):
        raise KeyError("not a validation error")
