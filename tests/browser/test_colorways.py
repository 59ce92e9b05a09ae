"""The catalogue as a reader on a phone sees it, in a real Chromium under the site's CSP."""

import pytest

from colorways import demo
from tests.browser.conftest import PHONE

pytestmark = pytest.mark.django_db(transaction=True)

PAGES = [
    ("/colorways/", "colorways-list"),
    ("/colorways/jjjjound-silver-black/", "colorway-detail"),
    ("/colorways/timeline/", "colorways-timeline"),
    ("/", "home-featured"),
]


@pytest.mark.parametrize(("path", "name"), PAGES)
def test_catalogue_pages_fit_a_phone_without_csp_errors(
    browser, live_server, screenshot, path, name
):
    demo.load()
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    problems = []
    page.on("console", lambda m: m.type == "error" and problems.append(m.text))
    page.goto(live_server.url + path)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    screenshot(page, f"phone-{name}")
    context.close()
    assert problems == []


def test_filtering_on_a_phone_keeps_the_choice_in_the_address(browser, live_server):
    demo.load()
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(live_server.url + "/colorways/")
    page.get_by_text("Filter and sort").click()
    page.get_by_label("Collaborator").select_option("kith")
    page.get_by_role("button", name="Show colorways").click()
    page.wait_for_url("**collaborator=kith**")
    assert page.locator(".colorway-card").count() == 2
    assert "Kith (2)" in page.get_by_label("Collaborator").inner_text()
    context.close()
