"""The admin home: an editor's desk, with the technical sections for site admins only."""

import datetime
from http import HTTPStatus

import pytest
from django.test import Client
from django.utils import timezone

from blog.models import Post, ReviewEvent
from colorways.models import Source
from config.roles import EDITORS, SITE_ADMINS, WRITERS
from tests.factories import (
    AuthorFactory,
    ColorwayFactory,
    ListingFactory,
    PostFactory,
    SourceFactory,
    StaffFactory,
)

pytestmark = pytest.mark.django_db


def home(user):
    client = Client()
    client.force_login(user)
    response = client.get("/admin/")
    assert response.status_code == HTTPStatus.OK
    return response


def panel(response, title):
    (found,) = [p for p in response.context["desk"].panels if p.title == title]
    return [item.label for item in found.items]


def test_the_desk_lists_what_needs_doing_this_week():
    editor = StaffFactory(first_name="Charly", roles=[EDITORS])
    mine = AuthorFactory(user=editor)
    now = timezone.now()
    PostFactory(title="Tomorrow", publish_at=now + datetime.timedelta(days=1))
    PostFactory(title="Next month", publish_at=now + datetime.timedelta(days=8))
    PostFactory(title="Live already")
    PostFactory(title="Waiting", status=Post.Status.REVIEW)
    returned = PostFactory(title="Sent back to me", status=Post.Status.DRAFT, author=mine)
    ReviewEvent.objects.create(post=returned, actor=editor, kind=ReviewEvent.Kind.SENT_BACK)
    PostFactory(title="Someone else's draft", status=Post.Status.DRAFT)

    response = home(editor)
    assert panel(response, "Scheduled in the next 7 days") == ["Tomorrow"]
    assert panel(response, "Awaiting review") == ["Waiting"]
    assert panel(response, "My drafts") == ["Sent back to me"]
    assert "Sent back · saved" in response.text


def test_the_desk_lists_disputed_colorways_and_announced_ones_no_shop_lists():
    disputed = ColorwayFactory(nickname="Disputed")
    SourceFactory(colorway=disputed, fact=Source.Fact.STYLE_CODE, claim="1201A457-101")
    SourceFactory(colorway=disputed, fact=Source.Fact.STYLE_CODE, claim="1201A457-102")
    agreed = ColorwayFactory(nickname="Agreed")
    SourceFactory(colorway=agreed, claim="1201A457-101")
    SourceFactory(colorway=agreed, claim=" 1201a457-101 ")
    ColorwayFactory(nickname="Announced", release_date=None, release_precision="unannounced")
    listed = ColorwayFactory(nickname="Listed", release_date=None, release_precision="unannounced")
    ListingFactory(colorway=listed)
    ColorwayFactory(nickname="Released long ago", release_date=datetime.date(2010, 1, 1))

    response = home(StaffFactory(roles=[EDITORS]))
    assert panel(response, "Colorways with disputed facts") == ["Disputed"]
    assert panel(response, "Announced releases without a retailer") == ["Announced"]
    assert panel(response, "Recently changed colorways")[0] == "Released long ago"


def test_technical_sections_are_grouped_and_shown_to_site_admins_only():
    editor_page = home(StaffFactory(roles=[EDITORS])).text
    assert "Access attempts" not in editor_page and "Consent records" not in editor_page
    assert "Policy pages" in editor_page
    admin_page = home(StaffFactory(roles=[SITE_ADMINS])).text
    technical = admin_page.split('class="desk-technical"', 1)[1]
    for section in ("Access attempts", "Users", "TOTP devices", "Consent records", "Cookies"):
        assert section in technical, section
    assert "Policy pages" not in technical


def test_a_writer_sees_the_post_panels_but_no_technical_sections():
    response = home(StaffFactory(roles=[WRITERS]))
    assert "My drafts" in response.text
    assert "desk-technical" not in response.text
