"""The catalogue in site-wide places: search, sitemap and the home page."""

import datetime
from http import HTTPStatus

import pytest
from django.utils import timezone

from colorways.models import Colorway, ReleasePrecision
from tests.cards import carded
from tests.factories import (
    CollaboratorFactory,
    ColorwayFactory,
    PaletteColourFactory,
    PostFactory,
    RetailPriceFactory,
)
from tests.sitemaps import sitemap_urls

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("typed", ["1201A457-101", " 1201a457-101 "])
def test_exact_style_code_in_search_goes_to_its_colorway(client, typed):
    colorway = ColorwayFactory(style_code="1201A457-101")
    response = client.get("/search/", {"q": typed})
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == colorway.get_absolute_url()


def test_unknown_style_code_searches_normally(client):
    response = client.get("/search/", {"q": "1201A999-999"})
    assert response.status_code == HTTPStatus.OK


def test_colorway_matches_are_shown_above_article_results(client):
    jjjjound = CollaboratorFactory(name="JJJJound")
    ColorwayFactory(name="Silver/Black", collaborator=jjjjound)
    ColorwayFactory(name="Cream/Antler", nickname="Kith Vintage Tech", collaborator=None)
    PostFactory(title="The JJJJound story", body="JJJJound made the first collaboration.")
    body = client.get("/search/", {"q": "jjjjound"}).content.decode()
    assert "Silver/Black" in body and "Cream/Antler" not in body
    assert body.index("Silver/Black") < body.index("The JJJJound story")
    body = client.get("/search/", {"q": "vintage tech"}).content.decode()
    assert "Kith Vintage Tech" in body


def test_sitemap_lists_colorways_collaborators_and_catalogue_pages(client):
    colorway = ColorwayFactory()
    urls = sitemap_urls(client)
    for path in (
        colorway.get_absolute_url(),
        colorway.collaborator.get_absolute_url(),
        "/colorways/upcoming/",
        "/colorways/timeline/",
        "/colorways/collaborators/",
    ):
        assert f"http://testserver{path}" in urls


def make_featured(n):
    today = timezone.localdate()
    for i in range(n):
        colorway = ColorwayFactory(
            release_date=today + datetime.timedelta(days=10 + i),
            release_precision=ReleasePrecision.DAY,
        )
        PaletteColourFactory.create_batch(2, colorway=colorway)
        RetailPriceFactory(colorway=colorway)
        ColorwayFactory(release_date=datetime.date(2020 - i, 1, 1), release_precision="year")


def test_home_features_upcoming_soonest_first_then_latest_released(client):
    today = timezone.localdate()
    later = ColorwayFactory(
        name="Later", release_date=today + datetime.timedelta(days=40), release_precision="day"
    )
    sooner = ColorwayFactory(
        name="Sooner", release_date=today + datetime.timedelta(days=5), release_precision="day"
    )
    newest = ColorwayFactory(name="Newest out", release_date=datetime.date(2025, 6, 1))
    ColorwayFactory(name="Older", release_date=datetime.date(2022, 8, 1))
    ColorwayFactory(name="Oldest", release_date=datetime.date(2020, 1, 1), release_precision="year")
    ColorwayFactory(name="Undated", release_date=None, release_precision="unannounced")
    response = client.get("/")
    assert [c.name for c in carded(response, Colorway)] == [
        sooner.name,
        later.name,
        newest.name,
        "Older",
    ]
    assert "Coming next and just out" in response.content.decode()


@pytest.mark.parametrize("size", [1, 5])
def test_home_page_makes_a_fixed_number_of_queries(
    client, settings, start_generation, django_assert_num_queries, size
):
    settings.PAGE_CACHE_SECONDS = 0
    make_featured(size)
    # The lead story and `size` cards below it.
    PostFactory.create_batch(size + 1)
    # the newest posts' keys (1), the lead story's and the cards' posts with their tags
    # and the colorways they name (3), the featured colorways' keys (1) and cards (4: rows
    # with their collaborators, pictures, palettes and prices)
    start_generation()
    with django_assert_num_queries(9):
        assert client.get("/").status_code == HTTPStatus.OK
