"""The Romanian locale: pages follow the visitor's language, and the catalogue is complete.

The compiled `django.mo` is committed so the product runs without gettext; the
catalogue tests read both files with the standard library only, and fail when
the `.mo` was not rebuilt after the `.po` changed.
"""

import gettext
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from backoffice import roles
from tests.factories import UserFactory

LOCALE_DIR = Path(settings.BASE_DIR) / "locale" / "ro" / "LC_MESSAGES"
PO_FILE = LOCALE_DIR / "django.po"
MO_FILE = LOCALE_DIR / "django.mo"

PLACEHOLDER = re.compile(r"%\(\w+\)[sd]")
# Romanian is written with comma-below ș and ț, not the cedilla look-alikes.
CEDILLA_LETTERS = "şţŞŢ"


@pytest.fixture(autouse=True)
def _english_after_each_test():
    # LocaleMiddleware activates the request's language in this thread and
    # leaves it active; later tests that call gettext outside a request
    # (notification titles, error messages) expect the default language.
    yield
    translation.deactivate()


def html(response) -> str:
    assert response.status_code == 200
    return response.content.decode()


# Pages -------------------------------------------------------------------------


def test_the_login_page_is_in_romanian_for_a_romanian_browser(client, db):
    page = html(client.get(reverse("login"), headers={"accept-language": "ro"}))
    assert '<html lang="ro">' in page
    assert "Autentificare" in page
    assert "Ați uitat parola?" in page
    assert "Parolă" in page  # Django's own catalogue labels the form fields
    assert "Log in" not in page
    assert "Forgotten your password?" not in page


def test_the_language_cookie_chooses_romanian(client, db):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ro"
    page = html(client.get(reverse("login"), headers={"accept-language": "en"}))
    assert "Autentificare" in page
    assert "Log in" not in page


def test_english_stays_the_default(client, db):
    page = html(client.get(reverse("login")))
    assert '<html lang="en">' in page
    assert "Log in" in page
    assert "Autentificare" not in page


def test_a_signed_in_user_gets_romanian_navigation(client, db):
    user = UserFactory(username="ioana", roles=[roles.ACCOUNTANT])
    client.force_login(user)
    page = html(client.get(reverse("home"), headers={"accept-language": "ro"}))
    # The top bar: a department label (lazy, from navigation.py) and the fixed links.
    for romanian in ["Contabilitate", "Agendă", "Notificări", "Sarcinile mele", "Deconectare"]:
        assert romanian in page, romanian
    assert "Bun venit," in page
    for english in ["Accounting", "Directory", "Notifications", "My jobs", "Log out", "Welcome"]:
        assert english not in page, english


def test_the_language_switcher_turns_the_pages_romanian(client, db):
    client.force_login(UserFactory(username="ioana"))
    response = client.post("/i18n/setlang/", {"language": "ro", "next": reverse("home")})
    assert response.status_code == 302
    assert response["Location"] == reverse("home")
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "ro"
    page = html(client.get(reverse("home")))
    assert "Deconectare" in page
    assert "Log out" not in page


# The catalogue -------------------------------------------------------------------


def _unquote(text: str) -> str:
    return text[1:-1].replace('\\"', '"').replace("\\n", "\n").replace("\\\\", "\\")


def parse_po(path: Path) -> list[dict]:
    """The entries of a .po file: msgid, msgid_plural, msgstr (or msgstr[n]) and flags."""
    entries = []
    for block in path.read_text(encoding="utf-8").strip().split("\n\n"):
        entry = {"flags": set()}
        field = None
        for line in block.splitlines():
            if line.startswith("#,"):
                entry["flags"].update(flag.strip() for flag in line[2:].split(","))
            elif line.startswith("#"):
                continue
            elif line.startswith('"'):
                entry[field] += _unquote(line)
            else:
                field, _, value = line.partition(" ")
                entry[field] = _unquote(value)
        if "msgid" in entry:
            entries.append(entry)
    return entries


def translations_of(entry: dict) -> list[str]:
    return [value for key, value in sorted(entry.items()) if key.startswith("msgstr")]


@pytest.fixture(scope="module")
def po_entries():
    entries = parse_po(PO_FILE)
    assert entries[0]["msgid"] == ""  # the header
    return entries[1:]


def test_every_message_is_translated_and_none_is_fuzzy(po_entries):
    assert len(po_entries) > 100
    untranslated = [e["msgid"] for e in po_entries if not all(translations_of(e))]
    fuzzy = [e["msgid"] for e in po_entries if "fuzzy" in e["flags"]]
    assert untranslated == []
    assert fuzzy == []


def test_plural_messages_have_the_three_romanian_forms(po_entries):
    header = parse_po(PO_FILE)[0]["msgstr"]
    assert "nplurals=3;" in header
    plurals = [e for e in po_entries if "msgid_plural" in e]
    assert plurals
    for entry in plurals:
        assert sorted(k for k in entry if k.startswith("msgstr")) == [
            "msgstr[0]",
            "msgstr[1]",
            "msgstr[2]",
        ], entry["msgid"]


def test_translations_keep_the_placeholders(po_entries):
    for entry in po_entries:
        expected = set(PLACEHOLDER.findall(entry["msgid"] + entry.get("msgid_plural", "")))
        for text in translations_of(entry):
            assert set(PLACEHOLDER.findall(text)) == expected, entry["msgid"]


def test_translations_use_comma_below_diacritics(po_entries):
    wrong = [t for e in po_entries for t in translations_of(e) if set(t) & set(CEDILLA_LETTERS)]
    assert wrong == []


def test_the_compiled_catalogue_matches_the_po_file(po_entries):
    with MO_FILE.open("rb") as mo:
        catalog = gettext.GNUTranslations(mo)._catalog
    stale = []
    for entry in po_entries:
        # A message with a context is stored as "context\x04message".
        key = f"{entry['msgctxt']}\x04{entry['msgid']}" if "msgctxt" in entry else entry["msgid"]
        if "msgid_plural" in entry:
            for n, text in enumerate(translations_of(entry)):
                if catalog.get((key, n)) != text:
                    stale.append(entry["msgid"])
        elif catalog.get(key) != entry["msgstr"]:
            stale.append(entry["msgid"])
    assert stale == [], "run `manage.py compilemessages --locale ro`"
