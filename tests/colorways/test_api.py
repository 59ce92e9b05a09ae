from http import HTTPStatus

import jsonschema
import pytest

from colorways import demo

pytestmark = pytest.mark.django_db


@pytest.fixture
def openapi(client):
    response = client.get("/api/openapi.json")
    assert response.status_code == HTTPStatus.OK
    return response.json()


def validate(openapi: dict, path: str, status: int, payload) -> None:
    """Check `payload` against the response schema the OpenAPI document gives `path`."""
    operation = openapi["paths"][path]["get"]
    schema = operation["responses"][str(status)]["content"]["application/json"]["schema"]
    jsonschema.validate(
        payload,
        {**schema, "components": openapi["components"]},
        cls=jsonschema.Draft202012Validator,
    )


def test_colorway_list_matches_its_schema_and_the_page_filters(client, openapi):
    demo.load()
    response = client.get("/api/colorways/", {"collaborator": "jjjjound", "sort": "oldest"})
    assert response.status_code == HTTPStatus.OK
    payload = response.json()
    validate(openapi, "/api/colorways/", 200, payload)
    assert payload["count"] == 4
    assert [c["slug"] for c in payload["results"]][:2] == [
        "jjjjound-silver-black",
        "jjjjound-silver-white",
    ]
    first = payload["results"][0]
    assert (first["release_date"], first["gender"], first["disputed"]) == ("2022-08", "men", True)
    assert first["url"] == "/colorways/jjjjound-silver-black/"


def test_colorway_detail_matches_its_schema(client, openapi):
    demo.load()
    response = client.get("/api/colorways/jjjjound-silver-black/")
    assert response.status_code == HTTPStatus.OK
    payload = response.json()
    validate(openapi, "/api/colorways/{slug}/", 200, payload)
    assert payload["resale"]["premium_percent"] == 289
    assert payload["disputed_facts"] == ["Style code"]


def test_collaborators_match_their_schema(client, openapi):
    demo.load()
    payload = client.get("/api/collaborators/").json()
    validate(openapi, "/api/collaborators/", 200, payload)
    assert {c["slug"]: c["colorway_count"] for c in payload}["kith"] == 2


@pytest.mark.parametrize(
    ("query", "status"),
    [
        ({"year": "abc"}, HTTPStatus.BAD_REQUEST),
        ({"price_min": "cheap"}, HTTPStatus.BAD_REQUEST),
        ({"page": "0"}, HTTPStatus.BAD_REQUEST),
        ({"year": "1800"}, HTTPStatus.BAD_REQUEST),
        ({"status": "soon"}, HTTPStatus.BAD_REQUEST),
        ({"collaborator": "nobody"}, HTTPStatus.BAD_REQUEST),
        ({"price_min": "200", "price_max": "100"}, HTTPStatus.BAD_REQUEST),
        ({"page": "99"}, HTTPStatus.NOT_FOUND),
    ],
)
def test_bad_parameters_give_a_json_4xx(client, openapi, query, status):
    response = client.get("/api/colorways/", query)
    assert response.status_code == status
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["detail"]
    if status in (HTTPStatus.BAD_REQUEST, HTTPStatus.NOT_FOUND):
        validate(openapi, "/api/colorways/", int(status), response.json())


def test_unknown_colorway_is_a_json_404(client):
    response = client.get("/api/colorways/nope/")
    assert response.status_code == HTTPStatus.NOT_FOUND
    assert response.json() == {"detail": "Not Found"}


def test_docs_are_served(client):
    assert client.get("/api/docs/").status_code == HTTPStatus.OK
