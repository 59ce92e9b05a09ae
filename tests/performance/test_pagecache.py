"""The anonymous-reader page cache: hits, invalidation by editors' saves, and the
per-visitor values (CSP nonce, CSRF token, consent, staff) that must stay correct."""

import datetime
import gzip
import re
import time
from decimal import Decimal
from http import HTTPStatus

import pytest
from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.csrf import _unmask_cipher_token
from django.test import Client, RequestFactory
from django.utils import timezone

from blog.models import Post
from performance import pagecache
from tests.factories import (
    ColorwayFactory,
    ListingFactory,
    PostFactory,
    RetailerFactory,
    TagFactory,
)

pytestmark = pytest.mark.django_db
NONCE_RE = re.compile(r'<script nonce="([^"]+)">')
TOKEN_RE = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@pytest.fixture(autouse=True)
def page_cache(settings, cookie_groups):
    settings.PAGE_CACHE_SECONDS = 300
    cache.clear()
    yield
    cache.clear()


def fetch(client, url):
    response = client.get(url)
    assert response.status_code == HTTPStatus.OK, url
    return response, response.content.decode()


def test_an_anonymous_page_is_served_from_the_cache_on_the_second_request(client):
    PostFactory(title="Silver and black")
    first, first_html = fetch(client, "/blog/")
    second, second_html = fetch(Client(), "/blog/")
    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    assert "Silver and black" in second_html
    # the same page apart from the per-visitor nonce and token
    strip = lambda html: TOKEN_RE.sub("", re.sub(r'nonce="[^"]+"', "", html))  # noqa: E731
    assert strip(first_html) == strip(second_html)


def test_each_cached_response_has_its_own_nonce_matching_its_csp_header(client):
    fetch(client, "/")
    nonces = []
    for _ in range(2):
        response, html = fetch(Client(), "/")
        assert response["X-Page-Cache"] == "hit"
        body_nonces = set(re.findall(r'nonce="([^"]+)"', html))
        assert len(body_nonces) == 1
        nonce = body_nonces.pop()
        assert f"'nonce-{nonce}'" in response["Content-Security-Policy"]
        nonces.append(nonce)
    assert nonces[0] != nonces[1]


def test_each_cached_response_has_a_csrf_token_valid_for_its_own_cookie(client):
    fetch(client, "/")
    secrets = set()
    for _ in range(2):
        visitor = Client(enforce_csrf_checks=True)
        response, html = fetch(visitor, "/")
        assert response["X-Page-Cache"] == "hit"
        tokens = set(TOKEN_RE.findall(html))
        assert len(tokens) == 1
        secret = response.cookies["csrftoken"].value
        assert _unmask_cipher_token(tokens.pop()) == secret
        secrets.add(secret)
        # the banner's form works with the token the cached page carried
        token = TOKEN_RE.search(html).group(1)
        saved = visitor.post(
            "/cookies/save/", {"method": "reject_all", "next": "/", "csrfmiddlewaretoken": token}
        )
        assert saved.status_code == HTTPStatus.FOUND
    assert len(secrets) == 2


def test_a_visitor_who_has_chosen_gets_the_page_for_their_choice(client):
    fetch(client, "/")  # an undecided visitor fills the cache
    reader = Client()
    reader.post("/cookies/save/", {"method": "accept_all", "next": "/"}, follow=True)
    assert "messages" not in reader.cookies or not reader.cookies["messages"].value
    response, html = fetch(reader, "/")
    assert response["X-Page-Cache"] == "miss"
    assert "consent-banner-decided" in html
    undecided, html = fetch(Client(), "/")
    assert undecided["X-Page-Cache"] == "hit"
    assert "consent-banner-decided" not in html


def test_staff_never_get_or_fill_the_cache(client, staff_client):
    draft = PostFactory(title="Draft in progress", status=Post.Status.DRAFT)
    public, _ = fetch(Client(), "/blog/")
    assert public["X-Page-Cache"] == "miss"
    response, html = fetch(staff_client, draft.get_absolute_url())
    assert "X-Page-Cache" not in response
    assert "Draft in progress" in html
    staff_list, _ = fetch(staff_client, "/blog/")
    assert "X-Page-Cache" not in staff_list
    # the preview staff saw was not stored for readers
    assert Client().get(draft.get_absolute_url()).status_code == HTTPStatus.NOT_FOUND


def test_publishing_editing_and_unpublishing_show_on_the_next_request(client):
    post = PostFactory(title="Kayano notes", status=Post.Status.DRAFT)
    fetch(client, "/blog/")
    assert fetch(client, "/blog/")[0]["X-Page-Cache"] == "hit"

    post.status = Post.Status.PUBLISHED
    post.save()
    response, html = fetch(client, "/blog/")
    assert response["X-Page-Cache"] == "miss"
    assert "Kayano notes" in html
    fetch(client, post.get_absolute_url())

    post.title = "Kayano notes, revised"
    post.save()
    assert "Kayano notes, revised" in fetch(client, post.get_absolute_url())[1]

    post.status = Post.Status.DRAFT
    post.save()
    assert "Kayano notes" not in fetch(client, "/blog/")[1]
    assert client.get(post.get_absolute_url()).status_code == HTTPStatus.NOT_FOUND


def test_a_new_tag_on_a_post_shows_on_the_next_request(client):
    post = PostFactory()
    fetch(client, post.get_absolute_url())
    post.tags.add(TagFactory(name="Trail season"))
    assert "Trail season" in fetch(client, post.get_absolute_url())[1]


def test_a_new_listing_price_shows_on_the_colorway_page_at_once(client):
    colorway = ColorwayFactory()
    listing = ListingFactory(colorway=colorway, retailer=RetailerFactory(), price=Decimal("180"))
    fetch(client, colorway.get_absolute_url())
    assert fetch(client, colorway.get_absolute_url())[0]["X-Page-Cache"] == "hit"
    listing.price = Decimal("245")
    listing.save()
    response, html = fetch(client, colorway.get_absolute_url())
    assert response["X-Page-Cache"] == "miss"
    assert "245" in html


def test_pages_are_kept_no_longer_than_until_the_next_scheduled_post(settings):
    assert pagecache.entry_seconds() <= 300
    PostFactory(publish_at=timezone.now() + datetime.timedelta(seconds=90))
    assert 0 < pagecache.entry_seconds() <= 90


def test_a_scheduled_post_appears_when_its_time_comes(client):
    publish_at = timezone.now() + datetime.timedelta(seconds=2)
    PostFactory(title="Coming soon", publish_at=publish_at)
    assert "Coming soon" not in fetch(client, "/blog/")[1]
    assert fetch(client, "/blog/")[0]["X-Page-Cache"] == "hit"
    time.sleep(max(0, (publish_at - timezone.now()).total_seconds()) + 0.2)
    response, html = fetch(client, "/blog/")
    assert response["X-Page-Cache"] == "miss"
    assert "Coming soon" in html


def test_responses_that_set_cookies_or_forbid_caching_are_not_stored():
    factory = RequestFactory()

    def view_setting_cookie(request):
        response = HttpResponse("<p>hello</p>")
        response.set_cookie("flavour", "silver")
        return response

    def private_view(request):
        response = HttpResponse("<p>private</p>")
        response["Cache-Control"] = "private"
        return response

    for view in (view_setting_cookie, private_view):
        middleware = pagecache.PageCacheMiddleware(view)
        for _ in range(2):
            request = factory.get(f"/{view.__name__}/")
            request.session = None
            assert middleware(request)["X-Page-Cache"] == "miss"


def test_a_zero_cache_time_turns_the_cache_off(client, settings):
    settings.PAGE_CACHE_SECONDS = 0
    fetch(client, "/")
    assert "X-Page-Cache" not in fetch(client, "/")[0]


def test_every_editorial_model_starts_a_new_generation():
    labels = {model._meta.label for model in pagecache.editorial_models()}
    assert {"blog.Post", "colorways.Listing", "sizing.SizeChartRow", "consent.PolicyPage"} <= labels
    assert "consent.ConsentRecord" not in labels
    before = pagecache.generation()
    PostFactory()
    assert pagecache.generation() > before


def test_text_responses_are_compressed(client):
    response = client.get("/", headers={"accept-encoding": "gzip"})
    assert response["Content-Encoding"] == "gzip"
    assert b"Kayano" in gzip.decompress(response.content)


def test_publishing_invalidates_pages_cached_in_redis(client, redis_cache):
    post = PostFactory(title="Released in silver", status=Post.Status.DRAFT)
    assert fetch(client, "/blog/")[0]["X-Page-Cache"] == "miss"
    assert fetch(Client(), "/blog/")[0]["X-Page-Cache"] == "hit"
    assert any(b"pagecache" in key for key in redis_cache.scan_iter())
    post.status = Post.Status.PUBLISHED
    post.save()
    response, html = fetch(Client(), "/blog/")
    assert response["X-Page-Cache"] == "miss"
    assert "Released in silver" in html


def test_an_edited_title_replaces_the_stored_page_and_the_kept_card(client, redis_cache):
    post = PostFactory(title="Released in silver")
    assert ">Released in silver</a>" in fetch(client, "/blog/")[1]
    assert fetch(Client(), "/blog/")[0]["X-Page-Cache"] == "hit"
    post.title = "Released in pure silver"
    post.save()
    response, html = fetch(Client(), "/blog/")
    assert response["X-Page-Cache"] == "miss"
    assert ">Released in pure silver</a>" in html
    assert ">Released in silver</a>" not in html


def test_a_save_moves_the_generation_again_once_committed(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        PostFactory()
        during = pagecache.generation()
    assert callbacks
    assert pagecache.generation() > during


def test_feeds_come_compressed_from_their_view_and_are_served_the_same_to_everyone(client):
    PostFactory(title="Feed entry")
    first = client.get("/blog/feed/", headers={"accept-encoding": "gzip"})
    second = Client().get("/blog/feed/", headers={"accept-encoding": "gzip"})
    plain = Client().get("/blog/feed/")
    # the feed view keeps its own compressed copy: the page cache does not store it again
    assert {first["X-Page-Cache"], second["X-Page-Cache"], plain["X-Page-Cache"]} == {"miss"}
    assert second["Content-Encoding"] == "gzip" and "Accept-Encoding" in second["Vary"]
    assert gzip.decompress(second.content) == gzip.decompress(first.content) == plain.content
    assert b"Feed entry" in plain.content and "Content-Encoding" not in plain


def test_compressed_cached_pages_carry_each_visitors_own_nonce_and_token(client):
    fetch(client, "/")
    pages = []
    for _ in range(2):
        response = Client().get("/", headers={"accept-encoding": "gzip"})
        assert response["X-Page-Cache"] == "hit" and response["Content-Encoding"] == "gzip"
        html = gzip.decompress(response.content).decode()
        nonce = NONCE_RE.search(html).group(1)
        assert f"'nonce-{nonce}'" in response["Content-Security-Policy"]
        token = TOKEN_RE.search(html).group(1)
        assert _unmask_cipher_token(token) == response.cookies["csrftoken"].value
        pages.append(html)
    assert pages[0] != pages[1]
    assert "Kayano" in pages[0] and pages[0].rstrip().endswith("</html>")


def test_the_benchmark_floor_page_exists_only_in_the_benchmark(client):
    assert client.get("/bench/floor/").status_code == HTTPStatus.NOT_FOUND
    assert "X-Queries" not in client.get("/")


def test_a_deleted_article_and_a_new_tag_show_on_the_next_request(client):
    tag = TagFactory(name="Silver", slug="silver")
    post = PostFactory(title="Soon gone")
    fetch(client, "/blog/")
    assert fetch(Client(), "/blog/")[0]["X-Page-Cache"] == "hit"
    post.delete()
    response, html = fetch(Client(), "/blog/")
    assert response["X-Page-Cache"] == "miss" and "Soon gone" not in html
    kept = PostFactory(title="Tagged later")
    fetch(Client(), "/blog/tag/silver/")
    assert "Tagged later" not in fetch(Client(), "/blog/tag/silver/")[1]
    kept.tags.add(tag)  # a many-to-many change alone
    assert "Tagged later" in fetch(Client(), "/blog/tag/silver/")[1]


@pytest.mark.parametrize(
    ("local_time", "seconds"),
    [(datetime.time(12, 0), 300), (datetime.time(23, 59, 30), 30), (datetime.time(23, 58), 120)],
)
def test_a_page_is_kept_no_later_than_midnight(monkeypatch, local_time, seconds):
    now = timezone.make_aware(datetime.datetime.combine(datetime.date(2026, 11, 27), local_time))
    monkeypatch.setattr(timezone, "now", lambda: now)
    assert pagecache.entry_seconds() == seconds


@pytest.mark.parametrize("cookie", ["messages", "sessionid"])
def test_a_reader_with_a_message_or_a_session_neither_gets_nor_fills_the_cache(client, cookie):
    PostFactory(title="Silver and black")
    fetch(Client(), "/blog/")  # in the cache now
    client.cookies[cookie] = "something"
    response, html = fetch(client, "/blog/")
    assert "X-Page-Cache" not in response and "Silver and black" in html
    cache.clear()
    fetch(client, "/blog/")
    assert fetch(Client(), "/blog/")[0]["X-Page-Cache"] == "miss"
