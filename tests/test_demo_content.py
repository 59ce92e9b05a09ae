import datetime
import re
from decimal import Decimal
from http import HTTPStatus
from io import StringIO

import pytest
from django.core.management import call_command

from blog import demo as blog_demo
from blog.models import FAQ, Author, Post
from colorways import demo as colorway_demo
from colorways.models import (
    Collaborator,
    Colorway,
    Listing,
    Milestone,
    PaletteColour,
    ResaleObservation,
    Retailer,
    RetailPrice,
    Source,
)
from seeding.records import Outcome, compare, fingerprint
from sizing.models import Brand, Comparison, Shoe, WidthRule

pytestmark = pytest.mark.django_db

HISTORY, SIZING, BRANDS = (
    "gel-kayano-14-history",
    "gel-kayano-14-sizing-and-fit",
    "running-brands-function-and-fashion",
)
LINK_RE = re.compile(r'href="([^"]+)"')


def load() -> str:
    out = StringIO()
    call_command("load_demo_content", stdout=out)
    return out.getvalue()


def links_in(html: str) -> list[str]:
    return [link.replace("&amp;", "&") for link in LINK_RE.findall(html)]


def test_demo_content_loads_once_and_reports_what_it_found():
    first = load()
    assert "post gel-kayano-14-history: created" in first
    counts = (Author.objects.count(), Post.objects.count(), FAQ.objects.count())
    second = load()
    assert "post gel-kayano-14-history: found" in second
    assert "created" not in second and "updated" not in second
    assert (Author.objects.count(), Post.objects.count(), FAQ.objects.count()) == counts


def test_demo_content_never_overwrites_an_editors_change():
    load()
    post = Post.objects.get(slug=SIZING)
    post.title = "Edited by an editor"
    post.save()
    post.related.clear()
    report = load()
    post.refresh_from_db()
    assert post.title == "Edited by an editor"
    assert not post.related.exists()
    assert f"post {SIZING}: found, changed by an editor, left as it is" in report


def test_demo_articles_link_each_other_and_carry_an_faq(client):
    load()
    posts = {post.slug: post for post in Post.objects.all()}
    for slug, post in posts.items():
        assert {related.slug for related in post.related.all()} == set(posts) - {slug}
    assert posts[SIZING].faqs.count() >= 3
    page = client.get(posts[SIZING].get_absolute_url()).text
    assert 'rel="author">Charly</a>' in page and "Related reading" in page


def test_the_history_article_ends_by_announcing_the_third_article():
    load()
    history = Post.objects.get(slug=HISTORY)
    last_paragraph = history.body.strip().split("\n\n")[-1]
    assert last_paragraph.startswith("**Next up:**")
    brands = Post.objects.get(slug=BRANDS)
    assert brands.get_absolute_url() in links_in(history.body_html)[-1:]


def test_the_third_article_is_a_full_published_article_by_charly():
    load()
    history, brands = Post.objects.get(slug=HISTORY), Post.objects.get(slug=BRANDS)
    assert brands.is_public and brands.author.name == "Charly"
    assert brands.category == history.category
    assert datetime.timedelta(days=1) <= brands.publish_at - history.publish_at
    assert brands.publish_at - history.publish_at <= datetime.timedelta(days=7)
    assert 900 <= len(brands.body_text.split()) <= 1400
    assert {entry["level"] for entry in brands.toc} == {2, 3}
    assert brands.faqs.count() == 3 and brands.tags.count() >= 2
    assert not brands.hero_image
    for brand in ("Salomon", "Hoka"):
        assert brand in brands.title and brand in brands.body


@pytest.mark.parametrize(
    ("slug", "expected"),
    [
        (HISTORY, ["/colorways/", "/colorways/timeline/", "/sizing/"]),
        (SIZING, ["/sizing/", "/colorways/", blog_demo.AF1_US_10]),
        (BRANDS, ["/sizing/", "/colorways/", f"/blog/{HISTORY}/", f"/blog/{SIZING}/"]),
    ],
)
def test_demo_articles_link_the_catalogue_and_the_size_finder_they_mention(slug, expected):
    load()
    links = links_in(Post.objects.get(slug=slug).body_html)
    for link in expected:
        assert link in links


def test_every_link_in_the_demo_articles_opens_a_page(client):
    load()
    links = set()
    for post in Post.objects.prefetch_related("faqs"):
        links.update(links_in(post.body_html))
        for faq in post.faqs.all():
            links.update(links_in(faq.answer_html))
    for colorway in Colorway.objects.all():
        links.update(links_in(colorway.story_html))
    internal = sorted(link for link in links if link.startswith("/"))
    assert len(internal) > 15
    for link in internal:
        assert client.get(link).status_code == HTTPStatus.OK, link


def test_the_size_finder_link_in_the_sizing_guide_gives_the_answer_it_promises(client):
    load()
    assert "US 10 or 10.5" in Post.objects.get(slug=SIZING).body
    response = client.get(blog_demo.AF1_US_10)
    sizes = [row.us_men for row in response.context["recommendation"].sizes]
    assert sizes == [Decimal("10"), Decimal("10.5")]


def reader_texts() -> list[str]:
    """Every sentence of demo content that readers see."""
    texts = []
    for post in Post.objects.prefetch_related("faqs"):
        texts += [post.title, post.summary, post.body]
        texts += [text for faq in post.faqs.all() for text in (faq.question, faq.answer)]
    texts += list(Author.objects.values_list("bio", flat=True))
    for colorway in Colorway.objects.all():
        texts += [colorway.name, colorway.nickname, colorway.story, colorway.materials]
    texts += list(Collaborator.objects.values_list("bio", flat=True))
    texts += list(Milestone.objects.values_list("title", flat=True))
    texts += list(Milestone.objects.values_list("body", flat=True))
    texts += [
        text for source in Source.objects.all() for text in (source.claim, source.publication)
    ]
    texts += list(ResaleObservation.objects.values_list("source_name", flat=True))
    texts += list(Brand.objects.values_list("chart_source", flat=True))
    texts += list(Shoe.objects.values_list("fit_notes", flat=True))
    texts += list(Shoe.objects.values_list("stretch_notes", flat=True))
    texts += list(Comparison.objects.values_list("explanation", flat=True))
    texts += list(WidthRule.objects.values_list("explanation", flat=True))
    return [text for text in texts if text]


def test_demo_content_reads_as_written_for_readers():
    load()
    for text in reader_texts():
        assert "unverified" not in text.casefold(), text
        assert not re.search(r"#[0-9A-Fa-f]{6}\b", text), text
        assert not re.search(r"\bNone\b", text), text


def test_short_labels_carry_no_asides_in_brackets():
    load()
    labels = [
        *Colorway.objects.values_list("name", "nickname", "materials", "region"),
        *Source.objects.values_list("claim", "publication"),
        *ResaleObservation.objects.values_list("source_name"),
    ]
    for label in (text for row in labels for text in row):
        assert "(" not in label, label


def test_colour_names_are_capitalised():
    load()
    for name in PaletteColour.objects.values_list("name", flat=True):
        assert all(word[0].isupper() for word in name.split()), name


# Fingerprints: a record still as the earlier demo content created it is brought up to date.


def test_fingerprints_do_not_depend_on_how_the_database_returns_values():
    stored = {"amount": Decimal("180.00"), "rows": [("b", 2), ("a", 1)]}
    assert fingerprint(stored) == fingerprint(
        {"amount": Decimal("180"), "rows": [("a", 1), ("b", 2)]}
    )
    assert fingerprint({"row": ("a", 1)}) != fingerprint({"row": (1, "a")})
    assert fingerprint(
        {
            "at": datetime.datetime(
                2025, 10, 17, 11, tzinfo=datetime.timezone(datetime.timedelta(hours=2))
            )
        }
    ) == fingerprint({"at": datetime.datetime(2025, 10, 17, 9, tzinfo=datetime.UTC)})


@pytest.mark.parametrize(
    ("stored", "earlier", "outcome"),
    [
        ({"story": "New"}, set(), Outcome.FOUND),
        ({"story": "Old"}, {fingerprint({"story": "Old"})}, Outcome.UPDATED),
        ({"story": "Edited"}, {fingerprint({"story": "Old"})}, Outcome.KEPT),
    ],
)
def test_a_stored_record_is_left_updated_or_kept_by_what_it_matches(stored, earlier, outcome):
    assert compare(stored=stored, wanted={"story": "New"}, earlier=earlier) is outcome


def earlier_triple_white() -> Colorway:
    """The Triple White exactly as the first version of the demo content stored it."""
    checked = datetime.date(2025, 10, 17)
    colorway = Colorway.objects.create(
        slug="triple-white",
        name="White/White",
        nickname="Triple White",
        style_code="1201A019-100",
        release_precision="unannounced",
        story="The general release in tonal white.",
    )
    PaletteColour.objects.create(
        colorway=colorway, order=0, name="White", hex="#F5F5F2", family="white"
    )
    PaletteColour.objects.create(
        colorway=colorway, order=1, name="Pure Silver", hex="#C9CED8", family="silver"
    )
    RetailPrice.objects.create(
        colorway=colorway, region="United States", amount=150, currency="USD"
    )
    asics = Retailer.objects.create(
        name="ASICS", country="Worldwide", website="https://www.asics.com/"
    )
    Listing.objects.create(
        colorway=colorway,
        retailer=asics,
        url="https://www.asics.com/",
        price=150,
        currency="USD",
        availability="in_stock",
        last_checked=checked,
    )
    for fact, claim, publication in [
        ("style_code", "1201A019-100", "Public retail listing (unverified)"),
        ("price", "USD 140 to 160 (general releases)", "Market coverage"),
    ]:
        Source.objects.create(
            colorway=colorway, fact=fact, claim=claim, publication=publication, checked_on=checked
        )
    return colorway


def test_an_untouched_record_of_the_earlier_demo_content_is_corrected():
    colorway = earlier_triple_white()
    report = colorway_demo.load()
    assert "colorway triple-white: updated to the current demo content" in report
    colorway.refresh_from_db()
    assert not colorway.retail_prices.exists() and not colorway.listings.exists()
    assert list(colorway.palette.values_list("name", flat=True)) == ["White"]
    assert "USD 140 to 160" in colorway.story
    assert "colorway triple-white: found" in colorway_demo.load()


def test_an_edited_record_of_the_earlier_demo_content_is_left_as_the_editor_left_it():
    colorway = earlier_triple_white()
    colorway.nickname = "Edited by an editor"
    colorway.save()
    report = colorway_demo.load()
    assert "colorway triple-white: found, changed by an editor, left as it is" in report
    colorway.refresh_from_db()
    assert colorway.nickname == "Edited by an editor"
    assert colorway.story == "The general release in tonal white."
    assert colorway.listings.get().availability == "in_stock"


def test_ensure_admin_prints_a_password_once():
    out = StringIO()
    call_command("ensure_admin", stdout=out)
    assert "password:" in out.getvalue()
    again = StringIO()
    call_command("ensure_admin", stdout=again)
    assert "password:" not in again.getvalue()
    assert "already exists" in again.getvalue()
