"""Every rule of the facts' "Fit and sizing" section, through the demo data and the engine."""

from decimal import Decimal

import pytest

from sizing.choices import System, Width
from sizing.engine import recommend

pytestmark = pytest.mark.django_db


def answer(guide, shoe, size, system="us-men", width="regular", **flags):
    return recommend(
        shoe=guide.shoe(shoe),
        size=Decimal(size),
        system=System(system),
        width=Width(width),
        sized_down=flags.get("sized_down", False),
        bought_wide=flags.get("bought_wide", False),
        target=guide.target,
        width_rules=guide.width_rules_by_width,
    )


def us_men(recommendation):
    return [f"{row.us_men.normalize():f}" for row in recommendation.sizes]


RULES = [
    # (why, shoe, size, system, width, flags, expected US men's sizes)
    (
        "AF1 runs large: same or half up",
        "nike-air-force-1",
        "10",
        "us-men",
        "regular",
        {},
        ["10", "10.5"],
    ),
    (
        "sized down in AF1: true size",
        "nike-air-force-1",
        "10",
        "us-men",
        "regular",
        {"sized_down": True},
        ["10.5"],
    ),
    ("Dunk: same size", "nike-dunk", "10", "us-men", "regular", {}, ["10"]),
    ("NB 530: same size", "new-balance-530", "10", "us-men", "regular", {}, ["10"]),
    ("NB 2002R: same size", "new-balance-2002r", "9.5", "us-men", "regular", {}, ["9.5"]),
    ("NB 990 in D: same size", "new-balance-990", "10", "us-men", "regular", {}, ["10"]),
    (
        "NB 990 bought in 2E: half up",
        "new-balance-990",
        "10",
        "us-men",
        "regular",
        {"bought_wide": True},
        ["10.5"],
    ),
    (
        "NB 990 in 2E with wide feet: half up once",
        "new-balance-990",
        "10",
        "us-men",
        "wide",
        {"bought_wide": True},
        ["10.5"],
    ),
    ("Gel-1130: same size", "asics-gel-1130", "10", "us-men", "regular", {}, ["10"]),
    ("GT-2160: same size", "asics-gt-2160", "8", "us-men", "regular", {}, ["8"]),
    ("Gel-NYC: same size", "asics-gel-nyc", "11", "us-men", "regular", {}, ["11"]),
    ("regular feet: true to size", "nike-dunk", "10", "us-men", "regular", {}, ["10"]),
    ("narrow feet: true to size", "nike-dunk", "10", "us-men", "narrow", {}, ["10"]),
    ("wide feet: half up", "nike-dunk", "10", "us-men", "wide", {}, ["10.5"]),
    (
        "wide feet in AF1: the range moves half up",
        "nike-air-force-1",
        "10",
        "us-men",
        "wide",
        {},
        ["10.5", "11"],
    ),
    ("women's US 8.5 is men's US 7", "nike-dunk", "8.5", "us-women", "regular", {}, ["7"]),
    ("UK input through the Nike chart", "nike-dunk", "9", "uk", "regular", {}, ["10"]),
    (
        "EU input through the New Balance chart",
        "new-balance-530",
        "44",
        "eu",
        "regular",
        {},
        ["10"],
    ),
    ("cm on the label", "nike-dunk", "28", "cm", "regular", {}, ["10"]),
    ("cm between two sizes: the longer", "nike-dunk", "27.3", "cm", "regular", {}, ["9.5"]),
    ("no US 13.5 Kayano: the next size up", "nike-dunk", "13", "us-men", "wide", {}, ["14"]),
    ("beyond the range: no invented size", "asics-gel-nyc", "15", "us-men", "wide", {}, []),
]


@pytest.mark.parametrize(
    ("shoe", "size", "system", "width", "flags", "expected"),
    [pytest.param(*rule[1:], id=rule[0]) for rule in RULES],
)
def test_fact_rule(demo_guide, shoe, size, system, width, flags, expected):
    assert us_men(answer(demo_guide, shoe, size, system, width, **flags)) == expected


def test_womens_and_mens_inputs_give_the_same_answer(demo_guide):
    womens = answer(demo_guide, "nike-dunk", "8.5", "us-women")
    mens = answer(demo_guide, "nike-dunk", "7", "us-men")
    assert womens.sizes == mens.sizes


def test_af1_answer_has_both_sizes_in_every_system(demo_guide):
    sizes = answer(demo_guide, "nike-air-force-1", "10").sizes
    assert [(row.us_men, row.us_women, row.uk, row.eu, row.cm) for row in sizes] == [
        (Decimal("10"), Decimal("11.5"), Decimal("9"), Decimal("44"), Decimal("28")),
        (Decimal("10.5"), Decimal("12"), Decimal("9.5"), Decimal("44.5"), Decimal("28.25")),
    ]


def test_two_sizes_come_with_a_between_sizes_warning(demo_guide):
    recommendation = answer(demo_guide, "nike-air-force-1", "10")
    assert any("between two sizes" in warning for warning in recommendation.warnings)


def test_sized_down_reason_names_the_true_size_rule(demo_guide):
    recommendation = answer(demo_guide, "nike-air-force-1", "10", sized_down=True)
    assert any(
        "sized down" in reason and "true size" in reason for reason in recommendation.reasons
    )


def test_width_adjustment_counted_once_is_explained(demo_guide):
    recommendation = answer(demo_guide, "new-balance-990", "10", "us-men", "wide", bought_wide=True)
    assert any("once" in reason for reason in recommendation.reasons)


def test_beyond_the_range_says_so(demo_guide):
    recommendation = answer(demo_guide, "asics-gel-nyc", "15", "us-men", "wide")
    assert recommendation.sizes == ()
    assert any("above the Asics Gel-Kayano 14's range" in w for w in recommendation.warnings)


def test_largest_size_is_flagged(demo_guide):
    recommendation = answer(demo_guide, "asics-gel-nyc", "15")
    assert any("largest size" in warning for warning in recommendation.warnings)


def test_missing_size_is_replaced_by_the_next_with_a_warning(demo_guide):
    recommendation = answer(demo_guide, "nike-dunk", "13", "us-men", "wide")
    assert any("not made in US men's 13.5" in w for w in recommendation.warnings)


def test_cm_between_sizes_warns(demo_guide):
    recommendation = answer(demo_guide, "nike-dunk", "27.3", "cm")
    assert any("between two Nike sizes" in warning for warning in recommendation.warnings)


def test_bought_wide_is_ignored_with_a_warning_for_shoes_without_widths(demo_guide):
    recommendation = answer(demo_guide, "nike-dunk", "10", bought_wide=True)
    assert us_men(recommendation) == ["10"]
    assert any("wide widths" in warning for warning in recommendation.warnings)


def test_sized_down_without_a_rule_keeps_the_general_advice(demo_guide):
    recommendation = answer(demo_guide, "asics-gel-1130", "10", sized_down=True)
    assert us_men(recommendation) == ["10"]
    assert any("sizing down" in warning for warning in recommendation.warnings)
