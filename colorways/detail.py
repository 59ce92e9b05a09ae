"""What a colorway's page shows besides the colorway's own row, worked out only when the
template asks for it: the page keeps those parts for the content generation
(`{% kept %}`), so while they are kept a request reads the colorway's row and nothing else."""

import datetime
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property

from django.db.models import prefetch_related_objects
from django.urls import reverse

from colorways.models import Colorway, Gender, Source, details
from colorways.resale import Observation, ResaleSummary, price_chart, resale_summary
from colorways.seo import colorway_meta
from seo.meta import PageMeta


class ColorwayParts:
    def __init__(self, colorway: Colorway, *, site_url: str, today: datetime.date):
        self.row = colorway
        self.site_url = site_url
        self.today = today

    @cached_property
    def colorway(self) -> Colorway:
        """The colorway with everything its page shows, in a fixed number of queries."""
        prefetch_related_objects([self.row], *details(), "images")
        return self.row

    @property
    def status(self):
        return self.colorway.status(self.today)

    @cached_property
    def resale(self):
        retail = self.colorway.main_price
        return resale_summary(
            observations=self._observations,
            retail=retail.amount if retail else None,
            retail_currency=retail.currency if retail else None,
        )

    @cached_property
    def _observations(self) -> list[Observation]:
        return [
            Observation(observed_on=o.observed_on, price=o.price, currency=o.currency)
            for o in self.colorway.resale_observations.all()
        ]

    @cached_property
    def chart(self):
        """A line over time needs two prices at least: one price is a sentence."""
        summary = self.resale
        if not summary or summary.count < 2:
            return None
        return price_chart(
            observations=self._observations, currency=summary.currency, retail=summary.retail
        )

    @cached_property
    def resale_sentence(self) -> str:
        summary = self.resale
        if not summary:
            return ""
        return resale_words(summary, self.colorway.resale_observations.all())

    @cached_property
    def source_groups(self) -> list["SourceGroup"]:
        """The sources, one group per fact, each saying whether its sources disagree."""
        by_fact = defaultdict(list)
        for source in self.colorway.sources.all():
            by_fact[source.fact].append(source)
        return [
            SourceGroup(
                fact=fact,
                label=Source.Fact(fact).label,
                sources=tuple(sources),
                disputed=len({s.claim.strip().casefold() for s in sources}) > 1,
            )
            for fact, sources in by_fact.items()
        ]

    @cached_property
    def disputed(self) -> dict[str, "SourceGroup"]:
        """The facts whose sources disagree, by Source.Fact value (style_code...)."""
        return {group.fact: group for group in self.source_groups if group.disputed}

    @property
    def size_link(self) -> str:
        link = reverse("sizing:finder")
        return link + "?system=us-women" if self.row.gender == Gender.WOMEN else link

    @cached_property
    def meta(self) -> PageMeta:
        """What the page tells search engines and link previews."""
        return colorway_meta(self.colorway, site_url=self.site_url, today=self.today)


@dataclass(frozen=True, slots=True)
class SourceGroup:
    fact: str
    label: str
    sources: tuple
    disputed: bool

    @property
    def anchor(self) -> str:
        return f"sources-{self.fact.replace('_', '-')}"


CURRENCY_SIGNS = {"USD": "$", "EUR": "€", "GBP": "£"}


def money(amount: Decimal | None, currency: str = "") -> str:
    """An amount as readers write it: "$180", "€150", "16,000 JPY"."""
    if amount is None:
        return ""
    number = f"{amount:,.2f}".removesuffix(".00")
    sign = CURRENCY_SIGNS.get(currency)
    return f"{sign}{number}" if sign else f"{number} {currency}".strip()


TIMES = {2: "twice", 3: "three times", 4: "four times", 5: "five times", 6: "six times"}


def premium_words(summary: ResaleSummary) -> str:
    """How the resale price compares with retail, as a reader would say it."""
    if summary.premium_percent is None or not summary.retail:
        return ""
    retail = money(summary.retail, summary.currency)
    percent = summary.premium_percent
    times = round(summary.median / summary.retail)
    if percent >= 90 and times in TIMES:
        return f"about {TIMES[times]} its {retail} retail price"
    if percent > 0:
        return f"about {percent}% over its {retail} retail price"
    if percent < 0:
        return f"about {-percent}% under its {retail} retail price"
    return f"the same as its {retail} retail price"


def resale_words(summary: ResaleSummary, observations) -> str:
    """One sentence on what the colorway resells for."""
    comparison = premium_words(summary)
    tail = f", {comparison}" if comparison else ""
    if summary.count == 1:
        seen = next(o for o in observations if o.currency == summary.currency)
        when = f"{seen.observed_on:%B} {seen.observed_on.year}"
        return f"Resold for {money(seen.price, seen.currency)} in {when}{tail}."
    if summary.low == summary.high:
        return f"Resells around {money(summary.median, summary.currency)}{tail}."
    low, high = money(summary.low, summary.currency), money(summary.high, summary.currency)
    median = money(summary.median, summary.currency)
    return f"Resells for {low} to {high}, typically around {median}{tail}."
