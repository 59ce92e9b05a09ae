"""The colorway illustration: regions filled from a palette, safe markup, a PNG of it."""

import io

import pytest
from lxml import etree
from PIL import Image

from colorways.illustration import (
    REGION_NAMES,
    REGIONS,
    VIEW_HEIGHT,
    VIEW_WIDTH,
    default_fills,
    fills_for,
    render_png,
    render_svg,
)

SVG = "{http://www.w3.org/2000/svg}"

WHITE, SILVER, BLACK = "#F5F5F2", "#B8BCC4", "#161616"
CREAM, ANTLER = "#EFE6D2", "#8C7A62"
RED, BLUE = "#B3262E", "#1F3F99"
ORANGE, YELLOW, PURPLE, GREEN, PINK = "#F26B1D", "#F5C518", "#6A3FA0", "#3AA57A", "#F4A6C0"

# One distinct colour per region, to see each one land where it belongs.
DISTINCT = {name: f"#{10 * i:02X}{20 * i:02X}{30 + i:02X}" for i, name in enumerate(REGION_NAMES)}


def parse(svg: str) -> etree._Element:
    return etree.fromstring(svg.encode())


def region_groups(root: etree._Element) -> dict[str, list[etree._Element]]:
    groups: dict[str, list[etree._Element]] = {}
    for group in root.iter(f"{SVG}g"):
        groups.setdefault(group.get("data-region"), []).append(group)
    return groups


def test_regions_are_the_eleven_panels_with_labels_for_editors():
    assert REGION_NAMES == (
        "mesh_base",
        "overlays",
        "stripes",
        "toe_overlay",
        "heel_overlay",
        "heel_counter",
        "collar",
        "laces",
        "midsole",
        "gel_window",
        "outsole",
    )
    assert all(name.isidentifier() and label for name, label in REGIONS)


def test_every_region_is_drawn_once_in_its_own_group_with_the_fill_given():
    groups = region_groups(parse(render_svg(fills=DISTINCT, title="Test")))

    assert set(groups) == set(REGION_NAMES)
    for name, fill in DISTINCT.items():
        (group,) = groups[name]
        assert group.get("fill") == fill
        assert len(group) > 0


@pytest.mark.parametrize(
    ("palette", "expected"),
    [
        (
            [BLACK],
            {
                **dict.fromkeys(
                    [
                        "mesh_base",
                        "collar",
                        "laces",
                        "overlays",
                        "toe_overlay",
                        "heel_overlay",
                        "stripes",
                        "heel_counter",
                        "gel_window",
                        "outsole",
                    ],
                    BLACK,
                ),
                "midsole": "#FFFFFF",
            },
        ),
        (
            [CREAM, ANTLER],
            {
                **dict.fromkeys(["mesh_base", "collar", "laces"], CREAM),
                **dict.fromkeys(
                    [
                        "overlays",
                        "toe_overlay",
                        "heel_overlay",
                        "stripes",
                        "heel_counter",
                        "gel_window",
                    ],
                    ANTLER,
                ),
                "midsole": CREAM,
                "outsole": "#54493B",
            },
        ),
        (
            [WHITE, SILVER, BLACK],
            {
                **dict.fromkeys(["mesh_base", "collar", "laces", "midsole"], WHITE),
                **dict.fromkeys(["overlays", "toe_overlay", "heel_overlay"], SILVER),
                **dict.fromkeys(["stripes", "heel_counter", "gel_window", "outsole"], BLACK),
            },
        ),
        (
            [ORANGE, YELLOW, PURPLE, GREEN, PINK],
            {
                **dict.fromkeys(["mesh_base", "collar", "laces"], ORANGE),
                **dict.fromkeys(["overlays", "toe_overlay", "heel_overlay"], YELLOW),
                "stripes": PURPLE,
                "heel_counter": GREEN,
                "gel_window": PINK,
                "midsole": "#FFFFFF",
                "outsole": "#402660",
            },
        ),
    ],
    ids=["one colour", "two colours", "three colours", "five colours"],
)
def test_defaults_follow_the_palette_order(palette, expected):
    assert default_fills(palette=palette) == expected


@pytest.mark.parametrize(
    ("palette", "midsole", "outsole"),
    [
        ([RED, BLUE], "#FFFFFF", BLUE),
        (["#F4F4F2", "#C0C0C0"], "#F4F4F2", "#737373"),
        ([BLACK, WHITE, CREAM], WHITE, BLACK),
        (["#B9B4AA", PINK], "#FFFFFF", "#6F6C66"),
    ],
    ids=["no light neutral", "light neutral", "lightest neutral", "grey too dark"],
)
def test_midsole_is_the_lightest_neutral_or_white_and_outsole_the_darkest_tone(
    palette, midsole, outsole
):
    fills = default_fills(palette=palette)
    assert (fills["midsole"], fills["outsole"]) == (midsole, outsole)


@pytest.mark.parametrize(
    ("assignments", "changed"),
    [
        (None, {}),
        ({}, {}),
        ({"midsole": 2, "stripes": 0}, {"midsole": BLACK, "stripes": WHITE}),
        ({"laces": 1, "outsole": 1}, {"laces": SILVER, "outsole": SILVER}),
        ({"overlays": 3}, {}),
        ({"overlays": -1}, {}),
        ({"overlays": True}, {}),
        ({"tongue": 2}, {}),
    ],
    ids=[
        "none",
        "empty",
        "two regions",
        "derived regions",
        "past the end",
        "negative",
        "not a number",
        "not a region",
    ],
)
def test_assignments_override_the_defaults_and_out_of_range_ones_are_ignored(assignments, changed):
    palette = [WHITE, SILVER, BLACK]
    fills = fills_for(palette=palette, assignments=assignments)
    assert fills == {**default_fills(palette=palette), **changed}


@pytest.mark.parametrize(
    "colour",
    ["#FFF", "red", "#GGGGGG", "#1234567", "C0C0C0", " #C0C0C0", "#C0C0C0\n", '#C0C0C0" x="', ""],
)
def test_colours_not_written_rrggbb_are_refused(colour):
    with pytest.raises(ValueError):
        render_svg(fills={**DISTINCT, "stripes": colour}, title="Test")
    with pytest.raises(ValueError):
        default_fills(palette=[WHITE, colour])
    with pytest.raises(ValueError):
        fills_for(palette=[colour], assignments=None)


def test_a_missing_region_and_an_empty_palette_are_refused():
    with pytest.raises(ValueError, match="gel_window"):
        render_svg(fills={k: v for k, v in DISTINCT.items() if k != "gel_window"}, title="T")
    with pytest.raises(ValueError):
        default_fills(palette=[])


def test_the_title_is_escaped_and_names_the_image():
    title = '</title><script>alert(1)</script> "Cream" & <Antler>'
    svg = render_svg(fills=DISTINCT, title=title)
    root = parse(svg)

    assert "<script" not in svg
    assert root.get("role") == "img"
    assert root.get("aria-label") == title
    assert root.find(f"{SVG}title").text == title


def test_markup_is_self_contained_and_can_be_repeated_on_a_page():
    svg = render_svg(fills=DISTINCT, title="Test")
    root = parse(svg)
    elements = list(root.iter())

    assert root.get("viewBox") == f"0 0 {VIEW_WIDTH} {VIEW_HEIGHT}"
    assert not [e for e in elements if e.get("id") is not None]
    assert not [e for e in elements if e.tag in {f"{SVG}script", f"{SVG}style", f"{SVG}image"}]
    assert not [e for e in elements for name in e.attrib if name.endswith("href")]
    assert not [e for e in elements for name in e.attrib if name.startswith("on")]
    assert not [e for e in elements if e.get("style") is not None]
    assert "url(" not in svg


@pytest.mark.parametrize(
    ("width", "size"),
    [(None, (None, None)), (320, ("320", "138")), (1200, ("1200", "516"))],
)
def test_a_width_fixes_the_size_at_the_drawing_aspect_ratio(width, size):
    root = parse(render_svg(fills=DISTINCT, title="Test", width=width))
    assert (root.get("width"), root.get("height")) == size


@pytest.mark.parametrize("width", [0, -320])
def test_a_width_below_one_pixel_is_refused(width):
    with pytest.raises(ValueError):
        render_svg(fills=DISTINCT, title="Test", width=width)


@pytest.mark.parametrize(
    ("width", "height", "size"),
    [(320, None, (320, 138)), (1200, 630, (1200, 630)), (600, 600, (600, 600))],
)
def test_png_has_the_requested_size(width, height, size):
    svg = render_svg(fills=default_fills(palette=[CREAM, ANTLER]), title="Cream/Antler")
    image = Image.open(io.BytesIO(render_png(svg=svg, width=width, height=height)))

    assert image.format == "PNG"
    assert image.size == size
