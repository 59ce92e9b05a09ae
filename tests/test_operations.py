"""Operational promises: health check, request limits, request logs, login throttling."""

import json
import logging
from http import HTTPStatus

import pytest
from django.test import Client

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

LOGIN_URL = "/account/login/"


def test_healthz_answers_ok_when_database_and_cache_work(client):
    response = client.get("/healthz")
    assert response.status_code == HTTPStatus.OK
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_oversized_request_is_refused_before_the_body_is_read(staff_client, settings):
    settings.MAX_REQUEST_BYTES = 1000
    response = staff_client.post(
        "/markdownx/markdownify/", {"content": "x" * 2000}, headers={"x-csrftoken": "x"}
    )
    assert response.status_code == HTTPStatus.REQUEST_ENTITY_TOO_LARGE
    assert "too large" in response.text


def test_each_request_is_logged_as_one_json_line_without_personal_data(client, caplog):
    with caplog.at_level(logging.INFO, logger="kayano.requests"):
        response = client.get("/search/?q=my+secret+question", REMOTE_ADDR="203.0.113.9")
    (record,) = [r for r in caplog.records if r.name == "kayano.requests"]
    line = json.loads(record.getMessage())
    assert line["request_id"] == response["X-Request-ID"]
    assert line["path"] == "/search/" and line["status"] == 200 and line["method"] == "GET"
    assert line["duration_ms"] >= 0
    assert "secret" not in record.getMessage() and "203.0.113.9" not in record.getMessage()


def test_a_sane_incoming_request_id_is_kept_and_a_hostile_one_replaced(client):
    assert (
        client.get("/healthz", headers={"x-request-id": "abc123-def456"})["X-Request-ID"]
        == "abc123-def456"
    )
    replaced = client.get("/healthz", headers={"x-request-id": "<script>"})["X-Request-ID"]
    assert replaced != "<script>" and len(replaced) == 32


def login(client, username, password, **extra):
    form = {"login_view-current_step": "auth", "auth-username": username, "auth-password": password}
    return client.post(LOGIN_URL, form, **extra)


def fail_login(client, username, times, **extra):
    for _ in range(times):
        response = login(client, username, "wrong", **extra)
    return response


def test_admin_login_is_locked_after_five_failures_per_user_and_ip():
    UserFactory(username="editor", is_staff=True)
    attacker = Client(REMOTE_ADDR="198.51.100.7")
    assert fail_login(attacker, "editor", 4).status_code == HTTPStatus.OK
    locked = fail_login(attacker, "editor", 1)
    assert locked.status_code == HTTPStatus.TOO_MANY_REQUESTS
    right_password = login(attacker, "editor", "correct horse battery")
    assert right_password.status_code == HTTPStatus.TOO_MANY_REQUESTS
    elsewhere = Client(REMOTE_ADDR="198.51.100.8")
    ok = login(elsewhere, "editor", "correct horse battery")
    assert ok.status_code == HTTPStatus.FOUND


def test_behind_a_proxy_the_throttle_uses_the_address_the_proxy_saw(settings):
    settings.CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    UserFactory(username="editor", is_staff=True)
    proxy = Client(REMOTE_ADDR="10.0.0.2")
    for spoof in range(5):
        login(proxy, "editor", "wrong", headers={"x-forwarded-for": f"1.1.1.{spoof}, 198.51.100.7"})
    locked = login(
        proxy,
        "editor",
        "correct horse battery",
        headers={"x-forwarded-for": "9.9.9.9, 198.51.100.7"},
    )
    assert locked.status_code == HTTPStatus.TOO_MANY_REQUESTS
    other_reader = login(
        proxy, "editor", "correct horse battery", headers={"x-forwarded-for": "198.51.100.99"}
    )
    assert other_reader.status_code == HTTPStatus.FOUND


def test_staff_sessions_expire_after_a_working_day():
    UserFactory(username="editor", is_staff=True)
    response = login(Client(), "editor", "correct horse battery")
    assert response.cookies["sessionid"]["max-age"] == 8 * 3600
