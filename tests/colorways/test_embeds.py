"""Colorway cards embedded in articles: always the colorway as it is now, and attempts to
smuggle HTML through them."""

import re
from decimal import Decimal
from html.parser import HTMLParser
from http import HTTPStatus

import pytest
from lxml import etree

from blog.models import Post
from colorways.embeds import expand_markers, mark_shortcodes, shortcode_keys
from colorways.models import Colorway
from markup.render import render_markdown
from tests.cards import carded
from tests.factories import (
    ColorwayFactory,
    ColorwayImageFactory,
    PaletteColourFactory,
    PostFactory,
    RetailPriceFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def colorway():
    colorway = ColorwayFactory(
        name="Silver/Black",
        nickname="JJJJound Silver",
        style_code="1201A457-101",
        slug="jjjjound-silver",
    )
    PaletteColourFactory(colorway=colorway, hex="#B8BCC4")
    return colorway


def render(text: str) -> str:
    """The body as stored on save, then as shown to readers."""
    return expand_markers(render_markdown(text, postprocess=mark_shortcodes).html)


class Elements(HTMLParser):
    """Every element and attribute in a piece of HTML, as a browser would parse it."""

    def __init__(self, html: str):
        super().__init__()
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str]] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attributes.extend((name, value or "") for name, value in attrs)


@pytest.mark.parametrize(
    "shortcode",
    ["[[colorway:1201A457-101]]", "[[colorway:1201a457-101]]", "[[colorway:jjjjound-silver]]"],
)
def test_a_shortcode_alone_in_a_paragraph_becomes_a_card(colorway, shortcode):
    html = render(f"Intro.\n\n{shortcode}\n\nOutro.")
    assert '<aside class="colorway-embed"' in html
    assert 'href="/colorways/jjjjound-silver/"' in html
    assert 'src="/colorways/jjjjound-silver/drawing.svg?v=' in html
    assert "<p><aside" not in html and "[[colorway" not in html


def test_a_shortcode_inside_a_sentence_becomes_a_link(colorway):
    html = render("The [[colorway:1201A457-101]] started it all.")
    assert html == (
        '<p>The <a href="/colorways/jjjjound-silver/">JJJJound Silver</a> started it all.</p>'
    )


def test_unknown_colorways_and_code_samples_are_left_as_typed(colorway):
    html = render("[[colorway:no-such-pair]]\n\n`[[colorway:jjjjound-silver]]`")
    assert "<p>[[colorway:no-such-pair]]</p>" in html
    assert "<code>[[colorway:jjjjound-silver]]</code>" in html


@pytest.mark.parametrize(
    "body",
    [
        "[[colorway:<script>alert(1)</script>]]",
        '[[colorway:jjjjound-silver" onmouseover="alert(1)]]',
        '[[colorway:jjjjound-silver]]" onmouseover="alert(1)',
        "<div onclick=alert(1)>[[colorway:jjjjound-silver]]</div>",
        "[[colorway:jjjjound-silver]]<img src=x onerror=alert(1)>",
        "<aside class=colorway-embed><a href='javascript:alert(1)'>x</a></aside>",
        "<svg><rect fill='red' onload='alert(1)'/></svg>",
        "[text](javascript:alert(1)) [[colorway:jjjjound-silver]]",
        "<p>[[colorway:jjjjound-silver]]</p><script>alert(1)</script>",
    ],
)
def test_html_cannot_be_smuggled_in_through_a_shortcode(colorway, body):
    elements = Elements(render(body))
    assert not {"script", "style", "iframe", "object"} & set(elements.tags)
    for name, value in elements.attributes:
        assert not name.startswith("on")
        assert name != "style"
        assert not value.strip().lower().startswith("javascript:")


def test_a_shortcode_in_an_attribute_is_not_expanded(colorway):
    html = render("![[[colorway:jjjjound-silver]]](/media/shoe.png)")
    assert 'alt="[[colorway:jjjjound-silver]]"' in html
    assert "<aside" not in html


def test_a_hostile_colorway_name_is_escaped_in_the_card():
    ColorwayFactory(slug="evil", name='<img src=x onerror="alert(1)">', nickname="")
    html = render("[[colorway:evil]]")
    assert "<img src=x" not in html and "&lt;img src=x" in html


def test_editor_typed_card_markup_is_stripped_by_the_sanitizer(colorway):
    html = render('<aside class="colorway-embed"><svg><rect fill="#000"/></svg></aside>')
    assert "<aside" not in html and "<svg" not in html


def test_shortcode_keys_are_listed_once_in_order():
    text = "[[colorway:b]] [[colorway:a]] [[colorway:b]] [[colorway:<x>]]"
    assert shortcode_keys(text) == ["b", "a"]


def test_post_embeds_the_card_and_lists_the_colorways_it_only_links_to(client, colorway):
    other = ColorwayFactory(name="Cream/Antler", slug="kith-cream-antler")
    post = PostFactory(
        body="## Pairs\n\n[[colorway:1201A457-101]]\n\nAnd the [[colorway:kith-cream-antler]]."
    )
    assert f"<!--colorway-card:{colorway.pk}:1201A457-101-->" in post.body_html
    response = client.get(post.get_absolute_url())
    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert html.count('<aside class="colorway-embed"') == 1
    # the embedded card is not shown a second time below the article
    assert set(carded(response, Colorway)) == {colorway, other}
    below = html.split("Colorways in this article")[1]
    assert "/colorways/kith-cream-antler/" in below and "/colorways/jjjjound-silver/" not in below


def test_an_embedded_card_and_link_show_the_colorway_as_it_is_now(client, colorway):
    post = PostFactory(
        body="[[colorway:1201A457-101]]\n\nThe [[colorway:jjjjound-silver]] sold out."
    )
    colorway.nickname = "JJJJound Pure Silver"
    colorway.slug = "jjjjound-pure-silver"
    colorway.save()
    html = client.get(post.get_absolute_url()).content.decode()
    assert "JJJJound Pure Silver" in html and "JJJJound Silver<" not in html
    # the link of the inline shortcode (typed with the old slug) follows the new address
    assert 'href="/colorways/jjjjound-pure-silver/"' in html
    assert client.get("/colorways/jjjjound-pure-silver/").status_code == HTTPStatus.OK
    feed = client.get("/blog/feed/").content.decode()
    assert "JJJJound Pure Silver" in feed and "/colorways/jjjjound-pure-silver/" in feed


def test_a_deleted_colorway_shows_its_shortcode_as_typed(client, colorway):
    post = PostFactory(body="[[colorway:jjjjound-silver]]")
    colorway.delete()
    html = client.get(Post.objects.get(pk=post.pk).get_absolute_url()).content.decode()
    assert "<p>[[colorway:jjjjound-silver]]</p>" in html


def test_post_without_shortcodes_has_no_mentions_section(client):
    post = PostFactory(body="Plain text.")
    response = client.get(post.get_absolute_url())
    assert "Colorways in this article" not in response.content.decode()


@pytest.mark.parametrize("articles", [1, 6])
def test_the_feed_puts_in_every_articles_colorways_with_a_fixed_number_of_queries(
    client, settings, start_generation, django_assert_num_queries, articles
):
    settings.PAGE_CACHE_SECONDS = 0
    for number in range(articles):
        card = ColorwayFactory(slug=f"card-{number}", nickname=f"Card pair {number}")
        link = ColorwayFactory(slug=f"link-{number}", nickname=f"Linked pair {number}")
        PostFactory(body=f"[[colorway:{card.slug}]]\n\nThe [[colorway:{link.slug}]] too.")
    start_generation()
    # the posts with their authors, the colorways they name, and the cards (4: rows with
    # their collaborators, pictures, palettes and prices), whatever the number of articles
    with django_assert_num_queries(6):
        feed = client.get("/blog/feed/").content.decode()
    for number in range(articles):
        assert f"Card pair {number}" in feed and f"/colorways/link-{number}/" in feed


def embedded_cards(html: str) -> list[str]:
    return re.findall(r'<aside class="colorway-embed".*?</aside>', html, re.S)


def test_an_embedded_card_shows_the_colorways_new_price_and_photo_in_the_article_and_feed(
    client, colorway
):
    price = RetailPriceFactory(colorway=colorway, amount=Decimal("180"), currency="USD")
    post = PostFactory(body="[[colorway:1201A457-101]]")

    def shown() -> list[str]:
        article = client.get(post.get_absolute_url()).content.decode()
        feed = etree.fromstring(client.get("/blog/feed/").content)
        (description,) = [item.findtext("description") for item in feed.iter("item")]
        return embedded_cards(article) + embedded_cards(description)

    before = shown()
    assert len(before) == 2
    assert all("$180<" in card and "is-drawing" in card for card in before)
    price.amount = Decimal("215")
    price.save()
    ColorwayImageFactory(colorway=colorway, alt="JJJJound Silver from the side")
    after = shown()
    assert len(after) == 2
    for card in after:
        assert "$215<" in card and "$180" not in card
        assert 'class="colorway-img is-photo"' in card
        assert 'alt="JJJJound Silver from the side"' in card
        assert "drawing.svg" not in card
