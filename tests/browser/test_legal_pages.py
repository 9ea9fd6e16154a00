"""The legal pages pass axe-core in Chromium."""

import pytest

from tests.browser.conftest import serious_accessibility_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_legal_pages_have_no_serious_accessibility_issue(page, live_server):
    for path in ("/mentions-legales/", "/donnees-personnelles/", "/accessibilite/"):
        page.goto(live_server.url + path)
        assert serious_accessibility_violations(page) == [], path
