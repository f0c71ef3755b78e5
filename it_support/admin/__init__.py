# Django's admin finds the registrations through this package.
from it_support.admin import (  # noqa: F401  it-assets
    changes,
    inventory,  # noqa: F401
    knowledge,
    licences,
    maintenance,
)
