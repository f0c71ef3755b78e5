# Django's admin finds the registrations through this package.
from it_support.admin import (  # noqa: F401
    changes,
    inventory,
    knowledge,
    licences,
    maintenance,
    tickets,
)
