"""Browser tests: Playwright drives Debian's Chromium against pytest-django's live server.

Playwright cannot download its own browsers here, so `make e2e-deps` installs Debian's
`chromium` and these fixtures launch it by path. Every test in this folder is marked
`e2e`; `pytest -m "not e2e"` leaves them out.

Screenshots go to `artifacts/e2e/` at the repository root; each saved path is printed by
the test and listed again at the end of the pytest run.
"""

import os
import re
from pathlib import Path

import pytest
from django.apps import apps

# Playwright's sync API runs an asyncio event loop in this thread, which makes Django
# refuse ORM calls from the test ("You cannot call this from an async context").
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
# A small phone, the device most village library staff have.
PHONE_VIEWPORT = {"width": 360, "height": 740}
# An English browser: the site must still open in Indonesian.
BROWSER_LOCALE = "en-US"
# Fail fast rather than wait Playwright's default 30 s for something that is not there.
TIMEOUT_MS = 10_000

# One file per test and label (test names are unique across this folder), so parallel
# workers never write the same file.
ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts" / "e2e"
# The user property tests/conftest.py lists at the end of the run.
SCREENSHOT_PROPERTY = "e2e_screenshot"

# Browser tests that need a plug-in app; CI also runs the suite with each app removed.
TESTS_NEEDING_APP = {
    "mentoring": ["test_mentor_visit.py", "test_pages_fit_a_phone.py"],
    # The demo learner's certificate is for a course she completed.
    "certificates": ["test_certificates.py"],
    "courses": ["test_certificates.py", "test_course_flow.py"],
    "peer_learning": ["test_peer_learning.py"],
}
collect_ignore = sorted(
    {
        name
        for app, names in TESTS_NEEDING_APP.items()
        if not apps.is_installed(app)
        for name in names
    }
)


def pytest_collection_modifyitems(items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def browser(django_db_setup):
    from django.db import connections
    from playwright.sync_api import sync_playwright

    if not os.access(CHROMIUM, os.X_OK):
        pytest.fail(f"{CHROMIUM} is missing: run `make e2e-deps` (installs Debian's chromium)")

    # While Playwright's loop runs, asgiref hands this thread *other* connection objects
    # (it keys them per coroutine context once a loop is running). The test database's
    # serialized contents, which `django_db_serialized_rollback` restores before each
    # test, live on the first ones: carry them over.
    serialized = {
        alias: connections[alias]._test_serialized_contents
        for alias in connections
        if hasattr(connections[alias], "_test_serialized_contents")
    }
    with sync_playwright() as playwright:
        for alias, contents in serialized.items():
            connections[alias]._test_serialized_contents = contents
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, live_server, django_db_serialized_rollback):
    """A fresh phone-sized browser tab with no cookies, pointed at the live server.

    Live-server tests use a transactional database that is emptied after each test;
    serialized rollback puts the migrations' data (role groups, Wagtail's root page and
    site) back before each one, so every browser test starts from a migrated database.
    """
    context = browser.new_context(
        base_url=live_server.url,
        viewport=PHONE_VIEWPORT,
        locale=BROWSER_LOCALE,
        extra_http_headers={"Accept-Language": "en-US,en;q=0.9"},
    )
    context.set_default_timeout(TIMEOUT_MS)
    tab = context.new_page()
    yield tab
    context.close()


@pytest.fixture
def screenshot(page, request):
    """`screenshot("name")` saves a full-page PNG of the tab and prints its absolute path."""
    test_name = re.sub(r"[^A-Za-z0-9_.-]+", "-", request.node.name).strip("-")

    def save(label: str) -> Path:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        path = ARTIFACTS / f"{test_name}--{label}.png"
        page.screenshot(path=str(path), full_page=True)
        # Listed at the end of the run by tests/conftest.py: a test report carries its
        # user properties back from a pytest-xdist worker, where a list here would stay.
        request.node.user_properties.append((SCREENSHOT_PROPERTY, str(path)))
        print(f"screenshot: {path}")
        return path

    return save


@pytest.fixture
def stylesheet_responses(page):
    """Every stylesheet response the tab receives, as (url, status) pairs, in order."""
    seen: list[tuple[str, int]] = []

    def record(response):
        if response.request.resource_type == "stylesheet":
            seen.append((response.url, response.status))

    page.on("response", record)
    return seen
