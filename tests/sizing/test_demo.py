from decimal import Decimal

import pytest

from sizing import demo
from sizing.models import Brand, Comparison, Shoe, SizeChartRow, WidthRule

pytestmark = pytest.mark.django_db


def test_demo_loads_the_asics_chart_from_the_facts():
    demo.load()
    asics = Brand.objects.get(slug="asics")
    assert asics.chart_rows.count() == 21
    assert "secondary sources" in asics.chart_source
    assert asics.chart_rows.filter(us_men=Decimal("7"), cm=Decimal("25.25")).exists()
    assert asics.chart_rows.filter(us_men=Decimal("10.5"), cm=Decimal("28.25")).exists()


def test_demo_nike_and_new_balance_charts_say_where_they_come_from():
    demo.load()
    for slug in ("nike", "new-balance"):
        assert "public" in Brand.objects.get(slug=slug).chart_source.casefold()


def test_demo_has_exactly_one_target_with_its_measurements():
    demo.load()
    target = Shoe.objects.get(is_target=True)
    assert target.toe_box_mm == Decimal("100.3")
    assert (target.weight_min_g, target.weight_max_g) == (335, 368)


def test_demo_is_idempotent_and_keeps_editors_changes():
    demo.load()
    counts = [model.objects.count() for model in (Brand, SizeChartRow, Shoe, Comparison, WidthRule)]
    WidthRule.objects.filter(width="wide").update(explanation="Edited by an editor.")
    report = demo.load()
    assert [m.objects.count() for m in (Brand, SizeChartRow, Shoe, Comparison, WidthRule)] == counts
    assert WidthRule.objects.get(width="wide").explanation == "Edited by an editor."
    assert "width rule Wide feet: found, changed by an editor, left as it is" in report
    assert all(line.endswith(": found") for line in report if "Wide feet" not in line)
