from django import template
from django.conf import settings

from consent.banner import has_decided, script_config
from consent.catalogue import current_catalogue

register = template.Library()


@register.inclusion_tag("consent/head.html", takes_context=True)
def consent_head(context):
    catalogue = context.get("consent_catalogue") or current_catalogue()
    return {
        "version": catalogue.version,
        "config": script_config(catalogue),
        # Inlined, allowed by its hash (settings.SECURE_CSP): it must run before the
        # first paint, and an inline script costs the reader no render-blocking request.
        "state_script": settings.CONSENT_STATE_SCRIPT,
    }


@register.inclusion_tag("consent/banner.html", takes_context=True)
def consent_banner(context):
    request = context.get("request")
    match = getattr(request, "resolver_match", None)
    catalogue = context.get("consent_catalogue") or current_catalogue()
    # The settings page is the banner's second layer: it needs no banner of its own.
    on_settings_page = match is not None and match.view_name == "consent:settings"
    return {
        "show": request is not None and bool(catalogue.optional_groups) and not on_settings_page,
        "catalogue": catalogue,
        "decided": request is not None and has_decided(request, catalogue=catalogue),
        # The page's own address: the same for every reader of a cached page, since its
        # view sees only the parameters it reads.
        "next": request.path + (f"?{request.GET.urlencode()}" if request and request.GET else ""),
    }
