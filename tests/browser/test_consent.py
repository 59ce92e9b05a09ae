"""The cookie banner in a real browser: consent before any optional cookie or script."""

import re
import time

import pytest
from cookie_consent.models import CookieGroup
from django.urls import reverse

from tests.browser.conftest import PHONE
from tests.factories import CookieFactory

pytestmark = pytest.mark.django_db(transaction=True)
ANALYTICS_URLS = re.compile(r"/static/js/measure\.js|/cookies/measure/")
OPTIONAL_COOKIES = {"k14_analytics"}
BANNER = "#consent-banner"


@pytest.fixture
def site(live_server, cookie_groups):
    return live_server.url


def watch_analytics(page):
    """The analytics requests the page makes from now on, and its CSP complaints."""
    seen = {"requests": [], "csp": []}
    page.on(
        "request", lambda r: seen["requests"].append(r.url) if ANALYTICS_URLS.search(r.url) else 0
    )
    page.on(
        "console",
        lambda m: seen["csp"].append(m.text) if "Content Security Policy" in m.text else 0,
    )
    return seen


def announced(page, text):
    """Wait until the screen-reader announcement region says `text`."""
    page.locator("#consent-announcer", has_text=text).wait_for(state="attached")


def cookie_names(page):
    return {cookie["name"] for cookie in page.context.cookies()}


def test_banner_on_first_visit_offers_three_equal_choices_and_nothing_optional(page, site):
    seen = watch_analytics(page)
    page.goto(site + "/")
    banner = page.get_by_role("region", name="Cookies on Kayano 14 Hub")
    assert banner.is_visible()
    choices = [
        banner.get_by_role(role, name=name)
        for role, name in (("button", "Accept all"), ("button", "Reject all"), ("link", "Choose"))
    ]
    boxes = [choice.bounding_box() for choice in choices]
    assert len({(round(b["width"]), round(b["height"])) for b in boxes}) == 1
    styles = [
        choice.evaluate(
            "e => { const s = getComputedStyle(e); return [s.backgroundColor, s.color, "
            "s.fontSize, s.fontWeight, s.borderTopWidth, s.borderTopColor].join() }"
        )
        for choice in choices
    ]
    assert len(set(styles)) == 1
    page.wait_for_load_state("networkidle")
    assert seen["requests"] == []
    assert not cookie_names(page) & OPTIONAL_COOKIES
    # No cookie wall: the site can be used without answering.
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Blog").click()
    page.wait_for_url(site + "/blog/")
    assert page.locator(BANNER).is_visible()


def test_reject_all_leaves_no_optional_cookie_and_no_analytics_request(page, site):
    seen = watch_analytics(page)
    page.goto(site + "/")
    page.get_by_role("button", name="Reject all").click()
    page.locator(BANNER).wait_for(state="hidden")
    announced(page, "Analytics: off")
    page.goto(site + "/blog/")
    page.wait_for_load_state("networkidle")
    assert not page.locator(BANNER).is_visible()
    assert seen["requests"] == []
    assert seen["csp"] == []
    assert not cookie_names(page) & OPTIONAL_COOKIES
    cookies = {cookie["name"]: cookie for cookie in page.context.cookies()}
    consent = cookies["cookie_consent"]
    assert consent["httpOnly"] is True
    assert consent["sameSite"] == "Lax"
    assert abs(consent["expires"] - (time.time() + 183 * 86400)) < 3600
    assert cookies["consent_state"]["httpOnly"] is False
    assert cookies["consent_visitor"]["httpOnly"] is True


def test_accept_all_loads_analytics_without_reloading_the_page(page, site):
    seen = watch_analytics(page)
    page.goto(site + "/")
    page.evaluate("window.samePage = true")
    with page.expect_request(lambda r: r.url.endswith("/cookies/measure/")) as beacon:
        page.get_by_role("button", name="Accept all").click()
    assert beacon.value.method == "POST"
    assert page.evaluate("window.samePage") is True
    assert "k14_analytics" in cookie_names(page)
    assert seen["csp"] == []
    page.goto(site + "/blog/")
    page.wait_for_load_state("networkidle")
    assert sum("/cookies/measure/" in url for url in seen["requests"]) == 2


def test_a_new_cookie_in_the_list_asks_again_and_stops_analytics(page, site):
    page.goto(site + "/")
    with page.expect_request(lambda r: r.url.endswith("/cookies/measure/")):
        page.get_by_role("button", name="Accept all").click()
    CookieFactory(cookiegroup=CookieGroup.objects.get(varname="analytics"), name="k14_new")
    seen = watch_analytics(page)
    page.reload()
    page.wait_for_load_state("networkidle")
    assert page.locator(BANNER).is_visible()
    assert seen["requests"] == []
    assert "k14_analytics" not in cookie_names(page)


def test_a_configured_provider_is_fetched_only_after_consent(page, site, settings):
    provider = "https://stats.example.org/js/script.js"
    settings.ANALYTICS_SCRIPT_URL = provider
    settings.ANALYTICS_SITE_ID = "kayano14hub.example"
    settings.SECURE_CSP = {
        **settings.SECURE_CSP,
        "script-src": [*settings.SECURE_CSP["script-src"], "https://stats.example.org"],
    }
    fetched = []
    page.route(
        "https://stats.example.org/**",
        lambda route: (
            fetched.append(route.request.url),
            route.fulfill(body="window.providerRan = true;", content_type="text/javascript"),
        ),
    )
    page.goto(site + "/")
    page.wait_for_load_state("networkidle")
    assert fetched == []
    page.get_by_role("button", name="Reject all").click()
    page.locator(BANNER).wait_for(state="hidden")
    page.goto(site + "/cookies/")
    with page.expect_response(provider):
        page.get_by_role("button", name="Accept all").click()
    assert fetched == [provider]
    page.locator(f'script[src="{provider}"]').wait_for(state="attached")
    page.wait_for_load_state("networkidle")
    assert page.evaluate("window.providerRan") is True
    script = page.locator(f'script[src="{provider}"]')
    assert script.get_attribute("data-domain") == "kayano14hub.example"


def test_withdrawal_on_the_settings_page_deletes_the_optional_cookies(page, site):
    page.goto(site + "/")
    with page.expect_request(lambda r: r.url.endswith("/cookies/measure/")):
        page.get_by_role("button", name="Accept all").click()
    assert "k14_analytics" in cookie_names(page)
    page.get_by_role("contentinfo").get_by_role("link", name="Cookie settings").click()
    box = page.get_by_label("Allow analytics cookies")
    assert box.is_checked()
    box.uncheck()
    page.get_by_role("button", name="Save my choices").click()
    page.get_by_text("Analytics: off", exact=False).first.wait_for()
    assert "k14_analytics" not in cookie_names(page)
    seen = watch_analytics(page)
    page.goto(site + "/")
    page.wait_for_load_state("networkidle")
    assert seen["requests"] == []
    assert not page.locator(BANNER).is_visible()


def test_banner_works_with_javascript_off(new_page, site):
    page = new_page(java_script_enabled=False)
    page.goto(site + "/blog/")
    assert page.locator(BANNER).is_visible()
    page.get_by_role("button", name="Reject all").click()
    assert page.url == site + "/blog/"
    assert "Your cookie choices are saved" in page.locator(".messages").text_content()
    assert not page.locator(BANNER).is_visible()
    assert "cookie_consent" in cookie_names(page)
    page.goto(site + reverse("consent:settings"))
    page.get_by_label("Allow analytics cookies").check()
    page.get_by_role("button", name="Save my choices").click()
    assert page.get_by_label("Allow analytics cookies").is_checked()
    assert not cookie_names(page) & OPTIONAL_COOKIES


def test_banner_is_keyboard_operable_without_trapping_focus(page, site):
    page.goto(site + "/")

    def tab():
        page.keyboard.press("Tab")
        # What the focused element says: its text, or the alt text of its picture (the wordmark).
        return page.evaluate(
            "(e => e.innerText.trim() || (e.querySelector('img') || {}).alt || '')"
            "(document.activeElement)"
        ).replace("\xa0", " ")

    assert tab() == "Skip to content"
    assert tab() == "Read the cookie policy"
    assert [tab(), tab(), tab()] == ["Accept all", "Reject all", "Choose"]
    assert tab() == "Kayano 14 Hub"
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Enter")
    page.locator(BANNER).wait_for(state="hidden")
    assert page.evaluate("document.activeElement.id") == "main"
    announced(page, "saved")
    assert "cookie_consent" in cookie_names(page)


def test_a_cached_page_never_decides_the_banner_for_another_visitor(new_page, site):
    decided = new_page()
    decided.goto(site + "/")
    decided.get_by_role("button", name="Reject all").click()
    decided.locator(BANNER).wait_for(state="hidden")
    cached_for_decided = decided.context.request.get(site + "/")
    assert "consent-banner-decided" in cached_for_decided.text()

    newcomer = new_page(viewport=PHONE)
    cached_for_newcomer = newcomer.context.request.get(site + "/")
    assert "consent-banner-decided" not in cached_for_newcomer.text()

    serve_from_cache(newcomer, cached_for_decided)
    newcomer.goto(site + "/")
    assert newcomer.locator(BANNER).is_visible()

    serve_from_cache(decided, cached_for_newcomer)
    decided.goto(site + "/")
    assert not decided.locator(BANNER).is_visible()


def serve_from_cache(page, cached):
    """Answer the stored response's address from it, as a full-page cache would."""
    headers = {k: v for k, v in cached.headers.items() if k.lower() != "set-cookie"}
    page.route(
        cached.url, lambda route: route.fulfill(status=200, body=cached.body(), headers=headers)
    )


def test_the_page_script_deletes_optional_cookies_even_from_a_cached_page(new_page, site):
    page = new_page()
    cached = page.context.request.get(site + "/")
    page.context.add_cookies([{"name": "k14_analytics", "value": "old", "url": site}])
    serve_from_cache(page, cached)
    page.goto(site + "/")
    page.wait_for_load_state("networkidle")
    assert "k14_analytics" not in cookie_names(page)
