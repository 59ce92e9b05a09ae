import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe

register = template.Library()

# The characters that could close the <script> element or start an HTML
# comment are written as JSON unicode escapes.
_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.simple_tag(takes_context=True)
def json_ld(context, data):
    """A <script type="application/ld+json"> block that is safe whatever `data` holds."""
    payload = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_JSON_ESCAPES)
    return format_html(
        '<script type="application/ld+json" nonce="{}">{}</script>',
        context.get("csp_nonce", ""),
        mark_safe(payload),
    )


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
