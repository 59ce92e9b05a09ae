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
    for fact in ("1201A457-101", "Men&#x27;s", "August 2022", "$180", "JJJJound", "Worldwide"):
        assert fact in body
    assert "Sources disagree on the style code" in body and "1201A922-100" in body
    assert 'href="/sizing/"' in body
    assert 'rel="nofollow noopener"' in body
    assert '<meta property="og:type" content="product">' in body
    (product,) = json_ld(body)
    assert product["@type"] == "Product"
    assert product["sku"] == "1201A457-101"
    assert product["releaseDate"] == "2022-08"
    assert "offers" not in product  # the JJJJound listing has no price
    assert "about four times its $180 retail price" in body  # 700 against 180


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
    assert "Resells for $300 to $500, typically around $400" in body
    assert "about twice its $180 retail price" in body
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
    assert ".webp 40w" in body and 'sizes="(min-width: 60rem) 38rem, 100vw"' in body
    (product,) = json_ld(body)
    assert product["image"][0].endswith(".png")  # its picture for sharing, from the photo


def facts_row(body: str, label: str) -> str:
    return re.search(rf'<th scope="row">{label}</th><td>(.*?)</td>', body, re.S)[1]


def test_a_disputed_fact_is_marked_beside_it_with_a_link_to_its_sources(client):
    colorway = ColorwayFactory(style_code="1201A457-101")
    SourceFactory(colorway=colorway, fact="style_code", claim="1201A457-101", url="")
    SourceFactory(
        colorway=colorway,
        fact="style_code",
        claim="1201A922-100",
        publication="A shop",
        url="https://shop.example/kayano",
    )
    SourceFactory(colorway=colorway, fact="price", claim="180 USD")
    body = client.get(colorway.get_absolute_url()).content.decode()
    marker = '<a class="dispute-marker" href="#sources-style-code">'
    assert marker in facts_row(body, "Style code")
    assert "dispute-marker" not in facts_row(body, "Retail price")
    assert body.count('class="dispute-marker"') == 1
    assert 'id="sources-style-code"' in body
    # No banner above the page: the marker comes after the picture and the title.
    assert body.index("<h1>") < body.index(marker)
    assert 'class="dispute"' not in body
    assert '<a href="https://shop.example/kayano" rel="nofollow noopener">A shop</a>' in body


@pytest.mark.parametrize("count", [0, 1])
def test_no_resale_chart_without_two_prices(client, count):
    colorway = ColorwayFactory()
    RetailPriceFactory(colorway=colorway, amount=Decimal("180"))
    ResaleObservationFactory.create_batch(
        count, colorway=colorway, price=Decimal("700"), observed_on=datetime.date(2024, 3, 5)
    )
    body = client.get(colorway.get_absolute_url()).content.decode()
    assert "<polyline" not in body and 'class="price-chart"' not in body
    section = body.split('id="resale-title"')[1].split("</section>")[0]
    if count:
        assert "Resold for $700" in section and "in March 2024" in section
        assert "about four times its $180 retail price" in section
    else:
        assert "No resale prices recorded yet." in section
    assert "observation" not in section


@pytest.mark.parametrize("with_photo", [False, True])
def test_the_colorway_page_opens_with_its_picture(client, with_photo):
    colorway = ColorwayFactory()
    PaletteColourFactory(colorway=colorway, hex="#B8BCC4", name="metallic silver")
    if with_photo:
        ColorwayImageFactory(colorway=colorway, alt="Side view")
    body = client.get(colorway.get_absolute_url()).content.decode()
    main = body.split('<main id="main"')[1]
    first_image = re.search(r"<img [^>]*>", main)[0]
    assert main.index(first_image) < main.index("<h1>")
    assert 'loading="eager"' in first_image
    if with_photo:
        assert 'alt="Side view"' in first_image
    else:
        assert f'src="/colorways/{colorway.slug}/drawing.svg?v=' in first_image
        assert "Metallic silver" in first_image  # the alt text names its colours
    assert "#B8BCC4" not in main.split("<svg")[0]  # no hex code as a label


def test_the_trail_shown_is_the_one_given_to_search_engines(client):
    colorway = ColorwayFactory()
    body = client.get(colorway.get_absolute_url()).content.decode()
    blocks = re.findall(r'<script type="application/ld\+json"[^>]*>(.*?)</script>', body, re.S)
    (trail,) = [json.loads(b) for b in blocks if json.loads(b)["@type"] == "BreadcrumbList"]
    nav = re.search(r'<nav class="breadcrumbs" aria-label="Breadcrumb">(.*?)</nav>', body, re.S)[1]
    shown = re.findall(r'<a href="([^"]+)">([^<]+)</a>', nav)
    given = [(item["item"], item["name"]) for item in trail["itemListElement"]]
    assert shown == given


def test_text_is_written_for_readers(client):
    colorway = ColorwayFactory(collaborator=None)
    ResaleObservationFactory(colorway=colorway)
    body = client.get(colorway.get_absolute_url()).content.decode()
    for plumbing in ("None: a general release", "across 1 observation", "(unverified)"):
        assert plumbing not in body
    assert "General release" in body
