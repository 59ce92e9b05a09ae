"""Roles and the review workflow: writers submit, editors send back or publish."""

import datetime
from http import HTTPStatus

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from blog import review
from blog.models import Post, ReviewEvent
from config.roles import EDITORS, SITE_ADMINS, WRITERS
from tests.factories import AuthorFactory, PostFactory, StaffFactory
from tests.test_blog_admin import ADD_URL, CHANGELIST_URL, post_form

pytestmark = pytest.mark.django_db


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def writer():
    user = StaffFactory(first_name="Ana", roles=[WRITERS])
    AuthorFactory(name="Ana", slug="ana", user=user)
    return user


@pytest.fixture
def editor():
    return StaffFactory(first_name="Charly", roles=[EDITORS])


def change_url(post):
    return reverse("admin:blog_post_change", args=[post.pk])


def writer_form(writer, **overrides):
    return post_form(author=writer.author.pk, **overrides)


@pytest.mark.parametrize(
    ("role", "granted", "refused"),
    [
        (WRITERS, {"blog.add_post", "blog.change_post", "colorways.view_colorway"},
         {"blog.publish_post", "blog.delete_post", "colorways.change_colorway", "auth.view_user"}),
        (EDITORS, {"blog.publish_post", "blog.delete_post", "colorways.change_colorway",
                   "sizing.change_shoe", "consent.change_policypage"},
         {"auth.change_user", "axes.view_accessattempt", "cookie_consent.change_cookie",
          "otp_totp.view_totpdevice"}),
        (SITE_ADMINS, {"auth.change_user", "auth.add_user", "axes.view_accessattempt",
                       "cookie_consent.change_cookie", "otp_totp.delete_totpdevice",
                       "consent.view_consentrecord", "blog.publish_post"}, set()),
    ],
)  # fmt: skip
def test_each_role_is_a_group_with_its_documented_rights(role, granted, refused):
    user = StaffFactory(roles=[role])
    assert Group.objects.filter(name=role).exists()
    assert {p for p in granted if user.has_perm(p)} == granted
    assert {p for p in refused if user.has_perm(p)} == set()


def test_a_writer_cannot_publish_by_status_or_button_the_server_refuses(writer):
    client = logged_in(writer)
    response = client.post(ADD_URL, writer_form(writer, status="published"))
    assert response.status_code == HTTPStatus.FOUND
    assert Post.objects.get().status == Post.Status.DRAFT
    response = client.post(ADD_URL, writer_form(writer, slug="second", _publish="Publish"))
    assert response.status_code == HTTPStatus.OK
    assert "Only editors can publish, schedule or send back a post." in response.text
    assert not Post.objects.filter(slug="second").exists()
    assert 'name="_publish"' not in client.get(ADD_URL).text


def test_a_writer_bylines_only_themself_and_edits_only_their_own_unpublished_posts(writer):
    client = logged_in(writer)
    other = AuthorFactory()
    response = client.post(ADD_URL, post_form(author=other.pk))
    assert "Select a valid choice" in response.text
    someone_elses = PostFactory(status=Post.Status.DRAFT, author=other)
    data = post_form(author=other.pk, slug=someone_elses.slug)
    assert client.post(change_url(someone_elses), data).status_code == HTTPStatus.FORBIDDEN
    published = PostFactory(author=writer.author)
    response = client.post(change_url(published), writer_form(writer, slug=published.slug))
    assert response.status_code == HTTPStatus.FORBIDDEN


def test_a_writer_cannot_bulk_publish(writer):
    draft = PostFactory(status=Post.Status.DRAFT, author=writer.author)
    client = logged_in(writer)
    assert 'value="publish"' not in client.get(CHANGELIST_URL).text
    client.post(CHANGELIST_URL, {"action": "publish", "_selected_action": [draft.pk]})
    assert Post.objects.get(pk=draft.pk).status == Post.Status.DRAFT


def test_the_review_round_trip_is_recorded_and_shown_in_history(writer, editor):
    ana, charly = logged_in(writer), logged_in(editor)
    ana.post(ADD_URL, writer_form(writer, _submit_review="Submit for review"))
    post = Post.objects.get()
    assert post.status == Post.Status.REVIEW

    queue = charly.get(CHANGELIST_URL, {"status__exact": "review"})
    assert [p.pk for p in queue.context["cl"].result_list] == [post.pk]

    data = writer_form(writer, slug=post.slug, _send_back="Send back with comment")
    response = charly.post(change_url(post), data)
    assert "Say what the writer should change before sending the post back." in response.text
    data["review_comment"] = "The intro buries the lede."
    assert charly.post(change_url(post), data).status_code == HTTPStatus.FOUND
    post.refresh_from_db()
    assert post.status == Post.Status.DRAFT

    page = ana.get(change_url(post)).text
    assert "Sent back by Charly on" in page and "The intro buries the lede." in page

    ana.post(change_url(post), writer_form(writer, slug=post.slug, _submit_review="Submit"))
    charly.post(change_url(post), writer_form(writer, slug=post.slug, _publish="Publish"))
    post.refresh_from_db()
    assert post.is_public

    kinds = list(post.review_events.order_by("created_at", "id").values_list("kind", "actor"))
    assert kinds == [
        ("submitted", writer.pk),
        ("sent_back", editor.pk),
        ("submitted", writer.pk),
        ("published", editor.pk),
    ]
    history = charly.get(reverse("admin:blog_post_history", args=[post.pk])).text
    assert "Submitted for review by Ana." in history
    assert "Sent back to the writer by Charly: The intro buries the lede." in history
    assert "Published by Charly." in history
    assert Version.objects.get_for_object(post).count() == 4


def test_publishing_with_a_future_date_schedules_and_says_so(editor):
    future = timezone.now() + datetime.timedelta(days=3)
    data = post_form(
        _publish="Publish",
        publish_at_0=future.strftime("%Y-%m-%d"),
        publish_at_1=future.strftime("%H:%M:%S"),
    )
    logged_in(editor).post(ADD_URL, data)
    post = Post.objects.get()
    assert post.is_scheduled
    assert post.review_events.get().kind == ReviewEvent.Kind.SCHEDULED
    assert post.review_events.get().summary.startswith("Scheduled by Charly for ")


def test_a_writer_restoring_a_published_version_does_not_publish_it(writer, editor):
    post = PostFactory(author=writer.author, status=Post.Status.DRAFT, body="Draft body.")
    charly = logged_in(editor)
    charly.post(change_url(post), writer_form(writer, slug=post.slug, _publish="Publish"))
    charly.post(change_url(post), writer_form(writer, slug=post.slug, status="draft"))
    published_version = (
        Version.objects.get_for_object(post).filter(serialized_data__contains='"published"').first()
    )
    url = reverse("admin:blog_post_revision", args=[post.pk, published_version.pk])
    logged_in(writer).post(url, writer_form(writer, slug=post.slug))
    assert Post.objects.get(pk=post.pk).status == Post.Status.DRAFT


@pytest.mark.parametrize(
    ("before", "wanted", "action", "publisher", "scheduled", "status", "event"),
    [
        (None, "published", None, False, False, "draft", None),
        ("draft", "published", review.Action.PUBLISH, False, False, "draft", None),
        ("draft", "draft", review.Action.SUBMIT, False, False, "review", "submitted"),
        ("review", "draft", review.Action.SUBMIT, False, False, "review", None),
        ("published", "draft", None, False, False, "published", None),
        ("review", "review", review.Action.SEND_BACK, True, False, "draft", "sent_back"),
        ("review", "review", review.Action.PUBLISH, True, False, "published", "published"),
        ("draft", "published", None, True, True, "published", "scheduled"),
        ("published", "draft", None, True, False, "draft", "unpublished"),
        ("published", "published", None, True, False, "published", None),
        (None, "review", None, True, False, "review", "submitted"),
    ],
)
def test_what_a_save_does_to_the_status(
    before, wanted, action, publisher, scheduled, status, event
):
    outcome = review.decide(
        before=before, wanted=wanted, action=action, publisher=publisher, scheduled=scheduled
    )
    assert (outcome.status, outcome.event) == (status, event)
