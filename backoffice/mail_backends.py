"""The mail backend of a production without a mail server: it sends nothing and prints nothing.

Django's console backend writes every message to the server log, password
reset links and payslips included. Without `EMAIL_URL` and with DEBUG off,
settings pick this backend instead: each send fails (the outbox keeps the
message and retries it once a server is configured) and `check --deploy`
reports the missing server (backoffice/checks.py).
"""

import smtplib

from django.core.mail.backends.base import BaseEmailBackend


class NoMailServerError(smtplib.SMTPException):
    pass


class UnconfiguredEmailBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        if not email_messages:
            return 0
        if self.fail_silently:
            return 0
        raise NoMailServerError("No mail server is configured (EMAIL_URL is unset); nothing sent.")
