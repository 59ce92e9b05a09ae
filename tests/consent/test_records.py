"""Proof-of-consent records: pruning, the admin, the demo content, the policy pages."""

from datetime import timedelta
from http import HTTPStatus
from io import StringIO

import pytest
from cookie_consent.models import Cookie, CookieGroup
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import IntegrityError
from django.urls import reverse
from django.utils import timezone

from consent import demo
from consent.models import ConsentRecord, PolicyPage
from tests.clients import browser
from tests.factories import ConsentRecordFactory, CookieFactory, PolicyPageFactory
from tests.sitemaps import sitemap_urls

pytestmark = pytest.mark.django_db


def ago(days):
    return timezone.now() - timedelta(days=days)


def prune(*args):
    out = StringIO()
    call_command("prune_consent_records", *args, stdout=out)
    return out.getvalue()


def test_pruning_keeps_records_confirmed_within_the_retention_period(settings):
    settings.CONSENT_RECORD_RETENTION_DAYS = 30
    old = ConsentRecordFactory(confirmed_at=ago(31))
    recent = ConsentRecordFactory(confirmed_at=ago(29))
    assert "Deleted 1 consent records older than 30 days" in prune()
    assert list(ConsentRecord.objects.all()) == [recent]
    assert not ConsentRecord.objects.filter(pk=old.pk).exists()


def test_pruning_period_can_be_given_and_dry_run_deletes_nothing():
    ConsentRecordFactory(confirmed_at=ago(10))
    assert "1 consent records older than 5 days would go" in prune("--days", "5", "--dry-run")
    assert ConsentRecord.objects.count() == 1
    prune("--days", "5")
    assert ConsentRecord.objects.count() == 0


def test_pruning_refuses_a_period_of_zero():
    with pytest.raises(CommandError):
        prune("--days", "0")


def test_the_database_allows_one_record_per_visitor_version_and_decision():
    ConsentRecordFactory(visitor_id="a" * 32, choices={"analytics": True})
    ConsentRecordFactory(visitor_id="a" * 32, choices={"analytics": False})
    with pytest.raises(IntegrityError):
        ConsentRecordFactory(visitor_id="a" * 32, choices={"analytics": True})


def test_staff_read_records_in_the_admin_but_cannot_write_them(staff_client):
    record = ConsentRecordFactory(choices={"analytics": True, "marketing": False})
    listing = staff_client.get(reverse("admin:consent_consentrecord_changelist"))
    assert listing.status_code == HTTPStatus.OK
    assert record.visitor_id[:12] in listing.content.decode()
    assert "analytics: yes, marketing: no" in listing.content.decode()
    assert staff_client.get(reverse("admin:consent_consentrecord_add")).status_code == (
        HTTPStatus.FORBIDDEN
    )
    change = staff_client.post(
        reverse("admin:consent_consentrecord_change", args=[record.pk]), {"method": "accept_all"}
    )
    assert change.status_code == HTTPStatus.FORBIDDEN
    assert ConsentRecord.objects.get().method == record.method


def test_cookie_admin_edits_provider_and_lifetime(staff_client, cookie_groups):
    response = staff_client.get(reverse("admin:cookie_consent_cookie_add"))
    html = response.content.decode()
    assert 'name="detail-0-provider"' in html
    assert 'name="detail-0-lifetime"' in html


def test_policy_pages_are_edited_in_the_admin_with_the_markdown_editor(staff_client):
    response = staff_client.get(reverse("admin:consent_policypage_add"))
    assert response.status_code == HTTPStatus.OK
    assert "markdownx" in response.content.decode()


def test_cookie_policy_lists_every_cookie_from_the_database(client, cookie_groups):
    PolicyPageFactory(kind=PolicyPage.Kind.COOKIES, title="Cookie policy", body="Intro **text**.")
    CookieFactory(cookiegroup__varname="analytics", name="k14_extra", detail__provider="Stats Ltd")
    html = client.get(reverse("consent:cookie-policy")).content.decode()
    assert "<strong>text</strong>" in html
    for name in ("sessionid", "csrftoken", "cookie_consent", "k14_analytics", "k14_extra"):
        assert f"<code>{name}</code>" in html
    assert "Stats Ltd" in html


def test_privacy_policy_is_rendered_sanitized_and_missing_is_a_404(client):
    assert client.get(reverse("consent:privacy")).status_code == HTTPStatus.NOT_FOUND
    PolicyPageFactory(body="Hello <img src=x onerror=alert(1)> [x](javascript:alert(1))")
    html = client.get(reverse("consent:privacy")).content.decode()
    assert "onerror" not in html
    assert "javascript:" not in html


def test_demo_content_is_idempotent_and_gives_every_cookie_a_provider_and_lifetime():
    first = demo.load()
    second = demo.load()
    assert all(line.endswith("created") for line in first)
    assert all(line.endswith("exists") for line in second)
    assert set(CookieGroup.objects.values_list("varname", flat=True)) == {
        "necessary",
        "analytics",
        "marketing",
    }
    assert not Cookie.objects.filter(detail__isnull=True).exists()


def test_admin_finds_a_readers_records_by_their_visitor_cookie(staff_client, cookie_groups):
    reader = browser()
    reader.post(reverse("consent:save"), {"method": "reject_all"})
    token = reader.cookies["consent_visitor"].value
    ConsentRecordFactory()
    url = reverse("admin:consent_consentrecord_changelist")
    response = staff_client.get(url, {"q": token})
    assert response.context["cl"].result_count == 1
    assert response.context["cl"].result_list[0].method == ConsentRecord.Method.REJECT_ALL


def test_policy_pages_are_in_the_sitemap(client):
    PolicyPageFactory(kind=PolicyPage.Kind.PRIVACY)
    PolicyPageFactory(kind=PolicyPage.Kind.COOKIES, title="Cookie policy")
    urls = sitemap_urls(client)
    assert f"http://testserver{reverse('consent:privacy')}" in urls
    assert f"http://testserver{reverse('consent:cookie-policy')}" in urls
