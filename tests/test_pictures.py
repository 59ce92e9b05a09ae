"""Pictures offer each rendition by its real width, never a width the file does not have,
and leave out renditions that would only repeat a narrower one."""

import uuid
from http import HTTPStatus

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from lxml import html as lxml_html
from PIL import Image

from blog.models import Post
from imaging.renditions import QUALITY, offered_widths
from tests.factories import ColorwayFactory, ColorwayImageFactory, PostFactory
from tests.images import image_bytes, upload
from tests.test_blog_admin import ADD_URL, post_form

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("source_width", "offered"),
    [
        (2400, {480: 480, 960: 960, 1600: 1600}),
        (1600, {480: 480, 960: 960, 1600: 1600}),
        (1200, {480: 480, 960: 960, 1200: 1600}),
        (960, {480: 480, 960: 960}),
        (800, {480: 480, 800: 960}),
        (480, {480: 480}),
        (300, {300: 480}),
        (None, {480: 480, 960: 960, 1600: 1600}),
    ],
)
def test_each_real_width_is_offered_once_from_the_narrowest_rendition(source_width, offered):
    assert offered_widths(widths=(1600, 480, 960), source_width=source_width) == offered


def pictures(page: str, css_class: str) -> list[dict]:
    """Each <img> of `css_class`: its src and its srcset as {width: address}."""
    found = []
    for img in lxml_html.fromstring(page).find_class(css_class):
        srcset = {}
        for entry in img.get("srcset").split(","):
            url, width = entry.split()
            srcset[int(width.removesuffix("w"))] = url
        found.append({"src": img.get("src"), "srcset": srcset, "width": img.get("width")})
    return found


def unique_name() -> str:
    """A file name of its own: imagekit remembers which renditions it has made by name,
    across tests whose media folders differ."""
    return f"{uuid.uuid4().hex}.png"


def real_width(url: str) -> int:
    """The width in pixels of the media file at `url`."""
    with Image.open(settings.MEDIA_ROOT / url.removeprefix(settings.MEDIA_URL)) as image:
        return image.width


def assert_labelled_by_real_widths(picture: dict, widths: list[int]) -> None:
    assert list(picture["srcset"]) == widths
    assert {real_width(url) for url in picture["srcset"].values()} == set(widths)
    for width, url in picture["srcset"].items():
        assert real_width(url) == width
    assert len(set(picture["srcset"].values())) == len(widths)


SIZES = [
    ((2400, 1200), [480, 960, 1600], 960),
    ((1200, 900), [480, 960, 1200], 960),
    ((800, 600), [480, 800], 800),
    ((480, 320), [480], 480),
    ((300, 200), [300], 300),
]


@pytest.mark.parametrize(("size", "widths", "src_width"), SIZES)
def test_a_colorway_picture_offers_its_files_by_their_real_widths(client, size, widths, src_width):
    image = ColorwayImageFactory(
        image__width=size[0], image__height=size[1], image__filename=unique_name()
    )
    page = client.get(image.colorway.get_absolute_url()).text
    (picture,) = pictures(page, "hero-picture")
    assert_labelled_by_real_widths(picture, widths)
    assert real_width(picture["src"]) == src_width
    assert picture["width"] == str(size[0])


def test_a_colorway_card_offers_the_same_files(client):
    colorway = ColorwayFactory()
    ColorwayImageFactory(
        colorway=colorway, image__width=800, image__height=600, image__filename=unique_name()
    )
    page = client.get("/colorways/").text
    (picture,) = pictures(page, "colorway-img")
    assert_labelled_by_real_widths(picture, [480, 800])


@pytest.mark.parametrize(("size", "widths", "src_width"), SIZES)
def test_an_uploaded_hero_image_is_offered_by_its_real_widths(
    staff_client, client, size, widths, src_width
):
    data = post_form(
        hero_image=upload("hero.png", image_bytes("PNG", size=size)), hero_alt="A pair"
    )
    assert staff_client.post(ADD_URL, data).status_code == HTTPStatus.FOUND
    post = Post.objects.get()
    client.logout()
    page = client.get(post.get_absolute_url()).text
    (hero,) = pictures(page, "hero-img")
    assert_labelled_by_real_widths(hero, widths)
    assert real_width(hero["src"]) == src_width
    (card,) = pictures(client.get("/blog/").text, "hero-img")
    assert card["srcset"] == hero["srcset"]


def test_a_picture_whose_width_was_never_recorded_offers_every_rendition(client):
    post = PostFactory(hero_alt="A pair")
    post.hero_image.save(unique_name(), ContentFile(image_bytes("PNG", size=(2000, 1000))))
    Post.objects.filter(pk=post.pk).update(hero_width=None, hero_height=None)
    page = client.get(post.get_absolute_url()).text
    (hero,) = pictures(page, "hero-img")
    assert list(hero["srcset"]) == [480, 960, 1600]


def test_a_rendition_is_named_after_its_upload_width_and_quality(client):
    image = ColorwayImageFactory(image__width=2000, image__height=1000, image__filename="pair.png")
    page = client.get(image.colorway.get_absolute_url()).text
    (picture,) = pictures(page, "hero-picture")
    stem = image.image.name.removesuffix(".png")
    assert picture["srcset"] == {
        width: f"{settings.MEDIA_URL}CACHE/images/{stem}/{width}w-q{QUALITY}.webp"
        for width in (480, 960, 1600)
    }
    for width, url in picture["srcset"].items():
        assert real_width(url) == width
