from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _sync_roles_after_migrate(sender, using, **kwargs):
    # Runs after the permissions of every app exist, so later migrations'
    # permissions reach their roles (and a test database flush restores them).
    from django.apps import apps

    from backoffice.roles import sync_roles

    if sender is not list(apps.get_app_configs())[-1]:
        return
    sync_roles(apps=apps, strict=False, using=using)


class BackofficeConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "backoffice"
    verbose_name = _("Back office")

    def ready(self):
        # Registers `__any_of`, the deploy checks and the login-failure counters.
        from backoffice import checks, lookups, sessions, throttle  # noqa: F401
        from backoffice.input_guards import install_sane_date_fields
        from backoffice.registry import panels_autodiscover

        install_sane_date_fields()

        panels_autodiscover()  # every app's panels.py registers its home-page cards
        from backoffice.reports import reports_autodiscover

        reports_autodiscover()  # every app's reports.py registers its reports

        # post_migrate is sent once per app; the receiver acts on the last.
        post_migrate.connect(_sync_roles_after_migrate, dispatch_uid="backoffice.sync_roles")
