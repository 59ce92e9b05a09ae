"""The cookie banner and the consent scripts in every page, the same for every reader who
shares a cached page: whether the banner shows is read from the readable
`consent_state` cookie, which HTTP caches vary pages by (see docs/privacy.md)."""

from django.conf import settings
from django.http import HttpRequest
from django.templatetags.static import static
from django.urls import reverse

from consent.catalogue import current_catalogue
from consent.records import MARKER_COOKIE
from consent.state import Catalogue, current_consent, parse_consent


def has_decided(request: HttpRequest, *, catalogue: Catalogue | None = None) -> bool:
    """Whether the reader's consent_state cookie holds a choice for the current cookie list."""
    marker = parse_consent(request.COOKIES.get(MARKER_COOKIE))
    if marker is None:
        return False
    return current_consent(marker, catalogue=catalogue or current_catalogue()) is not None


def page_variant(request: HttpRequest) -> str:
    """The variant of a public page for this reader (settings.PAGE_CACHE_VARIANT): the
    banner asks, or the reader has decided."""
    return "decided" if has_decided(request) else "ask"


def script_config(catalogue: Catalogue) -> dict:
    """What the page's script needs: the version, the endpoints, and which cookies to clear."""
    return {
        "version": catalogue.version,
        "saveUrl": reverse("consent:save"),
        "groups": [
            {
                "varname": group.varname,
                "required": group.required,
                "cookies": [
                    {"name": c.name, "path": c.path, "domain": c.domain} for c in group.cookies
                ],
            }
            for group in catalogue.groups
        ],
        "analytics": {
            "group": "analytics",
            "src": settings.ANALYTICS_SCRIPT_URL or static("js/measure.js"),
            "siteId": settings.ANALYTICS_SITE_ID,
            "siteIdAttribute": settings.ANALYTICS_SITE_ID_ATTRIBUTE,
            "endpoint": "" if settings.ANALYTICS_SCRIPT_URL else reverse("consent:measure"),
        },
    }
