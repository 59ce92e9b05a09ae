"""The demo catalogue agrees with itself and with the facts it was written from."""

import datetime
from decimal import Decimal

import pytest

from colorways import demo
from colorways.models import Colorway, Listing, Milestone, ReleaseStatus, Source

pytestmark = pytest.mark.django_db

# What the facts give (shared/facts/gel-kayano-14.md), and nothing more.
PRICES_IN_THE_FACTS = {
    "jjjjound-silver-black": ("USD", Decimal("180")),
    "jjjjound-silver-white": ("USD", Decimal("180")),
    "kiko-kostadinov-ub1-s-classic-red-asics-blue": ("JPY", Decimal("16000")),
    "kiko-kostadinov-ub1-s-oyster-grey-pink-glo": ("JPY", Decimal("16000")),
}
DATES_IN_THE_FACTS = {
    "jjjjound-silver-black": "August 2022",
    "jjjjound-silver-white": "August 2022",
    "kith-cream-antler": "June 2023",
    "kith-cream-scarab": "June 2023",
    "jjjjound-white-blue": "June 2025",
    "jjjjound-white-navy": "June 2025",
    "kiko-kostadinov-ub1-s-classic-red-asics-blue": "27 November 2020",
    "kiko-kostadinov-ub1-s-oyster-grey-pink-glo": "27 November 2020",
}
RESALE_IN_THE_FACTS = {"jjjjound-silver-black", "jjjjound-silver-white"}
STYLE_CODES_IN_THE_FACTS = {
    "1201A019-100": "triple-white",
    "1201A019-108": "cream-black",
    "1201A457-101": "jjjjound-silver-black",
}
TODAY = datetime.date(2025, 10, 17)


@pytest.fixture
def catalogue() -> list[Colorway]:
    demo.load()
    return list(Colorway.objects.with_details().prefetch_related("images"))


def claims(colorway: Colorway, fact: str) -> list[str]:
    return [source.claim for source in colorway.sources.all() if source.fact == fact]


def money(amount: Decimal, currency: str) -> str:
    return f"{currency} {amount:,.0f}"


def test_a_colorway_announced_without_a_date_claims_no_price_stock_or_resale(catalogue):
    for colorway in catalogue:
        if colorway.status(TODAY) != ReleaseStatus.ANNOUNCED:
            continue
        assert not colorway.retail_prices.all(), colorway.slug
        assert not colorway.resale_observations.all(), colorway.slug
        for listing in colorway.listings.all():
            assert listing.price is None, colorway.slug
            assert listing.availability == Listing.Availability.SOLD_OUT, colorway.slug


def test_a_shop_has_a_pair_in_stock_only_once_the_colorway_is_out(catalogue):
    for colorway in catalogue:
        for listing in colorway.listings.all():
            if listing.availability == Listing.Availability.IN_STOCK:
                assert colorway.status(TODAY) == ReleaseStatus.RELEASED, colorway.slug


def test_a_listing_price_is_a_retail_price_of_the_colorway(catalogue):
    for colorway in catalogue:
        retail = {(price.currency, price.amount) for price in colorway.retail_prices.all()}
        for listing in colorway.listings.all():
            if listing.price is not None:
                assert (listing.currency, listing.price) in retail, colorway.slug


def test_every_release_date_has_a_source_that_gives_it(catalogue):
    for colorway in catalogue:
        if colorway.release_date is None:
            assert not claims(colorway, Source.Fact.RELEASE_DATE), colorway.slug
            continue
        sources = claims(colorway, Source.Fact.RELEASE_DATE)
        assert any(colorway.release_display in claim for claim in sources), colorway.slug


def test_every_retail_price_has_a_source_that_gives_it(catalogue):
    for colorway in catalogue:
        sources = claims(colorway, Source.Fact.PRICE)
        for price in colorway.retail_prices.all():
            shown = money(price.amount, price.currency)
            assert any(shown in claim for claim in sources), (colorway.slug, shown)
        if sources:
            assert colorway.retail_prices.all(), f"{colorway.slug}: a price source, no price"


def test_every_style_code_has_a_source_that_gives_it(catalogue):
    for colorway in catalogue:
        sources = claims(colorway, Source.Fact.STYLE_CODE)
        if colorway.style_code:
            assert colorway.style_code in sources, colorway.slug
        else:
            assert not sources, colorway.slug


def test_every_resale_price_has_a_source_and_follows_the_release(catalogue):
    for colorway in catalogue:
        sources = claims(colorway, Source.Fact.RESALE)
        for observation in colorway.resale_observations.all():
            shown = money(observation.price, observation.currency)
            assert any(shown in claim for claim in sources), (colorway.slug, shown)
            assert observation.observed_on >= colorway.release_date, colorway.slug
        if sources:
            assert colorway.resale_observations.all(), f"{colorway.slug}: a source, no price"


def test_only_the_prices_the_facts_give_are_in_the_catalogue(catalogue):
    prices = {
        colorway.slug: (price.currency, price.amount)
        for colorway in catalogue
        for price in colorway.retail_prices.all()
    }
    assert prices == PRICES_IN_THE_FACTS
    assert all(len(colorway.retail_prices.all()) <= 1 for colorway in catalogue)


def test_only_the_release_dates_the_facts_give_are_in_the_catalogue(catalogue):
    dates = {c.slug: c.release_display for c in catalogue if c.release_date is not None}
    assert dates == DATES_IN_THE_FACTS


def test_only_the_resale_prices_the_facts_give_are_in_the_catalogue(catalogue):
    assert {c.slug for c in catalogue if c.resale_observations.all()} == RESALE_IN_THE_FACTS
    for colorway in catalogue:
        for observation in colorway.resale_observations.all():
            assert (observation.currency, observation.price) == ("USD", Decimal("700"))


def test_only_the_style_codes_the_facts_give_are_in_the_catalogue(catalogue):
    codes = {c.style_code: c.slug for c in catalogue if c.style_code}
    assert codes == STYLE_CODES_IN_THE_FACTS


def test_no_shop_is_said_to_have_a_pair_or_a_price(catalogue):
    for colorway in catalogue:
        for listing in colorway.listings.all():
            assert listing.availability == Listing.Availability.SOLD_OUT, colorway.slug
            assert listing.price is None, colorway.slug


def test_facts_the_sources_disagree_on_show_both_versions(catalogue):
    jjjjound = next(c for c in catalogue if c.style_code == "1201A457-101")
    assert set(claims(jjjjound, Source.Fact.STYLE_CODE)) == {"1201A457-101", "1201A922-100"}
    assert set(jjjjound.disputes) == {"Style code"}
    revival = Milestone.objects.get(title="The revival")
    years = {source.claim[:4] for source in revival.sources.all()}
    assert years == {"2020", "2021"} and revival.is_disputed
    launch = Milestone.objects.get(title="The Gel-Kayano 14 comes out")
    gel = [source.claim for source in launch.sources.all()]
    assert launch.is_disputed and any("heel and forefoot" in claim for claim in gel)
    assert any("Full-length" in claim for claim in gel)
    others_disputed = [c.slug for c in catalogue if c.is_disputed and c is not jjjjound]
    assert others_disputed == []


def test_unknown_stays_unknown_and_says_so(catalogue):
    for colorway in catalogue:
        if colorway.release_date is None:
            assert colorway.release_display == "Not announced"
            assert "not announced" in colorway.story.casefold() or "don't know" in colorway.story
