"""The catalogue as a reader on a phone sees it, in a real Chromium under the site's CSP."""

import pytest
from playwright.sync_api import expect

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
    # The panel stays closed over the results, and says a filter is on.
    expect(page.locator(".filters summary")).to_contain_text("1 on")
    page.get_by_text("Filter and sort").click()
    assert "Kith (2)" in page.get_by_label("Collaborator").inner_text()
    context.close()


def test_editor_sees_the_bad_row_of_a_csv_before_anything_is_saved(
    browser, live_server, client, screenshot, tmp_path
):
    from django.conf import settings

    from colorways.models import Colorway
    from tests.factories import UserFactory

    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
    upload = tmp_path / "colorways.csv"
    upload.write_text(
        "slug,name,style_code,release_date,release_precision\n"
        "good-pair,White/Blue,1201A111-201,2025-06-01,month\n"
        "bad-pair,White/Navy,1201A111201,2025-06-01,month\n"
    )
    page = context.new_page()
    page.goto(live_server.url + "/admin/colorways/colorway/import/")
    page.set_input_files("input[name=import_file]", str(upload))
    page.get_by_role("button", name="Check the file").click()
    expect(page.locator("[data-import-problems]")).to_contain_text(
        "Row 2: style code “1201A111201”: use the Asics pattern"
    )
    screenshot(page, "admin-colorway-import-errors")
    assert Colorway.objects.count() == 0
    context.close()


@pytest.mark.parametrize(
    "path", ["/colorways/", "/colorways/upcoming/", "/colorways/collaborators/jjjjound/"]
)
def test_every_card_shows_a_loaded_picture(browser, live_server, path):
    demo.load()
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    page = context.new_page()
    page.goto(live_server.url + path)
    cards = page.locator(".colorway-card")
    assert cards.count() > 0
    for index in range(cards.count()):
        picture = cards.nth(index).locator("img")
        picture.scroll_into_view_if_needed()
        expect(picture).to_have_js_property("complete", True)
        assert picture.evaluate("img => img.naturalWidth") > 0, index
    context.close()


def test_the_colorway_page_shows_its_picture_on_the_first_screen(browser, live_server):
    demo.load()
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    page = context.new_page()
    page.goto(live_server.url + "/colorways/jjjjound-silver-black/")
    picture = page.locator(".colorway-hero img")
    expect(picture).to_have_js_property("complete", True)
    assert picture.evaluate("img => img.naturalWidth") > 0
    for thing in (
        picture,
        page.locator("h1"),
        page.locator(".key-facts"),
        page.locator("#buy-title"),
    ):
        box = thing.bounding_box()
        assert box["y"] + box["height"] <= 900, thing
    context.close()


CUT_OFF_OPTIONS = """select => {
    const style = getComputedStyle(select);
    const context = document.createElement("canvas").getContext("2d");
    context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    const room = select.clientWidth - parseFloat(style.paddingLeft)
        - parseFloat(style.paddingRight) - 16;
    return [...select.options].map(o => o.text).filter(t => context.measureText(t).width > room);
}"""


@pytest.mark.parametrize("viewport", [PHONE, {"width": 1366, "height": 900}])
def test_no_filter_or_sort_label_is_cut_off(browser, live_server, viewport):
    demo.load()
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    page.goto(live_server.url + "/colorways/")
    if viewport is PHONE:
        page.get_by_text("Filter and sort").click()
    for select in page.locator(".filters select").all():
        assert select.evaluate(CUT_OFF_OPTIONS) == [], select.get_attribute("name")
    context.close()
