"""Demo content for the sizing guide, from the facts in shared/facts/gel-kayano-14.md.

The size charts are the CSV files in `sizing/charts/`; once loaded they are
ordinary rows that editors change in the admin. Loading follows seeding.records:
what an editor changed is never touched.
"""

import csv
from decimal import Decimal
from pathlib import Path

from seeding.records import defaults_of, field_values, load_record, write_fields
from sizing.choices import Condition, Fit, Width
from sizing.models import Brand, Comparison, Shoe, SizeChartRow, WidthRule

CHARTS = Path(__file__).resolve().parent / "charts"
PUBLIC_TABLES = (
    "Public {brand} size conversion tables, rounded where they repeat a size so that every "
    "column rises from row to row. Women's US sizes are men's plus 1.5. Check {brand}'s own "
    "chart before you rely on the smallest or largest sizes."
)

BRANDS = [
    {
        "slug": "asics",
        "name": "Asics",
        "chart": "asics.csv",
        "chart_source": "The Asics adult chart, gathered from secondary sources, with US "
        "men's, UK, EU and cm as Asics lists them, including its 25.25 and 28.25 cm steps. "
        "Women's US sizes are men's plus 1.5.",
    },
    {
        "slug": "nike",
        "name": "Nike",
        "chart": "nike.csv",
        "chart_source": PUBLIC_TABLES.format(brand="Nike"),
    },
    {
        "slug": "new-balance",
        "name": "New Balance",
        "chart": "new-balance.csv",
        "chart_source": PUBLIC_TABLES.format(brand="New Balance"),
    },
]

KAYANO = {
    "slug": "asics-gel-kayano-14",
    "brand": "asics",
    "model": "Gel-Kayano 14",
    "is_target": True,
    "fit": Fit.TRUE_TO_SIZE,
    "fit_notes": "True to size for most people. The toe box is wider than average, the laces "
    "take up spare room in the midfoot, and the external heel clutch holds the heel with "
    "little slip. Good arch support, fine for flat feet; the insole lifts out for orthotics.",
    "toe_box_mm": Decimal("100.3"),
    "weight_min_g": 335,
    "weight_max_g": 368,
    "stretch_notes": "Barely: the synthetic overlays keep their shape with wear.",
}

SAME_FAMILY = "Same Asics fit family as the Kayano 14: take the same size."

# Each shoe with its comparisons: (condition, offset_min, offset_max, explanation).
REFERENCE_SHOES = [
    {
        "slug": "nike-air-force-1",
        "position": 1,
        "brand": "nike",
        "model": "Air Force 1",
        "fit": Fit.RUNS_LARGE,
        "fit_notes": "Many people size down in it.",
        "comparisons": [
            (
                Condition.ALWAYS,
                0,
                1,
                "The Air Force 1 runs large, so take your Air Force 1 size or half a size up.",
            ),
            (
                Condition.SIZED_DOWN,
                1,
                1,
                "You sized down because the Air Force 1 runs large, so your Air Force 1 size "
                "is half a size below your true size. The Kayano 14 fits true to size: take "
                "your true size, half a size above your Air Force 1.",
            ),
        ],
    },
    {
        "slug": "nike-dunk",
        "position": 2,
        "brand": "nike",
        "model": "Dunk",
        "fit": Fit.ROOMY,
        "fit_notes": "Less roomy than the Air Force 1, though.",
        "comparisons": [
            (
                Condition.ALWAYS,
                0,
                0,
                "Take the same size as your true-to-size Dunk.",
            ),
        ],
    },
    {
        "slug": "new-balance-530",
        "position": 3,
        "brand": "new-balance",
        "model": "530",
        "fit": Fit.TRUE_TO_SIZE,
        "fit_notes": "Friendly to wide feet.",
        "comparisons": [
            (Condition.ALWAYS, 0, 0, "True to size like the Kayano 14: take the same size."),
        ],
    },
    {
        "slug": "new-balance-2002r",
        "position": 4,
        "brand": "new-balance",
        "model": "2002R",
        "fit": Fit.TRUE_TO_SIZE,
        "fit_notes": "Friendly to wide feet.",
        "comparisons": [
            (Condition.ALWAYS, 0, 0, "True to size like the Kayano 14: take the same size."),
        ],
    },
    {
        "slug": "new-balance-990",
        "position": 5,
        "brand": "new-balance",
        "model": "990",
        "fit": Fit.TRUE_TO_SIZE,
        "fit_notes": "Comes in widths D (standard), 2E and 4E.",
        "widths": "D, 2E, 4E",
        "comparisons": [
            (Condition.ALWAYS, 0, 0, "In the standard D width, take the same size."),
            (
                Condition.WIDE_WIDTH,
                1,
                1,
                "You buy it in a wide width (2E or 4E), so go half a size up in the "
                "Kayano 14 for the room you are used to.",
            ),
        ],
    },
    {
        "slug": "asics-gel-1130",
        "position": 6,
        "brand": "asics",
        "model": "Gel-1130",
        "fit": Fit.TRUE_TO_SIZE,
        "fit_notes": "Same fit family as the Kayano 14; a tougher everyday alternative.",
        "comparisons": [(Condition.ALWAYS, 0, 0, SAME_FAMILY)],
    },
    {
        "slug": "asics-gt-2160",
        "position": 7,
        "brand": "asics",
        "model": "GT-2160",
        "fit": Fit.TRUE_TO_SIZE,
        "fit_notes": "Same fit family as the Kayano 14.",
        "comparisons": [(Condition.ALWAYS, 0, 0, SAME_FAMILY)],
    },
    {
        "slug": "asics-gel-nyc",
        "position": 8,
        "brand": "asics",
        "model": "Gel-NYC",
        "fit": Fit.TRUE_TO_SIZE,
        "fit_notes": "Same fit family as the Kayano 14.",
        "comparisons": [(Condition.ALWAYS, 0, 0, SAME_FAMILY)],
    },
]

WIDTH_RULES = [
    (
        Width.NARROW,
        0,
        "Narrow feet: stay true to size. Pull the laces tighter to take up the spare room; "
        "the heel clutch keeps your heel from slipping.",
    ),
    (
        Width.REGULAR,
        0,
        "Regular feet: stay true to size; the laces take up any extra room in the midfoot.",
    ),
    (
        Width.WIDE,
        1,
        "Wide feet: go half a size up. The toe box is roomy (about 100.3 mm), so some wide "
        "feet manage true to size, but with truly wide feet or a pinched little toe in other "
        "shoes, the extra half size is worth it.",
    ),
]


# Fingerprints (seeding.records) of the states earlier versions of this module gave
# these records: a record still in one of them was never edited, so loading updates it.
EARLIER_VERSIONS: dict[str, set[str]] = {
    "brand:asics": {"f641fa53e50e6895"},
    "brand:nike": {"3b6d60f04b75226f"},
    "brand:new-balance": {"de3506e72289ff9c"},
    "shoe:nike-air-force-1": {"349e5ec970716329"},
    "shoe:new-balance-990": {"bd403dfa968ca940"},
}

BRAND_FIELDS = ("name", "chart_source")
SHOE_FIELDS = (
    "model",
    "is_target",
    "position",
    "fit",
    "fit_notes",
    "widths",
    "toe_box_mm",
    "weight_min_g",
    "weight_max_g",
    "stretch_notes",
)
CHART_COLUMNS = ("us_men", "us_women", "uk", "eu", "cm")


def read_chart(filename: str) -> list[dict[str, Decimal]]:
    with (CHARTS / filename).open(newline="") as handle:
        return [
            {column: Decimal(value) for column, value in row.items()}
            for row in csv.DictReader(handle)
        ]


def brand_state(brand: Brand) -> dict:
    return {
        **field_values(brand, BRAND_FIELDS),
        "chart": list(brand.chart_rows.values_list(*CHART_COLUMNS)),
    }


def wanted_brand(data: dict) -> dict:
    return {
        **defaults_of(Brand, BRAND_FIELDS, data),
        "chart": [tuple(row[c] for c in CHART_COLUMNS) for row in read_chart(data["chart"])],
    }


def shoe_state(shoe: Shoe) -> dict:
    return {
        **field_values(shoe, SHOE_FIELDS),
        "brand": shoe.brand.slug,
        "comparisons": list(
            shoe.comparisons.values_list("condition", "offset_min", "offset_max", "explanation")
        ),
    }


def wanted_shoe(data: dict) -> dict:
    return {
        **defaults_of(Shoe, SHOE_FIELDS, data),
        "brand": data["brand"],
        "comparisons": [tuple(comparison) for comparison in data.get("comparisons", [])],
    }


def width_rule_state(rule: WidthRule) -> dict:
    return field_values(rule, ("offset", "explanation"))


def _write_brand(brand: Brand, data: dict) -> None:
    write_fields(brand, Brand, BRAND_FIELDS, data)
    brand.chart_rows.all().delete()
    rows = read_chart(data["chart"])
    SizeChartRow.objects.bulk_create(SizeChartRow(brand=brand, **row) for row in rows)


def _write_shoe(shoe: Shoe, data: dict, brands: dict[str, Brand]) -> None:
    write_fields(shoe, Shoe, SHOE_FIELDS, data, brand=brands[data["brand"]])
    shoe.comparisons.all().delete()
    for condition, offset_min, offset_max, explanation in data.get("comparisons", []):
        Comparison.objects.create(
            shoe=shoe,
            condition=condition,
            offset_min=offset_min,
            offset_max=offset_max,
            explanation=explanation,
        )


def load() -> list[str]:
    """Create what is missing, bring untouched demo records up to date, leave edited ones
    alone. Returns a report, one line per record."""
    report = []
    brands = {}
    for data in BRANDS:
        brand, outcome = load_record(
            Brand,
            {"slug": data["slug"]},
            state=brand_state,
            wanted=wanted_brand(data),
            earlier=EARLIER_VERSIONS.get(f"brand:{data['slug']}", ()),
            write=lambda record, data=data: _write_brand(record, data),
        )
        brands[brand.slug] = brand
        report.append(f"brand {brand.name}: {outcome}")

    for data in [KAYANO, *REFERENCE_SHOES]:
        shoe, outcome = load_record(
            Shoe,
            {"slug": data["slug"]},
            state=shoe_state,
            wanted=wanted_shoe(data),
            earlier=EARLIER_VERSIONS.get(f"shoe:{data['slug']}", ()),
            write=lambda record, data=data: _write_shoe(record, data, brands),
        )
        report.append(f"shoe {shoe}: {outcome}")

    for width, offset, explanation in WIDTH_RULES:
        wanted = {"offset": offset, "explanation": explanation}
        rule, outcome = load_record(
            WidthRule,
            {"width": width},
            state=width_rule_state,
            wanted=wanted,
            earlier=EARLIER_VERSIONS.get(f"width rule:{width}", ()),
            write=lambda record, wanted=wanted: write_fields(
                record, WidthRule, ("offset", "explanation"), wanted
            ),
        )
        report.append(f"width rule {rule}: {outcome}")
    return report
