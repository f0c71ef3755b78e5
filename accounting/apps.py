from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountingConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "accounting"
    verbose_name = _("Accounting")

    def ready(self):
        from accounting import (
            jobs,  # noqa: F401  registers accounting's job kinds
            signals,  # noqa: F401  connects the receivers of HR's events
        )
