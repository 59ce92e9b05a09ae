import pytest


@pytest.fixture
def demo_site(db, settings):
    """The demo content (posts, colorways, sizing, consent) that `make run` loads."""
    from django.core.management import call_command

    settings.ALLOWED_HOSTS = ["testserver", "localhost"]
    call_command("load_demo_content", verbosity=0)


@pytest.fixture
def wsgi_app(db):
    """The site's WSGI application, called in process within the test's transaction.

    Django closes the database connection at the end of each request; as the test
    client does, that is switched off while the test runs, so the rolled-back test
    transaction survives.
    """
    from django.core.signals import request_finished, request_started
    from django.core.wsgi import get_wsgi_application
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield get_wsgi_application()
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)
