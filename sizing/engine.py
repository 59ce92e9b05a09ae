"""Which Kayano 14 size to buy, given the size of a shoe the reader already wears.

Pure functions over plain values: no database, no HTTP. `sizing.guide` loads the
charts and rules that editors keep in the admin and hands them in as the frozen
dataclasses below.

Offsets are counted in half sizes: +1 means half a size up. A reader's size is
found in the reference brand's chart, taken to US men's (the column every chart
shares), moved by the comparison's offsets and the foot-width rule, and looked up
in the Kayano 14's chart.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from itertools import pairwise

from sizing.choices import Condition, System, Width

HALF_SIZE = Decimal("0.5")


def format_size(value: Decimal) -> str:
    """`value` as a reader writes it: 10, 10.5, 28.25 (no trailing zeros, no exponent)."""
    return f"{value.normalize():f}"


@dataclass(frozen=True)
class ChartRow:
    """One size in one brand's chart, in every system."""

    us_men: Decimal
    us_women: Decimal
    uk: Decimal
    eu: Decimal
    cm: Decimal

    def size_in(self, system: System) -> Decimal:
        return getattr(self, System(system).column)

    def label(self, system: System) -> str:
        system = System(system)
        if system == System.CM:
            return f"{format_size(self.cm)} cm"
        return f"{system.label} {format_size(self.size_in(system))}"


@dataclass(frozen=True)
class Rule:
    """How the Kayano 14 size relates to a reference shoe's size, when `condition` holds."""

    condition: Condition
    offset_min: int
    offset_max: int
    explanation: str


@dataclass(frozen=True)
class ReferenceShoe:
    slug: str
    name: str
    brand: str
    fit: str
    fit_notes: str
    widths: str
    chart: tuple[ChartRow, ...]
    rules: tuple[Rule, ...]

    def rule_for(self, condition: Condition) -> Rule | None:
        return next((rule for rule in self.rules if rule.condition == condition), None)


@dataclass(frozen=True)
class WidthRule:
    width: Width
    offset: int
    explanation: str


@dataclass(frozen=True)
class BrandChart:
    brand: str
    source: str
    rows: tuple[ChartRow, ...]


@dataclass(frozen=True)
class TargetShoe:
    """The shoe the guide recommends a size of (the Kayano 14), with its fit facts."""

    name: str
    fit: str
    fit_notes: str
    toe_box_mm: Decimal | None
    weight_min_g: int | None
    weight_max_g: int | None
    stretch_notes: str
    chart: tuple[ChartRow, ...]


@dataclass(frozen=True)
class Guide:
    """Everything the size finder needs, read from the database in one go."""

    target: TargetShoe | None
    shoes: tuple[ReferenceShoe, ...]
    width_rules: tuple[WidthRule, ...]
    charts: tuple[BrandChart, ...]

    @property
    def is_ready(self) -> bool:
        return self.target is not None and bool(self.target.chart) and bool(self.shoes)

    def shoe(self, slug: str) -> ReferenceShoe | None:
        return next((shoe for shoe in self.shoes if shoe.slug == slug), None)

    @property
    def width_rules_by_width(self) -> dict[Width, WidthRule]:
        return {rule.width: rule for rule in self.width_rules}


@dataclass(frozen=True)
class Recommendation:
    """One or two Kayano 14 sizes (none when the answer is beyond its range), and why."""

    sizes: tuple[ChartRow, ...]
    reasons: tuple[str, ...]
    warnings: tuple[str, ...]


class InvalidSize(ValueError):
    """The size does not exist in the chosen system of the reference brand's chart."""


def valid_sizes(*, chart: Sequence[ChartRow], system: System) -> tuple[Decimal, ...]:
    """The sizes of `chart` in `system`, smallest first."""
    return tuple(sorted(row.size_in(system) for row in chart))


def locate(
    *, chart: Sequence[ChartRow], system: System, size: Decimal, brand: str
) -> tuple[ChartRow, tuple[str, ...]]:
    """The row of `chart` that `size` (in `system`) names, and any warning about the match.

    Sizes in US, UK and EU must be in the chart exactly. A length in centimetres
    may fall between two rows: the larger row is used, with a warning. Anything
    else raises InvalidSize with a message that says what is valid.
    """
    system = System(system)
    sizes = valid_sizes(chart=chart, system=system)
    if not sizes:
        raise InvalidSize(f"There is no {brand} size chart yet.")
    if not size.is_finite():
        raise InvalidSize(
            "Enter the size as a number. " + sizes_hint(chart=chart, system=system, brand=brand)
        )
    rows = sorted(chart, key=lambda row: row.size_in(system))
    if system == System.CM:
        if not sizes[0] <= size <= sizes[-1]:
            raise InvalidSize(sizes_hint(chart=chart, system=system, brand=brand))
        row = next(row for row in rows if row.cm >= size)
        if row.cm == size:
            return row, ()
        smaller = max(value for value in sizes if value < size)
        return row, (
            f"{format_size(size)} cm falls between two {brand} sizes "
            f"({format_size(smaller)} and {format_size(row.cm)} cm); the longer one is used, "
            "because a shoe that is too short cannot be laced roomier.",
        )
    row = next((row for row in rows if row.size_in(system) == size), None)
    if row is None:
        raise InvalidSize(sizes_hint(chart=chart, system=system, brand=brand))
    return row, ()


def sizes_hint(*, chart: Sequence[ChartRow], system: System, brand: str) -> str:
    """What a reader may enter in `system` for `brand`'s chart, as one sentence: every
    size in US, UK and EU, the range of lengths in centimetres."""
    system = System(system)
    sizes = valid_sizes(chart=chart, system=system)
    if not sizes:
        return f"There is no {brand} size chart yet."
    if system == System.CM:
        return (
            f"{brand} sizes run from {format_size(sizes[0])} to "
            f"{format_size(sizes[-1])} cm: enter a length in that range."
        )
    listed = ", ".join(format_size(value) for value in sizes)
    return f"{system.label} sizes in the {brand} chart are: {listed}."


def _choose_rule(
    shoe: ReferenceShoe, *, sized_down: bool, bought_wide: bool
) -> tuple[Rule, list[str]]:
    warnings = []
    if sized_down:
        rule = shoe.rule_for(Condition.SIZED_DOWN)
        if rule:
            return rule, warnings
        warnings.append(
            f"The guide has no separate advice for sizing down in the {shoe.name}: "
            "the answer treats the size you entered as your true size."
        )
    if bought_wide:
        rule = shoe.rule_for(Condition.WIDE_WIDTH)
        if rule:
            return rule, warnings
        warnings.append(
            f"The guide has no separate advice for the {shoe.name} in wide widths: "
            "the answer uses its general advice."
        )
    rule = shoe.rule_for(Condition.ALWAYS) or Rule(
        Condition.ALWAYS,
        0,
        0,
        "The guide has no comparison for this shoe yet; the Kayano 14 fits true to size "
        "for most people, so the same size is the starting point.",
    )
    return rule, warnings


def recommend(
    *,
    shoe: ReferenceShoe,
    size: Decimal,
    system: System,
    width: Width,
    sized_down: bool,
    bought_wide: bool,
    target: TargetShoe,
    width_rules: Mapping[Width, WidthRule],
) -> Recommendation:
    """The Kayano 14 size(s) for a reader who wears `size` (in `system`) in `shoe`.

    The comparison rule is the most specific one that applies: "sized down" first,
    then "bought in a wide width", else the shoe's general rule. The foot-width
    rule's offset is added to the rule's offsets, except that a wide-width rule
    already makes room for a wide foot: then the larger of the two width
    adjustments applies, never both. A rule with a range of offsets gives two
    sizes. Sizes beyond the Kayano 14's chart are left out with a warning,
    never invented. Raises InvalidSize when `size` is not in the reference chart.
    """
    width = Width(width)
    row, located = locate(chart=shoe.chart, system=system, size=size, brand=shoe.brand)
    warnings = list(located)
    reasons = []
    if System(system) != System.US_MEN:
        reasons.append(
            f"In the {shoe.brand} chart, {row.label(system)} is US men's {format_size(row.us_men)}."
        )
    rule, rule_warnings = _choose_rule(shoe, sized_down=sized_down, bought_wide=bought_wide)
    warnings.extend(rule_warnings)
    reasons.append(f"{shoe.name}: {rule.explanation}")

    width_rule = width_rules.get(width, WidthRule(width, 0, ""))
    if rule.condition == Condition.WIDE_WIDTH:
        low = max(rule.offset_min, width_rule.offset)
        high = max(rule.offset_max, width_rule.offset)
        if width_rule.offset > 0:
            reasons.append(
                "Your wide feet and the wide width you buy both call for more room: "
                "the guide counts that extra room once, not twice."
            )
        elif width_rule.explanation:
            reasons.append(width_rule.explanation)
    else:
        low = rule.offset_min + width_rule.offset
        high = rule.offset_max + width_rule.offset
        if width_rule.explanation:
            reasons.append(width_rule.explanation)

    sizes = _target_sizes(row.us_men, range(low, high + 1), target, warnings)
    if len(sizes) == 2:
        warnings.append(
            f"You are between two sizes: {sizes[0].label(system)} for a closer fit, "
            f"{sizes[1].label(system)} for more room (thicker socks, swelling feet). "
            "Try both if you can."
        )
    chart = target.chart
    if sizes and sizes[-1] == chart[-1]:
        warnings.append(f"That is the largest size the {target.name} comes in.")
    if sizes and sizes[0] == chart[0]:
        warnings.append(f"That is the smallest size the {target.name} comes in.")
    return Recommendation(sizes=tuple(sizes), reasons=tuple(reasons), warnings=tuple(warnings))


def _target_sizes(
    base: Decimal, offsets: range, target: TargetShoe, warnings: list[str]
) -> list[ChartRow]:
    chart = sorted(target.chart, key=lambda row: row.us_men)
    smallest, largest = chart[0].us_men, chart[-1].us_men
    sizes: list[ChartRow] = []
    for offset in offsets:
        wanted = base + HALF_SIZE * offset
        if not smallest <= wanted <= largest:
            side = "above" if wanted > largest else "below"
            warnings.append(
                f"US men's {format_size(wanted)} would be {side} the {target.name}'s range "
                f"(US men's {format_size(smallest)} to {format_size(largest)}), so the guide "
                "does not recommend a size for it."
            )
            continue
        row = next(row for row in chart if row.us_men >= wanted)
        if row.us_men != wanted:
            warnings.append(
                f"The {target.name} is not made in US men's {format_size(wanted)}; "
                f"{format_size(row.us_men)} is the next size up."
            )
        if row not in sizes:
            sizes.append(row)
    return sizes


def chart_problems(rows: Sequence[ChartRow]) -> list[str]:
    """What is wrong with a size chart, in words for an editor; empty when it is sound.

    Sound means: no size appears twice in a column, and ordered by US men's,
    every column rises from row to row.
    """
    problems = []
    for system in System:
        values = [row.size_in(system) for row in rows]
        for value in sorted({value for value in values if values.count(value) > 1}):
            problems.append(f"{system.label} {format_size(value)} appears in more than one row.")
    ordered = sorted(rows, key=lambda row: row.us_men)
    for previous, current in pairwise(ordered):
        if previous.us_men == current.us_men:
            continue
        for system in list(System)[1:]:
            if current.size_in(system) <= previous.size_in(system):
                problems.append(
                    f"{system.label} must rise with US men's: US men's "
                    f"{format_size(current.us_men)} has {system.label} "
                    f"{format_size(current.size_in(system))}, not more than the "
                    f"{format_size(previous.size_in(system))} of US men's "
                    f"{format_size(previous.us_men)}."
                )
    return problems
