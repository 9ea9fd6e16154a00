"""Real Chromium (Debian's) driven by pytest-playwright against a live Django server."""

import os
from pathlib import Path

import pytest

from tests.conftest import REQUIRE_REAL_PARTS

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]

# Playwright's sync API runs an event loop in the test thread; the ORM calls the
# tests make between page actions are still plain synchronous calls.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(config, items):
    if CHROMIUM.exists():
        return
    if REQUIRE_REAL_PARTS:
        raise pytest.UsageError(
            f"{CHROMIUM} is missing and RENCONTRES_REQUIRE_REAL_PARTS=1 forbids skipping browser tests"
        )
    skip = pytest.mark.skip(reason=f"{CHROMIUM} is not installed (apt-get install chromium)")
    for item in items:
        if "browser" in item.nodeid:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": str(CHROMIUM), "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "locale": "fr-FR", "timezone_id": "Europe/Paris", "accept_downloads": True}


def follow(link) -> None:
    """Click a link and wait for the page it opens, so that what follows reads the new page."""
    with link.page.expect_navigation():
        link.click()


def serious_accessibility_violations(page) -> list[str]:
    """axe-core's serious and critical findings on the current page, one line each."""
    from axe_playwright_python.sync_playwright import Axe
    from playwright.sync_api import Error as PlaywrightError

    # A link clicked just before may still be loading its page: axe reads the loaded one.
    page.wait_for_load_state()
    try:
        results = Axe().run(page)
    except PlaywrightError as error:
        # The navigation began after the load state was read and replaced the document under
        # axe; read the new page once it has loaded.
        if "documentElement" not in error.message and "context was destroyed" not in error.message:
            raise
        page.wait_for_load_state()
        results = Axe().run(page)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
        if v["impact"] in {"serious", "critical"}
    ]
