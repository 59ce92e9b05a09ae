"""Markdown to safe HTML: the one renderer for pages, feeds and the editor preview.

Editors' Markdown is untrusted input. It is rendered by Python-Markdown and the
result always passes through an allow-list sanitizer (nh3) before it reaches a
browser: whatever the Markdown contains, only the tags, attributes and URL
schemes listed here survive.
"""

import html
import threading
from collections.abc import Callable
from dataclasses import dataclass

import markdown
import nh3

ALLOWED_TAGS = frozenset(
    {
        "a", "abbr", "b", "blockquote", "br", "code", "dd", "del", "div", "dl", "dt",
        "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i",
        "img", "kbd", "li", "mark", "ol", "p", "pre", "s", "small", "span", "strong",
        "sub", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
    }
)  # fmt: skip
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title", "id"},
    "img": {"src", "alt", "title", "width", "height", "loading"},
    "abbr": {"title"},
    "td": {"align", "colspan", "rowspan"},
    "th": {"align", "colspan", "rowspan", "scope"},
    "ol": {"start"},
    "li": {"id"},
    "sup": {"id"},
    **{h: {"id"} for h in HEADINGS},
}
ALLOWED_CLASSES = {
    "div": {"footnote"},
    "a": {"footnote-ref", "footnote-backref"},
    "code": {f"language-{lang}" for lang in ("python", "bash", "html", "css", "js", "json")},
}
URL_SCHEMES = frozenset({"http", "https", "mailto"})
EXTENSIONS = [
    "markdown.extensions.fenced_code",
    "markdown.extensions.tables",
    "markdown.extensions.footnotes",
    "markdown.extensions.sane_lists",
    "markdown.extensions.toc",
]
EXTENSION_CONFIGS = {"markdown.extensions.toc": {"toc_depth": "2-3"}}


_per_thread = threading.local()


def _markdown() -> markdown.Markdown:
    """This thread's Markdown converter, reset: building one costs more than converting
    a short text, and a bulk import converts thousands."""
    converter = getattr(_per_thread, "converter", None)
    if converter is None:
        converter = markdown.Markdown(extensions=EXTENSIONS, extension_configs=EXTENSION_CONFIGS)
        _per_thread.converter = converter
    return converter.reset()


@dataclass(frozen=True, slots=True)
class TocEntry:
    level: int
    id: str
    title: str


@dataclass(frozen=True, slots=True)
class Rendered:
    html: str
    toc: tuple[TocEntry, ...]


def sanitize_html(html: str) -> str:
    """Return `html` with everything outside the allow-list removed.

    Only http, https, mailto and relative URLs survive; every link gets
    `rel="noopener"`; no element can carry script, style or event handlers.
    """
    return nh3.clean(
        html,
        tags=set(ALLOWED_TAGS),
        attributes={tag: set(attrs) for tag, attrs in ALLOWED_ATTRIBUTES.items()},
        allowed_classes={tag: set(classes) for tag, classes in ALLOWED_CLASSES.items()},
        url_schemes=set(URL_SCHEMES),
        link_rel="noopener",
        strip_comments=True,
    )


def _flatten(tokens: list[dict]) -> list[TocEntry]:
    entries = []
    for token in tokens:
        entries.append(TocEntry(level=token["level"], id=token["id"], title=token["name"]))
        entries.extend(_flatten(token["children"]))
    return entries


def render_markdown(text: str, *, postprocess: Callable[[str], str] | None = None) -> Rendered:
    """Render Markdown `text` to sanitized HTML and a table of contents.

    Table-of-contents titles are plain text (escape them when writing HTML).
    Headings get stable ids derived from their text (the same text always gives
    the same id); the table of contents lists the h2 and h3 headings in order.
    `postprocess`, if given, receives the sanitized HTML and returns the final
    HTML: it runs after the sanitizer so it can add markup the site itself
    renders (and escapes), which nothing typed in `text` can imitate.
    """
    md = _markdown()
    body = sanitize_html(md.convert(text or ""))
    if postprocess is not None:
        body = postprocess(body)
    toc = tuple(
        TocEntry(level=e.level, id=e.id, title=html.unescape(nh3.clean(e.title, tags=set())))
        for e in _flatten(md.toc_tokens)
    )
    return Rendered(html=body, toc=toc)


def render_markdown_html(text: str) -> str:
    """Rendered, sanitized HTML only: markdownx's MARKDOWNX_MARKDOWNIFY_FUNCTION."""
    return render_markdown(text).html
