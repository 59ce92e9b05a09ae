"""Colorway cards, rendered once per content generation in each process.

A card shows one colorway's picture or palette, names, release date and price. Pages
that list cards look up only which colorways to show (their primary keys, in order)
and take the cards from here: the card's own queries and template run once per
colorway after each editorial save, not on every request.
"""

from django.db.models import Count
from django.template.loader import render_to_string

from colorways.models import Collaborator, Colorway
from performance.pagecache import GenerationMemo, KeyedMemo


def _render(pks) -> dict[int, str]:
    return {
        colorway.pk: render_to_string("includes/colorway_card.html", {"colorway": colorway})
        for colorway in Colorway.objects.for_cards().filter(pk__in=pks)
    }


_cards = KeyedMemo(_render)


def colorway_cards(pks) -> list[str]:
    """The cards of the colorways `pks`, in that order (HTML, safe to output)."""
    return _cards.in_order(pks)


def _featured_keys(today, count: int) -> list[int]:
    return list(Colorway.objects.featured(today).values_list("pk", flat=True)[:count])


_featured = KeyedMemo(lambda keys: {key: _featured_keys(*key) for key in keys}, max_entries=10)


def featured_cards(today, count: int) -> list[str]:
    """The cards of the `count` colorways the home page features on `today`, chosen
    once per generation and day in each process."""
    key = (today, count)
    return colorway_cards(_featured.get_many([key])[key])


def cards_for(colorways) -> list[str]:
    """The cards of a queryset of colorways, in its order: one query for the keys."""
    return colorway_cards(colorways.values_list("pk", flat=True))


def _render_collaborators() -> str:
    collaborators = Collaborator.objects.annotate(colorway_count=Count("colorways"))
    return render_to_string("includes/collaborator_list.html", {"collaborators": collaborators})


_collaborators = GenerationMemo(_render_collaborators)


def collaborators_html() -> str:
    """The list of collaborators with their colorway counts (HTML, safe to output),
    rendered once per content generation in each process."""
    return _collaborators.get()
