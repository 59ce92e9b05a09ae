"""A colorway's drawing served as an image: versioned address, safe markup, caching."""

import re
from http import HTTPStatus

import pytest

from colorways import illustration
from colorways.seo import drawing_fills
from tests.factories import ColorwayFactory, PaletteColourFactory

pytestmark = pytest.mark.django_db


def drawing_address(client, colorway) -> str:
    body = client.get("/colorways/").content.decode()
    return re.search(rf'src="(/colorways/{colorway.slug}/drawing\.svg\?v=[0-9a-f]+)"', body)[1]


@pytest.fixture
def colorway():
    colorway = ColorwayFactory(slug="silver-black", nickname="Silver & <Black>")
    PaletteColourFactory(colorway=colorway, hex="#F5F5F2", order=0)
    PaletteColourFactory(colorway=colorway, hex="#B8BCC4", order=1)
    return colorway


def test_the_drawing_is_an_svg_filled_from_the_palette(client, colorway):
    response = client.get(f"/colorways/{colorway.slug}/drawing.svg")
    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"] == "image/svg+xml"
    svg = response.content.decode()
    assert svg.startswith("<svg xmlns=")
    assert 'fill="#B8BCC4"' in svg
    assert "default-src 'none'" in response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"


def test_the_drawing_title_is_escaped(client, colorway):
    svg = client.get(f"/colorways/{colorway.slug}/drawing.svg").content.decode()
    assert "<title>Silver &amp; &lt;Black&gt;</title>" in svg
    assert "<Black>" not in svg and "<script" not in svg


def test_the_address_pages_link_to_is_kept_for_good(client, colorway):
    address = drawing_address(client, colorway)
    response = client.get(address)
    assert response.status_code == HTTPStatus.OK
    cache_control = response["Cache-Control"]
    assert "public" in cache_control and "immutable" in cache_control
    assert "max-age=31536000" in cache_control


def test_an_old_version_gets_the_current_drawing_cached_like_a_page(client, colorway):
    response = client.get(f"/colorways/{colorway.slug}/drawing.svg?v=000000000000")
    assert response.status_code == HTTPStatus.OK
    assert "immutable" not in response["Cache-Control"]
    assert "max-age=0" in response["Cache-Control"]


def test_a_new_palette_is_a_new_address(client, colorway):
    before = drawing_address(client, colorway)
    colorway.palette.filter(order=1).update(hex="#2F5DA8")
    colorway.save()  # an editor's save starts a new content generation
    after = drawing_address(client, colorway)
    assert before != after
    fills = drawing_fills(colorway)
    version = illustration.version(fills=fills, title=colorway.title)
    assert after.endswith(f"?v={version}")


def test_a_colorway_without_a_palette_still_has_a_drawing(client):
    colorway = ColorwayFactory()
    response = client.get(f"/colorways/{colorway.slug}/drawing.svg")
    assert response.status_code == HTTPStatus.OK
    assert "<svg" in response.content.decode()


@pytest.mark.parametrize("slug", ["no-such-pair", "upcoming", "a" * 200])
def test_an_unknown_slug_is_404(client, slug):
    assert client.get(f"/colorways/{slug}/drawing.svg").status_code == HTTPStatus.NOT_FOUND


def test_the_version_follows_fills_and_title():
    fills = illustration.default_fills(palette=["#F5F5F2", "#B8BCC4"])
    other = {**fills, "stripes": "#000000"}
    version = illustration.version(fills=fills, title="A")
    assert re.fullmatch(r"[0-9a-f]{12}", version)
    assert version == illustration.version(fills=dict(fills), title="A")
    assert version != illustration.version(fills=other, title="A")
    assert version != illustration.version(fills=fills, title="B")
