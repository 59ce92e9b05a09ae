"""Two editors on one record: a save made from a stale copy is refused, never applied."""

from http import HTTPStatus

import pytest
from django.urls import reverse

from blog.models import Post
from colorways.models import Colorway
from sizing.models import WidthRule
from tests.admin_forms import submitted_fields
from tests.factories import ColorwayFactory, PostFactory, UserFactory, WidthRuleFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def charly(client):
    from django.test import Client

    other = Client()
    other.force_login(UserFactory(first_name="Charly", is_staff=True, is_superuser=True))
    return other


def open_form(client, url, form_id):
    response = client.get(url)
    assert response.status_code == HTTPStatus.OK
    return submitted_fields(response.text, form_id)


def test_a_save_from_a_stale_copy_is_refused_with_the_input_kept_and_who_changed_what(
    staff_client, charly
):
    post = PostFactory(body="The body as it was.")
    url = reverse("admin:blog_post_change", args=[post.pk])
    mine = open_form(staff_client, url, "post_form")
    theirs = open_form(charly, url, "post_form")

    theirs["body"] = ["Charly's rewrite."]
    assert charly.post(url, theirs).status_code == HTTPStatus.FOUND

    mine["body"] = ["My long paragraph, typed while Charly saved."]
    response = staff_client.post(url, mine)
    assert response.status_code == HTTPStatus.CONFLICT
    assert "My long paragraph, typed while Charly saved." in response.text
    assert "Not saved: Since you opened this post, it was changed by Charly at" in response.text
    assert "Changed Body" in response.text
    assert Post.objects.get(pk=post.pk).body == "Charly's rewrite."

    # The form that came back carries the stored version: saving it again is deliberate.
    again = submitted_fields(response.text, "post_form")
    assert staff_client.post(url, again).status_code == HTTPStatus.FOUND
    assert Post.objects.get(pk=post.pk).body == "My long paragraph, typed while Charly saved."


@pytest.mark.parametrize(
    ("factory", "admin_name", "form_id", "field", "value"),
    [
        (ColorwayFactory, "colorways_colorway", "colorway_form", "nickname", "Silver Bullet"),
        (WidthRuleFactory, "sizing_widthrule", "widthrule_form", "explanation", "Go half up."),
    ],
)
def test_colorways_and_sizing_records_refuse_stale_saves_too(
    staff_client, charly, factory, admin_name, form_id, field, value
):
    record = factory()
    url = reverse(f"admin:{admin_name}_change", args=[record.pk])
    mine = open_form(staff_client, url, form_id)
    theirs = open_form(charly, url, form_id)
    theirs[field] = [value]
    assert charly.post(url, theirs).status_code == HTTPStatus.FOUND
    mine[field] = ["Mine"]
    response = staff_client.post(url, mine)
    assert response.status_code == HTTPStatus.CONFLICT
    assert "changed by Charly" in response.text
    record.refresh_from_db()
    assert getattr(record, field) == value


def test_two_saves_of_the_same_fresh_copy_in_a_row_are_both_fine_for_one_editor(staff_client):
    colorway = ColorwayFactory()
    url = reverse("admin:colorways_colorway_change", args=[colorway.pk])
    data = open_form(staff_client, url, "colorway_form")
    data["_continue"] = ["Save and continue editing"]
    response = staff_client.post(url, data, follow=True)
    assert response.status_code == HTTPStatus.OK
    data = submitted_fields(response.text, "colorway_form")
    data["nickname"] = ["Second save"]
    assert staff_client.post(url, data).status_code == HTTPStatus.FOUND
    assert Colorway.objects.get(pk=colorway.pk).nickname == "Second save"


@pytest.mark.parametrize(
    "token", ["garbage", "|", "2024-01-01T00:00:00+00:00|not-a-date", "x" * 500]
)
def test_a_malformed_version_token_is_refused_as_stale_not_a_500(staff_client, token):
    rule = WidthRuleFactory(explanation="Stored.")
    url = reverse("admin:sizing_widthrule_change", args=[rule.pk])
    data = open_form(staff_client, url, "widthrule_form")
    data["_editing_token"] = [token]
    data["explanation"] = ["Changed."]
    response = staff_client.post(url, data)
    assert response.status_code in (HTTPStatus.CONFLICT, HTTPStatus.FOUND)
    if response.status_code == HTTPStatus.CONFLICT:
        assert WidthRule.objects.get(pk=rule.pk).explanation == "Stored."
