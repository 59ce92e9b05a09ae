"""Editors never lose work: a refused save keeps their input and says what went wrong."""

from http import HTTPStatus

import pytest
from django.contrib import admin
from django.contrib.auth.models import User
from django.db import connection

from blog.models import FAQ, Post
from editing.saving import KeepInputOnDatabaseErrorMixin, ValidSelectionMixin
from tests.factories import PostFactory
from tests.test_blog_admin import ADD_URL, post_form

pytestmark = pytest.mark.django_db(transaction=True)

EDITORIAL_APPS = {"blog", "colorways", "sizing", "consent", "cookie_consent"}


@pytest.fixture
def refuse_writes():
    """Install a real PostgreSQL trigger that refuses some rows with a given SQLSTATE,
    the way a constraint, a concurrent editor or a lock timeout would."""
    installed = []

    def install(table: str, condition: str, sqlstate: str, message: str) -> None:
        with connection.cursor() as cursor:
            cursor.execute(
                f"""
                CREATE FUNCTION refuse_{table}() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  IF {condition} THEN
                    RAISE EXCEPTION USING ERRCODE = '{sqlstate}', MESSAGE = '{message}';
                  END IF;
                  RETURN NEW;
                END $$;
                CREATE TRIGGER refuse BEFORE INSERT OR UPDATE ON {table}
                  FOR EACH ROW EXECUTE FUNCTION refuse_{table}();
                """
            )
        installed.append(table)

    yield install
    with connection.cursor() as cursor:
        for table in installed:
            cursor.execute(f"DROP TRIGGER refuse ON {table}; DROP FUNCTION refuse_{table}();")


def test_every_editorial_admin_keeps_input_on_database_errors(rf):
    request = rf.post("/")
    request.user = User(is_active=True, is_staff=True, is_superuser=True)
    editorial = [
        model_admin
        for model, model_admin in admin.site._registry.items()
        if model._meta.app_label in EDITORIAL_APPS
        # read-only admins (proof of consent) never save
        and (model_admin.has_add_permission(request) or model_admin.has_change_permission(request))
    ]
    assert len(editorial) >= 14
    for model_admin in editorial:
        assert isinstance(model_admin, KeepInputOnDatabaseErrorMixin), model_admin


def test_a_save_that_fails_validation_keeps_the_input(staff_client):
    body = "## Fit\n\nA long draft the editor must not lose."
    response = staff_client.post(ADD_URL, post_form(title="", body=body))
    assert response.status_code == HTTPStatus.OK
    assert "A long draft the editor must not lose." in response.text
    assert "This field is required." in response.text
    assert not Post.objects.exists()


def test_a_save_the_database_refuses_keeps_the_input_and_saves_nothing(staff_client, refuse_writes):
    refuse_writes(
        "blog_faq", "NEW.question = 'Refused?'", "23505", "another entry has this question"
    )
    data = post_form(
        body="## Fit\n\nEvery word of this draft stays.",
        **{
            "faqs-TOTAL_FORMS": "1",
            "faqs-0-order": "0",
            "faqs-0-question": "Refused?",
            "faqs-0-answer": "An answer worth keeping.",
        },
    )
    response = staff_client.post(ADD_URL, data)
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "Every word of this draft stays." in response.text
    assert "An answer worth keeping." in response.text
    assert "Nothing was saved: the database refused the change" in response.text
    assert "another entry has this question" in response.text
    # The post was written before its FAQ: the whole save was rolled back.
    assert not Post.objects.exists() and not FAQ.objects.exists()


def test_a_save_the_database_cannot_answer_keeps_the_input_and_the_stored_version(
    staff_client, refuse_writes
):
    post = PostFactory(body="The stored body.")
    refuse_writes("blog_post", "TRUE", "55P03", "lock timeout")
    data = post_form(slug=post.slug, body="A new paragraph the editor spent an hour on.")
    response = staff_client.post(f"/admin/blog/post/{post.pk}/change/", data)
    assert response.status_code == HTTPStatus.SERVICE_UNAVAILABLE
    assert response["Retry-After"] == "30"
    assert "A new paragraph the editor spent an hour on." in response.text
    assert "Nothing was saved: the database did not answer" in response.text
    assert Post.objects.get(pk=post.pk).body == "The stored body."


def test_every_admin_list_refuses_tampered_input_without_a_server_error():
    # The site's own admins and the sign-in records' (the technical lists).
    checked = [
        model_admin
        for model, model_admin in admin.site._registry.items()
        if model._meta.app_label in {*EDITORIAL_APPS, "axes"}
    ]
    assert len(checked) >= 17
    for model_admin in checked:
        assert isinstance(model_admin, ValidSelectionMixin), model_admin


def test_a_bulk_action_on_keys_that_are_not_keys_is_refused_and_changes_nothing(admin_client):
    post = PostFactory()
    response = admin_client.post(
        "/admin/blog/post/", {"action": "delete_selected", "_selected_action": ["abc"]}
    )
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "Nothing was changed" in response.content.decode()
    assert Post.objects.filter(pk=post.pk).exists()


def test_a_list_filtered_by_a_value_its_field_cannot_hold_says_the_filter_is_invalid(
    admin_client,
):
    response = admin_client.get("/admin/axes/accessattempt/?ip_address=notanip", follow=True)
    assert response.status_code == HTTPStatus.OK
    assert response.redirect_chain[-1][0].endswith("?e=1")
