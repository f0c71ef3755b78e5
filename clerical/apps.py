from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ClericalConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "clerical"
    verbose_name = _("Clerical")

    def ready(self):
        from clerical import signals  # noqa: F401  connects the receivers of HR's events
