"""NUL characters, which PostgreSQL cannot store in text, never reach the database.

An address holding one is a 404, a query string holding one a 400, a cookie holding
one is ignored; the API validates its own parameters and answers in the shapes its
schema documents. Nothing stored changes.
"""

from http import HTTPStatus

import pytest
from django.conf import settings

from consent.models import ConsentRecord
from tests.colorways.test_api import validate
from tests.security.fuzzing import row_counts

pytestmark = pytest.mark.django_db

ADMIN = f"/{settings.ADMIN_URL}"

ADDRESSES = [
    "/%00",
    "/blog/%00/",
    "/blog/gel-kayano-14-history%00/",
    "/blog/author/%00/",
    "/colorways/%00/",
    "/colorways/jjjjound-silver-black%00/",
    "/colorways/collaborators/x%00/",
    "/static/%00",
    f"{ADMIN}blog/post/%00/change/",
]
QUERIES = [
    "/?utm_source=%00",
    "/search/?q=%00",
    "/search/?q=fit%00",
    "/search/?%00=fit",
    "/blog/?page=1%00",
    "/colorways/?collaborator=%00",
    "/colorways/?colour=silver&year=%002022",
    "/colorways/jjjjound-silver-black/?ref=%00",
    "/sizing/?shoe=nike-air-force-1&size=10&sized_down=%00",
    "/cookies/?next=%00",
    "/blog/feed/?x=%00",
    "/sitemap.xml?p=%00",
    "/colorways/upcoming.ics?x=%00",
]
ADMIN_QUERIES = [
    "blog/post/?q=%00",
    "blog/post/?status__exact=%00",
    "blog/post/?o=%00",
    "colorways/colorway/?q=%00",
    "colorways/colorway/?collaborator__slug__exact=%00",
    "sizing/shoe/?q=%00",
    "consent/consentrecord/?q=%00",
    "auth/user/?q=%00",
]


@pytest.mark.parametrize("address", ADDRESSES)
def test_an_address_holding_a_nul_is_not_found(client, demo_site, address):
    before = row_counts()
    response = client.get(address)
    assert response.status_code == HTTPStatus.NOT_FOUND
    assert row_counts() == before


def test_a_page_address_holding_a_nul_gets_the_designed_404_page(client, demo_site):
    response = client.get("/blog/gel-kayano-14-history%00/")
    assert "Page not found" in response.text


@pytest.mark.parametrize("address", QUERIES)
def test_a_query_string_holding_a_nul_is_a_400_that_says_so(client, demo_site, address):
    before = row_counts()
    response = client.get(address)
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "NUL" in response.text
    assert row_counts() == before


@pytest.mark.parametrize("address", ADMIN_QUERIES)
def test_admin_lists_refuse_a_nul_in_search_and_filters(staff_client, demo_site, address):
    before = row_counts()
    response = staff_client.get(ADMIN + address)
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert row_counts() == before


@pytest.mark.parametrize(
    "cookie",
    [
        'sessionid="abcdefghijkl\\000"',  # Django decodes the escape into a NUL
        "sessionid=abcdefghijkl\x00",
        'csrftoken="abc\\000"',
        'consent_visitor="abcdefghijklmnopqrstuvwxyz\\000"',
    ],
)
def test_a_cookie_holding_a_nul_is_ignored(client, demo_site, cookie):
    assert client.get("/blog/", headers={"cookie": cookie}).status_code == HTTPStatus.OK
    response = client.get(ADMIN, headers={"cookie": cookie})
    assert response.status_code == HTTPStatus.FOUND
    assert "login" in response["Location"]


def test_other_cookies_are_still_read_beside_one_holding_a_nul(staff_client, demo_site):
    session = staff_client.cookies["sessionid"].value
    cookie = f'sessionid={session}; stray="x\\000"'
    response = staff_client.get(ADMIN, headers={"cookie": cookie})
    assert response.status_code == HTTPStatus.OK


@pytest.fixture
def openapi(client):
    return client.get("/api/openapi.json").json()


@pytest.mark.parametrize(
    ("address", "operation", "status"),
    [
        ("/api/colorways/%00/", "/api/colorways/{slug}/", HTTPStatus.NOT_FOUND),
        ("/api/colorways/jjjjound-silver-black%00/", "/api/colorways/{slug}/", 404),
        ("/api/colorways/%01/", "/api/colorways/{slug}/", HTTPStatus.NOT_FOUND),
        ("/api/colorways/?collaborator=%00", "/api/colorways/", HTTPStatus.BAD_REQUEST),
        ("/api/colorways/?year=%00", "/api/colorways/", HTTPStatus.BAD_REQUEST),
        ("/api/colorways/?sort=newest%00", "/api/colorways/", HTTPStatus.BAD_REQUEST),
        ("/api/sizing/recommend?shoe=%00&size=10", "/api/sizing/recommend", 400),
        ("/api/sizing/recommend?shoe=nike-dunk&size=10%00", "/api/sizing/recommend", 400),
        (
            "/api/sizing/recommend?shoe=nike-dunk&size=10&sized_down=%00",
            "/api/sizing/recommend",
            400,
        ),
    ],
)
def test_the_api_answers_a_nul_in_its_documented_shape(
    client, demo_site, openapi, address, operation, status
):
    before = row_counts()
    response = client.get(address)
    assert response.status_code == status
    validate(openapi, operation, status, response.json())
    assert row_counts() == before


def test_an_api_query_parameter_it_does_not_take_is_ignored_even_with_a_nul(client, demo_site):
    response = client.get("/api/colorways/jjjjound-silver-black/?ref=%00")
    assert response.status_code == HTTPStatus.OK


@pytest.mark.parametrize(
    ("address", "status"),
    [
        # Django re-escapes bytes that are not UTF-8 in a path and replaces them in a
        # query, so a lone surrogate never reaches a view.
        ("/blog/%ED%A0%80/", HTTPStatus.NOT_FOUND),
        ("/api/colorways/%ED%A0%80/", HTTPStatus.NOT_FOUND),
        ("/search/?q=%ED%A0%80", HTTPStatus.OK),
        # Other control characters are text to PostgreSQL: no slug has one, and a search
        # for one finds nothing.
        ("/blog/%01%1F/", HTTPStatus.NOT_FOUND),
        ("/api/colorways/a%0Ab/", HTTPStatus.NOT_FOUND),
        ("/search/?q=%01%1B%7F", HTTPStatus.OK),
    ],
)
def test_surrogates_and_control_characters_do_not_break_a_page(client, demo_site, address, status):
    assert client.get(address).status_code == status


def test_a_form_field_holding_a_nul_is_a_form_error(client, demo_site):
    response = client.post("/cookies/save/", {"method": "accept_all", "next": "/\x00"})
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert not ConsentRecord.objects.exists()


def test_an_admin_form_field_holding_a_nul_is_a_form_error(staff_client, demo_site):
    before = row_counts()
    response = staff_client.post(f"{ADMIN}blog/category/add/", {"name": "Fit\x00", "slug": "fit"})
    assert response.status_code == HTTPStatus.OK
    assert "Null characters are not allowed." in response.text
    assert row_counts() == before


@pytest.mark.parametrize("slug", ["a%0Ab", "%01", "x y", "%C3%A9t%C3%A9", "a.b"])
def test_a_colorway_slug_the_api_could_never_hold_is_answered_without_the_database(
    client, demo_site, django_assert_num_queries, slug
):
    with django_assert_num_queries(0):
        response = client.get(f"/api/colorways/{slug}/")
    assert response.status_code == HTTPStatus.NOT_FOUND
