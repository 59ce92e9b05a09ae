"""/api/ is an index of the API: what it is, where its documentation and schema are, and
every operation of the schema."""

from http import HTTPStatus

import pytest

pytestmark = pytest.mark.django_db


def test_the_api_root_lists_every_operation_and_the_documentation(client):
    response = client.get("/api/")
    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"].startswith("application/json")
    index = response.json()
    assert index["title"] == "Kayano 14 Hub API"
    assert index["docs"] == "/api/docs/"
    assert index["openapi"] == "/api/openapi.json"
    schema = client.get(index["openapi"]).json()
    assert {endpoint["path"] for endpoint in index["endpoints"]} == set(schema["paths"])
    assert {"path": "/api/colorways/", "summary": "List colorways"} in index["endpoints"]
    assert client.get(index["docs"]).status_code == HTTPStatus.OK


def test_the_api_root_is_not_an_operation_of_the_schema(client):
    assert "/api/" not in client.get("/api/openapi.json").json()["paths"]


def test_the_api_root_is_public_and_cacheable(client):
    response = client.get("/api/")
    assert "public" in response["Cache-Control"]


def test_the_api_root_answers_only_reads(client):
    assert client.post("/api/").status_code == HTTPStatus.METHOD_NOT_ALLOWED


def test_the_api_docs_are_made_for_phones_and_lead_back_to_the_site(client):
    response = client.get("/api/docs/")
    page = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in page
    assert '<html lang="en">' in page
    assert 'href="/api/"' in page
    assert "css/api-docs" in page
    # Swagger UI's settings are data, not a script the CSP would have to allow.
    assert '<script type="application/json" id="swagger-settings">' in page
