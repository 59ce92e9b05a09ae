"""The read-only JSON API root: apps add their routers here."""

import functools

from django.urls import reverse
from ninja import NinjaAPI, Schema
from ninja.decorators import decorate_view
from ninja.errors import ValidationError

from caching.pages import cache_public
from colorways.api import router as colorways_router
from sizing.api import router as sizing_router


class UnavailableOut(Schema):
    detail: str


class EndpointOut(Schema):
    path: str
    summary: str


class IndexOut(Schema):
    title: str
    version: str
    description: str
    docs: str
    openapi: str
    endpoints: list[EndpointOut]


class SiteAPI(NinjaAPI):
    """The API, whose every operation answers 503 while the database or the cache cannot
    be reached (config.views.server_error): the schema says so for each of them."""

    def get_openapi_schema(self, *, path_prefix=None, path_params=None):
        schema = super().get_openapi_schema(path_prefix=path_prefix, path_params=path_params)
        schema["components"].setdefault("schemas", {})["UnavailableOut"] = (
            UnavailableOut.model_json_schema()
        )
        for operations in schema["paths"].values():
            for operation in operations.values():
                # Keyed by number until the schema is written out as JSON.
                unavailable = operation["responses"].setdefault(
                    503,
                    {
                        "description": "The database or the cache cannot be reached.",
                        "content": {
                            "application/json": {
                                "schema": {"$ref": "#/components/schemas/UnavailableOut"}
                            }
                        },
                    },
                )
                unavailable["headers"] = {
                    "Retry-After": {
                        "description": "Seconds to wait, when the database or the cache "
                        "cannot be reached.",
                        "schema": {"type": "integer"},
                    }
                }
        return schema


api = SiteAPI(
    title="Kayano 14 Hub API",
    version="1",
    description="Read-only data about the Asics Gel-Kayano 14: colorways, collaborators, sizing.",
    urls_namespace="api",
    openapi_url="/openapi.json",
    docs_url="/docs/",
)

api.add_router("/sizing", sizing_router)
api.add_router("/", colorways_router)


@api.exception_handler(ValidationError)
def invalid_parameters(request, exc):
    """Parameters of the wrong type are a 400 in the documented error shape, like the
    errors the endpoints report themselves, rather than an undocumented 422."""
    errors = [
        {"loc": [str(part) for part in error["loc"]], "msg": error["msg"]} for error in exc.errors
    ]
    return api.create_response(request, {"detail": errors}, status=400)


@functools.cache
def endpoints() -> tuple[EndpointOut, ...]:
    """Every operation of the schema, by its address (the same in every process)."""
    paths = api.get_openapi_schema()["paths"]
    return tuple(
        EndpointOut(path=path, summary=operation.get("summary", ""))
        for path, operations in paths.items()
        for operation in operations.values()
    )


@api.get("/", response=IndexOut, include_in_schema=False)
@decorate_view(cache_public())
def index(request):
    """What the API offers: its operations and where they are documented."""
    return IndexOut(
        title=api.title,
        version=api.version,
        description=api.description,
        docs=reverse("api:openapi-view"),
        openapi=reverse("api:openapi-json"),
        endpoints=list(endpoints()),
    )
