"""What readers see of the site's design: the typeface, article pages, search."""

import datetime
import re
from http import HTTPStatus

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from lxml import html as lxml_html

from blog.models import Post
from tests.factories import (
    CategoryFactory,
    ColorwayFactory,
    FAQFactory,
    PostFactory,
    TagFactory,
)

pytestmark = pytest.mark.django_db

SEARCH = reverse("search")


def tree(response):
    return lxml_html.fromstring(response.content)


def test_every_page_preloads_the_main_font_declared_with_swap(client):
    response = client.get(reverse("home"))
    preload = tree(response).xpath('//link[@rel="preload"][@as="font"]')
    assert len(preload) == 1
    assert preload[0].get("type") == "font/woff2" and preload[0].get("crossorigin") is not None
    assert "archivo-latin-400-normal" in preload[0].get("href")
    stylesheet = (settings.BASE_DIR / "static" / "css" / "site.css").read_text()
    faces = re.findall(r'@font-face\s*{[^}]*url\([^)]*\.woff2"?\)[^}]*}', stylesheet)
    assert len(faces) == 2
    assert all("font-display: swap" in face for face in faces)


def test_the_typeface_ships_with_its_licence():
    fonts = settings.BASE_DIR / "static" / "fonts"
    assert sorted(path.name for path in fonts.glob("*.woff2")) == [
        "archivo-latin-400-normal.woff2",
        "archivo-latin-700-normal.woff2",
    ]
    assert "SIL Open Font License" in (fonts / "OFL-Archivo.txt").read_text()


def contents_numbers(response) -> list[str]:
    """The entries of the contents' numbered list, in order: each takes the next number."""
    toc = tree(response).xpath('//nav[@aria-labelledby="toc-title"]/ol')[0]
    return [li.xpath("string(./a)") for li in toc.xpath("./li")]


def test_contents_number_sections_without_gaps_for_subsections_and_questions(client):
    post = PostFactory(
        body=(
            "## Design\n\nText.\n\n### Upper\n\nText.\n\n### Midsole\n\nText.\n\n"
            "## Revival\n\nText.\n\n## Collaborations\n\nText."
        )
    )
    FAQFactory(post=post)
    response = client.get(post.get_absolute_url())
    assert contents_numbers(response) == [
        "Design",
        "Revival",
        "Collaborations",
        "Frequently asked questions",
    ]
    nested = tree(response).xpath('//nav[@aria-labelledby="toc-title"]/ol/li[1]/ol/li/a/text()')
    assert nested == ["Upper", "Midsole"]


def byline(response) -> str:
    return " ".join(tree(response).xpath('string(//p[@class="byline"])').split())


def test_updated_is_shown_only_after_an_editor_changed_the_published_article(client):
    published = timezone.now() - datetime.timedelta(days=10)
    untouched = PostFactory(publish_at=published)
    assert "Updated" not in byline(client.get(untouched.get_absolute_url()))

    edited = PostFactory(publish_at=published)
    Post.objects.filter(pk=edited.pk).update(edited_at=published + datetime.timedelta(days=3))
    shown = byline(client.get(edited.get_absolute_url()))
    assert "Updated" in shown
    assert (published + datetime.timedelta(days=3)).strftime("%-d %B %Y") in shown


def test_an_edit_on_the_day_of_publication_is_not_announced(client):
    published = timezone.now() - datetime.timedelta(days=2)
    post = PostFactory(publish_at=published)
    Post.objects.filter(pk=post.pk).update(edited_at=published + datetime.timedelta(minutes=5))
    assert "Updated" not in byline(client.get(post.get_absolute_url()))


def test_article_shows_its_breadcrumb_trail_as_its_structured_data_says(client):
    post = PostFactory(category=CategoryFactory(name="Sizing and fit"))
    page = tree(client.get(post.get_absolute_url()))
    visible = page.xpath('//nav[@aria-label="Breadcrumb"]//a')
    assert [(a.text, a.get("href")) for a in visible] == [
        ("Blog", "http://testserver/blog/"),
        ("Sizing and fit", f"http://testserver{post.category.get_absolute_url()}"),
    ]
    header = page.xpath('//header[contains(@class, "post-header")]')[0]
    assert [child.tag for child in header][:2] == ["nav", "h1"]


def test_a_category_list_leaves_the_category_off_its_cards_the_blog_shows_it(client):
    category = CategoryFactory(name="History")
    PostFactory(category=category, title="First")
    PostFactory(category=category, title="Second")
    in_category = tree(client.get(category.get_absolute_url()))
    assert in_category.xpath('//article[contains(@class, "card")]//p[@class="eyebrow"]') == []
    on_blog = tree(client.get(reverse("blog:post-list")))
    labels = on_blog.xpath('//article[contains(@class, "card")]//p[@class="eyebrow"]/text()')
    assert labels == ["History", "History"]


def test_every_card_has_a_picture_or_a_title_card(client):
    PostFactory(title="No hero")
    card = tree(client.get(reverse("blog:post-list"))).xpath('//article[contains(@class, "card")]')
    assert card and card[0].xpath('.//*[contains(@class, "title-card")]')


def test_search_highlights_a_match_deep_in_the_article(client):
    filler = " ".join(f"Paragraph {n} about the shoe and its materials." for n in range(400))
    PostFactory(title="Long read", summary="Long.", body=f"{filler}\n\nThe end: gorpcore.")
    response = client.get(SEARCH, {"q": "gorpcore"})
    assert response.status_code == HTTPStatus.OK
    snippet = str(response.context["posts"][0].snippet_html())
    assert "<mark>gorpcore</mark>" in snippet


def test_search_without_results_says_so_and_suggests_where_to_go(client):
    PostFactory(title="Tagged", tags=[TagFactory(name="Collaborations")])
    response = client.get(SEARCH, {"q": "zzqx"})
    assert response.status_code == HTTPStatus.OK
    page = tree(response)
    assert page.xpath('string(//*[@id="no-results-title"])') == "Nothing found for “zzqx”"
    links = {a.get("href") for a in page.xpath('//section[@class="no-results"]//a')}
    assert {
        reverse("colorways:colorway-list"),
        reverse("sizing:finder"),
        reverse("blog:post-list"),
    } <= links
    assert page.xpath('//section[@class="no-results"]//a[@class="tag"]/text()') == [
        "Collaborations"
    ]


def test_search_shows_articles_and_colorways_as_separate_groups(client):
    ColorwayFactory(name="Cream/Scarab Vintage")
    PostFactory(title="Vintage pairs", body="About vintage colour schemes.")
    page = tree(client.get(SEARCH, {"q": "vintage"}))
    assert page.xpath('//h2[@id="colorway-results-title"]/text()') == ["Colorways"]
    assert page.xpath('//h2[@id="article-results-title"]/text()') == ["Articles"]


def test_social_images_are_drawn_in_the_sites_typeface():
    from PIL import ImageFont

    from seo.social import _font

    assert set(settings.SOCIAL_IMAGE_FONTS) == {"regular", "bold"}
    for weight, path in settings.SOCIAL_IMAGE_FONTS.items():
        assert path.suffix == ".woff2" and path.parent.name == "fonts"
        font = _font(weight, 40)
        assert isinstance(font, ImageFont.FreeTypeFont)
        assert font.getname()[0].startswith("Archivo")


def test_an_article_without_a_hero_shows_a_colorway_it_names_on_its_title_card(client):
    colorway = ColorwayFactory(slug="jjjjound-silver")
    post = PostFactory(title="The silver pair", body="Look:\n\n[[colorway:jjjjound-silver]]")
    card = tree(client.get(reverse("blog:post-list"))).xpath('//article[contains(@class, "card")]')
    pictures = card[0].xpath('.//*[contains(@class, "title-card")]//img/@src')
    drawing = reverse("colorways:colorway-drawing", kwargs={"slug": colorway.slug})
    assert len(pictures) == 1 and pictures[0].startswith(drawing)
    article = tree(client.get(post.get_absolute_url()))
    header_pictures = article.xpath('//header[contains(@class, "post-header")]//img/@src')
    assert header_pictures[0].startswith(drawing)


def test_the_home_page_leads_with_the_newest_article_and_its_cover_then_the_others(client):
    colorway = ColorwayFactory(slug="jjjjound-silver")
    now = timezone.now()
    older = [
        PostFactory(title=f"Older {n}", publish_at=now - datetime.timedelta(days=n + 1))
        for n in range(3)
    ]
    PostFactory(title="Newest", body="[[colorway:jjjjound-silver]]", publish_at=now)
    page = tree(client.get("/"))
    lead = page.xpath('//article[contains(@class, "lead-story")]')[0]
    assert lead.xpath('string(.//h2[@id="lead-title"])') == "Newest"
    pictures = lead.xpath('.//*[contains(@class, "title-card")]//img/@src')
    drawing = reverse("colorways:colorway-drawing", kwargs={"slug": colorway.slug})
    assert len(pictures) == 1 and pictures[0].startswith(drawing)
    cards = page.xpath('//article[contains(@class, "post-card")]//h3/a/text()')
    assert cards == [post.title for post in older]
