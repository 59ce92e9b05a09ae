from http import HTTPStatus
from urllib.parse import parse_qsl, urlsplit

import pytest
from django.urls import reverse
from lxml import etree

from blog.models import Post
from config.sitemaps import SECTION_SIZE
from tests.factories import (
    AuthorFactory,
    CategoryFactory,
    CollaboratorFactory,
    ColorwayFactory,
    PostFactory,
)
from tests.sitemaps import NS as SITEMAP
from tests.sitemaps import sitemap_urls

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def parse(response):
    assert response.status_code == HTTPStatus.OK
    return etree.fromstring(response.content)


def test_rss_feed_lists_published_posts_with_sanitized_html(client):
    post = PostFactory(title="Feed me", body="Hello <script>x()</script> **world**")
    PostFactory(title="Not yet", status=Post.Status.DRAFT)
    rss = parse(client.get(reverse("blog:feed")))
    items = rss.findall("./channel/item")
    assert [i.findtext("title") for i in items] == ["Feed me"]
    assert items[0].findtext("link").endswith(post.get_absolute_url())
    description = items[0].findtext("description")
    assert "<strong>world</strong>" in description and "<script>" not in description


def test_atom_feed_is_valid_atom(client):
    PostFactory(title="Atom entry")
    feed = parse(client.get(reverse("blog:feed-atom")))
    assert feed.tag == f"{ATOM}feed"
    assert [e.findtext(f"{ATOM}title") for e in feed.findall(f"{ATOM}entry")] == ["Atom entry"]


def test_author_and_category_feeds_are_filtered(client):
    charly, other = AuthorFactory(name="Charly"), AuthorFactory()
    category = CategoryFactory()
    PostFactory(title="By Charly", author=charly, category=category)
    PostFactory(title="By someone else", author=other)
    author_feed = parse(client.get(reverse("blog:author-feed", args=[charly.slug])))
    category_feed = parse(client.get(reverse("blog:category-feed", args=[category.slug])))
    for feed in (author_feed, category_feed):
        assert [i.findtext("title") for i in feed.findall("./channel/item")] == ["By Charly"]
    assert client.get("/blog/author/nobody/feed/").status_code == HTTPStatus.NOT_FOUND


def test_sitemap_lists_published_posts_with_lastmod(client):
    post = PostFactory()
    draft = PostFactory(status=Post.Status.DRAFT)
    urls = sitemap_urls(client)
    post_url = f"http://testserver{post.get_absolute_url()}"
    assert urls[post_url] and urls[post_url].startswith(str(post.modified_at.date()))
    assert "http://testserver/" in urls
    assert f"http://testserver{post.author.get_absolute_url()}" in urls
    assert not any(draft.slug in url for url in urls)


def test_a_sitemap_section_too_big_for_one_file_is_split_into_pages_listed_in_the_index(client):
    collaborator = CollaboratorFactory()
    colorways = ColorwayFactory.create_batch(SECTION_SIZE + 1, collaborator=collaborator)
    index = parse(client.get("/sitemap.xml"))
    listed = [loc.text for loc in index.iter(f"{SITEMAP}loc")]
    assert [section for section in listed if "colorways" in section] == [
        "http://testserver/sitemap-colorways.xml",
        "http://testserver/sitemap-colorways.xml?p=2",
    ]
    addresses = []
    for section in map(urlsplit, listed):
        urls = parse(client.get(section.path, dict(parse_qsl(section.query))))
        locs = [loc.text for loc in urls.iter(f"{SITEMAP}loc")]
        assert len(locs) <= SECTION_SIZE, section
        addresses.extend(locs)
    assert len(addresses) == len(set(addresses))
    for thing in (*colorways, collaborator):
        assert f"http://testserver{thing.get_absolute_url()}" in addresses


@pytest.mark.parametrize("page", ["0", "1001", "abc", "¹", "١", "1" * 5000])
def test_a_sitemap_section_page_that_cannot_exist_is_a_404(client, page):
    PostFactory()
    assert client.get("/sitemap-posts.xml", {"p": "1"}).status_code == HTTPStatus.OK
    assert client.get("/sitemap-posts.xml", {"p": page}).status_code == HTTPStatus.NOT_FOUND


def test_robots_txt_points_to_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response["Content-Type"] == "text/plain"
    assert "Sitemap: http://testserver/sitemap.xml" in response.text
    assert "/admin" not in response.text  # the admin's address is nobody's business


def test_pages_are_sent_with_a_content_security_policy(client):
    PostFactory()
    response = client.get(reverse("blog:post-list"))
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "frame-ancestors 'none'" in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert response["X-Content-Type-Options"] == "nosniff"
