# Django finds the models through this package; callers import from the module
# that defines a model (`from it_support.models.inventory import Equipment`).
from it_support.models import (  # noqa: F401
    changes,
    inventory,
    knowledge,
    licences,
    maintenance,
    offboarding,
    sla,
    tickets,
)
