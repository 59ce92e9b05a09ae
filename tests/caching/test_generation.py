"""The content generation: every editorial change and the passing of time start a new
one, and HTTP caches are told to drop their pages after each committed change."""

import datetime
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import time_machine
from django.apps import apps
from django.conf import settings
from django.utils import timezone

from caching import generation
from tests.factories import ConsentRecordFactory, PostFactory

pytestmark = pytest.mark.django_db


def content_models():
    return [
        model
        for label in settings.CONTENT_APPS
        for model in apps.get_app_config(label).get_models()
        if model._meta.label_lower not in settings.NOT_CONTENT_MODELS
    ]


def test_every_content_model_but_readers_records_starts_a_new_generation(cookie_groups):
    labels = {model._meta.label for model in content_models()}
    assert {"blog.Post", "colorways.Listing", "sizing.SizeChartRow", "consent.PolicyPage"} <= labels
    assert "cookie_consent.Cookie" in labels
    before = generation.current()
    PostFactory()
    assert generation.current().id != before.id
    unchanged = generation.current()
    ConsentRecordFactory()
    assert generation.current().id == unchanged.id


def test_a_change_starts_another_generation_once_committed(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        PostFactory()
        during = generation.current()
    assert callbacks
    assert generation.current().id != during.id


def test_a_generation_ends_when_the_next_scheduled_post_goes_live():
    # At noon, so that the post goes live before the generation's midnight.
    noon = timezone.make_aware(datetime.datetime(2026, 11, 27, 12, 0))
    publish_at = noon + datetime.timedelta(minutes=30)
    with time_machine.travel(noon, tick=False):
        PostFactory(publish_at=publish_at)
        current = generation.current()
        assert current.ends_at == publish_at.timestamp()
    with time_machine.travel(publish_at + datetime.timedelta(seconds=1)):
        assert generation.current().id != current.id


def test_a_generation_ends_at_midnight():
    moment = timezone.make_aware(datetime.datetime(2026, 11, 27, 23, 59, 30))
    with time_machine.travel(moment, tick=False):
        generation.bump()
        assert generation.current().seconds_left() == 30


class BanRecorder(BaseHTTPRequestHandler):
    received: list[str] = []

    def do_BAN(self):
        self.received.append(self.path)
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def http_cache(settings):
    """A stand-in for Varnish's purge endpoint that records the BAN requests it gets."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), BanRecorder)
    BanRecorder.received = []
    threading.Thread(target=server.serve_forever, daemon=True).start()
    settings.HTTP_CACHE_BAN_URLS = [f"http://127.0.0.1:{server.server_port}/"]
    yield BanRecorder.received
    server.shutdown()


def test_http_caches_are_told_to_drop_their_pages_after_a_committed_change(
    http_cache, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        PostFactory()
    assert http_cache == []  # nothing before the commit
    for callback in callbacks:
        callback()
    assert http_cache and set(http_cache) == {"/"}


def test_an_http_cache_that_does_not_answer_never_fails_a_save(settings, caplog):
    settings.HTTP_CACHE_BAN_URLS = ["http://127.0.0.1:9/"]
    from caching.purge import ban_http_caches

    ban_http_caches()
    assert "was not told to drop its pages" in caplog.text
