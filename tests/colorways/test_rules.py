"""The catalogue's rules as pure functions: style codes, release dates, resale figures."""

import datetime
from decimal import Decimal

import pytest

from colorways.codes import Gender, parse_style_code
from colorways.releases import (
    Status,
    format_release_date,
    iso_release_date,
    release_status,
    release_window,
)
from colorways.resale import Observation, price_chart, resale_summary


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("1201A457-101", ("1201A457-101", Gender.MEN)),
        ("1202A019-100", ("1202A019-100", Gender.WOMEN)),
        ("1203A922-108", ("1203A922-108", Gender.UNISEX)),
        (" 1201a457-101 ", ("1201A457-101", Gender.MEN)),
        ("1204A457-101", None),
        ("1201B457-101", None),
        ("1201A45-101", None),
        ("1201A457101", None),
        ("1201A457-1011", None),
        ("", None),
        ("1201A457-101\n<script>", None),
    ],
)
def test_style_code_is_validated_and_its_prefix_gives_the_gender(code, expected):
    parsed = parse_style_code(code=code)
    assert (parsed and (parsed.code, parsed.gender)) == expected


TODAY = datetime.date(2025, 6, 15)


@pytest.mark.parametrize(
    ("date", "precision", "status"),
    [
        (None, "unannounced", Status.ANNOUNCED),
        (datetime.date(2025, 6, 15), "day", Status.RELEASED),
        (datetime.date(2025, 6, 14), "day", Status.RELEASED),
        (datetime.date(2025, 6, 16), "day", Status.UPCOMING),
        (datetime.date(2025, 6, 1), "month", Status.UPCOMING),
        (datetime.date(2025, 5, 1), "month", Status.RELEASED),
        (datetime.date(2025, 7, 1), "month", Status.UPCOMING),
        (datetime.date(2025, 1, 1), "year", Status.UPCOMING),
        (datetime.date(2024, 1, 1), "year", Status.RELEASED),
        (datetime.date(2026, 1, 1), "year", Status.UPCOMING),
    ],
)
def test_status_is_derived_from_the_date_at_its_precision(date, precision, status):
    assert release_status(date=date, precision=precision, today=TODAY) == status


def test_month_window_ends_on_the_last_day_of_the_month():
    window = release_window(date=datetime.date(2024, 2, 10), precision="month")
    assert (window.start, window.end) == (datetime.date(2024, 2, 1), datetime.date(2024, 2, 29))
    assert release_status(
        date=datetime.date(2024, 2, 1), precision="month", today=datetime.date(2024, 2, 29)
    ) == (Status.RELEASED)


@pytest.mark.parametrize(
    ("date", "precision", "text", "iso"),
    [
        (datetime.date(2020, 11, 27), "day", "27 November 2020", "2020-11-27"),
        (datetime.date(2025, 6, 20), "month", "June 2025", "2025-06"),
        (datetime.date(2022, 8, 1), "year", "2022", "2022"),
        (None, "unannounced", "Not announced", ""),
    ],
)
def test_release_date_is_shown_only_as_precisely_as_it_is_known(date, precision, text, iso):
    assert format_release_date(date=date, precision=precision) == text
    assert iso_release_date(date=date, precision=precision) == iso


def obs(day: int, price: str, currency: str = "USD") -> Observation:
    return Observation(
        observed_on=datetime.date(2024, 1, day), price=Decimal(price), currency=currency
    )


@pytest.mark.parametrize(
    ("observations", "retail", "expected"),
    [
        ([obs(1, "700")], Decimal("180"), (Decimal("700"), Decimal("700"), 289)),
        ([obs(1, "300"), obs(2, "500"), obs(3, "400")], Decimal("200"), ("300", "500", 100)),
        ([obs(1, "150"), obs(2, "170")], Decimal("180"), ("150", "170", -11)),
        ([obs(1, "300"), obs(2, "90000", "JPY")], Decimal("150"), ("300", "300", 100)),
        ([obs(1, "300")], None, ("300", "300", None)),
    ],
)
def test_resale_range_and_premium_over_retail(observations, retail, expected):
    summary = resale_summary(observations=observations, retail=retail, retail_currency="USD")
    low, high, premium = expected
    assert (summary.low, summary.high, summary.premium_percent) == (
        Decimal(low),
        Decimal(high),
        premium,
    )
    assert summary.currency == "USD"


def test_resale_summary_is_none_without_usable_observations():
    assert resale_summary(observations=[], retail=Decimal("180"), retail_currency="USD") is None
    only_yen = [obs(1, "90000", "JPY")]
    assert resale_summary(observations=only_yen, retail=Decimal(180), retail_currency="USD") is None


def test_price_chart_scales_points_inside_the_box_in_date_order():
    chart = price_chart(
        observations=[obs(20, "500"), obs(1, "300"), obs(10, "400")],
        currency="USD",
        retail=Decimal("180"),
        width=100,
        height=50,
        padding=5,
    )
    xs = [p.x for p in chart.points]
    assert xs == sorted(xs) and xs[0] == 5 and xs[-1] == 95
    assert all(5 <= p.y <= 45 for p in chart.points)
    assert chart.retail_y == 45  # the lowest value sits on the bottom edge
    assert chart.points[-1].y == 5  # the highest on the top edge
    assert chart.first_date == "2024-01-01"
