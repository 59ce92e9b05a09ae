"""Survives faults: when the database cannot be reached the site says "back soon" (503)
and comes back by itself once it answers again. (A cache outage is no outage: see
tests/caching/test_redis.py.)"""

import socket
import sys
from contextlib import contextmanager
from http import HTTPStatus

import pytest
from django.db import connection
from django.test import Client, RequestFactory

from config.views import server_error
from tests.factories import PostFactory

pytestmark = pytest.mark.django_db(transaction=True)

PAGES = ["/", "/blog/", "/colorways/", "/sizing/", "/search/?q=fit"]


def unused_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def database_unreachable():
    """Point the connection at a local port where no server listens: every attempt to
    connect fails for real, as it does while PostgreSQL is down or restarting."""
    real_port = connection.settings_dict["PORT"]
    connection.close()
    connection.settings_dict["PORT"] = str(unused_port())
    try:
        yield
    finally:
        connection.close()
        connection.settings_dict["PORT"] = real_port


@pytest.fixture
def reader():
    return Client(raise_request_exception=False)


def test_pages_answer_503_back_soon_while_the_database_is_down_and_200_after(reader):
    post = PostFactory(status="published")
    pages = [*PAGES, post.get_absolute_url()]
    with database_unreachable():
        for page in pages:
            response = reader.get(page)
            assert response.status_code == HTTPStatus.SERVICE_UNAVAILABLE, page
            assert "Back soon" in response.text
            assert response["Retry-After"] == "30"
            assert response["Cache-Control"] == "no-store"
    for page in pages:
        assert reader.get(page).status_code == HTTPStatus.OK, page


def test_healthz_answers_503_while_the_database_is_down(reader):
    with database_unreachable():
        response = reader.get("/healthz")
    assert response.status_code == HTTPStatus.SERVICE_UNAVAILABLE
    assert response.json() == {"status": "unavailable", "database": "unavailable", "cache": "ok"}
    assert reader.get("/healthz").status_code == HTTPStatus.OK


def test_an_editor_posting_while_the_database_is_down_gets_503_not_500(staff_client):
    staff_client.raise_request_exception = False
    with database_unreachable():
        response = staff_client.post("/admin/blog/category/add/", {"name": "Lost", "slug": "lost"})
    assert response.status_code == HTTPStatus.SERVICE_UNAVAILABLE


@pytest.fixture
def connection_attempts(monkeypatch):
    """How many times the site tried to open a database connection."""
    attempts = []
    real = connection.get_new_connection

    def counted(params):
        attempts.append(params)
        return real(params)

    monkeypatch.setattr(connection, "get_new_connection", counted)
    return attempts


def test_a_request_waits_for_the_missing_database_once_not_again_for_its_error_page(
    staff_client, connection_attempts
):
    """Each attempt waits up to the connect timeout while PostgreSQL is down: a request
    whose error page went back to the database would hold its worker twice as long."""
    staff_client.raise_request_exception = False
    reader = Client(raise_request_exception=False)
    reader.cookies["analytics_visitor"] = "x"
    with database_unreachable():
        posted = staff_client.post("/admin/blog/category/add/", {"name": "Lost", "slug": "lost"})
        after_post = len(connection_attempts)
        read = reader.get("/blog/")
    assert posted.status_code == read.status_code == HTTPStatus.SERVICE_UNAVAILABLE
    assert after_post == 1
    assert len(connection_attempts) == 2


def test_other_errors_still_get_the_500_page():
    request = RequestFactory().get("/")
    try:
        raise ValueError("a bug")
    except ValueError:
        assert sys.exception() is not None
        response = server_error(request)
    assert response.status_code == HTTPStatus.INTERNAL_SERVER_ERROR
    assert "Back soon" not in response.content.decode()
