import datetime
import json
import re
from http import HTTPStatus

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from PIL import Image
from reversion.models import Version

from blog.models import Post
from tests.factories import AuthorFactory, CategoryFactory, PostFactory, TagFactory, UserFactory
from tests.images import HOSTILE_UPLOADS, image_bytes, upload

pytestmark = pytest.mark.django_db

ADD_URL = reverse("admin:blog_post_add")
CHANGELIST_URL = reverse("admin:blog_post_changelist")


def post_form(**overrides) -> dict:
    """The admin's post form as a browser would submit it, with an empty FAQ inline."""
    now = timezone.now()
    data = {
        "title": "How the Kayano 14 fits",
        "slug": "how-it-fits",
        "author": AuthorFactory().pk,
        "summary": "A short standfirst.",
        "body": "## Fit\n\nTrue to size.",
        "hero_alt": "",
        "status": "published",
        "publish_at_0": now.strftime("%Y-%m-%d"),
        "publish_at_1": now.strftime("%H:%M:%S"),
        "category": CategoryFactory().pk,
        "seo_title": "",
        "meta_description": "",
        "faqs-TOTAL_FORMS": "0",
        "faqs-INITIAL_FORMS": "0",
        "faqs-MIN_NUM_FORMS": "0",
        "faqs-MAX_NUM_FORMS": "1000",
        "old_slugs-TOTAL_FORMS": "0",
        "old_slugs-INITIAL_FORMS": "0",
        "old_slugs-MIN_NUM_FORMS": "0",
        "old_slugs-MAX_NUM_FORMS": "1000",
    }
    data.update(overrides)
    return data


@pytest.fixture
def editor_client(client):
    from django.contrib.auth.models import Group

    editor = UserFactory(is_staff=True)
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    return client


def test_editor_writes_and_publishes_a_post_with_faq(editor_client, client):
    data = post_form(
        **{
            "faqs-TOTAL_FORMS": "1",
            "faqs-0-order": "0",
            "faqs-0-question": "Wide feet?",
            "faqs-0-answer": "Half a size **up**.",
        }
    )
    response = editor_client.post(ADD_URL, data)
    assert response.status_code == HTTPStatus.FOUND, response.context["errors"]
    post = Post.objects.get(slug="how-it-fits")
    assert '<h2 id="fit">Fit</h2>' in post.body_html
    assert post.faqs.get().answer_html == "<p>Half a size <strong>up</strong>.</p>"
    client.logout()
    assert client.get("/blog/how-it-fits/").status_code == HTTPStatus.OK


def test_hero_image_needs_alt_text(editor_client):
    data = post_form(hero_image=upload("hero.png", image_bytes("PNG")))
    response = editor_client.post(ADD_URL, data)
    assert response.status_code == HTTPStatus.OK
    assert "Describe the hero image" in response.text
    assert not Post.objects.exists()


def test_hero_image_is_reencoded_under_a_server_chosen_name(editor_client, client):
    data = post_form(
        hero_image=upload(
            "../../etc/passwd.jpg", image_bytes("PNG", size=(1200, 800)), "image/jpeg"
        ),
        hero_alt="A white and silver pair on a bench",
    )
    assert editor_client.post(ADD_URL, data).status_code == HTTPStatus.FOUND
    post = Post.objects.get()
    assert post.hero_image.name.startswith("posts/")
    assert post.hero_image.name.endswith(".png") and "passwd" not in post.hero_image.name
    assert (post.hero_width, post.hero_height) == (1200, 800)
    with Image.open(post.hero_image.path) as stored:
        assert stored.format == "PNG"
    page = client.get(post.get_absolute_url()).text
    assert 'alt="A white and silver pair on a bench"' in page
    assert ".webp 480w" in page and ".webp 960w" in page


@pytest.mark.parametrize("kind", HOSTILE_UPLOADS)
def test_hostile_hero_uploads_are_refused_and_nothing_is_stored(editor_client, settings, kind):
    name, content, content_type = HOSTILE_UPLOADS[kind]
    data = post_form(hero_image=upload(name, content, content_type), hero_alt="alt")
    response = editor_client.post(ADD_URL, data)
    assert response.status_code == HTTPStatus.OK
    assert response.context["adminform"].form.errors["hero_image"]
    assert not Post.objects.exists()
    assert not list(settings.MEDIA_ROOT.rglob("*.*"))


def test_oversized_hero_upload_is_refused(editor_client):
    big = image_bytes("PNG", size=(10, 10)) + b"\0" * (10 * 1024 * 1024)
    response = editor_client.post(
        ADD_URL, post_form(hero_image=upload("big.png", big), hero_alt="a")
    )
    assert "larger than 10 MB" in response.text
    assert not Post.objects.exists()


def test_admin_list_shows_status_author_and_date_with_filters(editor_client):
    PostFactory(
        title="Scheduled one",
        publish_at=timezone.now() + datetime.timedelta(days=2),
        tags=[TagFactory(), TagFactory()],
    )
    PostFactory(title="Published one")
    response = editor_client.get(CHANGELIST_URL)
    assert "Scheduled" in response.text
    filters = response.context["cl"].filter_specs
    assert {f.title for f in filters} >= {"status", "author", "category", "tags"}
    assert editor_client.get(CHANGELIST_URL, {"q": "Scheduled"}).context["cl"].result_count == 1


def test_bulk_publish_and_unpublish(editor_client):
    reader = Client()
    drafts = [PostFactory(status=Post.Status.DRAFT) for _ in range(2)]
    later = PostFactory(
        status=Post.Status.DRAFT, publish_at=timezone.now() + datetime.timedelta(days=1)
    )
    ids = [p.pk for p in [*drafts, later]]
    response = editor_client.post(
        CHANGELIST_URL, {"action": "publish", "_selected_action": ids}, follow=True
    )
    assert "Published 2 post(s). 1 post(s) have a future date and are scheduled." in response.text
    assert reader.get(drafts[0].get_absolute_url()).status_code == HTTPStatus.OK
    assert reader.get(later.get_absolute_url()).status_code == HTTPStatus.NOT_FOUND
    editor_client.post(CHANGELIST_URL, {"action": "unpublish", "_selected_action": ids})
    assert reader.get(drafts[0].get_absolute_url()).status_code == HTTPStatus.NOT_FOUND
    assert Version.objects.get_for_object(drafts[0]).count() == 2


def test_history_keeps_versions_and_restores_an_earlier_one(editor_client, client):
    editor_client.post(ADD_URL, post_form(body="First version of the text."))
    post = Post.objects.get()
    change_url = reverse("admin:blog_post_change", args=[post.pk])
    editor_client.post(
        change_url,
        post_form(
            body="Second version, rewritten.", author=post.author_id, category=post.category_id
        ),
    )
    versions = Version.objects.get_for_object(post)
    assert versions.count() == 2
    history = editor_client.get(reverse("admin:blog_post_history", args=[post.pk]))
    assert history.status_code == HTTPStatus.OK
    first = versions.last()
    revert_url = reverse("admin:blog_post_revision", args=[post.pk, first.pk])
    form = editor_client.get(revert_url)
    assert "First version of the text." in form.text
    editor_client.post(
        revert_url,
        post_form(
            body="First version of the text.", author=post.author_id, category=post.category_id
        ),
    )
    post.refresh_from_db()
    assert post.body == "First version of the text."
    assert "First version of the text." in client.get(post.get_absolute_url()).text


def test_slug_change_in_admin_keeps_old_url_working(editor_client, client):
    post = PostFactory(slug="before")
    change_url = reverse("admin:blog_post_change", args=[post.pk])
    data = post_form(slug="after", author=post.author_id, category=post.category_id)
    assert editor_client.post(change_url, data).status_code == HTTPStatus.FOUND
    response = client.get("/blog/before/")
    assert response.status_code == HTTPStatus.MOVED_PERMANENTLY
    assert response["Location"] == "/blog/after/"


def test_post_change_page_offers_a_preview_link_for_drafts(editor_client):
    post = PostFactory(status=Post.Status.DRAFT)
    response = editor_client.get(reverse("admin:blog_post_change", args=[post.pk]))
    assert "Preview (only staff can see it)" in response.text
    assert f'href="{post.get_absolute_url()}"' in response.text


def test_non_staff_cannot_reach_the_post_admin(reader_client):
    response = reader_client.get(ADD_URL)
    assert response.status_code == HTTPStatus.FOUND
    assert "/admin/login/" in response["Location"]


def article_dates(client, post) -> tuple[str, str]:
    html = client.get(post.get_absolute_url()).text
    for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S):
        data = json.loads(block)
        if data["@type"] == "Article":
            return data["datePublished"], data["dateModified"]
    raise AssertionError("no Article structured data")


def test_an_article_never_edited_keeps_its_publish_date_as_its_modified_date(client):
    published = timezone.now() - datetime.timedelta(days=30)
    post = PostFactory(publish_at=published)
    post.save()  # saved again by a data load: not an edit
    published_date, modified = article_dates(client, post)
    assert modified == published_date == published.isoformat()
    assert "Updated <time" not in client.get(post.get_absolute_url()).text


def test_an_editor_s_change_after_publishing_is_the_article_s_modified_date(editor_client, client):
    post = PostFactory(publish_at=timezone.now() - datetime.timedelta(days=30))
    change_url = reverse("admin:blog_post_change", args=[post.pk])
    data = post_form(
        slug=post.slug,
        title=post.title,
        body="A rewritten paragraph.",
        author=post.author_id,
        category=post.category_id,
        publish_at_0=post.publish_at.strftime("%Y-%m-%d"),
        publish_at_1=post.publish_at.strftime("%H:%M:%S"),
    )
    assert editor_client.post(change_url, data).status_code == HTTPStatus.FOUND
    post.refresh_from_db()
    assert post.edited_at.date() == timezone.now().date()
    _, modified = article_dates(client, post)
    assert modified == post.edited_at.isoformat()
    assert "Updated <time" in client.get(post.get_absolute_url()).text


def test_changes_made_while_publishing_a_draft_are_not_an_edit(editor_client):
    post = PostFactory(status=Post.Status.DRAFT)
    change_url = reverse("admin:blog_post_change", args=[post.pk])
    data = post_form(
        slug=post.slug,
        title=post.title,
        summary=post.summary,
        body="The last touches before it goes out.",
        author=post.author_id,
        category=post.category_id,
        _publish="Publish",
    )
    assert editor_client.post(change_url, data).status_code == HTTPStatus.FOUND
    post.refresh_from_db()
    assert post.is_public and post.edited_at is None
