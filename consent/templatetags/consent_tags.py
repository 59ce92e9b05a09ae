import functools
from pathlib import Path

from django import template
from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.urls import get_script_prefix, reverse
from django.utils.html import escape
from django.utils.safestring import mark_safe

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


# What every page's head and cookie banner hold is rendered once per generation (and
# script prefix) in each process, with marks where each request's own values go.
NONCE_MARK = "\x00consent-nonce\x00"
CSRF_MARK = "\x00consent-csrf\x00"
NEXT_MARK = "\x00consent-next\x00"


def _render_parts(keys) -> dict:
    catalogue = current_catalogue()
    parts = {}
    for key in keys:
        part = key[0]
        if part == "head":
            html = render_to_string(
                "consent/head.html",
                {
                    "version": catalogue.version,
                    "config": _script_config(catalogue),
                    "csp_nonce": NONCE_MARK,
                    "state_script": _state_script(),
                },
            )
        else:
            html = render_to_string(
                "consent/banner.html",
                {
                    # Without optional cookies there is nothing to ask.
                    "show": bool(catalogue.optional_groups),
                    "catalogue": catalogue,
                    "decided": part == "banner-decided",
                    "csrf_token": CSRF_MARK,
                    "next": NEXT_MARK,
                },
            )
        parts[key] = html
    return parts


_parts = KeyedMemo(_render_parts, max_entries=8)


def _part(name: str, values: dict[str, str]) -> str:
    key = (name, get_script_prefix())
    html = _parts.get_many([key])[key]
    for mark, value in values.items():
        html = html.replace(mark, escape(value))
    return mark_safe(html)


@register.simple_tag(takes_context=True)
def consent_head(context):
    return _part("head", {NONCE_MARK: str(context.get("csp_nonce", ""))})


@register.simple_tag(takes_context=True)
def consent_banner(context):
    request = context.get("request")
    match = getattr(request, "resolver_match", None)
    if request is None or (match is not None and match.view_name == "consent:settings"):
        # The settings page is the banner's second layer: it needs no banner of its own.
        return ""
    catalogue = current_catalogue()
    decided = current_consent(records.stored_consent(request), catalogue=catalogue) is not None
    values = {CSRF_MARK: str(context.get("csrf_token")), NEXT_MARK: request.get_full_path()}
    return _part("banner-decided" if decided else "banner", values)
