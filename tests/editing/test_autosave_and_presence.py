"""Autosave keeps an editor's unsaved form server-side; the form says who else has it open."""

import datetime
import json
from http import HTTPStatus

import pytest
from django.contrib.auth.models import Permission
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from blog.models import Post
from caching import generation as content_generation
from editing.models import Autosave, EditPresence
from tests.admin_forms import submitted_fields
from tests.factories import PostFactory, UserFactory

pytestmark = pytest.mark.django_db


def autosave_body(fields, labels=None):
    return {"data": json.dumps({"fields": fields, "labels": labels or {}}), "token": "v|t"}


@pytest.fixture
def post():
    return PostFactory(body="Stored body.")


def test_an_autosave_is_kept_per_editor_and_offered_back_when_the_form_reopens(
    staff_client, post, client
):
    url = reverse("admin:blog_post_autosave", args=[post.pk])
    generation = content_generation.current().id
    response = staff_client.post(url, autosave_body([["body", "Unsaved words."]]))
    assert response.status_code == HTTPStatus.OK
    assert Autosave.objects.get().data["fields"] == [["body", "Unsaved words."]]
    # Readers see nothing of it: the post and the page cache are as they were.
    assert Post.objects.get(pk=post.pk).body == "Stored body."
    assert content_generation.current().id == generation

    page = staff_client.get(reverse("admin:blog_post_change", args=[post.pk])).text
    assert "You have unsaved changes to this post from" in page
    assert "Unsaved words." in page

    other = Client()
    other.force_login(UserFactory(is_staff=True, is_superuser=True))
    assert (
        "You have unsaved changes"
        not in other.get(reverse("admin:blog_post_change", args=[post.pk])).text
    )


def test_saving_the_form_or_discarding_drops_the_autosave(staff_client, post):
    change = reverse("admin:blog_post_change", args=[post.pk])
    autosave_url = reverse("admin:blog_post_autosave", args=[post.pk])
    staff_client.post(autosave_url, autosave_body([["body", "x"]]))
    assert staff_client.post(autosave_url, {"action": "discard"}).status_code == HTTPStatus.OK
    assert not Autosave.objects.exists()

    staff_client.post(autosave_url, autosave_body([["body", "x"]]))
    data = submitted_fields(staff_client.get(change).text, "post_form")
    assert staff_client.post(change, data).status_code == HTTPStatus.FOUND
    assert not Autosave.objects.exists()


def test_a_new_post_is_autosaved_per_editor_and_model(staff_client):
    url = reverse("admin:blog_post_autosave_new")
    staff_client.post(url, autosave_body([["title", "A new one"]]))
    page = staff_client.get(reverse("admin:blog_post_add")).text
    assert "You have unsaved changes to this post" in page and "A new one" in page


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ({}, HTTPStatus.BAD_REQUEST),
        ({"data": "not json"}, HTTPStatus.BAD_REQUEST),
        ({"data": json.dumps({"fields": [["a", 1]]})}, HTTPStatus.BAD_REQUEST),
        ({"data": json.dumps({"fields": "body"})}, HTTPStatus.BAD_REQUEST),
        ({"data": json.dumps({"fields": [], "labels": {"a": {"b": 3}}})}, HTTPStatus.BAD_REQUEST),
        ({"data": json.dumps([1, 2])}, HTTPStatus.BAD_REQUEST),
        ({"data": "x" * 1_000_001}, HTTPStatus.REQUEST_ENTITY_TOO_LARGE),
    ],
)
def test_malformed_autosaves_are_refused_with_a_4xx(staff_client, post, body, status):
    url = reverse("admin:blog_post_autosave", args=[post.pk])
    assert staff_client.post(url, body).status_code == status
    assert not Autosave.objects.exists()


def test_autosave_endpoints_need_the_right_to_edit_the_record(client, post):
    url = reverse("admin:blog_post_autosave", args=[post.pk])
    assert client.post(url, autosave_body([])).status_code == HTTPStatus.FOUND  # to the login
    reader = UserFactory(is_staff=True)
    reader.user_permissions.add(Permission.objects.get(codename="view_post"))
    client.force_login(reader)
    assert client.post(url, autosave_body([])).status_code == HTTPStatus.FORBIDDEN
    assert client.get(url).status_code == HTTPStatus.METHOD_NOT_ALLOWED
    missing = reverse("admin:blog_post_autosave", args=[post.pk + 1000])
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    assert client.post(missing, autosave_body([])).status_code == HTTPStatus.NOT_FOUND
    assert not Autosave.objects.exists()


def test_the_form_says_who_else_has_it_open_and_since_when(post, monkeypatch):
    opened = timezone.make_aware(datetime.datetime(2026, 3, 2, 14, 5))
    monkeypatch.setattr(timezone, "now", lambda: opened)
    charly, ana = Client(), Client()
    charly.force_login(UserFactory(first_name="Charly", is_staff=True, is_superuser=True))
    ana.force_login(UserFactory(first_name="Ana", is_staff=True, is_superuser=True))
    change = reverse("admin:blog_post_change", args=[post.pk])
    presence = reverse("admin:blog_post_presence", args=[post.pk])

    assert "editing this since" not in charly.get(change).text
    later = opened + datetime.timedelta(minutes=1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    assert "Charly has been editing this since 14:05." in ana.get(change).text
    assert charly.post(presence).json() == {"text": "Ana has been editing this since 14:06."}

    # A form that stopped reporting in is closed; leaving says so at once.
    monkeypatch.setattr(timezone, "now", lambda: later + datetime.timedelta(minutes=5))
    assert ana.post(presence).json() == {"text": ""}
    charly.post(presence)
    assert ana.post(presence).json() == {"text": "Charly has been editing this since 14:11."}
    charly.post(presence, {"action": "leave"})
    assert ana.post(presence).json() == {"text": ""}
    assert EditPresence.objects.count() == 1


def test_someone_who_may_only_read_the_record_is_not_shown_as_editing_it(post):
    reader, editor = Client(), Client()
    viewer = UserFactory(first_name="Vic", is_staff=True)
    viewer.user_permissions.add(Permission.objects.get(codename="view_post"))
    reader.force_login(viewer)
    editor.force_login(UserFactory(is_staff=True, is_superuser=True))
    change = reverse("admin:blog_post_change", args=[post.pk])
    assert reader.get(change).status_code == HTTPStatus.OK
    reader.post(reverse("admin:blog_post_presence", args=[post.pk]))
    assert "Vic has been editing" not in editor.get(change).text
    assert not EditPresence.objects.filter(user=viewer).exists()
