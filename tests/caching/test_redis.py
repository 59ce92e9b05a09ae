"""The caches on the production backend (django-redis) and a real Redis: what is kept,
that no request can add entries at will, and that a Redis outage is not a site outage."""

import shutil
import socket
import subprocess
import time
import uuid
from http import HTTPStatus

import pytest
import redis
from django.test import Client

from blog.models import Post
from caching import pages
from config.settings import redis_cache as redis_cache_settings
from tests.factories import PostFactory
from tests.services import service_missing

pytestmark = pytest.mark.django_db


def keys(client: redis.Redis, prefix: str, kind: str) -> list[bytes]:
    return list(client.scan_iter(match=f"{prefix}:*:{kind}:*"))


def test_a_publish_reaches_the_next_reader_through_redis(redis_cache, settings):
    server, prefix = redis_cache
    settings.PAGE_CACHE_SECONDS = 300
    post = PostFactory(title="Released in silver", status=Post.Status.DRAFT)
    assert Client().get("/blog/")[pages.HEADER] == "miss"
    assert Client().get("/blog/")[pages.HEADER] == "hit"
    assert keys(server, prefix, pages.PREFIX)
    post.status = Post.Status.PUBLISHED
    post.save()
    response = Client().get("/blog/")
    assert response[pages.HEADER] == "miss" and b"Released in silver" in response.content
    assert keys(server, prefix, "fragment")  # the post's card


def test_no_query_string_or_forged_cookie_adds_entries(redis_cache, settings):
    server, prefix = redis_cache
    settings.PAGE_CACHE_SECONDS = 300
    PostFactory()
    Client().get("/blog/")
    before = len(keys(server, prefix, pages.PREFIX))
    for n in range(30):
        Client().get(f"/blog/?utm_source=mail&utm_campaign={n}&gclid={n}")
        Client().get(f"/blog/?unknown={n}")
        Client().get("/blog/", headers={"cookie": f"consent_state={uuid.uuid4().hex[:16]}.x{n}"})
        Client().get(f"/search/?q=silver{n}")
        Client().get(f"/sitemap.xml?x={n}")
    assert len(keys(server, prefix, pages.PREFIX)) == before


def test_a_query_string_never_makes_the_sitemap_be_built_again(
    redis_cache, settings, django_assert_num_queries, start_generation
):
    settings.PAGE_CACHE_SECONDS = 0  # the section itself must be kept, not only the page
    PostFactory.create_batch(3)
    start_generation()
    Client().get("/sitemap-posts.xml")
    with django_assert_num_queries(0):
        for n in range(5):
            response = Client().get(f"/sitemap-posts.xml?x={n}&y=1")
            assert response.status_code == HTTPStatus.OK


def unused_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def own_redis(settings):
    """A Redis server of the test's own, which the test may stop."""
    binary = shutil.which("redis-server")
    if binary is None:
        service_missing("redis-server is not installed (apt-get install redis-server)")
    port = unused_port()
    process = subprocess.Popen(
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
    )
    client = redis.Redis(port=port)
    for _ in range(100):
        try:
            client.ping()
            break
        except redis.exceptions.ConnectionError:
            time.sleep(0.05)
    url = f"redis://127.0.0.1:{port}/0"
    settings.CACHES = {**settings.CACHES, "default": redis_cache_settings(url, "k14test")}
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    settings.PAGE_CACHE_SECONDS = 300
    yield process
    process.kill()
    process.wait()


def test_with_redis_stopped_pages_are_served_uncached_and_sessions_keep_working(
    own_redis, staff_client
):
    PostFactory(title="Silver and black")
    Client().get("/blog/")
    assert Client().get("/blog/")[pages.HEADER] == "hit"
    assert staff_client.get("/admin/").status_code == HTTPStatus.OK
    own_redis.kill()
    own_redis.wait()
    for _ in range(2):
        response = Client().get("/blog/")
        assert response.status_code == HTTPStatus.OK and b"Silver and black" in response.content
        assert response[pages.HEADER] == "miss"
    assert staff_client.get("/admin/").status_code == HTTPStatus.OK  # still logged in
    health = Client().get("/healthz")
    assert health.status_code == HTTPStatus.OK
    assert health.json() == {"status": "ok", "database": "ok", "cache": "degraded"}
    deep = Client().get("/healthz/deep")
    assert deep.status_code == HTTPStatus.SERVICE_UNAVAILABLE
    assert deep.json()["cache"] == "unavailable"
