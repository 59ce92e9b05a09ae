"""Colorway cards and collaborator entries, kept per content generation.

A card shows one colorway's picture (its photo, else its drawing), names, release date
and price. Pages that list cards look up which colorways to show (their primary keys, in
order) and take the cards from here: a card's queries and template run once per colorway
after each editorial change, not on every request. Lists grouped under year headings
take the cards whose date leaves out the year (`in_year=True`), so each year is said once.
The list of collaborators takes its entries from here the same way.
"""

from functools import partial

from django.db.models import Count, F, Window
from django.db.models.functions import RowNumber
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from caching import fragments
from colorways.models import Collaborator, Colorway


def _render(pks, *, in_year: bool = False) -> dict[int, str]:
    return {
        colorway.pk: mark_safe(
            render_to_string(
                "includes/colorway_card.html", {"colorway": colorway, "in_year": in_year}
            )
        )
        for colorway in Colorway.objects.for_cards().filter(pk__in=pks)
    }


def _kind(in_year: bool) -> str:
    return "colorway-card-in-year" if in_year else "colorway-card"


def cards_by_key(pks, *, in_year: bool = False) -> dict[int, str]:
    """The cards (HTML, safe to output) of the colorways `pks` that exist, by key."""
    return fragments.kept_many(_kind(in_year), pks, partial(_render, in_year=in_year))


def colorway_cards(pks, *, eager: int = 0, in_year: bool = False) -> list[str]:
    """The cards of the colorways `pks`, in that order; the pictures of the first `eager`
    load at once (the first screen), the others as they are scrolled to."""
    cards = fragments.in_order(_kind(in_year), pks, partial(_render, in_year=in_year))
    return [first_screen(card) for card in cards[:eager]] + cards[eager:]


def first_screen(card: str) -> str:
    """A kept card (written with a lazy picture, wherever it goes) as the first screen
    shows it: its picture loads at once."""
    return mark_safe(card.replace(' loading="lazy"', ' loading="eager"', 1))


def _render_collaborators(pks) -> dict[int, str]:
    collaborators = Collaborator.objects.filter(pk__in=pks).annotate(
        colorway_count=Count("colorways")
    )
    # Each collaborator's first colorway, pictured on its entry.
    first = (
        Colorway.objects.filter(collaborator__in=pks)
        .annotate(
            rank=Window(
                RowNumber(),
                partition_by=F("collaborator"),
                order_by=[F("release_date").asc(nulls_last=True), F("pk")],
            )
        )
        .filter(rank=1)
        .for_pictures()
    )
    pictured = {colorway.collaborator_id: colorway for colorway in first}
    return {
        collaborator.pk: mark_safe(
            render_to_string(
                "includes/collaborator_entry.html",
                {"collaborator": collaborator, "colorway": pictured.get(collaborator.pk)},
            )
        )
        for collaborator in collaborators
    }


def collaborator_entries(pks) -> list[str]:
    """The entries (HTML list items, safe to output) of the collaborators `pks`, in that
    order, each pictured by its first colorway."""
    return fragments.in_order("collaborator-entry", pks, _render_collaborators)
