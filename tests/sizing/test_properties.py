"""Properties of the engine over every valid input of the demo guide."""

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sizing.choices import System, Width
from sizing.engine import recommend, valid_sizes

pytestmark = pytest.mark.django_db

WIDTH_ORDER = [Width.NARROW, Width.REGULAR, Width.WIDE]


@st.composite
def finder_inputs(draw, guide):
    shoe = draw(st.sampled_from(guide.shoes))
    system = draw(st.sampled_from(list(System)))
    sizes = valid_sizes(chart=shoe.chart, system=system)
    if system == System.CM:
        tenths = draw(st.integers(int(sizes[0] * 10), int(sizes[-1] * 10)))
        size = Decimal(tenths) / 10
    else:
        size = draw(st.sampled_from(sizes))
    return {
        "shoe": shoe,
        "size": size,
        "system": system,
        "width": draw(st.sampled_from(WIDTH_ORDER)),
        "sized_down": draw(st.booleans()),
        "bought_wide": draw(st.booleans()),
    }


def run(guide, **inputs):
    return recommend(target=guide.target, width_rules=guide.width_rules_by_width, **inputs)


def test_every_valid_input_gives_sizes_from_the_kayano_chart(demo_guide):
    @settings(max_examples=300, deadline=None)
    @given(finder_inputs(demo_guide))
    def check(inputs):
        recommendation = run(demo_guide, **inputs)
        assert 0 <= len(recommendation.sizes) <= 2
        assert all(size in demo_guide.target.chart for size in recommendation.sizes)
        assert recommendation.reasons

    check()


def test_a_bigger_input_never_gives_a_smaller_size(demo_guide):
    @settings(max_examples=300, deadline=None)
    @given(finder_inputs(demo_guide), st.data())
    def check(inputs, data):
        sizes = valid_sizes(chart=inputs["shoe"].chart, system=inputs["system"])
        bigger = data.draw(st.sampled_from([size for size in sizes if size >= inputs["size"]]))
        small = run(demo_guide, **inputs).sizes
        large = run(demo_guide, **{**inputs, "size": bigger}).sizes
        if small and large:
            assert large[0].us_men >= small[0].us_men
            assert large[-1].us_men >= small[-1].us_men
        if not small and inputs["size"] > sizes[0]:
            assert not large

    check()


def test_wide_feet_never_get_a_smaller_size_than_regular_or_narrow(demo_guide):
    @settings(max_examples=300, deadline=None)
    @given(finder_inputs(demo_guide))
    def check(inputs):
        by_width = [run(demo_guide, **{**inputs, "width": width}).sizes for width in WIDTH_ORDER]
        for narrower, wider in zip(by_width, by_width[1:], strict=False):
            if narrower and wider:
                assert wider[0].us_men >= narrower[0].us_men
                assert wider[-1].us_men >= narrower[-1].us_men

    check()
