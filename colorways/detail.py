"""What a colorway's page shows besides the colorway's own row, worked out only when the
template asks for it: the page keeps those parts for the content generation
(`{% kept %}`), so while they are kept a request reads the colorway's row and nothing else."""

import datetime
from functools import cached_property

from django.db.models import prefetch_related_objects
from django.urls import reverse

from colorways.models import Colorway, Gender, details
from colorways.resale import Observation, price_chart, resale_summary
from colorways.structured_data import product_data
from seo.jsonld import JsonLd


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
        summary = self.resale
        if not summary:
            return None
        return price_chart(
            observations=self._observations, currency=summary.currency, retail=summary.retail
        )

    @property
    def size_link(self) -> str:
        link = reverse("sizing:finder")
        return link + "?system=us-women" if self.row.gender == Gender.WOMEN else link

    @property
    def product_ld(self) -> JsonLd:
        return JsonLd.of(product_data(self.colorway, self.site_url))
