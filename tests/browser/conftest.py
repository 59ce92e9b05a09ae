"""Real-browser tests: Playwright driving Debian's Chromium against the live test server.

Chromium is never downloaded: without /usr/bin/chromium these tests are skipped
(install it with `apt-get install chromium`), unless REQUIRE_BROWSER_TESTS is
set, as in CI, where a missing browser fails the run.
"""

import os
import time
from pathlib import Path

import pytest
from playwright.sync_api import Error as PlaywrightError

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-gpu",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
PHONE = {"width": 375, "height": 812}
DESKTOP = {"width": 1280, "height": 900}

# Playwright's sync API runs an event loop in the test thread; the ORM calls the
# tests make around it are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/browser/" in str(item.path):
            item.add_marker(pytest.mark.browser)


def pytest_terminal_summary(terminalreporter):
    if not CHROMIUM.exists():
        terminalreporter.write_line(
            f"Browser tests were SKIPPED: no Chromium at {CHROMIUM}. "
            "Install it with: sudo apt-get install chromium",
            yellow=True,
            bold=True,
        )


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        message = f"no Chromium at {CHROMIUM}; install it with: apt-get install chromium"
        if os.environ.get("REQUIRE_BROWSER_TESTS"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def wait_for_the_site_to_finish(seconds: float = 5) -> None:
    """Wait until no other connection to the test database is running a query or holds
    a transaction open: the live server's last request has finished."""
    from django.db import connection

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                " AND pid <> pg_backend_pid() AND state <> 'idle'"
            )
            if cursor.fetchone()[0] == 0:
                return
        time.sleep(0.05)


class QuietContext:
    """A browser context that, when the test ends, sends nothing more to the site and
    waits for what it already sent: the test database is emptied next, and a request
    still running then (an autosave, a presence check) would deadlock with it. Its
    pages are left for a blank one first, while every request is refused, so that what
    they send as they are left (an autosave on `pagehide`) never reaches the site."""

    SETTLE_MS = 5_000

    def __init__(self, context):
        self.context = context
        self.in_flight = 0
        context.on("request", self._started)
        context.on("requestfinished", self._ended)
        context.on("requestfailed", self._ended)

    def _started(self, request):
        self.in_flight += 1

    def _ended(self, request):
        self.in_flight -= 1

    def close(self) -> None:
        self.context.route("**/*", lambda route: route.abort())
        pages = self.context.pages
        for page in pages:
            try:
                page.goto("about:blank")
            except PlaywrightError:  # a test refused to leave (it dismissed `beforeunload`)
                pass
        waited = 0
        while pages and self.in_flight > 0 and waited < self.SETTLE_MS:
            pages[0].wait_for_timeout(50)
            waited += 50
        self.context.close()
        wait_for_the_site_to_finish()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport=DESKTOP)
    quiet = QuietContext(context)
    page = context.new_page()
    yield page
    quiet.close()


@pytest.fixture
def new_page(browser):
    """Pages in fresh browser contexts (own cookies), e.g. new_page(viewport=PHONE)."""
    contexts = []

    def make(**options):
        context = browser.new_context(**{"viewport": DESKTOP, **options})
        contexts.append(QuietContext(context))
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def screenshot(request):
    """Save a full-page screenshot under test-artifacts/ for a person to look at."""

    def take(page, name):
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)

    return take
