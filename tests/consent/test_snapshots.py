"""Proof of consent: each banner version's words, groups and cookies are kept unchanged,
each record points to them, and the admin shows them."""

import importlib
from datetime import timedelta
from http import HTTPStatus
from io import StringIO

import pytest
from cookie_consent.models import Cookie, CookieGroup
from django.apps import apps
from django.core.management import call_command
from django.db.models import ProtectedError
from django.urls import reverse
from django.utils import timezone

from consent.catalogue import current_catalogue, load_catalogue
from consent.models import BannerVersion, ConsentRecord, CookieDetail
from consent.state import snapshot
from tests.clients import browser
from tests.factories import ConsentRecordFactory, CookieFactory

pytestmark = pytest.mark.django_db
SAVE = reverse("consent:save")


@pytest.fixture(autouse=True)
def groups(cookie_groups):
    analytics = Cookie.objects.get(name="k14_analytics")
    analytics.description = "Counts page views, without an id."
    analytics.save()
    CookieDetail.objects.update_or_create(
        cookie=analytics, defaults={"provider": "Kayano 14 Hub", "lifetime": "1 year"}
    )
    return cookie_groups


def decide(method="accept_all", client=None, groups=()):
    client = client or browser()
    response = client.post(SAVE, {"method": method, "groups": list(groups), "next": "/"})
    assert response.status_code == HTTPStatus.FOUND
    return client


def test_a_decision_points_to_a_snapshot_of_what_the_banner_showed():
    decide("accept_all")
    record = ConsentRecord.objects.get()
    snapshot = record.snapshot
    assert snapshot.version == record.banner_version == current_catalogue().version
    assert snapshot.title == "Cookies on Kayano 14 Hub"
    assert "optional cookies for analytics and marketing." in snapshot.text
    assert snapshot.text.endswith("Read the cookie policy.")
    analytics = next(g for g in snapshot.groups if g["varname"] == "analytics")
    assert analytics["name"] == "Analytics" and analytics["required"] is False
    assert analytics["cookies"] == [
        {
            "name": "k14_analytics",
            "purpose": "Counts page views, without an id.",
            "provider": "Kayano 14 Hub",
            "lifetime": "1 year",
            "domain": "",
            "path": "/",
        }
    ]
    assert [g["varname"] for g in snapshot.groups] == ["necessary", "analytics", "marketing"]


def test_the_snapshot_holds_the_words_the_banner_shows(client):
    page = client.get("/").content.decode()
    decide()
    snapshot = BannerVersion.objects.get()
    assert f">{snapshot.title}</h2>" in page
    text_without_link = snapshot.text.removesuffix(" Read the cookie policy.")
    assert f'<p id="consent-banner-text">{text_without_link} <a href=' in page


def test_every_decision_on_one_version_shares_one_snapshot():
    decide("accept_all")
    decide("reject_all")
    decide("choose", groups=["analytics"])
    assert BannerVersion.objects.count() == 1
    assert ConsentRecord.objects.filter(snapshot=BannerVersion.objects.get()).count() == 3


def test_a_cookie_change_makes_a_new_snapshot_and_leaves_the_old_one_as_it_was():
    decide()
    old = BannerVersion.objects.get()
    old_groups = old.groups
    detail = CookieDetail.objects.get(cookie__name="k14_analytics")
    detail.lifetime = "2 years"
    detail.save()
    decide()
    assert BannerVersion.objects.count() == 2
    new = BannerVersion.objects.exclude(pk=old.pk).get()
    assert new.version == current_catalogue().version
    assert "2 years" in str(new.groups) and "2 years" not in str(old_groups)
    old.refresh_from_db()
    assert old.groups == old_groups
    assert ConsentRecord.objects.filter(snapshot=old).count() == 1


def test_a_snapshot_can_be_neither_changed_nor_deleted_while_records_point_to_it():
    decide()
    snapshot = BannerVersion.objects.get()
    snapshot.text = "Something else"
    with pytest.raises(ValueError, match="never edit"):
        snapshot.save()
    with pytest.raises(ProtectedError):
        BannerVersion.objects.get().delete()
    assert BannerVersion.objects.get().text != "Something else"


def test_the_record_page_shows_the_banner_text_and_a_table_of_groups_and_cookies(staff_client):
    decide("choose", groups=["analytics"])
    record = ConsentRecord.objects.get()
    page = staff_client.get(reverse("admin:consent_consentrecord_change", args=[record.pk]))
    html = page.content.decode()
    assert page.status_code == HTTPStatus.OK
    assert "Cookies on Kayano 14 Hub" in html
    assert "We use cookies the site needs to work." in html
    assert "Analytics · optional · <strong>accepted</strong>" in html
    assert "Marketing · optional · <strong>refused</strong>" in html
    assert "Strictly necessary · always on" in html
    assert '<th scope="row"><code>k14_analytics</code></th><td>Counts page views' in html
    assert "<td>Kayano 14 Hub</td><td>1 year</td>" in html
    assert reverse("admin:consent_bannerversion_change", args=[record.snapshot_id]) in html


def test_a_record_from_before_snapshots_says_so_honestly(staff_client):
    record = ConsentRecordFactory()
    page = staff_client.get(reverse("admin:consent_consentrecord_change", args=[record.pk]))
    assert "Snapshot not kept: recorded before snapshots existed." in page.content.decode()


def test_snapshots_are_read_only_in_the_admin(staff_client):
    decide()
    snapshot = BannerVersion.objects.get()
    listing = staff_client.get(reverse("admin:consent_bannerversion_changelist"))
    assert snapshot.version in listing.content.decode()
    page = staff_client.get(reverse("admin:consent_bannerversion_change", args=[snapshot.pk]))
    assert page.status_code == HTTPStatus.OK
    assert "Counts page views, without an id." in page.content.decode()
    change = reverse("admin:consent_bannerversion_change", args=[snapshot.pk])
    assert staff_client.post(change, {"text": "x"}).status_code == HTTPStatus.FORBIDDEN
    delete = reverse("admin:consent_bannerversion_delete", args=[snapshot.pk])
    assert staff_client.post(delete, {"post": "yes"}).status_code == HTTPStatus.FORBIDDEN
    add = reverse("admin:consent_bannerversion_add")
    assert staff_client.get(add).status_code == HTTPStatus.FORBIDDEN
    assert BannerVersion.objects.get().text == snapshot.text


def prune(*args):
    out = StringIO()
    call_command("prune_consent_records", *args, stdout=out)
    return out.getvalue()


def test_pruning_deletes_snapshots_no_record_needs_but_keeps_the_current_one(settings):
    settings.CONSENT_RECORD_RETENTION_DAYS = 30
    decide()
    old = BannerVersion.objects.get()
    ConsentRecord.objects.update(confirmed_at=timezone.now() - timedelta(days=31))
    CookieFactory(cookiegroup=CookieGroup.objects.get(varname="marketing"), name="_ad")
    decide()
    current = BannerVersion.objects.exclude(pk=old.pk).get()
    assert "1 banner snapshots no record needs would go" in prune("--dry-run")
    assert BannerVersion.objects.count() == 2
    ConsentRecord.objects.update(confirmed_at=timezone.now() - timedelta(days=31))
    out = prune()
    assert "Deleted 2 consent records" in out
    assert "Deleted 1 banner snapshots" in out
    assert list(BannerVersion.objects.all()) == [current]


def test_pruning_keeps_snapshots_that_recent_records_point_to(settings):
    settings.CONSENT_RECORD_RETENTION_DAYS = 30
    decide()
    old = BannerVersion.objects.get()
    CookieFactory(cookiegroup=CookieGroup.objects.get(varname="marketing"), name="_ad")
    decide()
    assert "Deleted 0 banner snapshots" in prune()
    assert BannerVersion.objects.filter(pk=old.pk).exists()


def test_the_upgrade_keeps_snapshots_for_records_of_the_current_version_only():
    migration = importlib.import_module("consent.migrations.0003_snapshot_existing_records")
    catalogue = current_catalogue()
    current = ConsentRecordFactory.create_batch(2, banner_version=catalogue.version)
    ConsentRecord.objects.filter(pk=current[0].pk).update(
        created_at=timezone.now() - timedelta(days=40)
    )
    older = ConsentRecordFactory(banner_version="0123456789abcdef")
    migration.snapshot_existing_records(apps, None)
    kept = BannerVersion.objects.get()
    expected = snapshot(catalogue)
    assert kept.version == catalogue.version
    assert (kept.title, kept.text, kept.groups) == (
        expected["title"],
        expected["text"],
        expected["groups"],
    )
    assert "Made when snapshots were introduced" in kept.note
    assert kept.first_recorded_at == ConsentRecord.objects.get(pk=current[0].pk).created_at
    assert set(ConsentRecord.objects.filter(snapshot=kept)) == set(current)
    older.refresh_from_db()
    assert older.snapshot is None


def test_the_upgrade_makes_no_snapshot_when_no_record_has_the_current_version():
    migration = importlib.import_module("consent.migrations.0003_snapshot_existing_records")
    ConsentRecordFactory(banner_version="0123456789abcdef")
    migration.snapshot_existing_records(apps, None)
    assert not BannerVersion.objects.exists()


@pytest.mark.parametrize("cookies", [1, 5])
def test_the_cookie_list_is_read_in_two_queries_with_what_the_policy_says(
    django_assert_num_queries, cookies
):
    for number in range(cookies):
        CookieFactory(name=f"extra_{number}", detail__provider=f"Provider {number}")
    CookieFactory(name="extra_without_detail", detail=None)
    with django_assert_num_queries(2):
        catalogue = load_catalogue()
    listed = {cookie.name: cookie for group in catalogue.groups for cookie in group.cookies}
    assert all(listed[f"extra_{n}"].provider == f"Provider {n}" for n in range(cookies))
    assert listed["extra_without_detail"].provider == ""
