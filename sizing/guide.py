"""The sizing guide as plain data, read from the database once per change.

With a cache shared by every process (Redis), `current_guide()` costs no query while
nothing changes: the guide is kept for the current content generation
(performance.pagecache), which every save of a sizing record moves on. With a
per-process cache it costs one small query: a fingerprint (row count and latest
change of every sizing table), and the guide is rebuilt when the fingerprint moves.
Either way an editor's change is seen at once by every process.
"""

import threading

from django.db import connection

from performance.pagecache import GenerationMemo, shared_cache
from sizing.choices import Condition, Width
from sizing.engine import BrandChart, Guide, ReferenceShoe, Rule, TargetShoe, WidthRule
from sizing.models import Brand, Comparison, Shoe, SizeChartRow
from sizing.models import WidthRule as WidthRuleModel

_MODELS = (Brand, SizeChartRow, Shoe, Comparison, WidthRuleModel)
_lock = threading.Lock()
_cached: tuple[tuple, Guide] | None = None


def _fingerprint() -> tuple:
    quote = connection.ops.quote_name
    sql = " UNION ALL ".join(
        f"SELECT {index}, COUNT(*), MAX({quote('updated_at')}) FROM {quote(model._meta.db_table)}"
        for index, model in enumerate(_MODELS)
    )
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return tuple(sorted(cursor.fetchall()))


def build_guide() -> Guide:
    """Read every chart, shoe and rule from the database into a Guide."""
    brands = list(Brand.objects.prefetch_related("chart_rows"))
    charts = {
        brand.pk: tuple(row.as_chart_row() for row in brand.chart_rows.all()) for brand in brands
    }
    shoes = list(Shoe.objects.select_related("brand").prefetch_related("comparisons"))
    target = next((shoe for shoe in shoes if shoe.is_target), None)
    return Guide(
        target=target
        and TargetShoe(
            name=str(target),
            fit=target.get_fit_display(),
            fit_notes=target.fit_notes,
            toe_box_mm=target.toe_box_mm,
            weight_min_g=target.weight_min_g,
            weight_max_g=target.weight_max_g,
            stretch_notes=target.stretch_notes,
            chart=charts[target.brand_id],
        ),
        shoes=tuple(
            ReferenceShoe(
                slug=shoe.slug,
                name=str(shoe),
                brand=shoe.brand.name,
                fit=shoe.get_fit_display(),
                fit_notes=shoe.fit_notes,
                widths=shoe.widths,
                chart=charts[shoe.brand_id],
                rules=tuple(
                    Rule(
                        condition=Condition(comparison.condition),
                        offset_min=comparison.offset_min,
                        offset_max=comparison.offset_max,
                        explanation=comparison.explanation,
                    )
                    for comparison in shoe.comparisons.all()
                ),
            )
            for shoe in shoes
            if not shoe.is_target and charts[shoe.brand_id]
        ),
        width_rules=tuple(
            WidthRule(width=Width(rule.width), offset=rule.offset, explanation=rule.explanation)
            for rule in WidthRuleModel.objects.all()
        ),
        charts=tuple(
            BrandChart(brand=brand.name, source=brand.chart_source, rows=charts[brand.pk])
            for brand in brands
            if charts[brand.pk]
        ),
    )


def _guide_by_fingerprint() -> Guide:
    global _cached
    fingerprint = _fingerprint()
    cached = _cached
    if cached is not None and cached[0] == fingerprint:
        return cached[1]
    with _lock:
        guide = build_guide()
        _cached = (fingerprint, guide)
    return guide


_by_generation = GenerationMemo(build_guide)


def current_guide() -> Guide:
    """The guide as the database holds it now; rebuilt only after a change."""
    if shared_cache():
        return _by_generation.get()
    return _guide_by_fingerprint()
