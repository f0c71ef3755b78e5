from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HrConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "hr"
    verbose_name = _("Human resources")

    def ready(self):
        from hr import (
            jobs,  # noqa: F401  registers HR's job kinds
            signals,  # noqa: F401  connects HR's own event receivers
        )
