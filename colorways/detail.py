"""A colorway's page, its own part rendered once per content generation and day in
each process.

When a pair drops, readers open the same colorway page thousands of times between
two saves. Its facts, pictures, palette, shops, resale prices and chart, sources and
structured data depend on the colorway alone, the site's address and the date (a
release's status is a matter of date), and the articles that mention it on which
posts are published, so the page is built once for each, and again when a scheduled
article goes live.
"""

import datetime
from dataclasses import dataclass

from django.template.loader import render_to_string
from django.urls import reverse

from blog.models import ColorwayMention, Post
from colorways.models import Colorway, Gender
from colorways.resale import Observation, price_chart, resale_summary
from colorways.structured_data import product_data
from config.jsonld import JsonLd
from performance.pagecache import KeyedMemo

# A page keeps its colorway's rows and some 15 KB of HTML: at most this many are kept
# in each process.
KEPT_PAGES = 200


@dataclass(frozen=True, slots=True)
class ColorwayPage:
    colorway: Colorway
    html: str
    product_ld: JsonLd


def mentioning_posts(colorway: Colorway):
    """Published posts whose body embeds `colorway` by style code or slug."""
    keys = [colorway.slug, *([colorway.style_code] if colorway.style_code else [])]
    mentions = ColorwayMention.objects.filter(key__in=[key.casefold() for key in keys])
    return (
        Post.objects.published()
        .filter(pk__in=mentions.values("post_id"))
        .without_bodies()
        .select_related("author")
    )


def build_page(colorway: Colorway, site_url: str, today: datetime.date) -> ColorwayPage:
    """The page of `colorway` (loaded with its related rows) on `today`."""
    retail = colorway.main_price
    observations = [
        Observation(observed_on=o.observed_on, price=o.price, currency=o.currency)
        for o in colorway.resale_observations.all()
    ]
    summary = resale_summary(
        observations=observations,
        retail=retail.amount if retail else None,
        retail_currency=retail.currency if retail else None,
    )
    chart = (
        price_chart(observations=observations, currency=summary.currency, retail=summary.retail)
        if summary
        else None
    )
    size_link = reverse("sizing:finder")
    if colorway.gender == Gender.WOMEN:
        size_link += "?system=us-women"
    context = {
        "colorway": colorway,
        "status": colorway.status(today),
        "resale": summary,
        "chart": chart,
        "size_link": size_link,
        "posts": list(mentioning_posts(colorway)),
    }
    return ColorwayPage(
        colorway=colorway,
        html=render_to_string("colorways/colorway_article.html", context),
        product_ld=JsonLd.of(product_data(colorway, site_url)),
    )


def _build_many(keys) -> dict:
    colorways = (
        Colorway.objects.with_details()
        .prefetch_related("images")
        .in_bulk({key[0] for key in keys}, field_name="slug")
    )
    return {
        key: build_page(colorways[key[0]], site_url=key[1], today=key[2])
        for key in keys
        if key[0] in colorways
    }


_pages = KeyedMemo(_build_many, max_entries=KEPT_PAGES, by_publication=True)


def colorway_page(slug: str, site_url: str, today: datetime.date) -> ColorwayPage | None:
    """The page of the colorway `slug`, or None if there is no such colorway."""
    key = (slug, site_url, today)
    return _pages.get_many([key]).get(key)
