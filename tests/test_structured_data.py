"""Structured data and link previews as search engines and chat apps read them (extruct),
against the properties Google Search Central requires and recommends for each type."""

import datetime
from decimal import Decimal
from http import HTTPStatus
from urllib.parse import urlsplit

import extruct
import pytest
from django.contrib.staticfiles import finders
from django.core.files.storage import default_storage
from django.utils import timezone
from PIL import Image

from tests.factories import (
    ColorwayFactory,
    ColorwayImageFactory,
    FAQFactory,
    ListingFactory,
    PaletteColourFactory,
    PostFactory,
)
from tests.images import image_bytes

pytestmark = pytest.mark.django_db
BASE = "http://testserver"


def read(client, url: str) -> dict:
    response = client.get(url)
    assert response.status_code == HTTPStatus.OK, url
    data = extruct.extract(
        response.content.decode(), base_url=BASE + url, syntaxes=["json-ld", "opengraph"]
    )
    by_type = {}
    for item in data["json-ld"]:
        by_type.setdefault(item["@type"], []).append(item)
    properties = dict(data["opengraph"][0]["properties"]) if data["opengraph"] else {}
    html = response.content.decode()
    return {"types": by_type, "og": properties, "html": html}


def assert_resolves(client, address: str) -> None:
    """A page address answers 200; a picture exists where it says, as a file."""
    parts = urlsplit(address)
    assert parts.scheme == "http" and parts.netloc == "testserver", address
    if parts.path.startswith("/media/"):
        assert default_storage.exists(parts.path.removeprefix("/media/")), address
    elif parts.path.startswith("/static/"):
        assert finders.find(parts.path.removeprefix("/static/")), address
    else:
        assert client.get(parts.path).status_code == HTTPStatus.OK, address


def picture_size(address: str) -> tuple[int, int]:
    with default_storage.open(urlsplit(address).path.removeprefix("/media/")) as file:
        return Image.open(file).size


def assert_breadcrumbs(client, data: dict, names: list[str]) -> None:
    (trail,) = data["types"]["BreadcrumbList"]
    items = trail["itemListElement"]
    assert [item["name"] for item in items] == names
    assert [item["position"] for item in items] == list(range(1, len(names) + 1))
    for item in items:
        assert_resolves(client, item["item"])


def test_an_article_describes_itself_with_its_picture_author_and_publisher(client):
    post = PostFactory(title="The Kayano 14, from 2008 to now", hero_image="")
    FAQFactory(post=post, question="Is it a running shoe?", answer="Not any more.")
    data = read(client, post.get_absolute_url())
    (article,) = data["types"]["Article"]
    for required in ("headline", "image", "datePublished", "dateModified", "author", "publisher"):
        assert article[required], required
    assert article["headline"] == post.title
    assert article["author"]["name"] == post.author.name
    assert_resolves(client, article["author"]["url"])
    assert_resolves(client, article["publisher"]["logo"]["url"])
    (image,) = article["image"]
    assert_resolves(client, image)
    assert picture_size(image) == (1200, 630)
    (faq,) = data["types"]["FAQPage"]
    assert faq["mainEntity"][0]["acceptedAnswer"]["text"] == "Not any more."
    assert_breadcrumbs(client, data, ["Blog", post.category.name])
    # link previews take the same picture, title and description
    assert data["og"]["og:image"] == image
    assert data["og"]["og:title"] == article["headline"]
    assert f'<meta name="twitter:image" content="{image}">' in data["html"]
    assert f'<meta name="twitter:title" content="{post.page_title}">' in data["html"]


def test_an_article_with_a_hero_shares_the_hero_cropped_to_1200_by_630(client):
    post = PostFactory(hero_image=image_bytes_file(2000, 1500), hero_alt="The pair on a bench")
    data = read(client, post.get_absolute_url())
    (article,) = data["types"]["Article"]
    assert picture_size(article["image"][0]) == (1200, 630)
    assert data["og"]["og:image:alt"] == "The pair on a bench"


def test_an_article_never_edited_keeps_its_publish_date_as_modified_date(client):
    post = PostFactory(publish_at=timezone.now() - datetime.timedelta(days=400))
    (article,) = read(client, post.get_absolute_url())["types"]["Article"]
    assert article["dateModified"] == article["datePublished"] == post.publish_at.isoformat()


def test_a_retitled_article_gets_a_new_title_card(client):
    post = PostFactory(title="First title", hero_image="")
    (before,) = read(client, post.get_absolute_url())["types"]["Article"]
    post.title = "Second title"
    post.save()
    (after,) = read(client, post.get_absolute_url())["types"]["Article"]
    assert before["image"] != after["image"]
    assert_resolves(client, after["image"][0])
    assert not default_storage.exists(urlsplit(before["image"][0]).path.removeprefix("/media/"))


def image_bytes_file(width: int, height: int):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("hero.jpg", image_bytes("JPEG", size=(width, height)))


def test_a_colorway_is_a_product_with_its_picture_and_an_offer_per_listing(client):
    colorway = ColorwayFactory(style_code="1201A457-101")
    PaletteColourFactory(colorway=colorway, hex="#C0C0C0")
    ListingFactory(colorway=colorway, price=Decimal("180"), currency="USD", availability="in_stock")
    data = read(client, colorway.get_absolute_url())
    (product,) = data["types"]["Product"]
    assert product["name"] and product["brand"]["name"] == "Asics"
    assert product["sku"] == "1201A457-101"
    (image,) = product["image"]
    assert_resolves(client, image)
    assert picture_size(image) == (1200, 630)
    offer = product["offers"]
    assert offer["@type"] == "Offer"
    assert (offer["price"], offer["priceCurrency"]) == ("180.00", "USD")
    assert offer["availability"] == "https://schema.org/InStock"
    assert_breadcrumbs(client, data, ["Colorways", colorway.collaborator.name])
    assert data["og"]["og:image"] == image


def test_several_listings_are_one_aggregate_offer_in_the_catalogue_currency(client):
    colorway = ColorwayFactory()
    for price, availability in (("180", "sold_out"), ("240", "in_stock"), ("210", "sold_out")):
        ListingFactory(
            colorway=colorway, price=Decimal(price), currency="USD", availability=availability
        )
    ListingFactory(colorway=colorway, price=Decimal("99"), currency="JPY", availability="in_stock")
    (product,) = read(client, colorway.get_absolute_url())["types"]["Product"]
    offer = product["offers"]
    assert offer["@type"] == "AggregateOffer"
    assert (offer["lowPrice"], offer["highPrice"]) == ("180.00", "240.00")
    assert (offer["priceCurrency"], offer["offerCount"]) == ("USD", 3)
    assert offer["availability"] == "https://schema.org/InStock"


def test_a_colorway_without_a_priced_listing_has_no_offers(client):
    colorway = ColorwayFactory()
    ListingFactory(colorway=colorway, price=None, currency="", availability="sold_out")
    (product,) = read(client, colorway.get_absolute_url())["types"]["Product"]
    assert "offers" not in product


def test_a_colorway_with_a_photo_shares_it_with_its_name_and_date(client):
    image = ColorwayImageFactory()
    data = read(client, image.colorway.get_absolute_url())
    (product,) = data["types"]["Product"]
    assert picture_size(product["image"][0]) == (1200, 630)
    assert "photo" not in product["image"][0]  # the file is named by the colorway, not the input
    assert product["releaseDate"] == image.colorway.release_iso


def test_structured_data_cannot_be_broken_out_of(client):
    colorway = ColorwayFactory(name="</script><script>alert(1)</script>")
    body = client.get(colorway.get_absolute_url()).content.decode()
    assert "<script>alert(1)" not in body
    (product,) = read(client, colorway.get_absolute_url())["types"]["Product"]
    assert product["color"] == "</script><script>alert(1)</script>"


def test_a_picture_that_cannot_be_read_falls_back_to_a_drawn_card(client):
    image = ColorwayImageFactory()
    default_storage.delete(image.image.name)
    post = PostFactory(hero_image=image_bytes_file(1600, 900), hero_alt="A pair")
    default_storage.delete(post.hero_image.name)
    for url in (image.colorway.get_absolute_url(), post.get_absolute_url()):
        data = read(client, url)
        assert picture_size(data["og"]["og:image"]) == (1200, 630)


def test_the_home_page_describes_the_site_and_its_publisher_with_a_logo(client):
    data = read(client, "/")
    (site,) = data["types"]["WebSite"]
    assert site["name"] == "Kayano 14 Hub"
    assert_resolves(client, site["url"])
    (organization,) = data["types"]["Organization"]
    assert organization["name"] == "Kayano 14 Hub"
    assert_resolves(client, organization["logo"]["url"])
    assert data["og"]["og:url"] == BASE + "/"


def test_the_catalogue_lists_the_colorways_it_shows_in_their_order(client):
    first = ColorwayFactory(name="Cream Black", release_date=datetime.date(2024, 1, 1))
    second = ColorwayFactory(name="Silver Green", release_date=datetime.date(2023, 1, 1))
    data = read(client, "/colorways/?sort=newest")
    (page,) = data["types"]["CollectionPage"]
    assert page["url"] == BASE + "/colorways/"
    items = page["mainEntity"]["itemListElement"]
    assert [item["url"] for item in items] == [
        BASE + first.get_absolute_url(),
        BASE + second.get_absolute_url(),
    ]
    assert [item["position"] for item in items] == [1, 2]
    for item in items:
        assert_resolves(client, item["url"])
    assert data["og"]["og:title"] == "Gel-Kayano 14 colorways and collaborations"


def test_a_collaborator_page_lists_its_colorways_below_a_trail_that_resolves(client):
    colorway = ColorwayFactory()
    collaborator = colorway.collaborator
    data = read(client, collaborator.get_absolute_url())
    (page,) = data["types"]["CollectionPage"]
    assert page["name"] == f"{collaborator.name} × Asics Gel-Kayano 14"
    assert [item["url"] for item in page["mainEntity"]["itemListElement"]] == [
        BASE + colorway.get_absolute_url()
    ]
    assert_breadcrumbs(client, data, ["Colorways", "Collaborators"])
    assert data["og"]["og:url"] == BASE + collaborator.get_absolute_url()


def test_the_size_finder_answers_its_questions_for_search_engines(client):
    data = read(client, "/sizing/")
    (faq,) = data["types"]["FAQPage"]
    assert faq["mainEntity"]
    for question in faq["mainEntity"]:
        assert question["name"] and question["acceptedAnswer"]["text"]
    assert data["og"]["og:title"] == "Asics Gel-Kayano 14 size finder"


@pytest.mark.parametrize(
    ("url", "title"),
    [
        ("/blog/", "Articles about the Gel-Kayano 14"),
        ("/colorways/upcoming/", "Upcoming Gel-Kayano 14 releases"),
        ("/colorways/timeline/", "The Gel-Kayano 14 timeline"),
    ],
)
def test_every_listing_page_gives_link_previews_its_own_title_and_address(client, url, title):
    data = read(client, url)
    assert data["og"]["og:title"] == title
    assert data["og"]["og:url"] == BASE + url
    assert f'<meta name="twitter:title" content="{title}">' in data["html"]
