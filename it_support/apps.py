from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ItSupportConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "it_support"
    verbose_name = _("IT support")

    def ready(self):
        from it_support import signals  # noqa: F401  connects the receivers of HR's events
