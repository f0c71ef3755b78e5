"""HR's admin, one module per subject; importing them registers them."""

from hr.admin import (  # noqa: F401
    complaints,
    discipline,
    employees,
    hiring,
    leave,
    onboarding,
    policies,
    training,
)
