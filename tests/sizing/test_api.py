from http import HTTPStatus

import pytest

from tests.sizing.test_finder_page import BAD_SIZES

pytestmark = pytest.mark.django_db

RECOMMEND = "/api/sizing/recommend"
AF1 = {"shoe": "nike-air-force-1", "size": "10", "system": "us-men", "width": "regular"}


def test_recommend_answers_as_the_issue_shows(client, demo_content):
    response = client.get(RECOMMEND, AF1)
    assert response.status_code == HTTPStatus.OK
    data = response.json()
    assert data["recommended"] == [
        {"us_men": 10.0, "us_women": 11.5, "uk": 9.0, "eu": 44.0, "cm": 28.0},
        {"us_men": 10.5, "us_women": 12.0, "uk": 9.5, "eu": 44.5, "cm": 28.25},
    ]
    assert data["reasons"][0].startswith("Nike Air Force 1: The Air Force 1 runs large")
    assert any("between two sizes" in warning for warning in data["warnings"])


@pytest.mark.parametrize(
    ("params", "us_men"),
    [
        ({**AF1, "sized_down": "1"}, [10.5]),
        ({**AF1, "shoe": "new-balance-990", "bought_wide": "1", "width": "wide"}, [10.5]),
        ({"shoe": "nike-dunk", "size": "8.5", "system": "us-women"}, [7.0]),
        ({"shoe": "nike-dunk", "size": "28", "system": "cm"}, [10.0]),
        ({"shoe": "nike-dunk", "size": "10"}, [10.0]),
    ],
)
def test_recommend_follows_the_rules(client, demo_content, params, us_men):
    data = client.get(RECOMMEND, params).json()
    assert [size["us_men"] for size in data["recommended"]] == us_men


def test_beyond_the_range_answers_with_no_size_and_says_why(client, demo_content):
    data = client.get(
        RECOMMEND, {"shoe": "asics-gel-nyc", "size": "15", "system": "us-men", "width": "wide"}
    ).json()
    assert data["recommended"] == []
    assert any("range" in warning for warning in data["warnings"])


@pytest.mark.parametrize(("size", "message"), BAD_SIZES)
def test_bad_sizes_give_400_listing_the_field(client, demo_content, size, message):
    response = client.get(RECOMMEND, {**AF1, "size": size})
    assert response.status_code == HTTPStatus.BAD_REQUEST
    data = response.json()
    assert list(data["errors"]) == ["size"]
    assert message.replace("&#x27;", "'") in data["errors"]["size"][0]


def test_every_bad_field_is_listed(client, demo_content):
    response = client.get(
        RECOMMEND, {"shoe": "nope", "size": "ten", "system": "x", "width": "y", "sized_down": "z"}
    )
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert set(response.json()["errors"]) == {"shoe", "size", "system", "width"}


def test_recommend_without_sizing_data_is_unavailable_not_an_error(client, db):
    response = client.get(RECOMMEND, AF1)
    assert response.status_code == HTTPStatus.SERVICE_UNAVAILABLE
    assert "detail" in response.json()


def test_shoes_lists_slugs_and_valid_sizes(client, demo_content):
    response = client.get("/api/sizing/shoes")
    assert response.status_code == HTTPStatus.OK
    shoes = {shoe["slug"]: shoe for shoe in response.json()}
    assert "asics-gel-kayano-14" not in shoes
    assert set(shoes) >= {"nike-air-force-1", "nike-dunk", "new-balance-990", "asics-gel-nyc"}
    assert shoes["new-balance-990"]["widths"] == "D, 2E, 4E"
    assert 8.5 in shoes["nike-dunk"]["sizes"]["us-women"]


def test_endpoints_are_in_the_openapi_schema(client, db):
    paths = client.get("/api/openapi.json").json()["paths"]
    assert "/api/sizing/recommend" in paths
    assert "/api/sizing/shoes" in paths
