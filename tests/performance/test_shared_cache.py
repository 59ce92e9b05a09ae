"""With a cache shared by every process, values kept per content generation cost no
query, and an editor's change is seen on the next request."""

import datetime
import gzip
import time
from decimal import Decimal
from http import HTTPStatus

import pytest
from django.utils import timezone

from sizing import demo as sizing_demo
from sizing.guide import current_guide
from sizing.models import Comparison
from tests.factories import (
    CollaboratorFactory,
    ColorwayFactory,
    FAQFactory,
    ListingFactory,
    PostFactory,
    RetailPriceFactory,
    TagFactory,
)

pytestmark = pytest.mark.django_db
AF1 = "/api/sizing/recommend?shoe=nike-air-force-1&size=10&system=us-men&width=regular"


def test_sizing_guide_costs_no_query_until_an_edit(client, redis_cache, django_assert_num_queries):
    sizing_demo.load()
    first = current_guide()
    with django_assert_num_queries(0):
        assert current_guide() is first
        assert client.get(AF1).status_code == HTTPStatus.OK
    before = client.get(AF1).json()["recommended"][0]["us_men"]
    comparison = Comparison.objects.get(shoe__slug="nike-air-force-1", condition="always")
    comparison.offset_min = comparison.offset_max = comparison.offset_min + 2
    comparison.save()
    assert client.get(AF1).json()["recommended"][0]["us_men"] == before + 1


def test_catalogue_counts_are_kept_until_a_colorway_is_added(
    client, redis_cache, django_assert_num_queries
):
    ColorwayFactory.create_batch(2, collaborator=CollaboratorFactory())
    client.get("/colorways/")
    # which colorways the page shows, their cards, choices and counts are all kept
    with django_assert_num_queries(0):
        assert "2 colorways" in client.get("/colorways/").content.decode()
    ColorwayFactory(collaborator=None)
    assert "3 colorways" in client.get("/colorways/").content.decode()


def test_each_catalogue_address_keeps_its_own_filters_errors_and_counts(client, redis_cache):
    ColorwayFactory(name="Old Silver", release_date=datetime.date(2022, 8, 1))
    ColorwayFactory(name="New Cream", release_date=datetime.date(2024, 3, 1))
    addresses = {
        "/colorways/?year=2022": (200, "1 colorway match", False),
        "/colorways/?year=20x2": (400, "2 colorways.", True),
        "/colorways/?sort=oldest": (200, "2 colorways.", False),
        "/colorways/?price_min=9&price_max=1": (400, "0 colorways match", True),
        "/colorways/": (200, "2 colorways.", False),
    }
    for _ in range(2):
        for url, (status, count, error) in addresses.items():
            response = client.get(url)
            body = response.content.decode()
            assert response.status_code == status, url
            assert count in body, url
            assert ("were not understood" in body) is error, url
    assert '<details class="filters" open>' in client.get("/colorways/?sort=oldest").text
    assert '<details class="filters">' in client.get("/colorways/").text
    api = client.get("/api/colorways/?year=20x2")
    assert api.status_code == 400 and api.json()["detail"][0]["loc"] == ["query", "year"]
    assert client.get("/api/colorways/?year=2022").json()["count"] == 1


def test_cards_are_rendered_once_and_show_an_edit_on_the_next_request(
    client, redis_cache, django_assert_num_queries
):
    colorway = ColorwayFactory(name="Pure Silver", collaborator=None)
    RetailPriceFactory(colorway=colorway, amount=Decimal("150"), currency="USD")
    post = PostFactory(title="How the 14 fits")
    assert "150 USD" in client.get("/colorways/").content.decode()
    assert "How the 14 fits" in client.get("/").content.decode()
    with django_assert_num_queries(0):  # which posts and colorways to show is kept too
        page = client.get("/").content.decode()
    assert "Pure Silver" in page and "How the 14 fits" in page
    price = colorway.retail_prices.get()
    price.amount = Decimal("180")
    price.save()
    assert "180 USD" in client.get("/colorways/").content.decode()
    post.title = "How the Kayano 14 fits"
    post.save()
    assert "How the Kayano 14 fits" in client.get("/").content.decode()


def test_a_request_reads_the_generation_once_and_sees_its_own_saves(redis_cache, settings):
    from django.core.cache import cache
    from django.http import HttpResponse

    from performance import pagecache

    seen = []

    def view(request):
        seen.append(pagecache.generation())
        # another process saves meanwhile: this request keeps the value it started with
        cache.incr(pagecache.GENERATION_KEY)
        seen.append(pagecache.generation())
        pagecache.bump()  # a save in this request: the rest of it reads the new value
        seen.append(pagecache.generation())
        return HttpResponse()

    pagecache.GenerationScope(view)(object())
    assert seen[0] == seen[1]
    assert seen[2] == seen[0] + 2 == pagecache.generation()


def test_keyed_memo_builds_only_missing_keys_and_stays_within_its_size(redis_cache):
    from performance import pagecache

    built = []

    def build_many(keys):
        built.append(sorted(keys))
        return {key: f"card {key}" for key in keys if key != 9}  # 9: no such row

    memo = pagecache.KeyedMemo(build_many, max_entries=3)
    assert memo.in_order([2, 1, 9]) == ["card 2", "card 1"]
    assert memo.in_order([1, 2]) == ["card 1", "card 2"]  # kept, though the memo is full
    memo.get_many([3])
    assert built == [[1, 2, 9], [3]]
    memo.get_many([4])  # past max_entries: starts afresh with what is asked
    assert memo.get_many([4, 1]) == {4: "card 4", 1: "card 1"}
    pagecache.bump()
    memo.get_many([1])
    assert built[-3:] == [[4], [1], [1]]


def test_article_page_costs_no_query_once_built_and_shows_edits_on_the_next_request(
    client, redis_cache, django_assert_num_queries
):
    colorway = ColorwayFactory(name="Pure Silver", collaborator=None)
    post = PostFactory(title="How the 14 fits", body=f"[[colorway:{colorway.slug}]]")
    post.tags.add(TagFactory(name="Fit"))
    FAQFactory(post=post, question="Does it run small?")
    post.related.add(PostFactory(title="Sizing the Kayano"))
    PostFactory(title="An older story", publish_at=post.publish_at - datetime.timedelta(days=1))
    url = post.get_absolute_url()
    assert client.get(url).status_code == HTTPStatus.OK
    with django_assert_num_queries(0):
        page = client.get(url).content.decode()
    for shown in ("How the 14 fits", "Does it run small?", "Fit", "Sizing the Kayano",
                  "An older story", "Pure Silver"):  # fmt: skip
        assert shown in page
    post.title = "How the Kayano 14 fits"
    post.save()
    assert "How the Kayano 14 fits" in client.get(url).content.decode()
    colorway.name = "White/Pure Silver"
    colorway.save()
    assert "White/Pure Silver" in client.get(url).content.decode()
    post.status = post.Status.DRAFT
    post.save()
    assert client.get(url).status_code == HTTPStatus.NOT_FOUND


def test_colorway_page_costs_no_query_once_built_and_shows_a_new_listing(
    client, redis_cache, django_assert_num_queries
):
    colorway = ColorwayFactory()
    PostFactory(title="Worn all week", body=f"[[colorway:{colorway.slug}]]")
    url = colorway.get_absolute_url()
    assert client.get(url).status_code == HTTPStatus.OK
    with django_assert_num_queries(0):
        page = client.get(url).content.decode()
    assert "Worn all week" in page and "We know of no shop" in page
    ListingFactory(colorway=colorway, price=Decimal("215"))
    assert "215 USD" in client.get(url).content.decode()
    assert client.get("/colorways/no-such-pair/").status_code == HTTPStatus.NOT_FOUND


def test_a_scheduled_article_shows_up_around_kept_pages_when_its_time_comes(client, redis_cache):
    colorway = ColorwayFactory()
    post = PostFactory(title="The story of today")
    goes_live = timezone.now() + datetime.timedelta(seconds=2)
    scheduled = PostFactory(
        title="The next story", publish_at=goes_live, body=f"[[colorway:{colorway.slug}]]"
    )
    pages = (post.get_absolute_url(), colorway.get_absolute_url())
    for url in pages:
        assert "The next story" not in client.get(url).content.decode()
    assert client.get(scheduled.get_absolute_url()).status_code == HTTPStatus.NOT_FOUND
    time.sleep(max(0.0, (goes_live - timezone.now()).total_seconds()) + 0.1)
    # no save in between: the kept pages notice the publish time by themselves
    for url in pages:
        assert "The next story" in client.get(url).content.decode()
    assert client.get(scheduled.get_absolute_url()).status_code == HTTPStatus.OK


def test_feed_is_built_once_and_shows_a_new_post_on_the_next_request(
    client, redis_cache, django_assert_num_queries
):
    PostFactory(title="First entry")
    gzipped = {"accept-encoding": "gzip"}
    assert client.get("/blog/feed/", headers=gzipped).status_code == HTTPStatus.OK
    with django_assert_num_queries(0):
        kept = client.get("/blog/feed/", headers=gzipped)
        plain = client.get("/blog/feed/")
    assert kept["Content-Encoding"] == "gzip" and "Accept-Encoding" in kept["Vary"]
    assert gzip.decompress(kept.content) == plain.content
    assert b"First entry" in plain.content
    PostFactory(title="Second entry")
    assert b"Second entry" in client.get("/blog/feed/").content


def test_colorway_search_from_memory_finds_what_the_database_finds(
    client, redis_cache, django_assert_num_queries
):
    from colorways.models import Colorway
    from colorways.search import matching_keys

    kiko = CollaboratorFactory(name="Kiko Kostadinov")
    ColorwayFactory(name="Pure Silver", nickname="JJJJound Silver", collaborator=None)
    ColorwayFactory(name="Cream/Black", pack="Archive Pack", collaborator=kiko)
    ColorwayFactory(name="White/Midnight", style_code="1201A019-107", collaborator=None)
    queries = ["silver", "SILVER", "kostadinov", "archive pack", "1201a019", "e/m", "nothing"]
    matching_keys("warm up", 12)
    with django_assert_num_queries(0):
        kept = {query: matching_keys(query, 12) for query in queries}
    for query in queries:
        assert kept[query] == list(Colorway.objects.search(query).values_list("pk", flat=True))
    assert matching_keys("silver jjjjound", 12) == []  # no match across two fields
    kiko.name = "Kiko K."
    kiko.save()
    assert matching_keys("kostadinov", 12) == []
    assert "Cream/Black" in client.get("/search/?q=kiko+k.").content.decode()


def test_colorway_api_is_built_once_and_shows_a_new_listing(
    client, redis_cache, django_assert_num_queries
):
    colorway = ColorwayFactory()
    url = f"/api/colorways/{colorway.slug}/"
    assert client.get(url).json()["listings"] == []
    client.get("/api/colorways/")
    with django_assert_num_queries(0):
        assert client.get(url).status_code == HTTPStatus.OK
        assert client.get("/api/colorways/").json()["count"] == 1
    ListingFactory(colorway=colorway, price=Decimal("215"))
    assert client.get(url).json()["listings"][0]["price"] == "215.00"
    ColorwayFactory()
    assert client.get("/api/colorways/").json()["count"] == 2
    assert client.get("/api/colorways/no-such-pair/").status_code == HTTPStatus.NOT_FOUND


def test_search_results_are_kept_and_show_a_new_article_on_the_next_request(
    client, redis_cache, django_assert_num_queries
):
    PostFactory(title="Cushioning in the archive", summary="Gel cushioning, explained.")
    url = "/search/?q=cushioning"
    assert "1 result for" in client.get(url).content.decode()
    with django_assert_num_queries(0):
        assert "Cushioning in the archive" in client.get(url).content.decode()
    PostFactory(title="More cushioning", summary="Another look.")
    page = client.get(url).content.decode()
    assert "2 results for" in page and "More cushioning" in page
    assert client.get(url + "&page=2").status_code == HTTPStatus.NOT_FOUND


def test_size_finder_answer_is_kept_until_the_guide_changes(
    client, redis_cache, django_assert_num_queries
):
    sizing_demo.load()
    page = AF1.replace("/api/sizing/recommend", "/sizing/")

    def headline():
        return client.get(page).content.decode().split("data-headline>")[1].split("<")[0]

    before = headline()
    with django_assert_num_queries(0):
        assert headline() == before
    comparison = Comparison.objects.get(shoe__slug="nike-air-force-1", condition="always")
    comparison.offset_min = comparison.offset_max = comparison.offset_min + 2
    comparison.save()
    assert headline() != before


def test_timeline_is_rendered_once_and_shows_a_new_release_on_the_next_request(
    client, redis_cache, django_assert_num_queries
):
    ColorwayFactory(name="First Silver", release_date=datetime.date(2008, 3, 1))
    assert "First Silver" in client.get("/colorways/timeline/").content.decode()
    with django_assert_num_queries(0):
        client.get("/colorways/timeline/")
    ColorwayFactory(name="Revival Cream", release_date=datetime.date(2020, 5, 1))
    assert "Revival Cream" in client.get("/colorways/timeline/").content.decode()


def test_sitemap_is_built_once_and_lists_a_new_article_on_the_next_request(
    client, redis_cache, django_assert_num_queries
):
    first = PostFactory()
    assert first.get_absolute_url() in client.get("/sitemap.xml").content.decode()
    with django_assert_num_queries(0):
        kept = client.get("/sitemap.xml", headers={"accept-encoding": "gzip"})
    assert kept["Content-Encoding"] == "gzip"
    assert first.get_absolute_url() in gzip.decompress(kept.content).decode()
    second = PostFactory()
    assert second.get_absolute_url() in client.get("/sitemap.xml").content.decode()


def test_sizing_api_keeps_each_question_s_own_answer(client, redis_cache):
    sizing_demo.load()
    questions = [
        AF1,
        AF1.replace("width=regular", "width=wide"),
        AF1 + "&sized_down=1",
        AF1.replace("system=us-men", "system=uk"),
        AF1.replace("size=10", "size=99"),
        AF1.replace("size=10", "size=ten"),
    ]
    first = [(r.status_code, r.json()) for r in map(client.get, questions)]
    again = [(r.status_code, r.json()) for r in map(client.get, reversed(questions))]
    assert again[::-1] == first
    assert [status for status, _ in first] == [200, 200, 200, 200, 400, 400]
    assert len({str(body) for _, body in first}) == len(questions)


def test_kept_cookie_banner_and_head_carry_each_requests_own_values(cookie_groups, redis_cache):
    # cookie_groups first: it empties the cache it finds, the per-process one
    import re

    from django.middleware.csrf import _unmask_cipher_token
    from django.test import Client
    from django.utils.html import escape

    PostFactory(title="Any post")
    for path in ("/blog/", "/blog/?a=1&b='2'"):
        response = Client().get(path)
        html = response.content.decode()
        nonce = re.search(r'<script nonce="([^"]+)">', html)[1]
        assert f"'nonce-{nonce}'" in response["Content-Security-Policy"]
        tokens = set(re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', html))
        assert {_unmask_cipher_token(t) for t in tokens} == {response.cookies["csrftoken"].value}
        nexts = set(re.findall(r'name="next" value="([^"]*)"', html))
        assert nexts == {escape(response.wsgi_request.get_full_path())}


def test_a_scheduled_article_joins_kept_lists_feed_and_search_when_its_time_comes(
    client, redis_cache
):
    PostFactory(title="An earlier story")
    goes_live = timezone.now() + datetime.timedelta(seconds=2)
    awaited = PostFactory(title="The awaited story", slug="the-awaited-story", publish_at=goes_live)
    pages = ("/", "/blog/", "/blog/feed/", "/search/?q=awaited", "/sitemap.xml")
    for url in pages:
        body = client.get(url).content.decode()
        assert "The awaited story" not in body and awaited.get_absolute_url() not in body
    time.sleep(max(0.0, (goes_live - timezone.now()).total_seconds()) + 0.1)
    for url in pages:  # no save in between
        assert awaited.get_absolute_url() in client.get(url).content.decode(), url
