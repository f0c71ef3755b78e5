"""Every page, every form and query parameter, fed generated values: never a 500.

Walks the permission matrix's named URLs. For each page a role may open, it
reads the page's forms (GET and POST, hidden fields included) and sends
Hypothesis-generated values to each: odd text, control characters, huge and
negative numbers, dates of year 1 and 9999, very long strings. The answer may
be a page with a message, a redirect, a 400, 403, 404 or 429: never a
server error. Examples per page come from the Hypothesis profile: a few with
`fast` (CI), many with `deep` (`make test-deep`).

Each page's requests run in its test's transaction, rolled back after it.
"""

from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.permissions import ROLES
from tests.test_permission_matrix import MATRIX, _media_in_tmp, objects  # noqa: F401

pytestmark = pytest.mark.xdist_group("permission-matrix")

# Actions that end the session or start heavy document work; their own tests cover them.
SKIPPED_ACTIONS = {"/accounts/logout/", "/i18n/setlang/"}
ROLE_ORDER = ["admin", "hr", "accountant", "controller", "manager", "employee", "it", "clerk"]
EXAMPLES = settings.default.max_examples  # 20 fast, 300 deep: divided below
FAST_EXAMPLES = max(2, EXAMPLES // 10)

NASTY = st.sampled_from(
    [
        "",
        "0",
        "-1",
        "1e309",
        "NaN",
        "99999999999999999999999",
        "0001-01-01",
        "9999-12-31",
        "2026-02-30",
        "a\x00b",
        "\x1b[0m",
        "<script>alert(1)</script>",
        "' OR 1=1 --",
        "%",
        "../../etc/passwd",
        "x" * 5000,
        "ș" * 300,
        "2026-13",
        "12:99",
        "true",
    ]
)
VALUES = st.one_of(NASTY, st.text(max_size=40), st.integers().map(str), st.dates().map(str))


class FormReader(HTMLParser):
    def __init__(self):
        super().__init__()
        self.forms: list[dict] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            method = (attrs.get("method") or "get").lower()
            self.forms.append({"method": method, "action": attrs.get("action") or "", "f": []})
        elif (
            tag in {"input", "select", "textarea"}
            and self.forms
            and attrs.get("name") not in {None, "csrfmiddlewaretoken"}
            and attrs.get("type") != "file"
        ):
            self.forms[-1]["f"].append(attrs["name"])


def reader_role(row) -> str | None:
    if row.method != "get":
        return None
    return next((role for role in ROLE_ORDER if row.expect.get(role) == 200), None)


PAGES = [name for name, row in MATRIX.items() if reader_role(row)]


def page_forms(client, url):
    response = client.get(url)
    if response.streaming or "html" not in response.get("Content-Type", ""):
        return []
    reader = FormReader()
    reader.feed(response.content.decode())
    forms = []
    for form in reader.forms:
        action = urlsplit(form["action"]).path or url
        if action.startswith("/") and action not in SKIPPED_ACTIONS:
            forms.append((form["method"], action, sorted(set(form["f"]))))
    return forms


@pytest.mark.parametrize("name", PAGES)
def test_no_generated_input_makes_a_page_fail(db, client, module_role_users, objects, name):  # noqa: F811
    row = MATRIX[name]
    url = reverse(name, kwargs=row.kwargs(objects))
    user = module_role_users[reader_role(row)]
    client.force_login(user)
    forms = [("get", url, ["page", "q", "start", "end", "as_of", "status", "sort"])]
    forms += page_forms(client, url)

    @settings(
        max_examples=FAST_EXAMPLES,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(data=st.data())
    def fuzz(data):
        method, action, fields = data.draw(st.sampled_from(forms))
        values = {field: data.draw(VALUES) for field in fields}
        client.force_login(user)
        response = getattr(client, method)(action, values)
        assert response.status_code < 500, (method, action, values)

    fuzz()


def test_every_role_of_the_matrix_is_a_known_reader():
    assert set(ROLE_ORDER) == set(ROLES)
