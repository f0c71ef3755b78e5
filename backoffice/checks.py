"""Deployment checks of the back office's own settings (`manage.py check --deploy`)."""

from django.conf import settings
from django.core.checks import Error, Tags, register

UNCONFIGURED_MAIL = "backoffice.mail_backends.UnconfiguredEmailBackend"
CONSOLE_MAIL = "django.core.mail.backends.console.EmailBackend"


@register(Tags.security, deploy=True)
def mail_server_configured(app_configs, **kwargs):
    """Production must send mail through a real server, never to the log."""
    if settings.EMAIL_BACKEND in (UNCONFIGURED_MAIL, CONSOLE_MAIL):
        return [
            Error(
                "No mail server is configured: password resets and payslips cannot be sent.",
                hint="Set EMAIL_URL (smtp://user:password@host:587/?tls=True).",
                id="backoffice.E001",
            )
        ]
    return []
