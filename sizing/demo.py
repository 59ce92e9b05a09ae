"""Demo content for the sizing guide, from the facts in shared/facts/gel-kayano-14.md.

The size charts are the CSV files in `sizing/charts/`; once loaded they are
ordinary rows that editors change in the admin.
"""

import csv
from decimal import Decimal
from pathlib import Path

from sizing.choices import Condition, Fit, Width
from sizing.models import Brand, Comparison, Shoe, SizeChartRow, WidthRule

CHARTS = Path(__file__).resolve().parent / "charts"
PUBLIC_TABLES = (
    "Gathered from public {brand} size conversion tables (men's sizes; women's = men's + 1.5), "
    "rounded where the published tables repeat a value, so every column rises from row to row. "
    "Check the brand's own chart before relying on an edge size."
)

BRANDS = [
    {
        "slug": "asics",
        "name": "Asics",
        "chart": "asics.csv",
        "chart_source": "The Asics adult chart (US men's, UK, EU and cm as Asics lists them, "
        "including its 25.25 and 28.25 cm steps), gathered from secondary sources; the US "
        "women's column is derived by the +1.5 rule.",
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
                "You sized down because the Air Force 1 runs large, so the size you wear in "
                "it is half below your true size. The Kayano 14 fits true to size: take your "
                "true size, half a size above your Air Force 1.",
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
                "You buy it in a wide width (2E or 4E), and the Kayano 14 comes in one "
                "width only, so go half a size up for the room you are used to.",
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


def read_chart(filename: str) -> list[dict[str, Decimal]]:
    with (CHARTS / filename).open(newline="") as handle:
        return [
            {column: Decimal(value) for column, value in row.items()}
            for row in csv.DictReader(handle)
        ]


def load() -> list[str]:
    """Create what is missing; never touch what exists. Returns a report, one line per record."""
    report = []
    brands = {}
    for data in BRANDS:
        brand, created = Brand.objects.get_or_create(
            slug=data["slug"],
            defaults={"name": data["name"], "chart_source": data["chart_source"]},
        )
        brands[brand.slug] = brand
        if created:
            rows = read_chart(data["chart"])
            SizeChartRow.objects.bulk_create(SizeChartRow(brand=brand, **row) for row in rows)
            report.append(f"brand {brand.name}: created with a {len(rows)}-row size chart")
        else:
            report.append(f"brand {brand.name}: found")

    for data in [KAYANO, *REFERENCE_SHOES]:
        fields = {
            key: value for key, value in data.items() if key not in {"slug", "brand", "comparisons"}
        }
        shoe, created = Shoe.objects.get_or_create(
            slug=data["slug"], defaults={"brand": brands[data["brand"]], **fields}
        )
        if created:
            for condition, offset_min, offset_max, explanation in data.get("comparisons", []):
                Comparison.objects.create(
                    shoe=shoe,
                    condition=condition,
                    offset_min=offset_min,
                    offset_max=offset_max,
                    explanation=explanation,
                )
        report.append(f"shoe {shoe}: {'created' if created else 'found'}")

    for width, offset, explanation in WIDTH_RULES:
        rule, created = WidthRule.objects.get_or_create(
            width=width, defaults={"offset": offset, "explanation": explanation}
        )
        report.append(f"width rule {rule}: {'created' if created else 'found'}")
    return report
