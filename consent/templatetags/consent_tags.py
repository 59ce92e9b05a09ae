import functools
from pathlib import Path

from django import template
from django.conf import settings
from django.contrib.staticfiles import finders
from django.templatetags.static import static
from django.urls import get_script_prefix, reverse
from django.utils.html import json_script

from consent import records
from consent.catalogue import current_catalogue
from consent.state import current_consent
from performance.pagecache import KeyedMemo

register = template.Library()


def _script_config(catalogue) -> dict:
    """What the page's script needs: the version, the endpoints, and which cookies to clear."""
    return {
        "version": catalogue.version,
        "statusUrl": reverse("consent:status"),
        "saveUrl": reverse("consent:save"),
        "markerCookie": records.MARKER_COOKIE,
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


@functools.cache
def _state_script() -> str:
    """static/js/consent-state.js, inlined: it must run before the first paint, and an
    inline script costs the reader no render-blocking request."""
    return Path(finders.find("js/consent-state.js")).read_text()


# The script's configuration as the page carries it, built once per generation (and
# script prefix) in each process: every page has it in its head.
_config_scripts = KeyedMemo(
    lambda keys: {
        key: json_script(_script_config(current_catalogue()), "consent-config") for key in keys
    },
    max_entries=4,
)


@register.inclusion_tag("consent/head.html", takes_context=True)
def consent_head(context):
    catalogue = current_catalogue()
    prefix = get_script_prefix()
    return {
        "version": catalogue.version,
        "config_script": _config_scripts.get_many([prefix])[prefix],
        "csp_nonce": context.get("csp_nonce", ""),
        "state_script": _state_script(),
    }


@register.inclusion_tag("consent/banner.html", takes_context=True)
def consent_banner(context):
    request = context.get("request")
    match = getattr(request, "resolver_match", None)
    if request is None or (match is not None and match.view_name == "consent:settings"):
        # The settings page is the banner's second layer: it needs no banner of its own.
        return {"show": False}
    catalogue = current_catalogue()
    decided = current_consent(records.stored_consent(request), catalogue=catalogue) is not None
    return {
        # Without optional cookies there is nothing to ask.
        "show": bool(catalogue.optional_groups),
        "catalogue": catalogue,
        "decided": decided,
        "csrf_token": context.get("csrf_token"),
        "next": request.get_full_path(),
    }
