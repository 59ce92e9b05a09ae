"""The sizing guide as plain data, read from the database once per content generation
(every save of a sizing record starts a new one)."""

from caching.fragments import kept
from sizing.choices import Condition, Width
from sizing.engine import BrandChart, Guide, ReferenceShoe, Rule, TargetShoe, WidthRule
from sizing.models import Brand, Shoe
from sizing.models import WidthRule as WidthRuleModel


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


def current_guide() -> Guide:
    """The guide as the database holds it now, kept for the content generation."""
    return kept("sizing-guide", None, build_guide)
