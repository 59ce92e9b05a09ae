import pytest

from sizing.guide import current_guide
from sizing.models import Shoe, WidthRule
from tests.factories import ShoeFactory, SizeChartRowFactory

pytestmark = pytest.mark.django_db


def test_guide_is_read_once_while_nothing_changes(demo_content, django_assert_num_queries):
    first = current_guide()
    with django_assert_num_queries(0):
        assert current_guide() == first


def edit_wide_rule(explanation):
    rule = WidthRule.objects.get(width="wide")
    rule.explanation = explanation
    rule.save()


@pytest.mark.parametrize(
    "change",
    [
        lambda: edit_wide_rule("Go up half a size only with truly wide feet."),
        lambda: WidthRule.objects.get(width="wide").delete(),
        lambda: ShoeFactory(brand=Shoe.objects.get(slug="nike-dunk").brand),
    ],
    ids=["edit", "delete", "add"],
)
def test_guide_is_rebuilt_after_a_change(demo_content, change):
    first = current_guide()
    change()
    assert current_guide() != first


def test_guide_holds_plain_data_read_from_the_database(db):
    target = ShoeFactory(is_target=True)
    SizeChartRowFactory.create_batch(3, brand=target.brand)
    reference = ShoeFactory(brand=target.brand, model="Other")
    guide = current_guide()
    assert guide.target.name == str(target)
    assert [shoe.slug for shoe in guide.shoes] == [reference.slug]
    assert len(guide.target.chart) == 3
    assert guide.is_ready
