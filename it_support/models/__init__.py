# Django finds the models through this package; callers import from the module
# that defines a model (`from it_support.models.inventory import Equipment`).
from it_support.models import (
    inventory,  # noqa: F401
    offboarding,  # noqa: F401
    sla,  # noqa: F401
    tickets,  # noqa: F401
)
