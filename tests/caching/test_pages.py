"""Public pages kept by the site and by any HTTP cache: what is kept, under which key,
for whom, and how an editor's change or the passing of time reaches readers."""

import datetime
import gzip
from decimal import Decimal
from http import HTTPStatus

import pytest
import time_machine
from django.core.cache import cache
from django.http import HttpResponse
from django.test import Client, RequestFactory
from django.urls import set_script_prefix
from django.utils import timezone

from blog.models import Post
from caching import generation, pages
from tests.factories import (
    ColorwayFactory,
    ListingFactory,
    PostFactory,
    RetailerFactory,
    TagFactory,
)
from tests.sitemaps import sitemap_urls

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache(settings, cookie_groups):
    settings.PAGE_CACHE_SECONDS = 300
    cache.clear()
    generation.current()  # as on a running site, where a page view has started one
    yield
    cache.clear()


def fetch(url, client=None, **headers):
    response = (client or Client()).get(url, headers=headers)
    assert response.status_code == HTTPStatus.OK, url
    return response


# A moment far from midnight, when every kept page's time runs out.
NOON = timezone.make_aware(datetime.datetime(2026, 11, 27, 12, 0))


@time_machine.travel(NOON, tick=False)
def test_a_public_page_is_kept_and_served_the_same_to_the_next_reader():
    PostFactory(title="Silver and black", publish_at=NOON - datetime.timedelta(days=1))
    first, second = fetch("/blog/"), fetch("/blog/")
    assert (first[pages.HEADER], second[pages.HEADER]) == ("miss", "hit")
    assert first.content == second.content and b"Silver and black" in second.content
    assert first["Cache-Control"] == second["Cache-Control"] == ("public, max-age=0, s-maxage=300")
    assert "Cookie" in second["Vary"]


@time_machine.travel(NOON, tick=False)
def test_with_no_generation_held_the_first_page_starts_one_and_the_next_is_kept():
    """The middleware looks pages up without the database (which may be down): when the
    cache holds no generation (it lost it, or its time ran out) nothing can be a hit, the
    view starts the next generation, and pages are kept from the next request on."""
    cache.clear()
    first, second, third = fetch("/blog/"), fetch("/blog/"), fetch("/blog/")
    assert [r[pages.HEADER] for r in (first, second, third)] == ["miss", "miss", "hit"]
    assert first["Cache-Control"] == "public, max-age=0, s-maxage=300"


def test_a_page_is_kept_compressed_for_readers_who_take_gzip():
    fetch("/blog/", accept_encoding="gzip")
    kept = fetch("/blog/", accept_encoding="gzip")
    assert kept[pages.HEADER] == "hit" and kept["Content-Encoding"] == "gzip"
    assert gzip.decompress(kept.content) == fetch("/blog/").content


def test_a_reader_who_has_decided_gets_the_page_for_that_choice():
    fetch("/")  # an undecided reader fills the cache
    reader = Client(headers={"sec-fetch-site": "same-origin"})
    reader.post("/cookies/save/", {"method": "accept_all"}, headers={"accept": "application/json"})
    decided = fetch("/", reader)
    assert decided[pages.HEADER] == "miss"
    assert b"consent-banner-decided" in decided.content
    assert fetch("/", reader)[pages.HEADER] == "hit"
    undecided = fetch("/")
    assert undecided[pages.HEADER] == "hit" and b"consent-banner-decided" not in undecided.content


@pytest.mark.parametrize("cookie", ["messages", "sessionid"])
def test_a_reader_with_a_message_or_a_session_neither_gets_nor_fills_the_cache(cookie):
    PostFactory(title="Silver and black")
    fetch("/blog/")
    personal = fetch("/blog/", Client(headers={"cookie": f"{cookie}=something"}))
    assert pages.HEADER not in personal and "private" in personal["Cache-Control"]
    cache.clear()
    fetch("/blog/", Client(headers={"cookie": f"{cookie}=something"}))
    assert fetch("/blog/")[pages.HEADER] == "miss"


def test_staff_previews_are_never_public(staff_client):
    draft = PostFactory(title="Draft in progress", status=Post.Status.DRAFT)
    preview = staff_client.get(draft.get_absolute_url())
    assert b"Draft in progress" in preview.content
    assert "no-store" in preview["Cache-Control"] and pages.HEADER not in preview
    assert Client().get(draft.get_absolute_url()).status_code == HTTPStatus.NOT_FOUND


def test_responses_are_private_unless_their_view_says_they_are_public(client):
    assert "private" in client.get("/search/?q=silver")["Cache-Control"]
    assert "private" in client.get("/cookies/")["Cache-Control"]
    assert "no-store" in client.get("/healthz")["Cache-Control"]


def test_search_results_are_never_kept():
    PostFactory(title="Silver and black")
    for _ in range(2):
        response = fetch("/search/?q=silver")
        assert response[pages.HEADER] == "miss"


def test_tracking_parameters_share_the_page():
    fetch("/blog/")
    response = fetch("/blog/?utm_source=newsletter&utm_campaign=spring&fbclid=1")
    assert response[pages.HEADER] == "hit"


def test_parameters_a_page_does_not_read_are_private_and_never_kept():
    fetch("/blog/")
    for _ in range(2):
        response = fetch("/blog/?x=1")
        assert response[pages.HEADER] == "miss" and "private" in response["Cache-Control"]


def test_a_page_s_own_parameters_are_kept_apart():
    PostFactory.create_batch(13)
    first, second = fetch("/blog/?page=1"), fetch("/blog/?page=2")
    assert first.content != second.content
    assert fetch("/blog/?page=2")[pages.HEADER] == "hit"


def test_a_forged_script_prefix_or_host_never_reaches_other_readers(settings):
    settings.ALLOWED_HOSTS = ["testserver", "other.example"]
    PostFactory(slug="silver-notes")  # its card, a kept fragment, holds a link
    # What Django's WSGI handler does with a SCRIPT_NAME that gunicorn took from a header.
    set_script_prefix("/x/")
    try:
        assert b'href="/x/blog/silver-notes/' in fetch("/blog/").content
    finally:
        set_script_prefix("/")
    for response in (fetch("/blog/"), fetch("/blog/", host="other.example")):
        assert b'href="/blog/silver-notes/' in response.content
        assert b'href="/x/' not in response.content


def test_a_new_release_never_serves_pages_of_the_previous_one(settings):
    fetch("/blog/")
    assert fetch("/blog/")[pages.HEADER] == "hit"
    settings.RELEASE = "next-release"
    pages.release.cache_clear()
    try:
        assert fetch("/blog/")[pages.HEADER] == "miss"
    finally:
        pages.release.cache_clear()


def test_a_zero_cache_time_turns_the_cache_and_public_marking_off(settings):
    settings.PAGE_CACHE_SECONDS = 0
    fetch("/")
    response = fetch("/")
    assert pages.HEADER not in response and "private" in response["Cache-Control"]


def test_publishing_editing_and_unpublishing_show_on_the_next_request():
    post = PostFactory(title="Kayano notes", status=Post.Status.DRAFT)
    fetch("/blog/")
    assert fetch("/blog/")[pages.HEADER] == "hit"
    post.status = Post.Status.PUBLISHED
    post.save()
    response = fetch("/blog/")
    assert response[pages.HEADER] == "miss" and b"Kayano notes" in response.content
    post.title = "Kayano notes, revised"
    post.save()
    assert b"Kayano notes, revised" in fetch(post.get_absolute_url()).content
    post.status = Post.Status.DRAFT
    post.save()
    assert b"Kayano notes" not in fetch("/blog/").content


def test_a_new_listing_price_shows_on_the_colorway_page_at_once():
    colorway = ColorwayFactory()
    listing = ListingFactory(colorway=colorway, retailer=RetailerFactory(), price=Decimal("180"))
    fetch(colorway.get_absolute_url())
    listing.price = Decimal("245")
    listing.save()
    assert b"245" in fetch(colorway.get_absolute_url()).content


def test_a_deleted_article_and_a_new_tag_show_on_the_next_request():
    tag = TagFactory(name="Silver", slug="silver")
    post = PostFactory(title="Soon gone", tags=[tag])
    fetch("/blog/")
    post.delete()
    assert b"Soon gone" not in fetch("/blog/").content
    later = PostFactory(title="Tagged later")
    fetch("/blog/")
    later.tags.add(tag)  # a many-to-many change alone
    assert b"Tagged later" in fetch("/blog/tag/silver/").content


def test_a_scheduled_post_appears_when_its_time_comes():
    publish_at = timezone.now() + datetime.timedelta(minutes=10)
    PostFactory(title="Coming soon", publish_at=publish_at)
    with time_machine.travel(publish_at - datetime.timedelta(minutes=2)):
        assert b"Coming soon" not in fetch("/blog/").content
        kept = fetch("/blog/")
        assert kept[pages.HEADER] == "hit"
        # neither the site nor a proxy keeps the page past the publish time
        s_maxage = int(kept["Cache-Control"].rpartition("s-maxage=")[2])
        assert 0 < s_maxage <= 120
    with time_machine.travel(publish_at + datetime.timedelta(seconds=1)):
        response = fetch("/blog/")
        assert response[pages.HEADER] == "miss" and b"Coming soon" in response.content


@pytest.mark.parametrize(
    ("local_time", "seconds"),
    [(datetime.time(12, 0), 300), (datetime.time(23, 59, 30), 30), (datetime.time(23, 58), 120)],
)
def test_a_page_is_kept_no_later_than_midnight(local_time, seconds):
    moment = timezone.make_aware(datetime.datetime.combine(datetime.date(2026, 11, 27), local_time))
    with time_machine.travel(moment, tick=False):
        cache.clear()
        assert fetch("/colorways/")["Cache-Control"] == (f"public, max-age=0, s-maxage={seconds}")


def test_a_public_response_that_sets_a_cookie_is_private_and_not_kept():
    @pages.cache_public()
    def view(request):
        response = HttpResponse("<p>hello</p>")
        response.set_cookie("flavour", "silver")
        return response

    middleware = pages.PageCacheMiddleware(view)
    for _ in range(2):
        response = middleware(RequestFactory().get("/with-a-cookie/"))
        assert response[pages.HEADER] == "miss" and response["Cache-Control"] == "private"


ARTICLE_PAGES = ["/", "/blog/", "/blog/tag/silver/", "/blog/feed/", "/search/?q=silver"]


def test_a_scheduled_post_joins_every_list_feed_search_and_sitemap_when_its_time_comes():
    tag = TagFactory(name="Silver", slug="silver")
    older = PostFactory(title="Silver history", tags=[tag])
    publish_at = timezone.now() + datetime.timedelta(minutes=10)
    scheduled = PostFactory(title="Silver scheduled", publish_at=publish_at, tags=[tag])
    address = f"http://testserver{scheduled.get_absolute_url()}"
    with time_machine.travel(publish_at - datetime.timedelta(minutes=1)):
        for url in [*ARTICLE_PAGES, older.get_absolute_url()]:
            fetch(url)
            assert b"Silver scheduled" not in fetch(url).content, url
        assert address not in sitemap_urls(Client())
    with time_machine.travel(publish_at + datetime.timedelta(seconds=1)):
        for url in ARTICLE_PAGES:
            assert b"Silver scheduled" in fetch(url).content, url
        # the older article now links to it as the next one
        assert b"Silver scheduled" in fetch(older.get_absolute_url()).content
        assert address in sitemap_urls(Client())
