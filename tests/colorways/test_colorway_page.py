import datetime
import json
import re
from decimal import Decimal
from http import HTTPStatus

import pytest

from colorways import demo
from colorways.models import Colorway
from tests.factories import (
    ColorwayFactory,
    ColorwayImageFactory,
    ListingFactory,
    PaletteColourFactory,
    PostFactory,
    ResaleObservationFactory,
    RetailPriceFactory,
    SourceFactory,
)

pytestmark = pytest.mark.django_db


def json_ld(body: str) -> list[dict]:
    """The page's structured data but its trail (BreadcrumbList, see test_structured_data)."""
    blocks = re.findall(r'<script type="application/ld\+json"[^>]*>(.*?)</script>', body, re.S)
    found = [json.loads(block) for block in blocks]
    return [data for data in found if data["@type"] != "BreadcrumbList"]


def test_colorway_page_shows_the_facts_dispute_and_product_data(client):
    demo.load()
    colorway = Colorway.objects.get(style_code="1201A457-101")
    response = client.get(colorway.get_absolute_url())
    assert response.status_code == HTTPStatus.OK
    body = response.content.decode()
    for fact in ("1201A457-101", "Men&#x27;s", "August 2022", "180 USD", "JJJJound", "Worldwide"):
        assert fact in body
    assert "Sources disagree" in body and "1201A922-100" in body
    assert 'href="/sizing/"' in body
    assert 'rel="nofollow noopener"' in body
    assert '<meta property="og:type" content="product">' in body
    (product,) = json_ld(body)
    assert product["@type"] == "Product"
    assert product["sku"] == "1201A457-101"
    assert product["releaseDate"] == "2022-08"
    assert "offers" not in product  # the JJJJound listing has no price
    assert "289% over retail" in body  # 700 against 180


def test_offers_come_from_listings_with_a_price(client):
    colorway = ColorwayFactory()
    ListingFactory(colorway=colorway, price=Decimal("199.00"), availability="in_stock")
    ListingFactory(colorway=colorway, price=None, currency="", availability="sold_out")
    (product,) = json_ld(client.get(colorway.get_absolute_url()).content.decode())
    offer = product["offers"]
    assert (offer["@type"], offer["price"], offer["priceCurrency"]) == ("Offer", "199.00", "USD")
    assert offer["availability"] == "https://schema.org/InStock"


def test_json_ld_cannot_be_broken_out_of_by_a_colorway_name(client):
    colorway = ColorwayFactory(name="</script><script>alert(1)</script>")
    body = client.get(colorway.get_absolute_url()).content.decode()
    assert "<script>alert(1)" not in body
    (product,) = json_ld(body)
    assert product["color"] == "</script><script>alert(1)</script>"


@pytest.mark.parametrize(
    ("code", "link"),
    [("1202A019-100", "/sizing/?system=us-women"), ("1201A019-100", "/sizing/"), ("", "/sizing/")],
)
def test_find_your_size_link_follows_the_cut(client, code, link):
    colorway = ColorwayFactory(style_code=code)
    body = client.get(colorway.get_absolute_url()).content.decode()
    assert f'href="{link}"' in body


def test_resale_chart_is_an_inline_svg_with_one_point_per_observation(client):
    colorway = ColorwayFactory()
    RetailPriceFactory(colorway=colorway, amount=Decimal("180"))
    for day, price in [(1, "300"), (2, "500"), (3, "400")]:
        ResaleObservationFactory(
            colorway=colorway, observed_on=datetime.date(2024, 1, day), price=Decimal(price)
        )
    body = client.get(colorway.get_absolute_url()).content.decode()
    assert body.count('class="chart-point"') == 3
    assert "<polyline" in body and 'class="chart-retail"' in body
    assert "Between 300 and 500 USD" in body
    assert "122% over retail" in body
    assert "style=" not in body


def test_articles_that_embed_the_colorway_are_listed(client):
    colorway = ColorwayFactory(style_code="1201A457-101", slug="jjjjound-silver")
    PostFactory(title="By code", body="[[colorway:1201A457-101]]")
    PostFactory(title="By slug", body="Look: [[colorway:jjjjound-silver]]")
    PostFactory(title="Draft", body="[[colorway:1201A457-101]]", status="draft")
    PostFactory(title="Unrelated", body="Nothing here.")
    body = client.get(colorway.get_absolute_url()).content.decode()
    section = body.split('id="posts-title"')[1].split("</section>")[0]
    assert re.findall(r'<a href="/blog/[^"]+/">([^<]+)</a>', section) == ["By slug", "By code"]


def test_unknown_colorway_is_404(client):
    assert client.get("/colorways/no-such-pair/").status_code == HTTPStatus.NOT_FOUND


def add_children(colorway, n):
    PaletteColourFactory.create_batch(n, colorway=colorway)
    ColorwayImageFactory.create_batch(n, colorway=colorway)
    RetailPriceFactory(colorway=colorway)
    ListingFactory.create_batch(n, colorway=colorway)
    ResaleObservationFactory.create_batch(n, colorway=colorway)
    SourceFactory.create_batch(n, colorway=colorway)
    PostFactory.create_batch(n, body=f"[[colorway:{colorway.slug}]]")


@pytest.mark.parametrize("size", [1, 5])
def test_colorway_page_makes_a_fixed_number_of_queries(
    client, settings, start_generation, django_assert_num_queries, size
):
    settings.PAGE_CACHE_SECONDS = 0
    colorway = ColorwayFactory()
    add_children(colorway, size)
    # colorway with collaborator, 6 prefetches, mentioning posts
    start_generation()
    with django_assert_num_queries(8):
        response = client.get(colorway.get_absolute_url())
    assert response.status_code == HTTPStatus.OK


def test_gallery_serves_webp_renditions_with_alt_text_and_product_images(client):
    image = ColorwayImageFactory(alt="Side view, silver overlays")
    body = client.get(image.colorway.get_absolute_url()).content.decode()
    assert 'alt="Side view, silver overlays"' in body
    # The factory's picture is 40 px wide: one file, labelled with its own width.
    assert ".webp 40w" in body and 'sizes="(min-width: 48rem) 34rem, 100vw"' in body
    (product,) = json_ld(body)
    assert product["image"][0].endswith(".png")  # its picture for sharing, from the photo
