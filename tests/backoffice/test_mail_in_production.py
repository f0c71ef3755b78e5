"""Production never writes mail to the log: without EMAIL_URL it sends nothing and fails the
deploy check; log lines are scrubbed of reset links, IBANs, pay and one-time codes."""

import logging

import pytest
from django.core import mail
from django.urls import reverse

from backoffice.log_filters import RedactingFormatter
from backoffice.mail_backends import NoMailServerError
from tests.backoffice.test_settings import run_manage

PRODUCTION = {
    "SECRET_KEY": "a-long-random-production-secret-" + "x" * 40,
    "ALLOWED_HOSTS": "backoffice.example.com",
    "DEBUG": "false",
    "SECURE_SSL_REDIRECT": "true",
}


def test_production_without_a_mail_server_fails_the_deploy_check_and_uses_no_console():
    result = run_manage("check", "--deploy", **PRODUCTION, EMAIL_URL="")
    assert result.returncode != 0
    assert "backoffice.E001" in result.stderr + result.stdout
    shell = run_manage(
        "shell",
        "-c",
        "from django.conf import settings; print(settings.EMAIL_BACKEND)",
        **PRODUCTION,
        EMAIL_URL="",
    )
    assert shell.stdout.strip().splitlines()[-1] == (
        "backoffice.mail_backends.UnconfiguredEmailBackend"
    )


def test_the_unconfigured_backend_refuses_and_prints_nothing(capsys):
    message = mail.EmailMessage("Reset", "https://x/accounts/reset/MQ/abc-123/", to=["a@b.c"])
    connection = mail.get_connection("backoffice.mail_backends.UnconfiguredEmailBackend")
    with pytest.raises(NoMailServerError):
        connection.send_messages([message])
    captured = capsys.readouterr()
    assert captured.out == captured.err == ""


def test_a_password_reset_without_a_mail_server_logs_no_link(client, settings, caplog, db):
    from tests.factories import UserFactory

    UserFactory(username="forgetful", email="forgetful@example.com")
    settings.EMAIL_BACKEND = "backoffice.mail_backends.UnconfiguredEmailBackend"
    with caplog.at_level(logging.DEBUG):
        response = client.post(reverse("password_reset"), {"email": "forgetful@example.com"})
    assert response.status_code == 302
    assert "Failed to send password reset email" in caplog.text
    assert "/reset/" not in caplog.text


def test_log_lines_are_scrubbed_of_ibans_reset_links_pay_and_codes():
    record = logging.LogRecord(
        "x",
        logging.ERROR,
        __file__,
        1,
        "Paid %s to RO49AAAA1B31007593840000 via "
        "/accounts/reset/MQ/cz5abc-1f2e3d4c5b6a7f8e9d0c1b2a/ "
        "salary 6500.00, one-time code 123456",
        ("Ana",),
        None,
    )
    line = RedactingFormatter().format(record)
    assert line.startswith("Paid Ana to [iban hidden]")
    for secret in ("RO49", "cz5abc", "6500", "123456"):
        assert secret not in line
