import datetime
import json
from http import HTTPStatus

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone
from lxml import html as lxml_html

from blog.models import Post
from tests.cards import carded
from tests.factories import AuthorFactory, CategoryFactory, FAQFactory, PostFactory, TagFactory
from tests.sitemaps import sitemap_urls
from tests.test_markdown import XSS_CORPUS, active_content

pytestmark = pytest.mark.django_db


def future():
    return timezone.now() + datetime.timedelta(days=3)


def json_ld_blocks(response) -> list[dict]:
    tree = lxml_html.fromstring(response.content)
    found = [json.loads(s.text) for s in tree.xpath('//script[@type="application/ld+json"]')]
    return [data for data in found if data["@type"] != "BreadcrumbList"]


@pytest.fixture
def draft():
    return PostFactory(status=Post.Status.DRAFT, title="Secret draft")


@pytest.fixture
def scheduled():
    return PostFactory(publish_at=future(), title="Scheduled story")


def test_published_post_is_listed_and_readable(client):
    post = PostFactory(title="Kayano history", author=AuthorFactory(name="Charly"))
    listing = client.get(reverse("blog:post-list"))
    assert post.title in listing.text
    page = client.get(post.get_absolute_url())
    assert page.status_code == HTTPStatus.OK
    assert 'rel="author">Charly</a>' in page.text
    assert "min read" in page.text


@pytest.mark.parametrize("fixture", ["draft", "scheduled"])
def test_unpublished_post_is_hidden_from_readers(client, request, fixture):
    post = request.getfixturevalue(fixture)
    assert post.title not in client.get(reverse("blog:post-list")).text
    assert post.title not in client.get(reverse("home")).text
    assert client.get(post.get_absolute_url()).status_code == HTTPStatus.NOT_FOUND
    assert post.title not in client.get(reverse("blog:feed")).text
    assert f"http://testserver{post.get_absolute_url()}" not in sitemap_urls(client)


def test_scheduled_post_appears_once_its_time_comes(client, scheduled):
    Post.objects.filter(pk=scheduled.pk).update(publish_at=timezone.now())
    assert client.get(scheduled.get_absolute_url()).status_code == HTTPStatus.OK


@pytest.mark.parametrize("fixture", ["draft", "scheduled"])
def test_staff_preview_is_marked_uncached_and_noindex(staff_client, request, fixture):
    post = request.getfixturevalue(fixture)
    response = staff_client.get(post.get_absolute_url())
    assert response.status_code == HTTPStatus.OK
    assert "Preview." in response.text
    assert '<meta name="robots" content="noindex, nofollow">' in response.text
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert "no-store" in response["Cache-Control"]


def test_preview_is_refused_to_logged_in_readers(reader_client, draft):
    assert reader_client.get(draft.get_absolute_url()).status_code == HTTPStatus.NOT_FOUND


def test_published_post_is_not_marked_as_preview_for_staff(staff_client):
    post = PostFactory()
    response = staff_client.get(post.get_absolute_url())
    assert "Preview." not in response.text
    assert "noindex" not in response.text


def test_post_page_shows_toc_faq_related_and_neighbours(client):
    older = PostFactory(publish_at=timezone.now() - datetime.timedelta(days=10), title="Older")
    post = PostFactory(body="## Fit\n\ntext\n\n### Wide feet\n\ntext", title="Middle")
    newer = PostFactory(publish_at=timezone.now() - datetime.timedelta(hours=1), title="Newer")
    hidden = PostFactory(status=Post.Status.DRAFT, title="Hidden related")
    post.related.add(older, hidden)
    FAQFactory(post=post, question="Does it run small?", answer="No, *true to size*.")
    tree = lxml_html.fromstring(client.get(post.get_absolute_url()).content)
    assert tree.xpath('//nav[@class="toc"]//a/@href') == ["#fit", "#wide-feet", "#faq"]
    assert tree.xpath('//section[@class="faq"]//summary/text()') == ["Does it run small?"]
    assert tree.xpath('//section[@class="faq"]//em/text()') == ["true to size"]
    assert tree.xpath('//section[contains(@class, "related")]//a/text()') == ["Older"]
    assert tree.xpath('//a[@rel="prev"]/@href') == [older.get_absolute_url()]
    assert tree.xpath('//a[@rel="next"]/@href') == [newer.get_absolute_url()]


def test_article_and_faq_json_ld(client):
    post = PostFactory(title="Sizing guide", author=AuthorFactory(name="Charly"))
    FAQFactory(post=post, question="True to size?", answer="Yes, **mostly**.")
    article, faq = json_ld_blocks(client.get(post.get_absolute_url()))
    assert article["@type"] == "Article"
    assert article["headline"] == "Sizing guide"
    assert article["author"]["name"] == "Charly"
    assert article["mainEntityOfPage"].endswith(post.get_absolute_url())
    assert faq["@type"] == "FAQPage"
    assert faq["mainEntity"][0]["name"] == "True to size?"
    assert faq["mainEntity"][0]["acceptedAnswer"]["text"] == "Yes, mostly."


def test_json_ld_cannot_be_broken_out_of(client):
    post = PostFactory(title="</script><script>alert(1)</script>")
    response = client.get(post.get_absolute_url())
    assert "</script><script>alert(1)" not in response.text
    assert json_ld_blocks(response)[0]["headline"] == post.title


def test_post_without_faq_has_no_faq_json_ld(client):
    blocks = json_ld_blocks(client.get(PostFactory().get_absolute_url()))
    assert [b["@type"] for b in blocks] == ["Article"]


def test_seo_fields_fall_back_to_title_and_summary(client):
    plain = PostFactory(title="Plain", summary="The summary.")
    tuned = PostFactory(title="Tuned", seo_title="SEO title", meta_description="Meta text.")
    plain_tree = lxml_html.fromstring(client.get(plain.get_absolute_url()).content)
    tuned_tree = lxml_html.fromstring(client.get(tuned.get_absolute_url()).content)
    assert tuned_tree.xpath('//meta[@name="twitter:title"]/@content') == ["SEO title"]
    assert plain_tree.findtext(".//title").startswith("Plain")
    assert plain_tree.xpath('//meta[@name="description"]/@content') == ["The summary."]
    assert tuned_tree.findtext(".//title").startswith("SEO title")
    assert tuned_tree.xpath('//meta[@name="description"]/@content') == ["Meta text."]
    assert tuned_tree.xpath('//meta[@property="og:title"]/@content') == ["SEO title"]
    assert tuned_tree.xpath('//link[@rel="canonical"]/@href') == [
        f"http://testserver{tuned.get_absolute_url()}"
    ]
    # every article has a picture to share: its hero or a title card
    assert tuned_tree.xpath('//meta[@name="twitter:card"]/@content') == ["summary_large_image"]


@pytest.mark.parametrize(
    "url", ["home", "blog:post-list", "search"], ids=["home", "blog", "search"]
)
def test_every_page_has_canonical_description_and_open_graph(client, url):
    tree = lxml_html.fromstring(client.get(reverse(url)).content)
    assert tree.xpath('//link[@rel="canonical"]/@href')
    assert tree.xpath('//meta[@name="description"]/@content')[0].strip()
    assert tree.xpath('//meta[@property="og:title"]/@content')
    assert tree.xpath('//meta[@name="twitter:card"]/@content')


def test_author_category_and_tag_pages_list_only_their_posts(client):
    author, category, tag = AuthorFactory(name="Charly"), CategoryFactory(), TagFactory()
    mine = PostFactory(author=author, category=category, tags=[tag], title="Mine")
    PostFactory(title="Other")
    PostFactory(author=author, category=category, status=Post.Status.DRAFT, title="Draft")
    for url in (author.get_absolute_url(), category.get_absolute_url(), tag.get_absolute_url()):
        text = client.get(url).text
        assert mine.title in text and "Other" not in text and "Draft" not in text
    assert "Articles by Charly" in client.get(author.get_absolute_url()).text


def test_unknown_author_category_tag_and_post_give_404(client):
    for url in ["/blog/author/nobody/", "/blog/category/none/", "/blog/tag/none/", "/blog/none/"]:
        assert client.get(url).status_code == HTTPStatus.NOT_FOUND


def test_404_page_is_the_sites_own(client):
    response = client.get("/blog/no-such-post/")
    assert response.status_code == HTTPStatus.NOT_FOUND
    assert "Page not found" in response.text and "Skip to content" in response.text


def test_list_is_paginated_newest_first(client):
    posts = [
        PostFactory(publish_at=timezone.now() - datetime.timedelta(days=n)) for n in range(1, 15)
    ]
    first = client.get(reverse("blog:post-list"))
    assert carded(first, Post)[:1] == posts[:1]
    second = client.get(reverse("blog:post-list"), {"page": 2})
    assert carded(second, Post) == posts[12:]


@pytest.mark.parametrize(
    "page", ["0", "3", "-1", "abc", "1.5", "9" * 40, "1" * 5000, "last2", "¹", "١", ""]
)
def test_bad_page_numbers_give_404_not_500(client, page):
    PostFactory()
    response = client.get(reverse("blog:post-list"), {"page": page})
    expected = HTTPStatus.OK if page == "" else HTTPStatus.NOT_FOUND
    assert response.status_code == expected


def test_page_last_is_accepted(client):
    PostFactory()
    assert client.get(reverse("blog:post-list"), {"page": "last"}).status_code == HTTPStatus.OK


@pytest.mark.parametrize("payload", XSS_CORPUS)
def test_markdown_in_body_and_faq_is_sanitized_on_the_public_page(client, payload):
    post = PostFactory(body=payload)
    FAQFactory(post=post, answer=payload)
    tree = lxml_html.fromstring(client.get(post.get_absolute_url()).content)
    regions = tree.xpath('//div[@class="prose"]')
    assert len(regions) == 2
    for region in regions:
        assert active_content(lxml_html.tostring(region, encoding="unicode")) == []


def test_slug_change_redirects_old_address_permanently(client):
    post = PostFactory(slug="old-name")
    post.slug = "new-name"
    post.save()
    response = client.get("/blog/old-name/")
    assert response.status_code == HTTPStatus.MOVED_PERMANENTLY
    assert response["Location"] == "/blog/new-name/"


@pytest.mark.parametrize("was_published", [True, False], ids=["unpublished", "draft"])
def test_a_former_address_never_leads_to_a_post_readers_cannot_see(
    client, staff_client, was_published
):
    status = Post.Status.PUBLISHED if was_published else Post.Status.DRAFT
    post = PostFactory(slug="silver-leak", status=status)
    post.status = Post.Status.DRAFT
    post.slug = "secret-new-name"
    post.save()
    response = client.get("/blog/silver-leak/")
    assert response.status_code == HTTPStatus.NOT_FOUND
    assert "secret-new-name" not in response.text and "Location" not in response
    # once the post is published again, the old address leads to it
    post.status = Post.Status.PUBLISHED
    post.save()
    assert client.get("/blog/silver-leak/")["Location"] == "/blog/secret-new-name/"


@pytest.mark.parametrize("kind", ["category", "tag", "author"])
def test_a_category_tag_or_author_of_drafts_only_is_not_shown_until_one_is_published(client, kind):
    category, tag, author = CategoryFactory(name="Unannounced"), TagFactory(), AuthorFactory()
    draft = PostFactory(status=Post.Status.DRAFT, category=category, tags=[tag], author=author)
    subject = {"category": category, "tag": tag, "author": author}[kind]
    assert client.get(subject.get_absolute_url()).status_code == HTTPStatus.NOT_FOUND
    draft.status = Post.Status.PUBLISHED
    draft.save()
    assert client.get(subject.get_absolute_url()).status_code == HTTPStatus.OK


def test_repeated_slug_changes_redirect_straight_to_the_current_address(client):
    post = PostFactory(slug="first")
    for slug in ("second", "third"):
        post.slug = slug
        post.save()
    for old in ("first", "second"):
        response = client.get(f"/blog/{old}/")
        assert response.status_code == HTTPStatus.MOVED_PERMANENTLY
        assert response["Location"] == "/blog/third/"


def test_changing_slug_back_removes_the_redirect_loop(client):
    post = PostFactory(slug="a")
    post.slug = "b"
    post.save()
    post.slug = "a"
    post.save()
    assert client.get("/blog/a/").status_code == HTTPStatus.OK
    assert client.get("/blog/b/")["Location"] == "/blog/a/"


def test_post_list_queries_do_not_grow_with_posts(
    client, settings, start_generation, django_assert_num_queries
):
    settings.PAGE_CACHE_SECONDS = 0
    for _ in range(3):
        PostFactory(tags=[TagFactory(), TagFactory()])
    # the list's count, the page's keys, its cards, their tags, the colorways they name
    start_generation()
    with django_assert_num_queries(5) as small:
        client.get(reverse("blog:post-list"))
    for _ in range(12):
        PostFactory(tags=[TagFactory()], author=AuthorFactory(), category=CategoryFactory())
    start_generation()
    with django_assert_num_queries(len(small.captured_queries)):
        client.get(reverse("blog:post-list"))


def test_cards_are_kept_and_show_an_edit_on_the_next_request(
    client, settings, start_generation, django_assert_num_queries
):
    settings.PAGE_CACHE_SECONDS = 0
    post = PostFactory(title="Silver notes")
    start_generation()
    client.get(reverse("blog:post-list"))
    # which posts the list shows and their cards are kept
    with django_assert_num_queries(0):
        client.get(reverse("blog:post-list"))
    post.title = "Pure silver notes"
    post.save()
    assert ">Pure silver notes</a>" in client.get(reverse("blog:post-list")).content.decode()


def test_post_page_queries_are_fixed(client, settings, start_generation, django_assert_num_queries):
    settings.PAGE_CACHE_SECONDS = 0

    def make_post(n_related, n_faq, n_tags):
        post = PostFactory(tags=[TagFactory() for _ in range(n_tags)])
        post.related.add(*[PostFactory() for _ in range(n_related)])
        for _ in range(n_faq):
            FAQFactory(post=post)
        return post

    small, large = make_post(1, 1, 1), make_post(6, 8, 5)
    for post in (small, large):
        # the post's row, its long columns, tags, FAQ, related reading, previous and next,
        # the colorway it names for its title card
        start_generation()
        with django_assert_num_queries(7):
            assert client.get(post.get_absolute_url()).status_code == HTTPStatus.OK
        # then its parts are kept: the post's row alone
        with django_assert_num_queries(1):
            assert client.get(post.get_absolute_url()).status_code == HTTPStatus.OK


def test_editors_group_can_publish_but_not_manage_users():
    editors = Group.objects.get(name="Editors")
    codenames = set(editors.permissions.values_list("codename", flat=True))
    assert {"add_post", "change_post", "delete_post", "view_post", "change_faq"} <= codenames
    assert not {"add_user", "change_user", "change_group", "change_site"} & codenames


def test_a_scheduled_post_joins_the_list_once_its_time_has_come(client):
    publish_at = timezone.now() + datetime.timedelta(hours=1)
    post = PostFactory(title="Coming soon", publish_at=publish_at)
    with time_machine.travel(publish_at - datetime.timedelta(minutes=1)):
        assert "Coming soon" not in client.get("/blog/").content.decode()
        assert client.get(post.get_absolute_url()).status_code == HTTPStatus.NOT_FOUND
    with time_machine.travel(publish_at + datetime.timedelta(seconds=1)):
        assert "Coming soon" in client.get("/blog/").content.decode()
        assert client.get(post.get_absolute_url()).status_code == HTTPStatus.OK
