"""The Content-Security-Policy allows no inline script and no framing; signed-in pages are
never stored by a cache; no template holds an inline script or an on* handler."""

import re
from pathlib import Path

from django.conf import settings
from django.urls import reverse

TEMPLATE_DIRS = [Path(settings.BASE_DIR) / "templates"] + [
    path for path in Path(settings.BASE_DIR).glob("*/templates") if ".venv" not in path.parts
]
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE)
HANDLER = re.compile(r"<[^>]*\son[a-z]+\s*=", re.IGNORECASE)
JS_URL = re.compile(r"""(?:href|src|action)\s*=\s*["']\s*javascript:""", re.IGNORECASE)


def test_pages_carry_a_policy_without_inline_script_or_framing(client, role_users):
    client.force_login(role_users["hr"])
    policy = client.get(reverse("home"))["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert directives["script-src"] == "'self'"
    assert directives["frame-ancestors"] == "'none'"
    assert directives["default-src"] == "'self'"
    assert "unsafe-inline" not in directives["script-src"]


def test_signed_in_pages_are_not_stored_and_the_login_page_has_the_policy_too(client, role_users):
    client.force_login(role_users["employee"])
    assert "no-store" in client.get(reverse("home"))["Cache-Control"]
    client.logout()
    assert "frame-ancestors 'none'" in client.get(reverse("login"))["Content-Security-Policy"]


def test_no_template_holds_an_inline_script_or_an_event_handler():
    offenders = []
    for folder in TEMPLATE_DIRS:
        for template in folder.rglob("*.html"):
            text = template.read_text()
            for pattern in (INLINE_SCRIPT, HANDLER, JS_URL):
                offenders += [f"{template}: {m.group(0)[:60]}" for m in pattern.finditer(text)]
    assert offenders == []


def test_the_language_switch_works_through_the_static_script(client, role_users):
    client.force_login(role_users["employee"])
    page = client.get(reverse("home")).content.decode()
    assert "data-autosubmit" in page
    assert "/static/js/backoffice" in page
