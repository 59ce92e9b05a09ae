"""Staff status alone opens nothing: previews and the Markdown editor need permissions."""

import datetime
from http import HTTPStatus

import pytest
from django.contrib.auth.models import Group, Permission
from django.test import Client
from django.utils import timezone

from blog.models import Post
from config.roles import EDITORS as EDITORS_GROUP
from tests.factories import PostFactory, UserFactory
from tests.images import image_bytes, upload

pytestmark = pytest.mark.django_db

PREVIEW = "/markdownx/markdownify/"
UPLOAD = "/markdownx/upload/"


def staff_client(*permissions: str) -> Client:
    user = UserFactory(is_staff=True)
    for perm in permissions:
        app_label, codename = perm.split(".")
        user.user_permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture(params=["draft", "scheduled"])
def unpublished(request):
    if request.param == "draft":
        return PostFactory(status=Post.Status.DRAFT, title="Secret draft")
    return PostFactory(
        publish_at=timezone.now() + datetime.timedelta(days=3), title="Scheduled story"
    )


def test_staff_without_permissions_get_a_404_for_a_preview_like_a_reader(unpublished):
    response = staff_client().get(unpublished.get_absolute_url())
    assert response.status_code == HTTPStatus.NOT_FOUND
    assert unpublished.title not in response.text
    assert Client().get(unpublished.get_absolute_url()).status_code == HTTPStatus.NOT_FOUND


@pytest.mark.parametrize("permission", ["blog.view_post", "blog.change_post"])
def test_staff_who_may_view_or_change_posts_see_the_preview(unpublished, permission):
    response = staff_client(permission).get(unpublished.get_absolute_url())
    assert response.status_code == HTTPStatus.OK
    assert unpublished.title in response.text and "Preview." in response.text


def test_a_permission_on_something_else_opens_no_preview(unpublished):
    response = staff_client("colorways.change_colorway").get(unpublished.get_absolute_url())
    assert response.status_code == HTTPStatus.NOT_FOUND


def post_to_editor(client: Client, url: str):
    if url == UPLOAD:
        return client.post(url, {"image": upload("shoe.png", image_bytes("PNG"))})
    return client.post(url, {"content": "## Fit"})


@pytest.mark.parametrize("url", [PREVIEW, UPLOAD])
def test_staff_without_permissions_are_refused_by_the_markdown_editor(url, settings):
    response = post_to_editor(staff_client(), url)
    assert response.status_code == HTTPStatus.FORBIDDEN
    assert "error" in response.json()
    assert not settings.MEDIA_ROOT.exists() or not list(settings.MEDIA_ROOT.rglob("*.*"))


@pytest.mark.parametrize("url", [PREVIEW, UPLOAD])
@pytest.mark.parametrize(
    "permission",
    [
        "blog.change_post",
        "blog.add_post",
        "colorways.change_colorway",
        "colorways.change_collaborator",
        "consent.change_policypage",
    ],
)
def test_whoever_may_write_a_markdown_field_may_use_the_editor(url, permission):
    assert post_to_editor(staff_client(permission), url).status_code == HTTPStatus.OK


@pytest.mark.parametrize("url", [PREVIEW, UPLOAD])
@pytest.mark.parametrize("permission", ["blog.view_post", "sizing.change_shoe", "auth.change_user"])
def test_permissions_that_write_no_markdown_do_not_open_the_editor(url, permission):
    assert post_to_editor(staff_client(permission), url).status_code == HTTPStatus.FORBIDDEN


def test_a_permission_without_staff_status_does_not_open_the_editor():
    user = UserFactory(is_staff=False)
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="blog", codename="change_post")
    )
    client = Client()
    client.force_login(user)
    assert post_to_editor(client, PREVIEW).status_code == HTTPStatus.FORBIDDEN


def test_the_editors_group_previews_and_uses_the_editor(unpublished):
    user = UserFactory(is_staff=True)
    user.groups.add(Group.objects.get(name=EDITORS_GROUP))
    client = Client()
    client.force_login(user)
    assert client.get(unpublished.get_absolute_url()).status_code == HTTPStatus.OK
    assert post_to_editor(client, PREVIEW).status_code == HTTPStatus.OK
    assert post_to_editor(client, UPLOAD).status_code == HTTPStatus.OK
