from decimal import Decimal

from django import template

from sizing.engine import format_size

register = template.Library()


@register.filter
def size(value: Decimal) -> str:
    """A size as readers write it: 10, 10.5, 28.25."""
    return format_size(value)
