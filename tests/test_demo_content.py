from io import StringIO

import pytest
from django.core.management import call_command

from blog.models import FAQ, Author, Post

pytestmark = pytest.mark.django_db


def load() -> str:
    out = StringIO()
    call_command("load_demo_content", stdout=out)
    return out.getvalue()


def test_demo_content_loads_once_and_reports_what_it_found():
    first = load()
    assert "post gel-kayano-14-history: created" in first
    counts = (Author.objects.count(), Post.objects.count(), FAQ.objects.count())
    second = load()
    assert "post gel-kayano-14-history: found" in second
    assert (Author.objects.count(), Post.objects.count(), FAQ.objects.count()) == counts


def test_demo_content_never_overwrites_an_editors_change():
    load()
    post = Post.objects.get(slug="gel-kayano-14-sizing-and-fit")
    post.title = "Edited by an editor"
    post.save()
    post.related.clear()
    load()
    post.refresh_from_db()
    assert post.title == "Edited by an editor"
    assert not post.related.exists()


def test_demo_articles_link_each_other_and_carry_an_faq(client):
    load()
    history = Post.objects.get(slug="gel-kayano-14-history")
    sizing = Post.objects.get(slug="gel-kayano-14-sizing-and-fit")
    assert list(history.related.all()) == [sizing]
    assert list(sizing.related.all()) == [history]
    assert sizing.faqs.count() >= 3
    page = client.get(sizing.get_absolute_url()).text
    assert "Posted by" in page and "Charly" in page and "Related reading" in page


def test_ensure_admin_prints_a_password_once():
    out = StringIO()
    call_command("ensure_admin", stdout=out)
    assert "password:" in out.getvalue()
    again = StringIO()
    call_command("ensure_admin", stdout=again)
    assert "password:" not in again.getvalue()
    assert "already exists" in again.getvalue()
