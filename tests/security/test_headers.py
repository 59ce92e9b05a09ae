"""Security headers and cookie flags on every kind of page, as production sends them.

The settings are the real ones with DEBUG off (HSTS, secure cookies); requests are
made over HTTPS (`secure=True`), as the reverse proxy forwards them.
"""

import re
from http import HTTPStatus

import pytest
from django.test import Client

from consent.state import parse_consent

pytestmark = pytest.mark.django_db

HALF_A_YEAR = 15_552_000
FINDER_ANSWER = "shoe=nike-air-force-1&size=10&system=us-men&width=wide"

PAGES = [
    ("/", HTTPStatus.OK),
    ("/blog/", HTTPStatus.OK),
    ("/blog/?page=2", HTTPStatus.NOT_FOUND),
    ("/blog/gel-kayano-14-history/", HTTPStatus.OK),
    ("/blog/author/charly/", HTTPStatus.OK),
    ("/blog/category/gel-kayano-14/", HTTPStatus.OK),
    ("/blog/tag/sizing/", HTTPStatus.OK),
    ("/blog/feed/", HTTPStatus.OK),
    ("/blog/feed/atom/", HTTPStatus.OK),
    ("/blog/author/charly/feed/", HTTPStatus.OK),
    ("/blog/category/gel-kayano-14/feed/", HTTPStatus.OK),
    ("/search/?q=sizing", HTTPStatus.OK),
    ("/search/?q=", HTTPStatus.BAD_REQUEST),
    ("/sitemap.xml", HTTPStatus.OK),
    ("/robots.txt", HTTPStatus.OK),
    ("/colorways/", HTTPStatus.OK),
    ("/colorways/?collaborator=jjjjound&colour=silver", HTTPStatus.OK),
    ("/colorways/?year=abc", HTTPStatus.BAD_REQUEST),
    ("/colorways/jjjjound-silver-black/", HTTPStatus.OK),
    ("/colorways/collaborators/", HTTPStatus.OK),
    ("/colorways/collaborators/jjjjound/", HTTPStatus.OK),
    ("/colorways/upcoming/", HTTPStatus.OK),
    ("/colorways/upcoming.ics", HTTPStatus.OK),
    ("/colorways/timeline/", HTTPStatus.OK),
    ("/sizing/", HTTPStatus.OK),
    (f"/sizing/?{FINDER_ANSWER}", HTTPStatus.OK),
    ("/sizing/?shoe=nope&size=99", HTTPStatus.BAD_REQUEST),
    ("/api/colorways/", HTTPStatus.OK),
    ("/api/colorways/jjjjound-silver-black/", HTTPStatus.OK),
    ("/api/colorways/nope/", HTTPStatus.NOT_FOUND),
    ("/api/collaborators/", HTTPStatus.OK),
    ("/api/sizing/shoes", HTTPStatus.OK),
    (f"/api/sizing/recommend?{FINDER_ANSWER}", HTTPStatus.OK),
    ("/api/openapi.json", HTTPStatus.OK),
    ("/api/docs/", HTTPStatus.OK),
    ("/cookies/", HTTPStatus.OK),
    ("/cookies/status/", HTTPStatus.OK),
    ("/cookie-policy/", HTTPStatus.OK),
    ("/privacy/", HTTPStatus.OK),
    ("/no-such-page/", HTTPStatus.NOT_FOUND),
    ("/healthz", HTTPStatus.OK),
    ("/account/login/", HTTPStatus.OK),
    ("/admin/login/", HTTPStatus.FOUND),
    ("/admin/", HTTPStatus.FOUND),
]


def directives(policy: str) -> dict[str, list[str]]:
    parsed = {}
    for part in policy.split(";"):
        name, *values = part.split()
        parsed[name] = values
    return parsed


def assert_security_headers(response):
    policy = response["Content-Security-Policy"]
    csp = directives(policy)
    assert csp["default-src"] in (["'self'"], ["'none'"])
    assert csp["form-action"] == ["'self'"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert csp["object-src"] == ["'none'"]
    assert csp["base-uri"] == ["'none'"]
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert "*" not in policy.split()
    hsts = dict(
        part.strip().partition("=")[::2]
        for part in response["Strict-Transport-Security"].split(";")
    )
    assert int(hsts["max-age"]) >= HALF_A_YEAR
    assert "includeSubDomains" in hsts
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] in {
        "no-referrer",
        "same-origin",
        "strict-origin",
        "strict-origin-when-cross-origin",
    }
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"


@pytest.mark.parametrize(("path", "status"), PAGES, ids=[path for path, _ in PAGES])
def test_every_page_type_is_sent_with_the_security_headers(client, demo_site, path, status):
    response = client.get(path, secure=True)
    assert response.status_code == status
    assert_security_headers(response)
    assert_cookies_are_locked_down(response)


def test_a_body_too_large_is_refused_with_the_security_headers(client, settings):
    settings.MAX_REQUEST_BYTES = 1000
    response = client.post("/cookies/save/", {"next": "x" * 2000}, secure=True)
    assert response.status_code == HTTPStatus.REQUEST_ENTITY_TOO_LARGE
    assert_security_headers(response)
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"


@pytest.mark.parametrize("secure", [True, False])
def test_a_host_not_allowed_is_refused_with_the_security_headers(client, settings, secure):
    settings.SECURE_SSL_REDIRECT = True
    response = client.get("/", headers={"host": "evil.example"}, secure=secure)
    assert response.status_code == HTTPStatus.BAD_REQUEST
    for header in (
        "Content-Security-Policy",
        "X-Content-Type-Options",
        "X-Frame-Options",
        "Referrer-Policy",
        "Cross-Origin-Opener-Policy",
        "Cross-Origin-Resource-Policy",
    ):
        assert header in response, header
    assert ("Strict-Transport-Security" in response) == secure


def test_a_plain_http_request_is_redirected_to_https_in_production(client, demo_site, settings):
    settings.SECURE_SSL_REDIRECT = True
    response = client.get("/blog/")
    assert response.status_code == HTTPStatus.MOVED_PERMANENTLY
    assert response["Location"] == "https://testserver/blog/"


def nonces(response) -> tuple[str, set[str]]:
    """The nonce the policy allows and the nonces the page's script tags carry."""
    (allowed,) = re.findall(r"'nonce-([^']+)'", response["Content-Security-Policy"])
    used = set(re.findall(r'<script[^>]* nonce="([^"]+)"', response.content.decode()))
    return allowed, used


@pytest.mark.parametrize(
    "path", ["/", "/blog/gel-kayano-14-history/", "/colorways/", f"/sizing/?{FINDER_ANSWER}"]
)
def test_public_pages_are_the_same_bytes_for_every_reader_with_no_nonce(demo_site, settings, path):
    settings.PAGE_CACHE_SECONDS = 0  # both responses built afresh, not served from the cache
    first = Client().get(path, secure=True)
    second = Client().get(path, secure=True)
    assert first.content == second.content
    assert first["Content-Security-Policy"] == second["Content-Security-Policy"]
    assert "'nonce-" not in first["Content-Security-Policy"]
    assert "nonce=" not in first.content.decode()
    assert not first.cookies


def test_the_admin_s_scripts_carry_a_fresh_nonce_on_every_response(staff_client, demo_site):
    first_allowed, first_used = nonces(staff_client.get("/admin/", secure=True))
    second_allowed, second_used = nonces(staff_client.get("/admin/", secure=True))
    assert first_used == {first_allowed} and second_used == {second_allowed}
    assert first_allowed != second_allowed
    assert len(first_allowed) >= 16


# The cookie the site's own script must read, and why: consent-state.js decides before the
# first paint whether a cached page shows the banner. It holds the banner version and the
# accepted group names, nothing else (checked below).
READABLE_BY_PAGE_SCRIPT = {"consent_state"}


def assert_cookies_are_locked_down(response):
    for name, morsel in response.cookies.items():
        if morsel.value == "" and morsel["max-age"] == 0:
            continue  # a deletion: the browser drops the cookie whatever its flags
        assert morsel["secure"] is True, name
        assert morsel["samesite"] in ("Lax", "Strict"), name
        if name in READABLE_BY_PAGE_SCRIPT:
            assert not morsel["httponly"], name
        else:
            assert morsel["httponly"] is True, name


def set_cookie_names(response) -> set[str]:
    return {name for name, morsel in response.cookies.items() if morsel.value}


def test_csrf_cookie_is_secure_httponly_and_samesite(client, demo_site):
    response = client.get("/account/login/", secure=True)
    assert "csrftoken" in set_cookie_names(response)
    assert_cookies_are_locked_down(response)


def test_session_cookie_after_a_staff_login_is_secure_httponly_and_samesite(demo_site):
    from django.test import Client

    from tests.factories import UserFactory

    UserFactory(username="editor", is_staff=True)
    client = Client(enforce_csrf_checks=False)
    response = client.post(
        "/account/login/",
        {
            "login_view-current_step": "auth",
            "auth-username": "editor",
            "auth-password": "correct horse battery",
        },
        secure=True,
    )
    assert response.status_code == HTTPStatus.FOUND
    assert "sessionid" in set_cookie_names(response)
    assert_security_headers(response)
    assert_cookies_are_locked_down(response)


@pytest.mark.parametrize("as_json", [True, False], ids=["script", "plain form"])
def test_consent_cookies_are_secure_and_samesite_and_only_the_marker_is_readable(
    client, demo_site, as_json
):
    headers = {"accept": "application/json"} if as_json else {}
    response = client.post(
        "/cookies/save/",
        {"method": "accept_all", "next": "/"},
        secure=True,
        headers=headers,
    )
    assert response.status_code == (HTTPStatus.OK if as_json else HTTPStatus.FOUND)
    names = set_cookie_names(response)
    assert {"cookie_consent", "consent_state", "consent_visitor"} <= names
    if not as_json:
        assert "messages" in names
    assert_security_headers(response)
    assert_cookies_are_locked_down(response)


def test_the_script_readable_consent_cookie_holds_nothing_sensitive(client, demo_site):
    response = client.post("/cookies/save/", {"method": "accept_all"}, secure=True)
    marker = response.cookies["consent_state"].value
    consent = parse_consent(marker)
    assert consent is not None
    # Only the banner version and the accepted group names, which every page shows anyway.
    assert marker.split(".")[1:] == sorted(consent.accepted) == ["analytics", "marketing"]
    assert re.fullmatch(r"[A-Za-z0-9_-]+(\.[a-z0-9_-]+)*", marker)
    visitor = response.cookies["consent_visitor"].value
    assert visitor not in marker
    assert client.session.session_key is None or client.session.session_key not in marker
