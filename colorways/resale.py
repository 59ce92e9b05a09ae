"""What a colorway resells for: the range, the premium over retail and a small chart.

Prices are compared only within one currency: observations in another currency
than the retail price are left out rather than converted at a guessed rate.
"""

import datetime
import statistics
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal


@dataclass(frozen=True, slots=True)
class Observation:
    observed_on: datetime.date
    price: Decimal
    currency: str


@dataclass(frozen=True, slots=True)
class ResaleSummary:
    currency: str
    low: Decimal
    high: Decimal
    median: Decimal
    count: int
    retail: Decimal | None
    premium_percent: int | None  # median over retail; None without a retail price


def resale_summary(
    *,
    observations: list[Observation],
    retail: Decimal | None,
    retail_currency: str | None,
) -> ResaleSummary | None:
    """Range, median and premium of the observations in the retail price's currency.

    Without a retail price the summary uses the currency most observations share
    and has no premium. Returns None when no observation is usable. The premium
    is the median's percentage above (or, if negative, below) retail, rounded
    half up to a whole percent.
    """
    if not observations:
        return None
    currency = retail_currency if retail is not None else None
    if currency is None:
        currencies = [o.currency for o in observations]
        currency = max(sorted(set(currencies)), key=currencies.count)
    prices = sorted(o.price for o in observations if o.currency == currency)
    if not prices:
        return None
    median = Decimal(statistics.median(prices))
    premium = None
    if retail is not None and retail > 0:
        ratio = (median - retail) / retail * 100
        premium = int(ratio.quantize(Decimal(1), rounding=ROUND_HALF_UP))
    return ResaleSummary(
        currency=currency,
        low=prices[0],
        high=prices[-1],
        median=median,
        count=len(prices),
        retail=retail if currency == retail_currency else None,
        premium_percent=premium,
    )


@dataclass(frozen=True, slots=True)
class ChartPoint:
    x: float
    y: float
    label: str


@dataclass(frozen=True, slots=True)
class PriceChart:
    """Coordinates for an SVG line chart in a `width` x `height` viewBox."""

    width: int
    height: int
    points: tuple[ChartPoint, ...]
    polyline: str
    retail_y: float | None
    low_label: str
    high_label: str
    first_date: str
    last_date: str


def price_chart(
    *,
    observations: list[Observation],
    currency: str,
    retail: Decimal | None = None,
    width: int = 320,
    height: int = 120,
    padding: int = 12,
) -> PriceChart | None:
    """Scale the observations in `currency` (by date) into chart coordinates.

    Time runs left to right, price bottom to top; the retail price, when given,
    is part of the scale so its line always fits. None with fewer than one point.
    """
    usable = sorted(
        (o for o in observations if o.currency == currency), key=lambda o: o.observed_on
    )
    if not usable:
        return None
    values = [o.price for o in usable] + ([retail] if retail is not None else [])
    low, high = min(values), max(values)
    first, last = usable[0].observed_on, usable[-1].observed_on
    days = max((last - first).days, 1)
    price_span = (high - low) or Decimal(1)
    inner_w, inner_h = width - 2 * padding, height - 2 * padding

    def y_for(price: Decimal) -> float:
        return round(padding + float((high - price) / price_span) * inner_h, 1)

    def x_for(day: datetime.date) -> float:
        share = 0.5 if len(usable) == 1 else (day - first).days / days
        return round(padding + share * inner_w, 1)

    points = tuple(
        ChartPoint(
            x=x_for(o.observed_on),
            y=y_for(o.price),
            label=f"{o.observed_on.isoformat()}: {o.price:,.0f} {currency}",
        )
        for o in usable
    )
    return PriceChart(
        width=width,
        height=height,
        points=points,
        polyline=" ".join(f"{p.x},{p.y}" for p in points),
        retail_y=y_for(retail) if retail is not None else None,
        low_label=f"{low:,.0f} {currency}",
        high_label=f"{high:,.0f} {currency}",
        first_date=first.isoformat(),
        last_date=last.isoformat(),
    )
