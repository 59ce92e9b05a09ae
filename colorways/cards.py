"""Colorway cards, rendered once per content generation in each process.

A card shows one colorway's picture or palette, names, release date and price. Pages
that list cards look up only which colorways to show (their primary keys, in order)
and take the cards from here: the card's own queries and template run once per
colorway after each editorial save, not on every request.
"""

from django.template.loader import render_to_string

from colorways.models import Colorway
from performance.pagecache import KeyedMemo


def _render(pks) -> dict[int, str]:
    return {
        colorway.pk: render_to_string("includes/colorway_card.html", {"colorway": colorway})
        for colorway in Colorway.objects.for_cards().filter(pk__in=pks)
    }


_cards = KeyedMemo(_render)


def colorway_cards(pks) -> list[str]:
    """The cards of the colorways `pks`, in that order (HTML, safe to output)."""
    return _cards.in_order(pks)


def cards_for(colorways) -> list[str]:
    """The cards of a queryset of colorways, in its order: one query for the keys."""
    return colorway_cards(colorways.values_list("pk", flat=True))
