"""Every public page type answers in at most MAX_QUERIES SQL queries, however much
content there is: the count is measured on a small catalogue and again after ten times
as many posts and colorways (with all their tags, FAQs, images, listings...) exist."""

from http import HTTPStatus

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from bench.seed import PREFIX, seed
from blog.models import Post
from colorways.models import Colorway

MAX_QUERIES = 8
SMALL, LARGE = 3, 30


def first_post():
    return Post.objects.filter(slug__startswith=PREFIX).order_by("pk").first()


def first_colorway():
    return (
        Colorway.objects.filter(slug__startswith=PREFIX, collaborator__isnull=False)
        .order_by("pk")
        .first()
    )


PAGES = {
    "home": lambda: "/",
    "blog list": lambda: "/blog/",
    "post": lambda: first_post().get_absolute_url(),
    "tag": lambda: first_post().tags.order_by("pk").first().get_absolute_url(),
    "author": lambda: first_post().author.get_absolute_url(),
    "category": lambda: first_post().category.get_absolute_url(),
    "catalogue": lambda: "/colorways/",
    "filtered catalogue": lambda: "/colorways/?colour=silver&status=released&sort=price",
    "colorway": lambda: first_colorway().get_absolute_url(),
    "collaborators": lambda: "/colorways/collaborators/",
    "collaborator": lambda: first_colorway().collaborator.get_absolute_url(),
    "size finder": lambda: "/sizing/?shoe=nike-air-force-1&size=10&system=us-men&width=wide",
    "search": lambda: "/search/?q=kayano+cushioning",
    "rss feed": lambda: "/blog/feed/",
    "atom feed": lambda: "/blog/feed/atom/",
    "colorway api": lambda: "/api/colorways/?status=released",
    "colorway detail api": lambda: f"/api/colorways/{first_colorway().slug}/",
    "sizing api": lambda: (
        "/api/sizing/recommend?shoe=nike-air-force-1&size=10&system=us-men&width=wide"
    ),
    "sizing shoes api": lambda: "/api/sizing/shoes",
    "sitemap": lambda: "/sitemap.xml",
    "release calendar": lambda: "/colorways/upcoming/",
    "timeline": lambda: "/colorways/timeline/",
}


def count_queries(client, url: str) -> int:
    client.get(url)  # the first request fills per-process caches (cookie list, sizing guide)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == HTTPStatus.OK, url
    return len(queries)


@pytest.mark.django_db
@pytest.mark.parametrize("page", PAGES)
def test_page_queries_are_few_and_do_not_grow_with_content(client, settings, page):
    settings.PAGE_CACHE_SECONDS = 0  # every request must reach the view
    seed(posts=SMALL, colorways=SMALL, collaborators=SMALL, log=lambda line: None)
    url = PAGES[page]()
    small = count_queries(client, url)
    seed(posts=LARGE, colorways=LARGE, collaborators=LARGE // 3, log=lambda line: None)
    assert Post.objects.count() >= LARGE and Colorway.objects.count() >= LARGE
    large = count_queries(client, url)
    assert small <= MAX_QUERIES, f"{page}: {small} queries"
    assert large == small, f"{page}: {small} queries with little content, {large} with more"
