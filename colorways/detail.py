"""What a colorway's page shows besides the colorway itself: its status on the day, the
resale range and chart, the size finder's link and its structured data."""

import datetime

from django.urls import reverse

from colorways.models import Colorway, Gender
from colorways.resale import Observation, price_chart, resale_summary
from colorways.structured_data import product_data
from seo.jsonld import JsonLd


def page_context(colorway: Colorway, *, site_url: str, today: datetime.date) -> dict:
    """The template context of the page of `colorway` (loaded with its details) on `today`."""
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
    return {
        "colorway": colorway,
        "status": colorway.status(today),
        "resale": summary,
        "chart": chart,
        "size_link": size_link,
        "product_ld": JsonLd.of(product_data(colorway, site_url)),
    }
