"""`manage.py purge_caches`, run after a deploy: a new content generation, and a BAN to
every HTTP cache in HTTP_CACHE_BAN_URLS (here small HTTP servers standing in for Varnish)."""

import io
import socket
import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.management import CommandError, call_command

from caching import generation

pytestmark = pytest.mark.django_db


class RecordingCache(BaseHTTPRequestHandler):
    """Records every request it gets and answers with the server's `status`."""

    def _record(self):
        self.server.received.append((self.command, self.path, dict(self.headers)))
        self.send_response(self.server.status)
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_BAN = do_PURGE = do_GET = do_POST = _record

    def log_message(self, *args):
        pass


@pytest.fixture
def start_cache():
    """A function that starts an HTTP cache answering `status` and returns its address
    and the list of (method, path, headers) it receives."""
    servers = []

    def start(status=HTTPStatus.OK):
        server = ThreadingHTTPServer(("127.0.0.1", 0), RecordingCache)
        server.status, server.received = status, []
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"127.0.0.1:{server.server_port}", server.received

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


def unanswered_address() -> str:
    """An address on this machine where nothing listens."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return f"127.0.0.1:{probe.getsockname()[1]}"


def purge_caches() -> str:
    out = io.StringIO()
    call_command("purge_caches", stdout=out)
    return out.getvalue()


def test_purge_caches_sends_a_ban_to_every_http_cache_and_starts_a_new_generation(
    settings, start_cache
):
    first, first_received = start_cache()
    second, second_received = start_cache()
    settings.HTTP_CACHE_BAN_URLS = [f"http://{first}/", f"http://{second}/varnish/"]
    before = generation.current()
    output = purge_caches()
    assert [(method, path) for method, path, _ in first_received] == [("BAN", "/")]
    assert [(method, path) for method, path, _ in second_received] == [("BAN", "/varnish/")]
    assert first_received[0][2]["Host"] == first
    assert second_received[0][2]["Host"] == second
    assert generation.current().id != before.id
    assert "2 HTTP cache(s) told to drop pages" in output


@pytest.mark.parametrize("refusing", [False, True], ids=["not listening", "refuses the BAN"])
def test_purge_caches_fails_naming_a_cache_it_could_not_tell_and_still_bans_the_others(
    settings, start_cache, caplog, refusing
):
    if refusing:  # as Varnish answers a BAN from outside its purgers ACL
        broken, _ = start_cache(status=HTTPStatus.METHOD_NOT_ALLOWED)
    else:
        broken = unanswered_address()
    working, received = start_cache()
    settings.HTTP_CACHE_BAN_URLS = [f"http://{broken}/", f"http://{working}/"]
    before = generation.current()
    with pytest.raises(CommandError, match=f"Not told to drop their pages .*: http://{broken}/$"):
        purge_caches()
    assert f"HTTP cache at http://{broken}/ was not told to drop its pages" in caplog.text
    assert f"http://{working}/ was not told" not in caplog.text
    assert [method for method, _, _ in received] == ["BAN"]
    assert generation.current().id != before.id
