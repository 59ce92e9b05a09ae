"""The read-only JSON API root: apps add their routers here."""

from ninja import NinjaAPI

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
