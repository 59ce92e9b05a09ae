"""The shipped Varnish configuration (deploy/varnish.vcl), with a real varnishd in front
of the live test server: public pages come from Varnish, nothing personal is kept, the
banner's state is honoured, and an editor's save shows through Varnish at once."""

import os
import shutil
import socket
import subprocess
import time
import urllib.request
from http import HTTPStatus
from pathlib import Path

import pytest

from blog.models import Post
from consent.catalogue import current_catalogue
from tests.factories import PostFactory
from tests.services import service_missing

pytestmark = pytest.mark.django_db(transaction=True)
VCL = Path(__file__).resolve().parents[2] / "deploy" / "varnish.vcl"


def unused_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def varnish(live_server, settings, tmp_path, cookie_groups):
    """varnishd on a free port with the shipped VCL, its backend the live test server."""
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "127.0.0.1"]
    binary = shutil.which("varnishd") or "/usr/sbin/varnishd"
    if not os.path.exists(binary):
        service_missing("varnishd is not installed (apt-get install varnish)")
    backend_port = live_server.url.rsplit(":", 1)[1]
    vcl = tmp_path / "site.vcl"
    vcl.write_text(VCL.read_text().replace('.port = "8000";', f'.port = "{backend_port}";'))
    port = unused_port()
    process = subprocess.Popen(
        [binary, "-F", "-j", "none", "-a", f"127.0.0.1:{port}", "-f", str(vcl),
         "-n", str(tmp_path / "n"),
         "-s", "malloc,32m", "-p", "ban_lurker_sleep=0.01"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    for _ in range(200):
        try:
            urllib.request.urlopen(f"{url}/healthz", timeout=1)
            break
        except OSError:
            time.sleep(0.05)
    else:
        process.kill()
        pytest.fail(f"varnishd did not start: {process.stderr.read().decode()[-2000:]}")
    settings.PAGE_CACHE_SECONDS = 300
    settings.HTTP_CACHE_BAN_URLS = [f"{url}/"]
    yield url
    process.kill()
    process.wait()


def get(url: str, cookie: str = "", **headers):
    headers = {name.replace("_", "-"): value for name, value in headers.items()}
    if cookie:
        headers["Cookie"] = cookie
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode()


def test_public_pages_are_served_from_varnish(varnish):
    PostFactory(title="Silver and black")
    first = get(f"{varnish}/blog/")
    second = get(f"{varnish}/blog/?utm_source=newsletter")
    assert first[0] == second[0] == HTTPStatus.OK
    assert (first[1]["X-Cache"], second[1]["X-Cache"]) == ("miss", "hit")
    assert "Silver and black" in second[2]
    assert get(f"{varnish}/blog/", cookie="consent_visitor=abc; csrftoken=x")[1]["X-Cache"] == "hit"


def test_staff_previews_search_and_cookies_are_never_kept(varnish, staff_user, client):
    draft = PostFactory(title="Draft in progress", status=Post.Status.DRAFT)
    client.force_login(staff_user)
    session = f"sessionid={client.cookies['sessionid'].value}"
    for _ in range(2):
        status, headers, html = get(f"{varnish}{draft.get_absolute_url()}", cookie=session)
        assert status == HTTPStatus.OK and "Draft in progress" in html
        assert headers["X-Cache"] == "miss"
    assert get(f"{varnish}{draft.get_absolute_url()}")[0] == HTTPStatus.NOT_FOUND
    for _ in range(2):
        assert get(f"{varnish}/search/?q=silver")[1]["X-Cache"] == "miss"
        # a refused optional cookie is deleted with Set-Cookie: that response is not kept
        refused = get(f"{varnish}/colorways/", cookie="k14_analytics=0123")
        assert "k14_analytics=" in refused[1]["Set-Cookie"] and refused[1]["X-Cache"] == "miss"


def decide(url: str, method: str = "accept_all") -> str:
    """Decide on the cookies as a reader's browser does; the cookies it then sends."""
    request = urllib.request.Request(
        f"{url}/cookies/save/",
        data=f"method={method}".encode(),
        headers={"Sec-Fetch-Site": "same-origin", "Accept": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=5) as response:
        cookies = response.headers.get_all("Set-Cookie")
    return "; ".join(cookie.split(";")[0] for cookie in cookies)


def test_the_banner_s_state_gives_its_own_page(varnish):
    decided = decide(varnish)
    assert f"consent_state={current_catalogue().version}." in decided
    assert get(f"{varnish}/")[1]["X-Cache"] == "miss"
    status, headers, html = get(f"{varnish}/", cookie=decided)
    assert headers["X-Cache"] == "miss" and "consent-banner-decided" in html
    status, headers, html = get(f"{varnish}/", cookie=decided)
    assert headers["X-Cache"] == "hit" and "consent-banner-decided" in html
    status, headers, html = get(f"{varnish}/")
    assert headers["X-Cache"] == "hit" and "consent-banner-decided" not in html


def test_an_editor_s_save_shows_through_varnish_within_a_second(varnish):
    post = PostFactory(title="Kayano notes")
    get(f"{varnish}/blog/")
    assert get(f"{varnish}/blog/")[1]["X-Cache"] == "hit"
    post.title = "Kayano notes, revised"
    post.save()  # committed: the site bans Varnish's pages
    deadline = time.monotonic() + 1
    while "Kayano notes, revised" not in get(f"{varnish}/blog/")[2]:
        assert time.monotonic() < deadline, "the change did not show within a second"
        time.sleep(0.05)


def test_readers_who_decided_share_one_page_whatever_they_chose_and_forged_states_none(varnish):
    everything, nothing = decide(varnish), decide(varnish, "reject_all")
    assert everything != nothing
    assert get(f"{varnish}/", cookie=everything)[1]["X-Cache"] == "miss"
    status, headers, html = get(f"{varnish}/", cookie=nothing)
    assert headers["X-Cache"] == "hit" and "consent-banner-decided" in html
    assert get(f"{varnish}/")[1]["X-Cache"] == "miss"
    version = current_catalogue().version
    for forged in ("x" * 300, f"{version}x", "../../etc"):
        status, headers, html = get(f"{varnish}/", cookie=f"consent_state={forged}")
        assert headers["X-Cache"] == "hit" and "consent-banner-decided" not in html


def test_a_page_asked_for_over_https_is_kept_apart_from_the_http_one(varnish):
    get(f"{varnish}/blog/")
    assert get(f"{varnish}/blog/")[1]["X-Cache"] == "hit"
    assert get(f"{varnish}/blog/", X_Forwarded_Proto="https")[1]["X-Cache"] == "miss"
    assert get(f"{varnish}/blog/", X_Forwarded_Proto="https")[1]["X-Cache"] == "hit"
