"""One JSON line per request: request id, method, path, status and duration, nothing
that identifies the reader."""

import json
import logging

import pytest

pytestmark = pytest.mark.django_db


def test_a_request_line_carries_exactly_the_operational_fields(client, caplog):
    with caplog.at_level(logging.INFO, logger="kayano.requests"):
        response = client.get(
            "/search/?q=wide+feet",
            REMOTE_ADDR="203.0.113.9",
            headers={"user-agent": "Reader-Browser/1.0", "x-forwarded-for": "198.51.100.4"},
        )
    (record,) = [r for r in caplog.records if r.name == "kayano.requests"]
    line = json.loads(record.getMessage())
    assert set(line) == {"event", "request_id", "method", "path", "status", "duration_ms"}
    assert line["request_id"] == response["X-Request-ID"]
    assert (line["method"], line["path"], line["status"]) == ("GET", "/search/", 200)
    assert isinstance(line["duration_ms"], float)
    for personal in ("203.0.113.9", "198.51.100.4", "Reader-Browser", "wide"):
        assert personal not in record.getMessage()


def test_a_logged_in_editor_is_not_named_in_the_line(staff_client, staff_user, caplog):
    with caplog.at_level(logging.INFO, logger="kayano.requests"):
        staff_client.get("/admin/")
    (record,) = [r for r in caplog.records if r.name == "kayano.requests"]
    assert json.loads(record.getMessage())["status"] == 200
    assert staff_user.username not in record.getMessage()
    assert staff_user.email not in record.getMessage()
