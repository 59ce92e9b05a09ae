"""Every public page's query parameters and addresses, and the admin's lists, fuzzed: no
input gives a 500 or changes data.

hypothesis draws query strings for each list and filter page and the size finder:
known good values, near misses (huge, negative, NaN, exponent, empty numbers), arbitrary
text (control characters, NUL characters, any script, very long) and repeated
parameters; addresses with arbitrary text where a slug goes; and searches, sorts, pages
and filters for every admin list.
"""

from http import HTTPStatus
from urllib.parse import quote

import pytest
from django.apps import apps
from django.conf import settings as django_settings
from django.urls import NoReverseMatch, reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from colorways.catalogue import CatalogueFilterForm
from sizing.forms import SizeFinderForm
from tests.security.fuzzing import NUL_TEXT, SHORT_TEXT, row_counts

pytestmark = pytest.mark.django_db

NUMBERS = st.one_of(
    st.integers(-(10**30), 10**30).map(str),
    st.decimals(allow_nan=True, allow_infinity=True).map(str),
    st.floats().map(str),
    st.sampled_from(["0", "-1", "1e999", "1_000", "0x10", " 7 ", "٣", "NaN", "inf", "1,5"]),
)
TEXT = st.text(st.characters(exclude_categories=["Cs"]), max_size=60)
LONG_TEXT = st.text(st.characters(codec="utf-8"), min_size=300, max_size=3000)

CATALOGUE_VALUES = {
    "collaborator": ["jjjjound", "kith", "general-release", "JJJJOUND", "nobody"],
    "year": ["2008", "2022", "1900", "3000"],
    "colour": ["silver", "black", "white", "SILVER"],
    "status": ["announced", "upcoming", "released", "soon"],
    "price_min": ["0", "150", "-5", "99999999999"],
    "price_max": ["0", "200", "-5"],
    "sort": ["newest", "oldest", "price", "-price", "name"],
    "page": ["1", "2", "0", "100000", "100001"],
}
FINDER_VALUES = {
    "shoe": ["nike-air-force-1", "new-balance-990", "asics-gel-nyc", "gel-kayano-14", "x"],
    "size": ["10", "9.5", "10,5", "27.5", "42", "0", "-3", "99", "10.25"],
    "system": ["us-men", "us-women", "uk", "eu", "cm", "jp"],
    "width": ["narrow", "regular", "wide", "extra-wide"],
    "sized_down": ["1", "on", "0", "true"],
    "bought_wide": ["1", "on", "0"],
}


def query(fields: dict[str, list[str]]):
    """Query dictionaries over `fields` (plus a stray one), each value one or several."""
    names = st.sampled_from([*fields, "utm_source", "q", "page"])

    def values_for(name):
        value = st.one_of(
            st.sampled_from(fields.get(name) or [""]), NUMBERS, TEXT, LONG_TEXT, NUL_TEXT
        )
        return st.one_of(value, st.lists(value, min_size=2, max_size=3))

    return st.lists(names, max_size=len(fields) + 1, unique=True).flatmap(
        lambda chosen: st.fixed_dictionaries({name: values_for(name) for name in chosen})
    )


PAGES = {
    "/colorways/": CATALOGUE_VALUES,
    "/colorways/upcoming/": {},
    "/colorways/timeline/": {},
    "/colorways/collaborators/": {},
    "/sizing/": FINDER_VALUES,
    "/search/": {"q": ["kayano", "1201A457-101", "sizing", "a" * 201], "page": ["1", "2", "0"]},
    "/blog/": {"page": ["1", "2", "0", "last"]},
    "/blog/author/charly/": {"page": ["1", "2", "0", "last"]},
    "/blog/category/gel-kayano-14/": {"page": ["1", "2", "last"]},
    "/blog/tag/sizing/": {"page": ["1", "2", "last"]},
    "/": {},
    "/cookies/": {"next": ["/", "//evil.example/", "javascript:alert(1)"]},
}


def test_the_fuzzed_fields_are_the_forms_fields():
    assert set(CATALOGUE_VALUES) == set(CatalogueFilterForm.base_fields)
    assert set(FINDER_VALUES) == set(SizeFinderForm.base_fields)


@pytest.mark.parametrize("path", PAGES)
def test_no_query_string_breaks_a_public_page_or_changes_data(client, demo_site, path):
    before = row_counts()

    @given(params=query(PAGES[path]))
    @settings(
        max_examples=40,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    def answers_without_error(params):
        response = client.get(path, params)
        assert response.status_code < HTTPStatus.INTERNAL_SERVER_ERROR
        assert row_counts() == before

    answers_without_error()


# Addresses with a slug in them, the slug replaced by arbitrary text.
SLUG_ADDRESSES = [
    "/blog/{}/",
    "/blog/author/{}/",
    "/blog/category/{}/",
    "/blog/tag/{}/",
    "/blog/{}/feed/",
    "/colorways/{}/",
    "/colorways/collaborators/{}/",
    "/api/colorways/{}/",
    "/{}",
]


@pytest.mark.parametrize("address", SLUG_ADDRESSES)
def test_no_text_in_an_address_breaks_a_page_or_changes_data(client, demo_site, address):
    before = row_counts()

    @given(slug=st.one_of(st.sampled_from(["gel-kayano-14-history", "charly"]), TEXT, NUL_TEXT))
    @settings(max_examples=30, deadline=None, database=None)
    def answers_without_error(slug):
        response = client.get(address.format(quote(slug, safe="")))
        assert response.status_code < HTTPStatus.INTERNAL_SERVER_ERROR
        assert row_counts() == before

    answers_without_error()


def changelists() -> list[tuple[str, list[str]]]:
    """Every admin list's address and a filter parameter for each of its model's fields."""
    found = []
    for model in apps.get_models():
        meta = model._meta
        try:
            address = reverse(f"admin:{meta.app_label}_{meta.model_name}_changelist")
        except NoReverseMatch:
            continue
        lookups = [f"{field.name}__exact" for field in meta.get_fields() if field.concrete]
        found.append((address, lookups))
    return found


CHANGELISTS = changelists()


@pytest.mark.parametrize(("address", "lookups"), CHANGELISTS, ids=[a for a, _ in CHANGELISTS])
def test_no_search_sort_page_or_filter_breaks_an_admin_list(
    staff_client, demo_site, address, lookups
):
    assert address.startswith(f"/{django_settings.ADMIN_URL}")
    before = row_counts()
    text = st.one_of(NUMBERS, SHORT_TEXT, NUL_TEXT)
    # Filters get NUL characters only: the admin does not check every field's values
    # before the query runs (an address field given "0" fails in the database).
    params = st.fixed_dictionaries(
        {},
        optional={
            "q": text,
            "o": text,
            "p": text,
            **dict.fromkeys(lookups, NUL_TEXT),
        },
    )

    @given(params=params)
    @settings(max_examples=15, deadline=None, database=None)
    def answers_without_error(params):
        response = staff_client.get(address, params)
        assert response.status_code < HTTPStatus.INTERNAL_SERVER_ERROR
        assert row_counts() == before

    answers_without_error()
