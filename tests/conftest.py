import psycopg
import pytest
from django.conf import settings

from tests.factories import UserFactory


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
    saved were rolled back, which no save signal reports."""
    from performance import pagecache

    pagecache.bump()


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
