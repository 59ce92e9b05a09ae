"""With a cache shared by every process, values kept per content generation cost no
query, and an editor's change is seen on the next request."""

from decimal import Decimal
from http import HTTPStatus

import pytest

from sizing import demo as sizing_demo
from sizing.guide import current_guide
from sizing.models import Comparison
from tests.factories import (
    CollaboratorFactory,
    ColorwayFactory,
    PostFactory,
    RetailPriceFactory,
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
    # which colorways the page shows; cards, choices and counts come from the cache
    with django_assert_num_queries(1):
        assert "2 colorways" in client.get("/colorways/").content.decode()
    ColorwayFactory(collaborator=None)
    assert "3 colorways" in client.get("/colorways/").content.decode()


def test_cards_are_rendered_once_and_show_an_edit_on_the_next_request(
    client, redis_cache, django_assert_num_queries
):
    colorway = ColorwayFactory(name="Pure Silver", collaborator=None)
    RetailPriceFactory(colorway=colorway, amount=Decimal("150"), currency="USD")
    post = PostFactory(title="How the 14 fits")
    assert "150 USD" in client.get("/colorways/").content.decode()
    assert "How the 14 fits" in client.get("/").content.decode()
    with django_assert_num_queries(2):  # the keys of the featured colorways and the posts
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
