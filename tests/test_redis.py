"""Several app servers share sessions and cache through a real Redis (127.0.0.1:6379).

Tests use their own database number and a key prefix per test, and delete only their
own keys: the Redis server is shared."""

import uuid
from http import HTTPStatus

import pytest
import redis
from django.core.cache import cache

pytestmark = pytest.mark.django_db

REDIS_URL = "redis://127.0.0.1:6379/8"


@pytest.fixture
def redis_cache(settings):
    prefix = f"kayano14hub-test-{uuid.uuid4().hex}"
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": prefix,
        },
    }
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    server = redis.Redis.from_url(REDIS_URL)
    yield server, prefix
    keys = list(server.scan_iter(f"{prefix}:*"))
    if keys:
        server.delete(*keys)


def test_the_cache_is_shared_through_redis(redis_cache):
    server, prefix = redis_cache
    cache.set("greeting", "hello", 60)
    assert server.exists(f"{prefix}:1:greeting")
    server.delete(f"{prefix}:1:greeting")
    assert cache.get("greeting") is None


def test_staff_sessions_are_read_through_redis(redis_cache, client, staff_user):
    server, prefix = redis_cache
    client.force_login(staff_user)
    session_key = client.cookies["sessionid"].value
    cached = f"{prefix}:1:django.contrib.sessions.cached_db{session_key}"
    assert server.exists(cached)
    assert client.get("/admin/").status_code == HTTPStatus.OK
    client.logout()
    assert not server.exists(cached)
    assert client.get("/admin/").status_code == HTTPStatus.FOUND


def test_healthz_checks_redis(redis_cache, client, settings):
    assert client.get("/healthz").status_code == HTTPStatus.OK
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/8",
        },
    }
    response = client.get("/healthz")
    assert response.status_code == HTTPStatus.SERVICE_UNAVAILABLE
    assert response.json() == {"status": "unavailable"}
