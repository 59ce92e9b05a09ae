"""The one Markdown renderer: features editors rely on, and the XSS corpus it must neutralise."""

from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest

from markup.render import render_markdown, render_markdown_html

XSS_CORPUS = [
    "[click](javascript:alert(1))",
    "[click](JaVaScRiPt:alert(1))",
    "[click](java\tscript:alert(1))",
    "[click](&#106;avascript:alert(1))",
    "[click](&#x6A;&#x61;&#x76;&#x61;script:alert(1))",
    "[click](  javascript:alert(1))",
    "[click](vbscript:msgbox(1))",
    "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    '![x](x" onerror="alert(1))',
    '![x](https://example.com/a.png"onerror="alert(1))',
    '<img src=x onerror="alert(1)">',
    "<script>alert(1)</script>",
    "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
    "<style>body{display:none}</style>",
    '<iframe src="https://evil.example"></iframe>',
    '<object data="x.swf"></object>',
    '<embed src="x.swf">',
    '<form action="https://evil.example"><input name="q"><button>go</button></form>',
    '<meta http-equiv="refresh" content="0;url=https://evil.example">',
    '<base href="https://evil.example/">',
    "<svg onload=alert(1)><circle r=1 /></svg>",
    '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
    '<a href="javascript:alert(1)">x</a>',
    '<p style="position:fixed;top:0">overlay</p>',
    '<div onmouseover="alert(1)">hover</div>',
    '```html" onmouseover="alert(1)\ncode\n```',
    "```\n</code></pre><script>alert(1)</script>\n```",
    "## Heading {: onclick=alert(1) }",
    "[x](https://example.com){: onclick=alert(1) }",
    "<a href='#' onclick='alert(1)'>x</a>",
    "<details open ontoggle=alert(1)>",
    '<a href="https://ok.example" target="_blank" rel="opener">x</a>',
]
FORBIDDEN_TAGS = {
    "script", "style", "iframe", "object", "embed", "form", "input", "button", "meta",
    "base", "svg", "math", "link", "details",
}  # fmt: skip
SAFE_SCHEMES = {"", "http", "https", "mailto"}


class ElementCollector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.elements = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))


def active_content(html: str) -> list[str]:
    """Everything in `html` that a browser could run or that breaks the page's layout."""
    collector = ElementCollector()
    collector.feed(html)
    problems = []
    for tag, attrs in collector.elements:
        if tag in FORBIDDEN_TAGS:
            problems.append(f"<{tag}>")
        for name, value in attrs.items():
            if name.startswith("on") or name == "style":
                problems.append(f"{tag}[{name}]")
            if (
                name in {"href", "src"}
                and urlsplit((value or "").strip()).scheme.lower() not in SAFE_SCHEMES
            ):
                problems.append(f"{tag}[{name}={value}]")
        if tag == "a" and "noopener" not in (attrs.get("rel") or ""):
            problems.append("a without rel=noopener")
    return problems


@pytest.mark.parametrize("payload", XSS_CORPUS)
def test_rendered_markdown_never_contains_active_content(payload):
    html = render_markdown_html(payload)
    assert active_content(html) == [], html


def test_headings_get_stable_ids_and_a_table_of_contents():
    text = "## Fit and sizing\n\ntext\n\n### Wide feet\n\nmore\n\n## Fit and sizing\n"
    first, second = render_markdown(text), render_markdown(text)
    assert first == second
    assert '<h2 id="fit-and-sizing">' in first.html
    assert '<h3 id="wide-feet">' in first.html
    assert [(e.level, e.id, e.title) for e in first.toc] == [
        (2, "fit-and-sizing", "Fit and sizing"),
        (3, "wide-feet", "Wide feet"),
        (2, "fit-and-sizing_1", "Fit and sizing"),
    ]


def test_tables_fenced_code_and_footnotes_render():
    html = render_markdown_html(
        "| a | b |\n|---|---|\n| 1 | 2 |\n\n"
        "```python\nprint(1)\n```\n\n"
        "A claim.[^1]\n\n[^1]: Source."
    )
    assert "<table>" in html and "<td>1</td>" in html
    assert '<code class="language-python">print(1)' in html
    assert 'class="footnote"' in html and 'href="#fn:1"' in html


def test_links_get_noopener_and_only_safe_schemes_survive():
    html = render_markdown_html(
        "[a](https://asics.com) [b](/blog/) [c](mailto:x@example.com) [d](ftp://x.example)"
    )
    assert '<a href="https://asics.com" rel="noopener">a</a>' in html
    assert '<a href="/blog/" rel="noopener">b</a>' in html
    assert 'href="mailto:x@example.com"' in html
    assert "ftp://" not in html


def test_heading_text_in_toc_is_plain_text():
    toc = render_markdown("## Size <em>guide</em> & <script>x</script>\n").toc
    assert toc[0].title == "Size guide & x"
