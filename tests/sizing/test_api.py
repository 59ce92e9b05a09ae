from http import HTTPStatus

import pytest

from tests.sizing.test_finder_page import (
    BAD_SIZES,
    NIKE_SIZES,
    NOT_A_NUMBER,
    TICKED,
    UNREADABLE,
    UNTICKED,
)

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


@pytest.mark.parametrize(("size", "problem"), BAD_SIZES)
def test_bad_sizes_give_400_listing_the_valid_sizes(client, demo_content, size, problem):
    response = client.get(RECOMMEND, {**AF1, "size": size})
    assert response.status_code == HTTPStatus.BAD_REQUEST
    data = response.json()
    assert data["detail"] == "Some parameters are not valid: size."
    expected = [problem, NIKE_SIZES["us-men"]] if problem else [NIKE_SIZES["us-men"]]
    assert data["errors"] == {"size": expected}


@pytest.mark.parametrize("system", NIKE_SIZES)
@pytest.mark.parametrize("size", ["ten", "NaN", "1E400", "-3", "", "\x00"])
def test_a_size_that_is_not_a_number_lists_the_sizes_of_the_shoe_and_system(
    client, demo_content, system, size
):
    response = client.get(RECOMMEND, {**AF1, "system": system, "size": size})
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert response.json()["errors"]["size"][-1] == NIKE_SIZES[system]


def test_a_bad_size_without_a_known_shoe_is_told_how_to_write_a_size(client, demo_content):
    response = client.get(RECOMMEND, {**AF1, "shoe": "nope", "size": "ten"})
    assert response.json()["errors"]["size"] == [NOT_A_NUMBER]


@pytest.mark.parametrize("value", TICKED)
def test_documented_ticked_values_count_as_ticked(client, demo_content, value):
    response = client.get(RECOMMEND, {**AF1, "sized_down": value})
    assert response.status_code == HTTPStatus.OK
    assert [size["us_men"] for size in response.json()["recommended"]] == [10.5]


@pytest.mark.parametrize("value", UNTICKED)
def test_documented_unticked_values_count_as_unticked(client, demo_content, value):
    response = client.get(RECOMMEND, {**AF1, "sized_down": value})
    assert response.status_code == HTTPStatus.OK
    assert [size["us_men"] for size in response.json()["recommended"]] == [10.0, 10.5]


@pytest.mark.parametrize("field", ["sized_down", "bought_wide"])
@pytest.mark.parametrize("value", [*UNREADABLE, "\x00"])
def test_any_other_flag_value_is_a_400_naming_it(client, demo_content, field, value):
    response = client.get(RECOMMEND, {**AF1, field: value})
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert response.json() == {
        "detail": f"Some parameters are not valid: {field}.",
        "errors": {field: ["Use 1, true or on for ticked, or 0, false or off for not ticked."]},
    }


def test_every_bad_field_is_listed(client, demo_content):
    response = client.get(
        RECOMMEND, {"shoe": "nope", "size": "ten", "system": "x", "width": "y", "sized_down": "z"}
    )
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert set(response.json()["errors"]) == {"shoe", "size", "system", "width", "sized_down"}


def test_the_schema_documents_the_values_each_parameter_takes(client, db):
    operation = client.get("/api/openapi.json").json()["paths"][RECOMMEND]["get"]
    described = {param["name"]: param["description"] for param in operation["parameters"]}
    assert set(described) == {"shoe", "size", "system", "width", "sized_down", "bought_wide"}
    for flag in ("sized_down", "bought_wide"):
        assert "`1`, `true` or `on` for yes; `0`, `false`, `off`" in described[flag]
        assert "Any other value is a 400" in described[flag]
    assert "lists the sizes of that shoe" in described["size"]


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
