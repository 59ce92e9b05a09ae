"""The read-only JSON API root: apps add their routers here."""

from ninja import NinjaAPI
from ninja.errors import ValidationError

from colorways.api import router as colorways_router
from sizing.api import router as sizing_router

api = NinjaAPI(
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
