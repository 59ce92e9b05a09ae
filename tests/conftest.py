import uuid

import psycopg
import pytest
import redis
from django.conf import settings

from config.settings import redis_cache as redis_cache_settings
from tests.factories import UserFactory
from tests.services import service_missing


def pytest_sessionstart(session):
    """Stop at once, with directions, when the suite has no PostgreSQL to run on."""
    db = settings.DATABASES["default"]
    hint = (
        "Point DATABASE_URL at a PostgreSQL server the tests may create a database on, e.g.\n"
        "  DATABASE_URL=postgres://postgres@127.0.0.1:5432/kayano14hub make test"
    )
    if db["ENGINE"] != "django.db.backends.postgresql":
        pytest.exit(f"The test suite runs on PostgreSQL, not {db['ENGINE']}.\n{hint}", returncode=3)
    try:
        psycopg.connect(
            host=db["HOST"] or None,
            port=db["PORT"] or None,
            user=db["USER"] or None,
            password=db["PASSWORD"] or None,
            dbname="postgres",
            connect_timeout=3,
        ).close()
    except psycopg.OperationalError as exc:
        where = f"{db['HOST'] or 'local socket'}:{db['PORT'] or 5432}"
        pytest.exit(f"No PostgreSQL answers at {where} ({exc}).\n{hint}", returncode=3)


@pytest.fixture(autouse=True)
def test_settings(settings, tmp_path):
    """Uploads go to a temporary directory; static files need no collectstatic;
    passwords use a fast hasher (the real one is slow on purpose)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def new_content_generation():
    """Each test starts a content generation of its own: the rows an earlier test
    saved were rolled back, which no save signal reports. (Forgetting the current one
    starts a new one when it is first asked for: tests without a database ask none.)"""
    from django.core.cache import cache

    from caching import generation

    cache.delete(generation.KEY)


REDIS_URL = "redis://127.0.0.1:6379/9"


@pytest.fixture
def redis_cache(settings):
    """The cache as production has it (settings.redis_cache: django-redis), on the real
    Redis at 127.0.0.1:6379, database 9, under a key prefix of this test's own: only
    those keys are deleted afterwards. Without Redis the test is skipped, or fails when
    REQUIRE_SERVICES is set (as in CI)."""
    client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1)
    try:
        client.ping()
    except redis.exceptions.ConnectionError:
        service_missing("no Redis answers at 127.0.0.1:6379")
    prefix = f"k14test-{uuid.uuid4().hex}"
    settings.CACHES = {**settings.CACHES, "default": redis_cache_settings(REDIS_URL, prefix)}
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    yield client, prefix
    keys = list(client.scan_iter(match=f"{prefix}:*"))
    if keys:
        client.delete(*keys)


@pytest.fixture
def client():
    """Django's test client as a reader's browser on the site's own pages (tests.clients)."""
    from tests.clients import browser

    return browser()


@pytest.fixture
def start_generation(db):
    """A function that starts the current content generation and reads what every page
    reads once per generation (when the next scheduled post goes live, the cookie list),
    so that it is not counted as a page's queries. Call it after creating the content:
    every save starts a new generation."""
    from caching import generation
    from consent.catalogue import current_catalogue

    def start():
        generation.current()
        current_catalogue()

    return start


@pytest.fixture
def staff_user(db):
    return UserFactory(is_staff=True, is_superuser=True)


@pytest.fixture
def staff_client(client, staff_user):
    client.force_login(staff_user)
    return client


@pytest.fixture
def reader_client(client, db):
    """A logged-in account that is not staff."""
    client.force_login(UserFactory())
    return client


@pytest.fixture
def cookie_groups(db):
    """The site's three cookie groups: necessary (required), analytics and marketing.

    The catalogue cache is emptied first: a rolled-back test leaves no signal behind.
    """
    from django.core.cache import cache

    from tests.factories import CookieFactory, CookieGroupFactory

    cache.clear()
    necessary = CookieGroupFactory(varname="necessary", name="Strictly necessary", is_required=True)
    necessary_cookies = ("sessionid", "csrftoken", "messages") + (
        "cookie_consent",
        "consent_state",
        "consent_visitor",
    )
    for name in necessary_cookies:
        CookieFactory(cookiegroup=necessary, name=name)
    analytics = CookieGroupFactory(varname="analytics", name="Analytics")
    CookieFactory(cookiegroup=analytics, name="k14_analytics")
    CookieGroupFactory(varname="marketing", name="Marketing")
    yield
    cache.clear()
