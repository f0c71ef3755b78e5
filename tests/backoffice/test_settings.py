"""Production settings: strict by default, clean under `check --deploy`."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_manage(*args, **env):
    clean = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "SECRET_KEY"}}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_is_clean_with_production_settings():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY="a-long-random-production-secret-" + "x" * 40,
        ALLOWED_HOSTS="backoffice.example.com",
        DEBUG="false",
        SECURE_SSL_REDIRECT="true",
        EMAIL_URL="smtp://mailer:secret@mail.example.com:587/?tls=True",
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_without_a_secret_key_production_refuses_to_start():
    result = run_manage("check", DEBUG="false")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_debug_is_off_unless_set():
    result = run_manage(
        "shell",
        "-c",
        "from django.conf import settings; print(settings.DEBUG)",
        SECRET_KEY="x" * 60,
    )
    assert result.stdout.strip().splitlines()[-1] == "False", result.stderr


def _proxy_header(**env):
    result = run_manage(
        "shell",
        "-c",
        "from django.conf import settings as s; print(getattr(s, 'SECURE_PROXY_SSL_HEADER', None))",
        SECRET_KEY="x" * 60,
        DEBUG="false",
        **env,
    )
    return result.stdout.strip().splitlines()[-1]


def test_the_forwarded_proto_header_is_trusted_only_behind_a_declared_proxy():
    assert _proxy_header() == "None"
    assert _proxy_header(BEHIND_PROXY="true") == "('HTTP_X_FORWARDED_PROTO', 'https')"
