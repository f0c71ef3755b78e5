# Django's admin finds the registrations through this package.
from it_support.admin import (
    inventory,  # noqa: F401
    tickets,  # noqa: F401
)
