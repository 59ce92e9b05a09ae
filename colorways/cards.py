"""Colorway cards, kept per content generation.

A card shows one colorway's picture or palette, names, release date and price. Pages
that list cards look up which colorways to show (their primary keys, in order) and take
the cards from here: a card's queries and template run once per colorway after each
editorial change, not on every request.
"""

from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from caching import fragments
from colorways.models import Colorway


def _render(pks) -> dict[int, str]:
    return {
        colorway.pk: mark_safe(
            render_to_string("includes/colorway_card.html", {"colorway": colorway})
        )
        for colorway in Colorway.objects.for_cards().filter(pk__in=pks)
    }


def cards_by_key(pks) -> dict[int, str]:
    """The cards (HTML, safe to output) of the colorways `pks` that exist, by key."""
    return fragments.kept_many("colorway-card", pks, _render)


def colorway_cards(pks) -> list[str]:
    """The cards of the colorways `pks`, in that order."""
    return fragments.in_order("colorway-card", pks, _render)
