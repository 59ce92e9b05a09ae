"""The real Redis, for what only a cache shared by every process makes safe."""

import uuid

import pytest


@pytest.fixture
def redis_cache(settings):
    """The real Redis at 127.0.0.1:6379, database 9, under a key prefix of this test's
    own: only those keys are deleted afterwards."""
    redis = pytest.importorskip("redis")
    client = redis.Redis(host="127.0.0.1", port=6379, db=9, socket_connect_timeout=1)
    try:
        client.ping()
    except redis.exceptions.ConnectionError:
        pytest.skip("no Redis answers at 127.0.0.1:6379")
    prefix = f"k14test-{uuid.uuid4().hex}"
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:6379/9",
            "KEY_PREFIX": prefix,
        },
    }
    yield client
    for key in client.scan_iter(match=f"{prefix}:*"):
        client.delete(key)
