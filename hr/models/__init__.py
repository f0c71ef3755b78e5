"""HR tables, one module per subject.

Django finds the models when this package is imported, so it imports every
module; callers import a model from the module that defines it.
"""

from hr.models import (  # noqa: F401
    complaints,
    discipline,
    documents,
    employees,
    hiring,
    imports,
    leave,
    onboarding,
    policies,
    training,
)
