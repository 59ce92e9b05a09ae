import datetime
import re
from decimal import Decimal
from http import HTTPStatus

import pytest

from colorways.catalogue import GENERAL_RELEASE
from colorways.models import Colorway, ReleasePrecision
from tests.cards import carded
from tests.factories import (
    CollaboratorFactory,
    ColorwayFactory,
    ColorwayImageFactory,
    PaletteColourFactory,
    RetailPriceFactory,
)

pytestmark = pytest.mark.django_db

URL = "/colorways/"


@pytest.fixture
def catalogue():
    jjjjound = CollaboratorFactory(name="JJJJound", slug="jjjjound")
    kith = CollaboratorFactory(name="Kith", slug="kith")
    made = {
        "silver": ColorwayFactory(
            name="Silver/Black", collaborator=jjjjound, release_date=datetime.date(2022, 8, 1)
        ),
        "navy": ColorwayFactory(
            name="White/Navy", collaborator=jjjjound, release_date=datetime.date(2025, 6, 1)
        ),
        "cream": ColorwayFactory(
            name="Cream/Antler", collaborator=kith, release_date=datetime.date(2023, 6, 1)
        ),
        "white": ColorwayFactory(
            name="Triple White",
            collaborator=None,
            release_date=None,
            release_precision=ReleasePrecision.UNANNOUNCED,
        ),
        "future": ColorwayFactory(
            name="Future Blue",
            collaborator=kith,
            release_date=datetime.date(2099, 3, 1),
            release_precision=ReleasePrecision.DAY,
        ),
    }
    prices = {"silver": "180", "navy": "180", "cream": "170", "white": "150", "future": "200"}
    for key, amount in prices.items():
        RetailPriceFactory(colorway=made[key], amount=Decimal(amount))
    PaletteColourFactory(colorway=made["silver"], family="silver")
    PaletteColourFactory(colorway=made["silver"], family="black", hex="#000000")
    PaletteColourFactory(colorway=made["navy"], family="blue", hex="#1F2A44")
    PaletteColourFactory(colorway=made["navy"], family="blue", hex="#2F5DA8")
    PaletteColourFactory(colorway=made["cream"], family="cream", hex="#EFE6D2")
    return made


def names(response) -> list[str]:
    return [c.name for c in carded(response, Colorway)]


def facet(response, name) -> dict[str, int]:
    """The options of the filter `name` as the page shows them: value -> count."""
    select = re.search(rf'<select name="{name}".*?</select>', response.text, re.S).group(0)
    options = re.findall(r'<option value="([^"]+)"[^>]*>[^<]* \((\d+)\)</option>', select)
    return {value: int(count) for value, count in options}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", ["Future Blue", "White/Navy", "Cream/Antler", "Silver/Black", "Triple White"]),
        ("?collaborator=jjjjound", ["White/Navy", "Silver/Black"]),
        (f"?collaborator={GENERAL_RELEASE}", ["Triple White"]),
        ("?year=2023", ["Cream/Antler"]),
        ("?colour=blue", ["White/Navy"]),
        ("?status=upcoming", ["Future Blue"]),
        ("?status=announced", ["Triple White"]),
        ("?status=released&collaborator=kith", ["Cream/Antler"]),
        ("?price_min=175&price_max=190", ["White/Navy", "Silver/Black"]),
        (
            "?sort=price",
            ["Triple White", "Cream/Antler", "Silver/Black", "White/Navy", "Future Blue"],
        ),
        (
            "?sort=oldest",
            ["Silver/Black", "Cream/Antler", "White/Navy", "Future Blue", "Triple White"],
        ),
    ],
)
def test_filters_and_sorting_narrow_and_order_the_catalogue(client, catalogue, query, expected):
    response = client.get(URL + query)
    assert response.status_code == HTTPStatus.OK
    if "sort=price" in query:
        assert names(response) == expected
    else:
        assert sorted(names(response)) == sorted(expected)
        if query in ("", "?sort=oldest"):
            assert names(response) == expected


def test_each_facet_counts_under_the_other_filters(client, catalogue):
    response = client.get(URL + "?collaborator=jjjjound&status=released")
    assert facet(response, "collaborator") == {"jjjjound": 2, "kith": 1}
    assert facet(response, "status") == {"announced": 0, "upcoming": 0, "released": 2}
    assert facet(response, "year") == {"2022": 1, "2025": 1}
    assert facet(response, "colour") == {"silver": 1, "black": 1, "blue": 1}
    body = response.content.decode()
    assert "JJJJound (2)" in body and "Kith (1)" in body


def test_counts_cover_the_whole_catalogue_without_filters(client, catalogue):
    response = client.get(URL)
    assert facet(response, "collaborator") == {"jjjjound": 2, "kith": 2, GENERAL_RELEASE: 1}
    assert facet(response, "status") == {"announced": 1, "upcoming": 1, "released": 3}


@pytest.mark.parametrize(
    ("query", "field", "shown"),
    [
        ("?year=abc", "Year", 5),
        ("?year=1800", "Year", 5),
        ("?collaborator=nobody", "Collaborator", 5),
        ("?colour=%3Cscript%3E", "Colour", 5),
        ("?status=soon", "Status", 5),
        ("?price_min=-5", "Price from", 5),
        ("?price_min=abc", "Price from", 5),
        ("?price_min=1e999", "Price from", 5),
        ("?price_min=200&price_max=100", "Price up to", 1),
        ("?sort=random", "Sort by", 5),
        ("?page=0", "Page", 5),
        ("?page=x", "Page", 5),
        ("?page=99999999999999999999", "Page", 5),
    ],
)
def test_malformed_filters_are_reported_and_left_out(client, catalogue, query, field, shown):
    response = client.get(URL + query)
    assert response.status_code == HTTPStatus.BAD_REQUEST
    body = response.content.decode()
    assert "Some filters were not understood" in body
    assert f"<li>{field}" in body
    assert len(names(response)) == shown


def test_valid_filters_still_apply_next_to_a_malformed_one(client, catalogue):
    response = client.get(URL + "?collaborator=kith&year=abc")
    assert sorted(names(response)) == ["Cream/Antler", "Future Blue"]


def test_pagination_keeps_filters_and_a_page_past_the_end_is_404(client, settings, monkeypatch):
    monkeypatch.setattr("colorways.catalogue.PER_PAGE", 2)
    collaborator = CollaboratorFactory(slug="studio")
    ColorwayFactory.create_batch(5, collaborator=collaborator)
    response = client.get(URL + "?collaborator=studio&page=2")
    assert len(names(response)) == 2
    assert "collaborator=studio&amp;page=3" in response.content.decode()
    assert client.get(URL + "?page=4").status_code == HTTPStatus.NOT_FOUND


def add_children(colorways, n):
    for colorway in colorways:
        PaletteColourFactory.create_batch(n, colorway=colorway)
        RetailPriceFactory(colorway=colorway)
        ColorwayImageFactory.create_batch(n, colorway=colorway)


@pytest.mark.parametrize("size", [1, 6])
def test_catalogue_page_makes_a_fixed_number_of_queries(
    client, settings, start_generation, django_assert_num_queries, size
):
    settings.PAGE_CACHE_SECONDS = 0
    colorways = [ColorwayFactory(collaborator=CollaboratorFactory()) for _ in range(size * 2)] + [
        ColorwayFactory(collaborator=None, release_date=None, release_precision="unannounced")
    ]
    add_children(colorways, size)
    # collaborator choices, the page (2: the count, then its colorways' keys and slugs),
    # its cards (4: rows with their collaborators, pictures, palettes and prices), 4 facets
    start_generation()
    with django_assert_num_queries(11):
        response = client.get(URL + "?sort=price")
    assert response.status_code == HTTPStatus.OK


def test_a_catalogue_address_whose_parts_are_kept_reads_nothing_from_the_database(
    client, settings, start_generation, django_assert_num_queries
):
    settings.PAGE_CACHE_SECONDS = 0
    add_children([ColorwayFactory(collaborator=CollaboratorFactory()) for _ in range(3)], 2)
    start_generation()
    for address in (URL, URL + "?sort=price&status=released"):
        client.get(address)
        # the filter panel, the page's keys, slugs and count, and the cards are all kept
        with django_assert_num_queries(0):
            response = client.get(address)
        assert response.status_code == HTTPStatus.OK
        assert response.content.decode().count('class="card colorway-card"') == 3


def test_every_card_shows_a_picture_without_style_attributes(client, catalogue):
    photo = ColorwayImageFactory(colorway=catalogue["cream"], alt="Cream/Antler, side view")
    body = client.get(URL).content.decode()
    cards = re.findall(r'<article class="card colorway-card">.*?</article>', body, re.S)
    assert len(cards) == len(catalogue)
    for card in cards:
        assert re.search(r'<img class="colorway-img is-(photo|drawing)"', card), card
        assert re.search(r'width="\d+" height="\d+"', card), card
    drawings = [card for card in cards if "is-drawing" in card]
    assert len(drawings) == len(catalogue) - 1
    navy = catalogue["navy"]
    assert f'src="/colorways/{navy.slug}/drawing.svg?v=' in body
    assert f'alt="{photo.alt}"' in body
    assert "style=" not in body


def test_filter_options_escape_collaborator_names(client):
    ColorwayFactory(collaborator=CollaboratorFactory(name='Studio "<b>&', slug="studio-b"))
    body = client.get(URL).content.decode()
    assert '<option value="studio-b">Studio &quot;&lt;b&gt;&amp; (1)</option>' in body
