"""Colorways inside articles: `[[colorway:1201A457-101]]` or `[[colorway:<slug>]]`.

A shortcode alone in its paragraph shows the colorway's card; one inside a sentence, a
link to it. When a post is saved, its rendered body keeps only a marker naming the
colorway (its primary key) where each shortcode was (`mark_shortcodes`, after the
sanitizer, which removes every HTML comment an editor could type, so no marker can be
forged); the card or link is put in when the body is shown (`expand_markers`), so it
always shows the colorway as it is now: its current name, picture, price and address.
A shortcode that names no colorway stays as typed, so the editor sees the mistake.

Only text outside tags is looked at, never attribute values, and never code samples.
"""

import re

from django.utils.html import escape, format_html

from colorways.cards import cards_by_key
from colorways.models import Colorway

SHORTCODE_RE = re.compile(r"\[\[colorway:([A-Za-z0-9][A-Za-z0-9-]{0,149})\]\]")
MARKER_RE = re.compile(
    r"<!--colorway-(card|link):([0-9]{1,19}):([A-Za-z0-9][A-Za-z0-9-]{0,149})-->"
)
# The sanitizer escapes ">" inside attribute values, so this splits tags from text.
TAG_RE = re.compile(r"(<[^>]*>)")
TAG_NAME_RE = re.compile(r"^</?([a-zA-Z0-9]+)")
VERBATIM_TAGS = frozenset({"code", "pre"})


def shortcode_keys(text: str) -> list[str]:
    """The style codes or slugs named by shortcodes in `text`, in order, without repeats."""
    return list(dict.fromkeys(SHORTCODE_RE.findall(text or "")))


def _text_outside_code(tokens: list[str]):
    """Yield (index, text) for the text tokens that are not inside <code> or <pre>."""
    depth = 0
    for index, token in enumerate(tokens):
        if index % 2:
            name = TAG_NAME_RE.match(token)
            if name and name[1].lower() in VERBATIM_TAGS:
                depth += -1 if token.startswith("</") else 1
        elif depth == 0:
            yield index, token


def colorways_for(keys, colorways=None) -> dict[str, Colorway]:
    """Colorways by shortcode key (slug, or style code in any case), in one query, from
    the queryset `colorways` (by default their keys alone)."""
    keys = list(keys)
    if not keys:
        return {}
    if colorways is None:
        colorways = Colorway.objects.only("pk", "slug", "style_code")
    by_name = {}
    for colorway in colorways.matching_shortcodes(keys):
        by_name[colorway.slug] = colorway
        if colorway.style_code:
            by_name[colorway.style_code] = colorway
    found = {}
    for key in keys:
        colorway = by_name.get(key) or by_name.get(key.upper())
        if colorway is not None:
            found[key] = colorway
    return found


def mark_shortcodes(html: str) -> str:
    """`html` (sanitized) with each shortcode that names a colorway replaced by a marker:
    a card marker for a shortcode alone in its paragraph, a link marker for one inside a
    sentence."""
    tokens = TAG_RE.split(html)
    keys = []
    for _, text in _text_outside_code(tokens):
        keys.extend(SHORTCODE_RE.findall(text))
    if not keys:
        return html
    found = colorways_for(dict.fromkeys(keys))

    def marker(kind: str, key: str) -> str | None:
        colorway = found.get(key)
        return f"<!--colorway-{kind}:{colorway.pk}:{key}-->" if colorway else None

    for index, text in list(_text_outside_code(tokens)):
        whole = SHORTCODE_RE.fullmatch(text.strip())
        alone = 0 < index < len(tokens) - 1 and (tokens[index - 1], tokens[index + 1]) == (
            "<p>",
            "</p>",
        )
        card = whole and alone and marker("card", whole[1])
        if card:
            tokens[index - 1] = tokens[index + 1] = ""
            tokens[index] = card
        else:
            tokens[index] = SHORTCODE_RE.sub(
                lambda match: marker("link", match[1]) or match[0], text
            )
    return "".join(tokens)


def marked_pks(html: str, *, kind: str | None = None) -> list[int]:
    """The colorways named by the markers in `html` (of one kind, if given), in order."""
    return list(
        dict.fromkeys(int(pk) for found, pk, _ in MARKER_RE.findall(html) if kind in (None, found))
    )


def expand_markers(html: str) -> str:
    """`html` with its markers replaced by the current card or link of each colorway; a
    marker for a colorway that no longer exists shows the shortcode as typed."""
    return expand_all([html])[0]


def expand_all(htmls: list[str]) -> list[str]:
    """`expand_markers` of each of `htmls` (a feed's articles), with one query and one
    lookup of cards for all of them."""
    pks = [marked_pks(html) for html in htmls]
    if not any(pks):
        return list(htmls)
    colorways = Colorway.objects.select_related("collaborator").only(
        "pk", "slug", "name", "nickname", "collaborator__name"
    )
    found = colorways.in_bulk({pk for some in pks for pk in some})
    cards = cards_by_key(pk for html in htmls for pk in marked_pks(html, kind="card"))

    def replace(match: re.Match) -> str:
        kind, pk, key = match[1], int(match[2]), match[3]
        colorway = found.get(pk)
        if colorway is None:
            typed = escape(f"[[colorway:{key}]]")
            return f"<p>{typed}</p>" if kind == "card" else typed
        if kind == "link":
            return format_html('<a href="{}">{}</a>', colorway.get_absolute_url(), colorway.title)
        card = cards.get(pk, "")
        return format_html('<aside class="colorway-embed" aria-label="Colorway">{}</aside>', card)

    return [
        MARKER_RE.sub(replace, html) if some else html
        for html, some in zip(htmls, pks, strict=True)
    ]
