from html import escape

from django import template
from django.utils.safestring import mark_safe

register = template.Library()


@register.simple_tag
def facet_options(values, empty_label: str):
    """The <option>s of one catalogue filter: "any" first, then each value with its
    count. Built here rather than by a template loop: the collaborator list is long,
    and this runs on every catalogue request. Every value is escaped."""
    parts = [f'<option value="">{escape(empty_label)}</option>']
    for facet in values:
        selected = " selected" if facet.selected else ""
        parts.append(
            f'<option value="{escape(facet.value)}"{selected}>'
            f"{escape(facet.label)} ({int(facet.count)})</option>"
        )
    return mark_safe("".join(parts))
