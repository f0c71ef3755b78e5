"""A real headless Chromium driving the live server.

The browser is Debian's Chromium at /usr/bin/chromium; Playwright never
downloads one. One browser for all the tests of this folder, a fresh
context (cookies, storage) per test. Pages are served by pytest-django's `live_server`, so
every test here runs on a transactional database that is flushed after it.
"""

import os
from pathlib import Path

import pytest
from django.core.management import call_command
from playwright.sync_api import Browser, Page, Response, expect, sync_playwright
from pytest_django.live_server_helper import LiveServer

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-gpu",
    "--no-first-run",
]
# How long a step or an expectation may wait for the page (milliseconds).
STEP_TIMEOUT_MS = 15_000
expect.set_options(timeout=STEP_TIMEOUT_MS)

DEMO_PASSWORD = "demo1234"

# Requests of these kinds must succeed on every page: a page without its CSS
# or scripts, or whose htmx calls fail, still "works" for a test while a
# person sees it broken. (Pages themselves may answer 403 or 429 on purpose.)
MUST_SUCCEED = {"stylesheet", "script", "font", "image", "xhr", "fetch"}


@pytest.fixture(scope="session")
def live_server(request):
    """pytest-django's live server, with static files served as in production.

    pytest-django wraps the server in Django's StaticFilesHandler, which
    looks files up in the source folders and so answers 404 for the hashed
    names that `{% static %}` writes when DEBUG is off. Without that wrapper
    the requests reach WhiteNoise, which serves the collected files from
    STATIC_ROOT (`make test` runs collectstatic first).
    """
    addr = (
        request.config.getvalue("liveserver")
        or os.getenv("DJANGO_LIVE_TEST_SERVER_ADDRESS")
        or "localhost"
    )
    server = LiveServer(addr, start=False)
    server.thread.static_handler = lambda application: application
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="package")
def browser() -> Browser:
    """One Chromium for all the browser tests, stopped when the last of them ends.

    Playwright's sync API keeps an asyncio loop running in this thread for
    as long as it is started, and Django refuses ORM calls from a thread with
    a running loop unless DJANGO_ALLOW_ASYNC_UNSAFE is set. Both the loop and
    the variable therefore live only while the tests of this folder run
    (package scope, the session of the e2e tests): left on for the rest of
    the session, the variable reaches subprocesses of later tests (`manage.py
    check --deploy` flags it as async.E001) and the loop breaks their ORM calls.
    """
    if not CHROMIUM.is_file() or not os.access(CHROMIUM, os.X_OK):
        pytest.fail(
            f"The browser tests need Debian's Chromium at {CHROMIUM} "
            "(apt-get install chromium); it is missing or not executable.",
            pytrace=False,
        )
    before = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
            )
            yield browser
            browser.close()
    finally:
        if before is None:
            del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = before


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """Keep each phase's report on the test, so fixtures can tell a failed test."""
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


@pytest.fixture
def page(request, browser: Browser, live_server) -> Page:
    """A tab in a fresh browser context; the test fails on broken assets or script errors.

    When a test fails, the requests the browser was still waiting for are
    printed with it: a page that never finished loading names its culprit.
    """
    context = browser.new_context(base_url=live_server.url)
    context.set_default_timeout(STEP_TIMEOUT_MS)
    page = context.new_page()
    problems: list[str] = []
    pending: dict[object, str] = {}
    page.on("pageerror", lambda error: problems.append(f"script error: {error}"))
    page.on(
        "response",
        lambda response: (
            problems.append(f"{response.status} {response.url}")
            if response.status >= 400 and response.request.resource_type in MUST_SUCCEED
            else None
        ),
    )
    page.on("request", lambda req: pending.__setitem__(req, f"{req.method} {req.url}"))
    page.on("requestfinished", lambda req: pending.pop(req, None))
    page.on("requestfailed", lambda req: pending.pop(req, None))
    yield page
    call = getattr(request.node, "report_call", None)
    if call is not None and call.failed:
        waiting = list(pending.values()) or ["(none)"]
        print("Requests still pending when the test failed:", *waiting, sep="\n  ")
    context.close()
    if problems:
        pytest.fail("The browser met broken pages:\n" + "\n".join(problems), pytrace=False)


@pytest.fixture
def demo_company(live_server):
    """The demo company of `seed_demo`: one user per role (password demo1234), 20 staff."""
    call_command("seed_demo", employees=20, verbosity=0)


def log_in(page: Page, username: str, password: str = DEMO_PASSWORD) -> Response:
    """Fill and submit the login form, the way a person does; returns the POST's response."""
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    with page.expect_response(
        lambda response: (
            response.request.method == "POST" and response.url.endswith("/accounts/login/")
        )
    ) as submitted:
        page.get_by_role("button", name="Log in").click()
    page.wait_for_load_state()
    return submitted.value
