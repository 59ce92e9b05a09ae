"""Colorway cards inside articles: `[[colorway:1201A457-101]]` or `[[colorway:<slug>]]`.

Expansion runs on HTML that the Markdown sanitizer has already cleaned, as the
renderer's post-sanitize hook. Only text outside tags is looked at, never
attribute values, and never code samples, so a shortcode cannot land inside
an attribute; the card itself is a site template with autoescaping, so
nothing an editor types becomes markup.
"""

import re

from django.template.loader import render_to_string
from django.utils.html import format_html

from colorways.models import Colorway

SHORTCODE_RE = re.compile(r"\[\[colorway:([A-Za-z0-9][A-Za-z0-9-]{0,149})\]\]")
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


def colorways_for(keys) -> dict[str, Colorway]:
    """Colorways by shortcode key (slug and style code), in a fixed number of queries."""
    keys = list(keys)
    if not keys:
        return {}
    found = {}
    colorways = Colorway.objects.matching_shortcodes(keys).for_cards()
    for colorway in colorways:
        found[colorway.slug] = colorway
        if colorway.style_code:
            found[colorway.style_code] = colorway
    return found


def _lookup(found: dict[str, Colorway], key: str) -> Colorway | None:
    return found.get(key) or found.get(key.upper())


def expand_colorway_shortcodes(html: str) -> str:
    """Replace colorway shortcodes in sanitized `html` with server-rendered markup.

    A shortcode alone in its paragraph becomes a colorway card; one inside a
    sentence becomes a link to the colorway. Unknown colorways are left as
    typed, so the editor sees them in the preview.
    """
    tokens = TAG_RE.split(html)
    keys = []
    for _, text in _text_outside_code(tokens):
        keys.extend(SHORTCODE_RE.findall(text))
    if not keys:
        return html
    found = colorways_for(dict.fromkeys(keys))

    def link(match: re.Match) -> str:
        colorway = _lookup(found, match[1])
        if colorway is None:
            return match[0]
        return format_html('<a href="{}">{}</a>', colorway.get_absolute_url(), colorway.title)

    for index, text in list(_text_outside_code(tokens)):
        whole = SHORTCODE_RE.fullmatch(text.strip())
        in_paragraph = 0 < index < len(tokens) - 1 and (tokens[index - 1], tokens[index + 1]) == (
            "<p>",
            "</p>",
        )
        colorway = whole and _lookup(found, whole[1])
        if in_paragraph and colorway:
            tokens[index - 1] = tokens[index + 1] = ""
            tokens[index] = render_to_string(
                "includes/colorway_embed.html", {"colorway": colorway}
            ).strip()
        else:
            tokens[index] = SHORTCODE_RE.sub(link, text)
    return "".join(tokens)
