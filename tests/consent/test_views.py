"""The consent flow over HTTP: the no-JavaScript forms, the script's JSON path, the cookies."""

import base64
import hashlib
import json
import re
from http import HTTPStatus

import pytest
from cookie_consent.models import CookieGroup
from django.test import Client
from django.urls import reverse

from consent.catalogue import current_catalogue
from consent.models import ConsentRecord
from consent.records import CONSENT_COOKIE, MARKER_COOKIE, VISITOR_COOKIE
from tests.clients import browser
from tests.factories import CookieFactory, PostFactory

pytestmark = pytest.mark.django_db
SIX_MONTHS = 183 * 24 * 60 * 60
SAVE = reverse("consent:save")


@pytest.fixture(autouse=True)
def groups(cookie_groups):
    return cookie_groups


def decide(client, method, *, groups=(), next_url="/", json_response=False, headers=None, **extra):
    headers = {**({"Accept": "application/json"} if json_response else {}), **(headers or {})}
    data = {"method": method, "groups": list(groups), "next": next_url}
    return client.post(SAVE, data, headers=headers, **extra)


def test_first_visit_shows_the_banner_with_three_equal_choices_and_sets_no_optional_cookie(client):
    response = client.get("/")
    html = response.content.decode()
    banner = re.search(r'<section class="consent-banner"[^>]*>.*?</section>', html, re.S).group(0)
    choices = re.findall(r'class="consent-choice"[^>]*>([^<]+)<', banner)
    assert choices == ["Accept all", "Reject all", "Choose"]
    assert "consent-banner-decided" not in banner
    assert reverse("consent:cookie-policy") in banner
    assert "k14_analytics" not in response.cookies
    assert CONSENT_COOKIE not in response.cookies


def test_the_page_never_loads_analytics_itself(client, settings):
    settings.ANALYTICS_SCRIPT_URL = "https://stats.example/script.js"
    html = client.get("/").content.decode()
    script_sources = re.findall(r"<script[^>]*\ssrc=\"([^\"]+)\"", html)
    assert script_sources == ["/static/js/consent.js"]
    config = json.loads(re.search(r'id="consent-config"[^>]*>(.*?)</script>', html).group(1))
    assert config["analytics"]["src"] == "https://stats.example/script.js"


@pytest.mark.parametrize("secure", [True, False])
def test_consent_cookies_last_six_months_with_the_right_flags(client, settings, secure):
    settings.SESSION_COOKIE_SECURE = secure
    response = decide(client, "accept_all")
    consent, marker, visitor = (
        response.cookies[n] for n in (CONSENT_COOKIE, MARKER_COOKIE, VISITOR_COOKIE)
    )
    for cookie in (consent, marker, visitor):
        assert cookie["max-age"] == SIX_MONTHS
        assert cookie["samesite"] == "Lax"
        assert bool(cookie["secure"]) is secure
    assert consent["httponly"] is True
    assert visitor["httponly"] is True
    assert not marker["httponly"]
    version = current_catalogue().version
    assert marker.value == f"{version}.analytics.marketing"


def test_no_javascript_accept_redirects_back_with_a_message_and_records_proof(client):
    response = decide(client, "accept_all", next_url="/blog/")
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == "/blog/"
    record = ConsentRecord.objects.get()
    assert record.choices == {"analytics": True, "marketing": True}
    assert record.method == ConsentRecord.Method.ACCEPT_ALL
    assert record.banner_version == current_catalogue().version
    assert len(record.visitor_id) == 32
    assert record.visitor_id != response.cookies[VISITOR_COOKIE].value
    field_names = {field.name for field in ConsentRecord._meta.get_fields()}
    assert not field_names & {"ip", "ip_address", "remote_addr", "user", "user_agent"}
    page = client.get("/blog/")
    assert "Your cookie choices are saved" in page.content.decode()


def test_choose_records_the_choice_per_group(client):
    decide(client, "choose", groups=["analytics"])
    assert ConsentRecord.objects.get().choices == {"analytics": True, "marketing": False}


def test_javascript_path_answers_json_without_a_redirect(client):
    response = decide(client, "reject_all", json_response=True)
    assert response.status_code == HTTPStatus.OK
    body = response.json()
    assert body["accepted"] == []
    assert body["version"] == current_catalogue().version
    assert "Analytics: off" in body["message"]
    assert response.cookies[MARKER_COOKIE].value == current_catalogue().version


def test_rejecting_deletes_optional_cookies_on_the_server_side(client):
    client.cookies["k14_analytics"] = "abc"
    response = decide(client, "reject_all")
    assert response.cookies["k14_analytics"]["max-age"] == 0
    assert response.cookies["k14_analytics"].value == ""


def test_withdrawal_deletes_the_analytics_cookie_and_is_recorded(client):
    decide(client, "accept_all")
    client.cookies["k14_analytics"] = "abc"
    assert "k14_analytics" not in client.get("/").cookies
    response = decide(client, "choose", groups=[], next_url=reverse("consent:settings"))
    assert response.cookies["k14_analytics"]["max-age"] == 0
    assert [r.method for r in ConsentRecord.objects.order_by("id")] == ["accept_all", "choose"]
    assert len({r.visitor_id for r in ConsentRecord.objects.all()}) == 1


def test_any_page_deletes_an_optional_cookie_set_without_consent(client):
    client.cookies["k14_analytics"] = "abc"
    assert client.get("/").cookies["k14_analytics"]["max-age"] == 0


def test_a_change_to_the_cookie_list_asks_again_and_stops_optional_cookies(client):
    decide(client, "accept_all")
    client.cookies["k14_analytics"] = "abc"
    assert 'class="consent-banner consent-banner-decided"' in client.get("/").content.decode()
    CookieFactory(cookiegroup__varname="analytics", name="k14_new")
    response = client.get("/")
    assert 'class="consent-banner"' in response.content.decode()
    assert response.cookies["k14_analytics"]["max-age"] == 0


def test_the_same_decision_again_adds_no_row_but_is_confirmed(client):
    decide(client, "reject_all")
    first = ConsentRecord.objects.get()
    decide(client, "reject_all")
    again = ConsentRecord.objects.get()
    assert again.pk == first.pk
    assert again.confirmed_at > first.confirmed_at


def test_past_the_address_limit_the_choice_is_kept_in_the_browser_but_not_recorded(
    client, settings, caplog
):
    settings.CONSENT_RATE_LIMIT_PER_ADDRESS = 3
    responses = [decide(browser(), "reject_all") for _ in range(5)]
    assert [r.status_code for r in responses] == [HTTPStatus.FOUND] * 5
    assert all(r.cookies[MARKER_COOKIE].value == current_catalogue().version for r in responses)
    assert all(r.cookies[CONSENT_COOKIE].value for r in responses)
    assert ConsentRecord.objects.count() == 3
    warnings = [r for r in caplog.records if "not recorded" in r.getMessage()]
    assert len(warnings) == 1


def test_behind_a_proxy_each_reader_is_limited_by_their_own_address(client, settings):
    settings.CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    assert settings.CONSENT_RATE_LIMIT_PER_ADDRESS == 120
    statuses = [
        decide(
            browser(REMOTE_ADDR="10.0.0.2"),
            "accept_all",
            headers={"x-forwarded-for": f"198.51.{n // 250}.{n % 250 + 1}"},
        ).status_code
        for n in range(130)
    ]
    assert statuses == [HTTPStatus.FOUND] * 130
    assert ConsentRecord.objects.count() == 130


def test_behind_a_proxy_the_address_limit_uses_the_address_the_proxy_saw(client, settings):
    settings.CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    settings.CONSENT_RATE_LIMIT_PER_ADDRESS = 3
    for spoof in range(5):
        decide(
            browser(REMOTE_ADDR="10.0.0.2"),
            "reject_all",
            headers={"x-forwarded-for": f"1.1.1.{spoof}, 198.51.100.7"},
        )
    assert ConsentRecord.objects.count() == 3


def test_many_readers_sharing_one_address_can_all_choose(client, settings):
    """A proxy without CLIENT_IP_HEADER, or a carrier's NAT: one address for everyone."""
    assert settings.CONSENT_RATE_LIMIT_PER_ADDRESS == 120
    for n in range(125):
        response = decide(browser(), "accept_all" if n % 2 else "reject_all", json_response=True)
        assert response.status_code == HTTPStatus.OK
        assert response.json()["accepted"] == (["analytics", "marketing"] if n % 2 else [])
    assert ConsentRecord.objects.count() == 120


def test_one_visitor_is_rate_limited_and_keeps_the_last_saved_choice(client, settings):
    settings.CONSENT_RATE_LIMIT_PER_VISITOR = 2
    decide(client, "accept_all")
    decide(client, "reject_all")
    response = decide(client, "choose", groups=["analytics"], json_response=True)
    assert response.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert MARKER_COOKIE not in response.cookies
    assert ConsentRecord.objects.count() == 2


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"method": "everything"},
        {"method": "choose", "groups": ["spam"]},
        {"method": ["a", "b"]},
    ],
    ids=["missing", "unknown method", "unknown group", "two methods"],
)
def test_bad_decisions_are_a_form_error_and_change_nothing(client, data):
    response = client.post(SAVE, data)
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert CONSENT_COOKIE not in response.cookies
    assert not ConsentRecord.objects.exists()
    json_response = client.post(SAVE, data, headers={"Accept": "application/json"})
    assert json_response.status_code == HTTPStatus.BAD_REQUEST
    assert "errors" in json_response.json()


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/", "javascript:x"])
def test_redirect_back_never_leaves_the_site(client, target):
    response = decide(client, "reject_all", next_url=target)
    assert response["Location"] == reverse("consent:settings")


def test_decisions_need_the_csrf_token():
    client = Client(enforce_csrf_checks=True)
    response = client.post(SAVE, {"method": "accept_all"})
    assert response.status_code == HTTPStatus.FORBIDDEN
    assert not ConsentRecord.objects.exists()


@pytest.mark.parametrize(
    "headers",
    [
        {"sec-fetch-site": "cross-site"},
        {"sec-fetch-site": "cross-site", "origin": "http://testserver"},
        {"sec-fetch-site": "same-site"},
        {"sec-fetch-site": "none"},
        {"origin": "https://evil.example"},
        {"origin": "https://testserver.evil.example"},
        {"origin": "null"},
    ],
    ids=[
        "cross-site",
        "cross-site with the site's origin",
        "another subdomain",
        "typed address",
        "foreign origin",
        "lookalike origin",
        "opaque origin",
    ],
)
def test_a_decision_posted_from_another_site_is_refused_and_changes_nothing(headers):
    client = Client(headers=headers)
    form = decide(client, "accept_all")
    script = decide(client, "accept_all", json_response=True)
    assert form.status_code == script.status_code == HTTPStatus.FORBIDDEN
    assert "own pages" in form.content.decode() and "own pages" in script.json()["error"]
    for response in (form, script):
        assert not {CONSENT_COOKIE, MARKER_COOKIE, VISITOR_COOKIE} & set(response.cookies)
    assert not ConsentRecord.objects.exists()
    assert "Your cookie choices are saved" not in client.get("/").content.decode()


@pytest.mark.parametrize(
    "headers",
    [
        {"sec-fetch-site": "same-origin", "origin": "http://testserver"},
        {"origin": "http://testserver"},
        {"origin": "https://www.kayano14.example"},
    ],
    ids=["browser on the site", "older browser on the site", "trusted origin"],
)
def test_a_decision_posted_from_the_sites_own_page_is_accepted(settings, headers):
    settings.CSRF_TRUSTED_ORIGINS = ["https://www.kayano14.example"]
    response = decide(Client(headers=headers), "reject_all", next_url="/blog/")
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == "/blog/"
    assert response.cookies[MARKER_COOKIE].value == current_catalogue().version
    assert ConsentRecord.objects.get().method == ConsentRecord.Method.REJECT_ALL


def test_settings_page_has_no_ticked_box_before_a_choice_and_reflects_the_choice_after(client):
    html = client.get(reverse("consent:settings")).content.decode()
    assert re.findall(r'<input type="checkbox" name="groups" value="(\w+)"', html) == [
        "analytics",
        "marketing",
    ]
    assert " checked" not in html
    assert "k14_analytics" in html
    assert 'id="consent-banner"' not in html
    decide(client, "choose", groups=["analytics"])
    html = client.get(reverse("consent:settings")).content.decode()
    assert 'value="analytics" id="group-analytics" checked' in html
    assert 'value="marketing" id="group-marketing">' in html


def test_settings_page_and_status_are_never_cached(client):
    for name in ("consent:settings", "consent:status"):
        assert "no-store" in client.get(reverse(name))["Cache-Control"]


def test_status_reports_the_consent(client):
    before = client.get(reverse("consent:status")).json()
    assert before["current"] is False
    decide(client, "choose", groups=["analytics"])
    after = client.get(reverse("consent:status")).json()
    assert after == after | {"current": True, "accepted": ["analytics"]}


def test_measurement_endpoint_counts_only_with_analytics_consent(client):
    url = reverse("consent:measure")
    assert client.post(url, "{}", content_type="text/plain").status_code == HTTPStatus.FORBIDDEN
    decide(client, "reject_all")
    assert client.post(url, "{}", content_type="text/plain").status_code == HTTPStatus.FORBIDDEN
    decide(client, "accept_all")
    assert client.post(url, "{}", content_type="text/plain").status_code == HTTPStatus.NO_CONTENT


def test_a_forged_consent_cookie_is_ignored(client):
    client.cookies[CONSENT_COOKIE] = f"{current_catalogue().version}.analytics"
    client.cookies[MARKER_COOKIE] = f"{current_catalogue().version}.analytics"
    response = client.post(reverse("consent:measure"), "{}", content_type="text/plain")
    assert response.status_code == HTTPStatus.FORBIDDEN
    assert response.cookies[MARKER_COOKIE]["max-age"] == 0


@pytest.mark.parametrize("path", ["/", "/blog/", "/no-such-page/", "/cookie-policy/"])
def test_every_page_links_to_cookie_settings_in_the_footer(client, path):
    html = client.get(path).content.decode()
    footer = html[html.index('<footer class="site-footer">') :]
    assert f'href="{reverse("consent:settings")}">Cookie settings</a>' in footer


def test_pages_vary_on_cookie_so_no_shared_cache_mixes_visitors(client):
    PostFactory(slug="a-post")
    for path in ("/", "/blog/a-post/"):
        assert "Cookie" in client.get(path)["Vary"]


def test_csp_stays_strict_and_only_the_hashed_consent_script_is_inline(client):
    response = client.get("/")
    csp = response["Content-Security-Policy"]
    script_src = re.search(r"script-src ([^;]+)", csp).group(1)
    assert "'unsafe-inline'" not in script_src
    assert "'unsafe-eval'" not in script_src
    # no per-response nonce on a public page: any HTTP cache can serve it
    assert "'nonce-" not in script_src
    html = response.content.decode()
    inline = re.findall(r"<script( [^>]*)?>(.*?)</script>", html, re.S)
    runnable = [body for attrs, body in inline if "src=" not in attrs and "type=" not in attrs]
    assert len(runnable) == 1
    digest = base64.b64encode(hashlib.sha256(runnable[0].encode()).digest()).decode()
    assert f"'sha256-{digest}'" in script_src
    assert " style=" not in html
    assert "<style" not in html


def test_without_optional_cookie_groups_there_is_no_banner(client):
    CookieGroup.objects.filter(is_required=False).delete()
    html = client.get("/").content.decode()
    assert "consent-banner" not in html
    assert "Cookie settings</a>" in html


def test_a_cookie_edit_is_read_again_and_gives_a_new_version(cookie_groups):
    before = current_catalogue()
    group = CookieGroup.objects.get(varname="analytics")
    group.name = "Audience measurement"
    group.save()
    after = current_catalogue()
    assert "Audience measurement" in [g.name for g in after.groups]
    assert after.version != before.version
