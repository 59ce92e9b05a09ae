import re

import pytest
from playwright.sync_api import expect

from sizing import demo
from tests.browser.conftest import DESKTOP, PHONE

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def finder_url(live_server):
    demo.load()
    return f"{live_server.url}/sizing/"


def test_answer_updates_as_the_reader_changes_the_form(page, finder_url, screenshot):
    page.goto(finder_url)
    page.get_by_label("A shoe you own").select_option("nike-air-force-1")
    page.get_by_label("Your size in it").fill("10")
    headline = page.locator("#finder-result [data-headline]")
    expect(headline).to_have_text("US men's 10 or 10.5")
    expect(page).to_have_url(re.compile(r"shoe=nike-air-force-1&size=10"))

    page.get_by_label("I sized down in them").check()
    expect(headline).to_have_text("US men's 10.5")
    expect(page).to_have_url(re.compile(r"sized_down=1"))

    page.get_by_label("Size system").select_option("us-women")
    page.get_by_label("Your size in it").fill("8.5")
    page.get_by_label("A shoe you own").select_option("nike-dunk")
    page.get_by_label("I sized down in them").uncheck()
    expect(headline).to_have_text("US women's 8.5")

    page.get_by_label("Your size in it").fill("10.25")
    expect(page.locator("#error-size")).to_contain_text("US women's sizes in the Nike chart")
    expect(page.get_by_label("Your size in it")).to_have_attribute("aria-invalid", "true")
    screenshot(page, "size-finder-desktop")


def test_finder_works_without_javascript(browser, finder_url, screenshot):
    context = browser.new_context(java_script_enabled=False, viewport=PHONE)
    page = context.new_page()
    try:
        page.goto(f"{finder_url}?system=us-women")
        expect(page.get_by_label("Size system")).to_have_value("us-women")
        page.get_by_label("A shoe you own").select_option("nike-dunk")
        page.get_by_label("Your size in it").fill("8.5")
        page.get_by_label("Wide", exact=True).check()
        page.get_by_role("button", name="Find my size").click()
        expect(page.locator("#finder-result [data-headline]")).to_have_text("US women's 9")
        expect(page).to_have_url(re.compile(r"width=wide"))
        expect(page.locator("#finder-result")).to_contain_text("Wide feet: go half a size up")
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        screenshot(page, "size-finder-phone-no-js")
    finally:
        context.close()


def test_page_has_no_console_errors_under_the_csp(browser, finder_url):
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    try:
        page.goto(f"{finder_url}?shoe=nike-dunk&size=10&system=us-men")
        page.get_by_label("Your size in it").fill("11")
        expect(page.locator("#finder-result [data-headline]")).to_have_text("US men's 11")
    finally:
        context.close()
    assert errors == []


# A common phone's screen, as readers hold it.
PHONE_390 = {"width": 390, "height": 844}


@pytest.mark.parametrize("javascript", [True, False])
def test_the_answer_is_on_a_phone_screen_after_find_my_size(browser, finder_url, javascript):
    context = browser.new_context(java_script_enabled=javascript, viewport=PHONE_390)
    page = context.new_page()
    try:
        page.goto(finder_url)
        page.get_by_label("A shoe you own").select_option("nike-air-force-1")
        page.get_by_label("Your size in it").fill("10")
        page.get_by_role("button", name="Find my size").click()
        headline = page.locator("#finder-result [data-headline]")
        expect(headline).to_have_text("US men's 10 or 10.5")
        expect(page).to_have_url(re.compile(r"shoe=nike-air-force-1&size=10"))
        # The page may scroll there smoothly: give it time to arrive (polled from here, as
        # a page without JavaScript runs no timers of its own).
        for _ in range(20):
            box = headline.bounding_box()
            if 0 <= box["y"] and box["y"] + box["height"] <= PHONE_390["height"]:
                break
            page.wait_for_timeout(150)
        assert 0 <= box["y"] and box["y"] + box["height"] <= PHONE_390["height"], box
        assert page.evaluate("window.scrollY") > 0  # the form is above it, scrolled past
    finally:
        context.close()
