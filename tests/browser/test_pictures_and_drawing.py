"""In a real Chromium: every article and colorway page shares a 1200×630 picture, and the
colorway form redraws the drawing as the editor assigns colours, under the site's CSP."""

import mimetypes
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from playwright.sync_api import expect

from blog import demo as blog_demo
from blog.models import Post
from colorways import demo as colorways_demo
from colorways.models import Colorway
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
# Runs before any page script and outside the page's CSP: records every violation.
RECORD_VIOLATIONS = """
window.cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`);
});
"""


def serve_media(context) -> None:
    """Uploads from the test's media folder, as the reverse proxy serves them."""
    media = Path(settings.MEDIA_ROOT).resolve()

    def handle(route):
        relative = route.request.url.split("/media/", 1)[1].split("?", 1)[0]
        path = (media / relative).resolve()
        if media not in path.parents or not path.is_file():
            route.fulfill(status=404, body="Not found")
            return
        kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        route.fulfill(status=200, body=path.read_bytes(), content_type=kind)

    context.route("**/media/**", handle)


def shared_picture_size(page, url: str) -> tuple[int, int]:
    """Open `url` and load its og:image as the browser decodes it: its size in pixels."""
    page.goto(url)
    image = page.locator('meta[property="og:image"]').get_attribute("content")
    assert image, f"{url} has no og:image"
    declared = (
        page.locator('meta[property="og:image:width"]').get_attribute("content"),
        page.locator('meta[property="og:image:height"]').get_attribute("content"),
    )
    assert declared == ("1200", "630"), url
    return tuple(
        page.evaluate(
            """async (src) => {
                const image = new Image();
                image.src = src;
                await image.decode();
                return [image.naturalWidth, image.naturalHeight];
            }""",
            image,
        )
    )


def test_every_article_and_colorway_page_shares_a_1200_by_630_picture(browser, live_server):
    colorways_demo.load()
    blog_demo.load()
    context = browser.new_context()
    serve_media(context)
    page = context.new_page()
    addresses = [post.get_absolute_url() for post in Post.objects.published()]
    addresses += [colorway.get_absolute_url() for colorway in Colorway.objects.all()]
    assert len(addresses) >= Colorway.objects.count() + 3
    for address in addresses:
        assert shared_picture_size(page, live_server.url + address) == (1200, 630), address
    context.close()


@pytest.fixture
def editor(browser, live_server):
    """A logged-in editor's page, recording CSP violations."""
    UserFactory(username="editor", is_staff=True, is_superuser=True)
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    page = context.new_page()
    page.add_init_script(RECORD_VIOLATIONS)
    page.goto(live_server.url + reverse("admin:login"))
    page.get_by_label("Username").fill("editor")
    page.get_by_label("Password").fill("correct horse battery")
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="Publish")).to_be_visible()
    yield page
    context.close()


def region(page, name: str):
    return page.locator(f'[data-drawing-picture] g[data-region="{name}"]')


def test_assigning_a_palette_colour_redraws_the_drawing_and_is_saved(editor, live_server):
    colorways_demo.load()
    colorway = Colorway.objects.get(slug="jjjjound-silver-black")
    palette = list(colorway.palette.all())
    page = editor
    page.goto(live_server.url + reverse("admin:colorways_colorway_change", args=[colorway.pk]))
    expect(page.locator("[data-drawing-editor][data-ready]")).to_be_attached()
    darkest = palette[-1]
    assert region(page, "laces").get_attribute("fill") != darkest.hex

    page.get_by_label("Laces").select_option(label=f"{len(palette)} · {darkest.name}")
    expect(region(page, "laces")).to_have_attribute("fill", darkest.hex)
    expect(page.locator('[data-drawing-swatch="drawing_regions_laces"] rect')).to_have_attribute(
        "fill", darkest.hex
    )

    # Changing a palette colour redraws the parts that take it.
    page.locator("#id_palette-0-hex").fill("#C8102E")
    expect(region(page, "mesh_base")).to_have_attribute("fill", "#C8102E")
    page.locator("#id_palette-0-hex").fill(palette[0].hex)
    expect(region(page, "mesh_base")).to_have_attribute("fill", palette[0].hex)

    # A colour added to the palette can be chosen at once.
    page.locator("#palette-group .add-row a").click()
    added = page.locator("#palette-group tr.form-row:not(.empty-form)").last
    added.locator('[name$="-name"]').fill("Volt")
    added.locator('[name$="-hex"]').fill("#CEFF00")
    added.locator('[name$="-order"]').fill("9")
    added.locator('[name$="-family"]').select_option("yellow")
    page.get_by_label("ASICS stripes").select_option(label=f"{len(palette) + 1} · Volt")
    expect(region(page, "stripes")).to_have_attribute("fill", "#CEFF00")

    page.get_by_role("button", name="Save", exact=True).first.click()
    expect(page.locator(".messagelist .success")).to_be_visible()
    colorway.refresh_from_db()
    assert colorway.drawing_regions == {"laces": len(palette) - 1, "stripes": len(palette)}
    assert page.evaluate("window.cspViolations") == []


def test_the_colorway_form_fits_a_phone(browser, live_server, client):
    colorways_demo.load()
    colorway = Colorway.objects.get(slug="jjjjound-silver-black")
    UserFactory(username="editor", is_staff=True, is_superuser=True)
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.goto(live_server.url + reverse("admin:login"))
    page.get_by_label("Username").fill("editor")
    page.get_by_label("Password").fill("correct horse battery")
    page.get_by_role("button", name="Log in").click()
    page.goto(live_server.url + reverse("admin:colorways_colorway_change", args=[colorway.pk]))
    expect(page.locator("#listings-group")).to_be_visible()
    for group in ("#listings-group", "#sources-group", "#palette-group"):
        box = page.locator(group).bounding_box()
        assert box["x"] + box["width"] <= 390, group
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    context.close()


def test_the_api_docs_fit_a_phone(browser, live_server):
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.goto(live_server.url + "/api/docs/")
    expect(page.get_by_text("/api/colorways/", exact=True).first).to_be_visible()
    assert page.evaluate("window.innerWidth") == 390
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    context.close()
