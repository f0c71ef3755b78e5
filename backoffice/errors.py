"""Domain errors, and the one way model validation becomes one.

A service validates with `clean_or_raise(instance, error=PayablesError)`; a
validator outside a model (an IBAN, an upload) runs inside
`with as_domain_error(PayablesError): validate_iban(iban)`. Either way the
view shows one readable message and nothing is saved.
"""

from collections.abc import Iterator
from contextlib import contextmanager

from django.core.exceptions import ValidationError


class DomainError(Exception):
    """A rule of the business was broken; the message is shown to the user."""


class JobError(DomainError):
    pass


def validation_message(exc: ValidationError) -> str:
    """A `ValidationError`'s messages as one sentence a person can read."""
    return " ".join(str(message) for message in exc.messages)


@contextmanager
def as_domain_error(error: type[DomainError], *, prefix: str = "") -> Iterator[None]:
    """Raise `error` with the messages of a `ValidationError` raised inside."""
    try:
        yield
    except ValidationError as exc:
        raise error(f"{prefix}{validation_message(exc)}") from exc


def clean_or_raise(instance, *, error: type[DomainError], prefix: str = "", **kwargs) -> None:
    """`instance.full_clean(**kwargs)`, its refusals raised as `error`."""
    with as_domain_error(error, prefix=prefix):
        instance.full_clean(**kwargs)
