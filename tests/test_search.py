import re
from http import HTTPStatus

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from blog.models import HIT_START, HIT_STOP, SNIPPET_FIRST_CHARS, Post, passage_around
from tests.factories import PostFactory

pytestmark = pytest.mark.django_db

URL = reverse("search")


def results(response):
    return [post.title for post in response.context["page_obj"]]


def test_title_matches_rank_above_body_matches(client):
    PostFactory(title="Styling notes", body="Some words about lacing, then widths.")
    PostFactory(title="Lacing the Kayano 14", body="How to lace.")
    PostFactory(title="Unrelated", body="Nothing here.")
    response = client.get(URL, {"q": "lacing"})
    assert response.status_code == HTTPStatus.OK
    assert results(response) == ["Lacing the Kayano 14", "Styling notes"]


def test_search_uses_stemming_and_highlights_the_snippet(client):
    PostFactory(title="Guide", body="Readers with wide feet should size up by half.")
    response = client.get(URL, {"q": "sizing"})
    assert results(response) == ["Guide"]
    assert "<mark>size</mark>" in response.text


def test_a_hyphenated_name_that_matched_is_highlighted_whole(client):
    PostFactory(title="Guide", body="The Gel-Kayano 14 came back in 2020, to queues.")
    response = client.get(URL, {"q": "gel-kayano"})
    assert "<mark>Gel-Kayano</mark>" in response.text


def test_search_ignores_unpublished_posts(client):
    PostFactory(title="Draft about widths", status=Post.Status.DRAFT)
    assert results(client.get(URL, {"q": "widths"})) == []


def test_snippet_escapes_html_from_the_body(client):
    PostFactory(title="Code", body="Use `<script>alert(1)</script>` & <b>care</b>: widths matter.")
    response = client.get(URL, {"q": "widths"})
    snippet = str(response.context["page_obj"][0].snippet_html())
    assert "<script>alert" not in response.text and "<b>" not in snippet
    assert "&amp;" in snippet and "<mark>widths</mark>" in snippet


def test_snippets_are_read_from_the_start_of_each_text_when_the_words_are_there():
    early = [PostFactory(body=f"Widths {n} first, then {'filler ' * 2000}.") for n in range(3)]
    with CaptureQueriesContext(connection) as queries:
        found = Post.objects.filter(pk__in=[post.pk for post in early]).snippets("widths")
    assert len(queries) == 1
    assert all(HIT_START + "Widths" in found[post.pk] for post in early)


def test_a_snippet_beyond_the_start_of_the_text_is_found_by_reading_it_whole():
    filler = "Paragraph about the shoe and its materials. " * (SNIPPET_FIRST_CHARS // 40)
    early = PostFactory(body="Widths first.")
    deep = PostFactory(body=f"{filler}\n\nThe end: widths.")
    title_only = PostFactory(title="Widths", summary="A summary.", body="Nothing else.")
    posts = Post.objects.filter(pk__in=[early.pk, deep.pk, title_only.pk])
    with CaptureQueriesContext(connection) as queries:
        found = posts.snippets("widths")
    assert len(queries) == 2
    assert HIT_START + "widths" in found[deep.pk] and HIT_START + "Widths" in found[early.pk]
    assert found[title_only.pk] == "A summary."


def test_search_index_is_kept_current_on_save(client):
    post = PostFactory(title="Before", body="Old words.")
    post.body = "Completely different vocabulary: gorpcore."
    post.save()
    assert results(client.get(URL, {"q": "gorpcore"})) == ["Before"]


@pytest.mark.parametrize(
    "params",
    [
        {"q": ""},
        {"q": "x" * 201},
        {"q": "ok", "page": "abc"},
        {"q": "ok", "page": "0"},
        {"q": "ok", "page": "922337203685477581"},
    ],
    ids=["empty", "too long", "page text", "page zero", "page past the database's integers"],
)
def test_bad_search_parameters_give_a_400_with_a_message(client, params):
    response = client.get(URL, params)
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert 'class="errorlist"' in response.text


def test_page_beyond_results_is_404(client):
    PostFactory(title="Lacing")
    assert client.get(URL, {"q": "lacing", "page": "5"}).status_code == HTTPStatus.NOT_FOUND


@pytest.mark.parametrize("q", ["'", '"', "&&", "!", "a | b", "(", ":*", "\\", "<>"])
def test_query_syntax_characters_never_500(client, q):
    PostFactory()
    assert client.get(URL, {"q": q}).status_code == HTTPStatus.OK


def test_empty_search_page_shows_the_form(client):
    response = client.get(URL)
    assert response.status_code == HTTPStatus.OK
    assert 'name="q"' in response.text


def test_the_passage_without_postgresql_keeps_a_word_the_hit_is_inside_whole():
    """The fallback (SQLite, `make run`) cuts the text around the hit's word."""
    text = "Most people can order the Gel-Kayano 14 in their usual size."
    pattern = re.compile(r"\b(kayano)", re.IGNORECASE)
    passage = passage_around(text, pattern.search(text).start(), pattern)
    assert (
        passage
        == f"Most people can order the Gel-{HIT_START}Kayano{HIT_STOP} 14 in their usual size."
    )
