"""`make run` serves the site as readers see it: DEBUG off unless asked for, so a
missing page is the designed 404, with the collected static files, on plain HTTP."""

import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from lxml import html as lxml_html

ROOT = Path(__file__).resolve().parent.parent
START_SECONDS = 180


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


@pytest.fixture
def make_run(tmp_path):
    """The site as `make run` serves it, on an SQLite database of its own; its address."""
    port = free_port()
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DEBUG", "DATABASE_URL", "ALLOWED_HOSTS", "DJANGO_SETTINGS_MODULE"}
    }
    env.update(
        PORT=str(port),
        SECRET_KEY="make-run-test-key",
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        MEDIA_ROOT=str(tmp_path / "media"),
        STATIC_ROOT=str(tmp_path / "static"),
    )
    server = subprocess.Popen(
        ["make", "--no-print-directory", "run"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + START_SECONDS
        while time.monotonic() < deadline:
            if server.poll() is not None:
                pytest.fail(f"make run stopped with status {server.returncode}")
            try:
                fetch(f"{base}/healthz")
                break
            except OSError:
                time.sleep(0.5)
        else:
            pytest.fail(f"make run did not answer within {START_SECONDS} s")
        yield base
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=20)


def test_make_run_shows_the_designed_404_and_serves_its_static_files(make_run):
    status, body = fetch(f"{make_run}/no-such-page/")
    assert status == 404
    page = lxml_html.fromstring(body)
    assert page.findtext(".//title") == "Page not found · Kayano 14 Hub"
    assert page.xpath('//img[@alt="Kayano 14 Hub"]'), "the page has the site's header"
    assert b"Django" not in body and b"URLconf" not in body
    stylesheet = page.xpath('//link[@rel="stylesheet"]/@href')[0]
    font = page.xpath('//link[@rel="preload"][@as="font"]/@href')[0]
    for asset in (stylesheet, font):
        # Collected under a hashed name, as in production.
        assert asset.count(".") >= 2
        assert fetch(f"{make_run}{asset}")[0] == 200

    status, body = fetch(f"{make_run}/")
    assert status == 200, "no redirect to HTTPS on 127.0.0.1"
