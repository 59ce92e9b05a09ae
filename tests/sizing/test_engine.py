"""The engine on hand-made charts: no database, no HTTP."""

from decimal import Decimal

import pytest

from sizing.choices import Condition, System, Width
from sizing.engine import (
    ChartRow,
    InvalidSize,
    ReferenceShoe,
    Rule,
    TargetShoe,
    WidthRule,
    chart_problems,
    format_size,
    locate,
    recommend,
    sizes_hint,
)


def row(us_men, us_women=None, uk=None, eu=None, cm=None):
    us_men = Decimal(str(us_men))
    return ChartRow(
        us_men=us_men,
        us_women=Decimal(str(us_women)) if us_women is not None else us_men + Decimal("1.5"),
        uk=Decimal(str(uk)) if uk is not None else us_men - 1,
        eu=Decimal(str(eu)) if eu is not None else us_men + 34,
        cm=Decimal(str(cm)) if cm is not None else us_men + 18,
    )


CHART = tuple(row(Decimal(n) / 2) for n in range(16, 25))  # US men's 8 to 12


def shoe(*rules, widths=""):
    return ReferenceShoe(
        slug="ref",
        name="Brand Ref",
        brand="Brand",
        fit="True to size",
        fit_notes="",
        widths=widths,
        chart=CHART,
        rules=rules,
    )


TARGET = TargetShoe(
    name="Target",
    fit="True to size",
    fit_notes="",
    toe_box_mm=None,
    weight_min_g=None,
    weight_max_g=None,
    stretch_notes="",
    chart=CHART,
)
WIDTHS = {
    Width.NARROW: WidthRule(Width.NARROW, 0, ""),
    Width.REGULAR: WidthRule(Width.REGULAR, 0, ""),
    Width.WIDE: WidthRule(Width.WIDE, 1, "Wide: half up."),
}


def sizes(recommendation):
    return [format_size(size.us_men) for size in recommendation.sizes]


def run(reference, size="10", system=System.US_MEN, width=Width.REGULAR, **flags):
    return recommend(
        shoe=reference,
        size=Decimal(size),
        system=system,
        width=width,
        sized_down=flags.get("sized_down", False),
        bought_wide=flags.get("bought_wide", False),
        target=TARGET,
        width_rules=WIDTHS,
    )


@pytest.mark.parametrize(
    ("value", "expected"),
    [("10.0", "10"), ("10.50", "10.5"), ("28.25", "28.25"), ("1E+1", "10"), ("44", "44")],
)
def test_format_size_writes_sizes_as_readers_do(value, expected):
    assert format_size(Decimal(value)) == expected


@pytest.mark.parametrize("value", ["10.25", "0", "99", "1E400", "-10", "NaN", "Infinity", "-inf"])
def test_sizes_not_in_the_chart_are_refused(value):
    with pytest.raises(InvalidSize):
        locate(chart=CHART, system=System.US_MEN, size=Decimal(value), brand="Brand")


def test_refusal_lists_the_valid_sizes():
    with pytest.raises(InvalidSize) as error:
        locate(chart=CHART, system=System.US_MEN, size=Decimal("10.25"), brand="Brand")
    assert "8, 8.5, 9, 9.5, 10, 10.5, 11, 11.5, 12" in str(error.value)


@pytest.mark.parametrize("value", ["10.25", "NaN", "Infinity", "-inf"])
def test_every_refusal_in_us_sizes_lists_the_valid_sizes(value):
    with pytest.raises(InvalidSize) as error:
        locate(chart=CHART, system=System.US_MEN, size=Decimal(value), brand="Brand")
    assert str(error.value).endswith(
        "US men's sizes in the Brand chart are: 8, 8.5, 9, 9.5, 10, 10.5, 11, 11.5, 12."
    )


@pytest.mark.parametrize(
    ("chart", "system", "hint"),
    [
        (
            CHART,
            System.UK,
            "UK sizes in the Brand chart are: 7, 7.5, 8, 8.5, 9, 9.5, 10, 10.5, 11.",
        ),
        (CHART, System.CM, "Brand sizes run from 26 to 30 cm: enter a length in that range."),
        ((), System.EU, "There is no Brand size chart yet."),
    ],
)
def test_sizes_hint_says_what_may_be_entered_in_a_system(chart, system, hint):
    assert sizes_hint(chart=chart, system=system, brand="Brand") == hint


@pytest.mark.parametrize("value", ["0", "25.9", "30.1", "1E400"])
def test_centimetres_outside_the_chart_are_refused_with_the_range(value):
    with pytest.raises(InvalidSize, match="from 26 to 30 cm"):
        locate(chart=CHART, system=System.CM, size=Decimal(value), brand="Brand")


def test_centimetres_between_rows_take_the_longer_row():
    found, warnings = locate(chart=CHART, system=System.CM, size=Decimal("27.2"), brand="Brand")
    assert found.cm == Decimal("27.5")
    assert warnings


def test_offsets_count_half_sizes():
    reference = shoe(Rule(Condition.ALWAYS, 0, 1, "Same or half up."))
    assert sizes(run(reference)) == ["10", "10.5"]


def test_most_specific_rule_wins():
    reference = shoe(
        Rule(Condition.ALWAYS, 0, 0, "Same."),
        Rule(Condition.SIZED_DOWN, 1, 1, "True size."),
        Rule(Condition.WIDE_WIDTH, 2, 2, "Wide width."),
        widths="D, 2E",
    )
    assert sizes(run(reference)) == ["10"]
    assert sizes(run(reference, sized_down=True)) == ["10.5"]
    assert sizes(run(reference, bought_wide=True)) == ["11"]
    assert sizes(run(reference, sized_down=True, bought_wide=True)) == ["10.5"]


def test_wide_feet_add_to_a_general_rule():
    reference = shoe(Rule(Condition.ALWAYS, 0, 0, "Same."))
    assert sizes(run(reference, width=Width.WIDE)) == ["10.5"]


@pytest.mark.parametrize(("rule_offset", "expected"), [(1, ["10.5"]), (2, ["11"]), (0, ["10.5"])])
def test_wide_width_rule_and_wide_feet_apply_the_larger_adjustment_once(rule_offset, expected):
    reference = shoe(Rule(Condition.WIDE_WIDTH, rule_offset, rule_offset, "Wide."), widths="2E")
    assert sizes(run(reference, width=Width.WIDE, bought_wide=True)) == expected


def test_a_shoe_without_rules_is_treated_as_true_to_size():
    assert sizes(run(shoe())) == ["10"]


def test_answer_beyond_the_target_range_is_empty_with_a_warning():
    reference = shoe(Rule(Condition.ALWAYS, 1, 1, "Half up."))
    recommendation = run(reference, size="12")
    assert recommendation.sizes == ()
    assert any("above the Target's range" in warning for warning in recommendation.warnings)


def test_half_of_a_range_beyond_the_target_keeps_the_other_half():
    reference = shoe(Rule(Condition.ALWAYS, 0, 1, "Same or half up."))
    recommendation = run(reference, size="12")
    assert sizes(recommendation) == ["12"]
    assert any("above" in warning for warning in recommendation.warnings)


def test_sound_chart_has_no_problems():
    assert chart_problems(CHART) == []


def test_row_order_does_not_matter():
    assert chart_problems(tuple(reversed(CHART))) == []


@pytest.mark.parametrize(
    ("bad_row", "expected"),
    [
        (row(10), "US men's 10 appears in more than one row."),
        (row(12.5, eu=40), "EU must rise with US men's: US men's 12.5 has EU 40"),
        (row(12.5, cm=29), "cm 29 appears in more than one row."),
        (row(12.5, uk=3), "UK must rise with US men's"),
        (
            row(7.5, us_women=20),
            "US women's must rise with US men's: US men's 8 has US women's 9.5",
        ),
    ],
)
def test_broken_chart_is_explained(bad_row, expected):
    problems = chart_problems((*CHART, bad_row))
    assert any(problem.startswith(expected) for problem in problems), problems
