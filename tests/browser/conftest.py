"""Real-browser tests: Debian's chromium driven by Playwright (never `playwright install`)."""

import contextlib
import io
import os
from importlib import import_module
from pathlib import Path

import pytest
from django.apps import apps
from django.core.management import call_command
from django.test import override_settings

# Playwright's sync API runs an event loop in the test thread; the ORM calls the tests make
# around it are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

PHONE_CHROME = (
    "Mozilla/5.0 (Linux; Android 14; SM-A546E) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/126.0 Mobile Safari/537.36"
)
SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    """A phone-sized page that fails the test on any request leaving the live server."""
    # A phone's browser, as a citizen uses: headless Chromium announces itself as such, and
    # the statistics refuse headless browsers as scripts (stats.visitors.is_bot).
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, locale="th-TH", user_agent=PHONE_CHROME
    )
    page = context.new_page()
    external = []

    def guard(route):
        # chrome:// pages (the PDF viewer's own resources) never leave the browser.
        if route.request.url.startswith((live_server.url, "chrome://", "chrome-extension://")):
            route.continue_()
        else:
            external.append(route.request.url)
            route.abort()

    page.route("**/*", guard)
    page.external_requests = external
    # The Content-Security-Policy is on: anything it blocks is a broken page (a test that
    # provokes a refusal on purpose removes it from page.csp_violations).
    blocked = []
    page.csp_violations = blocked
    page.on(
        "console",
        lambda message: "Content Security Policy" in message.text and blocked.append(message.text),
    )
    yield page
    # Let the page's last requests (photos, the visit beacon) finish before the test's
    # database is flushed: on SQLite the live server shares the test's connection.
    # A page that never goes idle is closed all the same.
    with contextlib.suppress(Exception):
        page.wait_for_load_state("networkidle", timeout=5000)
    context.close()
    assert not blocked, f"Content-Security-Policy violations: {blocked}"


def wait_until(page, expression, timeout=10):
    """Poll a JavaScript expression until it is true. page.wait_for_function would evaluate
    its string inside the page, which the Content-Security-Policy (no 'unsafe-eval') forbids."""
    import time

    deadline = time.monotonic() + timeout
    while not page.evaluate(expression):
        if time.monotonic() > deadline:
            raise AssertionError(f"still false after {timeout} s: {expression}")
        page.wait_for_timeout(100)


def screenshot(page, name):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


@pytest.fixture
def demo_site(transactional_db):
    """The demo municipality in a live-server database.

    Transactional tests end with a flush that also empties the tables the migrations seeded,
    so the seed is run again here rather than relying on serialized rollback.
    """
    import_module("catalog.migrations.0003_seed_categories").seed(apps, None)
    import_module("catalog.migrations.0008_structural_subcategories").add(apps, None)
    import_module("catalog.migrations.0010_events_and_council_documents").add_council_subcategories(
        apps, None
    )
    import_module("catalog.migrations.0010_subcategory_codes").add_codes(apps, None)
    with override_settings(DEBUG=True):
        call_command("load_demo", stdout=io.StringIO())
