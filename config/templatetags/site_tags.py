from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from seo.jsonld import JsonLd

register = template.Library()


@register.simple_tag
def json_ld(data):
    """A <script type="application/ld+json"> block that is safe whatever `data` (a dict,
    or a JsonLd serialized before) holds. A data block runs nothing: it needs no nonce."""
    payload = data if isinstance(data, JsonLd) else JsonLd.of(data)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(payload.text))


@register.simple_tag(takes_context=True)
def absolute_url(context, path):
    """`path` made absolute against the site's base URL."""
    return f"{context['site_url']}{path}"


@register.simple_tag(takes_context=True)
def page_url(context, number):
    """The current URL with its `page` parameter set to `number`, other parameters kept."""
    params = context["request"].GET.copy()
    params["page"] = number
    return f"?{params.urlencode()}"
