"""Every error the API's schema declares is answered in the shape it declares.

Each (operation, status) of 400 or more in /api/openapi.json has a request here that
gets it, and the body is checked against the declared schema; the 503 that every
operation declares is checked with the database unreachable (as tests/test_resilience.py
makes it). With the cache unreachable every operation still answers.
"""

from http import HTTPStatus

import jsonschema
import pytest
from django.test import Client

from colorways import demo as colorway_demo
from config.settings import redis_cache
from sizing import demo as sizing_demo
from tests.test_resilience import database_unreachable, unused_port

pytestmark = pytest.mark.django_db

AF1 = "shoe=nike-air-force-1&size=10&system=us-men"
# A request for each declared error, made on the demo content (None: the sizing guide
# is left empty).
ERRORS = {
    ("/api/colorways/", 400): "/api/colorways/?year=abc",
    ("/api/colorways/", 404): "/api/colorways/?page=99",
    ("/api/colorways/{slug}/", 404): "/api/colorways/nope/",
    ("/api/sizing/recommend", 400): f"/api/sizing/recommend?{AF1}&sized_down=maybe",
    ("/api/sizing/recommend", 503): None,
}
# Other requests that get a declared error another way, checked against it too.
MORE_ERRORS = [
    ("/api/colorways/", 400, "/api/colorways/?collaborator=nobody&price_min=cheap"),
    ("/api/colorways/", 400, "/api/colorways/?price_min=200&price_max=100"),
    ("/api/colorways/", 400, "/api/colorways/?status=%00"),
    ("/api/colorways/{slug}/", 404, "/api/colorways/x%00/"),
    ("/api/colorways/{slug}/", 404, "/api/colorways/not%20a%20slug/"),
    ("/api/sizing/recommend", 400, "/api/sizing/recommend?shoe=nope&size=ten&width=y"),
    ("/api/sizing/recommend", 400, "/api/sizing/recommend?shoe=nike-air-force-1&size=1E400"),
]
# Addresses that reach every operation.
OPERATIONS = {
    "/api/colorways/": "/api/colorways/",
    "/api/colorways/{slug}/": "/api/colorways/jjjjound-silver-black/",
    "/api/collaborators/": "/api/collaborators/",
    "/api/sizing/recommend": f"/api/sizing/recommend?{AF1}",
    "/api/sizing/shoes": "/api/sizing/shoes",
}


def openapi() -> dict:
    response = Client().get("/api/openapi.json")
    assert response.status_code == HTTPStatus.OK
    return response.json()


def declared_errors(schema: dict) -> set[tuple[str, int]]:
    return {
        (path, int(status))
        for path, operations in schema["paths"].items()
        for operation in operations.values()
        for status in operation["responses"]
        if int(status) >= HTTPStatus.BAD_REQUEST
    }


def assert_as_declared(schema: dict, path: str, response) -> None:
    """`response` is JSON in the shape the schema declares for its status at `path`."""
    declared = schema["paths"][path]["get"]["responses"][str(response.status_code)]
    assert response["Content-Type"].startswith("application/json")
    jsonschema.validate(
        response.json(),
        {**declared["content"]["application/json"]["schema"], "components": schema["components"]},
        cls=jsonschema.Draft202012Validator,
    )


def test_every_operation_is_reached_here():
    assert set(OPERATIONS) == set(openapi()["paths"])


def test_every_declared_error_has_a_request_that_gets_it():
    outages = {(path, HTTPStatus.SERVICE_UNAVAILABLE) for path in OPERATIONS}
    assert declared_errors(openapi()) == set(ERRORS) | outages


def test_no_operation_declares_or_answers_djangos_422():
    assert all(status != 422 for _, status in declared_errors(openapi()))


@pytest.mark.parametrize(("path", "status"), list(ERRORS))
def test_each_declared_error_comes_in_its_declared_shape(client, path, status):
    schema = openapi()
    if ERRORS[path, status] is not None:
        colorway_demo.load()
        sizing_demo.load()
    address = ERRORS[path, status] or OPERATIONS[path]
    response = client.get(address)
    assert response.status_code == status
    assert_as_declared(schema, path, response)


@pytest.mark.parametrize(("path", "status", "address"), MORE_ERRORS)
def test_other_ways_to_an_error_give_the_same_shape(client, path, status, address):
    schema = openapi()
    colorway_demo.load()
    sizing_demo.load()
    response = client.get(address)
    assert response.status_code == status
    assert_as_declared(schema, path, response)


@pytest.fixture
def reader():
    return Client(raise_request_exception=False)


def assert_unavailable(schema: dict, path: str, response) -> None:
    assert response.status_code == HTTPStatus.SERVICE_UNAVAILABLE, path
    assert_as_declared(schema, path, response)
    assert response.json()["detail"].startswith("The site's data cannot be reached")
    assert response["Retry-After"] == "30"
    assert response["Cache-Control"] == "no-store"
    declared = schema["paths"][path]["get"]["responses"]["503"]
    assert declared["headers"]["Retry-After"]["schema"] == {"type": "integer"}


@pytest.mark.django_db(transaction=True)
def test_every_operation_answers_its_json_503_while_the_database_is_down(reader):
    schema = openapi()
    colorway_demo.load()
    sizing_demo.load()
    with database_unreachable():
        for path, address in OPERATIONS.items():
            assert_unavailable(schema, path, reader.get(address))
    for address in OPERATIONS.values():
        assert reader.get(address).status_code == HTTPStatus.OK, address


def test_every_operation_answers_while_the_cache_is_down(reader, settings):
    """A cache outage is no outage: with the production cache backend pointed at a port
    where nothing listens, every operation still answers, only uncached."""
    colorway_demo.load()
    sizing_demo.load()
    settings.CACHES = {
        **settings.CACHES,
        "default": redis_cache(f"redis://127.0.0.1:{unused_port()}/8", "k14test"),
    }
    for address in OPERATIONS.values():
        assert reader.get(address).status_code == HTTPStatus.OK, address
