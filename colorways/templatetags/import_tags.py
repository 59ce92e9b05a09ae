from django import template

from colorways.resources import GUIDE, problems

register = template.Library()
PREVIEW_ROWS = 50


@register.simple_tag
def import_guide():
    """Every column of the colorway CSV, with what it holds and an example."""
    return GUIDE


@register.filter
def import_problems(result) -> list[str]:
    return problems(result)


@register.filter
def import_preview(result) -> list:
    """The first rows of a checked file, as the file has them, with what will happen."""
    return [row for row in result.rows if row.row_values][:PREVIEW_ROWS]
