"""A side profile of the Gel-Kayano 14, drawn once and filled from a colorway's palette.

The drawing is the lateral side of a right shoe, toe pointing right, split into the
named regions of `REGIONS`. Each region takes one fill; its outlines, stitching, mesh
holes and shadows are tones of that fill, so any palette keeps its depth without
gradients.
"""

import functools
import hashlib
import html
import re
from collections.abc import Mapping, Sequence
from pathlib import Path

REGIONS: tuple[tuple[str, str], ...] = (
    ("mesh_base", "Mesh base"),
    ("overlays", "Upper overlays"),
    ("stripes", "ASICS stripes"),
    ("toe_overlay", "Toe overlay"),
    ("heel_overlay", "Heel overlay"),
    ("heel_counter", "Heel counter"),
    ("collar", "Collar and lining"),
    ("laces", "Laces"),
    ("midsole", "Midsole"),
    ("gel_window", "GEL window"),
    ("outsole", "Outsole"),
)
REGION_NAMES: tuple[str, ...] = tuple(name for name, _ in REGIONS)

# The drawing's own coordinates: about 2.3 times as wide as high.
VIEW_WIDTH = 1000
VIEW_HEIGHT = 430

WHITE = "#FFFFFF"
BLACK = "#000000"
_HEX = re.compile(r"#[0-9A-Fa-f]{6}")

# Palette positions each region takes its default from, the first one the palette has.
_DEFAULT_POSITIONS: dict[str, tuple[int, ...]] = {
    "mesh_base": (0,),
    "collar": (0,),
    "laces": (0,),
    "overlays": (1, 0),
    "toe_overlay": (1, 0),
    "heel_overlay": (1, 0),
    "stripes": (2, 1, 0),
    "heel_counter": (3, 2, 1, 0),
    "gel_window": (4, 2, 1, 0),
}


def default_fills(*, palette: Sequence[str]) -> dict[str, str]:
    """The fill of every region of `REGIONS` for a palette in its editorial order.

    The first colour is the base: mesh, collar and laces. The second is the overlays:
    upper, toe and heel overlays. The third is the accent: stripes, heel counter and
    GEL window; a fourth colour moves to the heel counter and a fifth to the GEL
    window. A region whose colour the palette lacks takes the nearest one before it,
    so a single colour fills the whole upper.

    The midsole is the lightest palette colour that is a light neutral (luminance at
    least 0.6, channels within 20% of each other), or white when there is none. The
    outsole is the darkest palette colour, darkened by 40% towards black unless it is
    already dark (luminance at most 0.08).

    Raises ValueError for an empty palette or a colour not written #RRGGBB.
    """
    colours = [_checked(colour) for colour in palette]
    if not colours:
        raise ValueError("A palette needs at least one colour.")
    fills = {
        region: colours[next(i for i in positions if i < len(colours))]
        for region, positions in _DEFAULT_POSITIONS.items()
    }
    neutrals = [c for c in colours if _luminance(c) >= 0.6 and _chroma(c) <= 0.2]
    fills["midsole"] = max(neutrals, key=_luminance) if neutrals else WHITE
    darkest = min(colours, key=_luminance)
    fills["outsole"] = darkest if _luminance(darkest) <= 0.08 else _mix(darkest, BLACK, 0.4)
    return {name: fills[name] for name in REGION_NAMES}


def fills_for(*, palette: Sequence[str], assignments: Mapping[str, int] | None) -> dict[str, str]:
    """The fill of every region: an editor's palette position per region over the defaults.

    `assignments` maps region names to 0-based positions in `palette`. A position
    outside the palette (after a colour was removed, say) or a name that is no region
    is ignored, and that region keeps its `default_fills` colour.

    Raises ValueError for an empty palette or a colour not written #RRGGBB.
    """
    fills = default_fills(palette=palette)
    for region, position in (assignments or {}).items():
        in_range = isinstance(position, int) and 0 <= position < len(palette)
        if region in fills and in_range and not isinstance(position, bool):
            fills[region] = palette[position]
    return fills


def render_svg(*, fills: Mapping[str, str], title: str, width: int | None = None) -> str:
    """The drawing as SVG markup, each region filled from `fills`.

    `fills` maps every name of `REGIONS` to a colour written #RRGGBB; other keys are
    ignored. `title` is escaped and becomes the accessible name. Without `width` the
    drawing scales to its container; with it, it is `width` pixels wide at its own
    aspect ratio (`VIEW_WIDTH` to `VIEW_HEIGHT`).

    The markup has no ids, scripts, styles or external references, so any number of
    drawings can share a page; the shapes of each region are grouped in
    `<g data-region="<name>">`.

    Raises ValueError for a missing region, a colour not written #RRGGBB or a width
    below 1.
    """
    missing = [name for name in REGION_NAMES if name not in fills]
    if missing:
        raise ValueError(f"No fill for {', '.join(missing)}.")
    colours = {name: _checked(fills[name]) for name in REGION_NAMES}
    size = ""
    if width is not None:
        if width < 1:
            raise ValueError(f"A drawing is at least 1 pixel wide, not {width}.")
        size = f' width="{width}" height="{round(width * VIEW_HEIGHT / VIEW_WIDTH)}"'
    label = html.escape(title)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {VIEW_WIDTH} {VIEW_HEIGHT}"'
        f'{size} role="img" aria-label="{label}"><title>{label}</title>'
        '<ellipse cx="508" cy="405" rx="468" ry="14" fill="#000000" fill-opacity="0.07"/>'
        '<ellipse cx="508" cy="404" rx="420" ry="8" fill="#000000" fill-opacity="0.09"/>'
    ]
    for region, shapes in _DRAWING:
        fill = colours[region]
        parts.append(
            f'<g data-region="{region}" fill="{fill}" stroke="{_tone(fill, 0.38)}" '
            'stroke-width="2.4" stroke-linejoin="round" stroke-linecap="round">'
        )
        parts.extend(_element(paint, path, fill) for paint, path in shapes)
        parts.append("</g>")
    parts.append("</svg>")
    return "".join(parts)


def version(*, fills: Mapping[str, str], title: str) -> str:
    """A short digest of what `render_svg` draws from `fills` and `title`, and of the
    drawing itself: the drawing's address carries it, so a changed palette, name or
    drawing is a new address and any cache may keep each address for good."""
    parts = [f"{name}={fills.get(name, '')}" for name in REGION_NAMES]
    text = "\n".join([_drawing_digest(), *parts, title])
    return hashlib.sha256(text.encode()).hexdigest()[:12]


@functools.cache
def _drawing_digest() -> str:
    """This module's own digest: a change to the drawing is a change to this file."""
    return hashlib.sha256(Path(__file__).read_bytes()).hexdigest()


def render_png(*, svg: str, width: int, height: int | None = None) -> bytes:
    """The SVG markup `svg` (from `render_svg`) rasterised as a PNG `width` pixels wide.

    Without `height` the image keeps the drawing's aspect ratio. With it, the image
    is `width` x `height` and the drawing is scaled to fit and centred on a
    transparent background. Nothing outside the markup is ever fetched.
    """
    # Imported here so that pages, which only need the SVG, never load Cairo.
    import cairosvg

    return cairosvg.svg2png(bytestring=svg.encode(), output_width=width, output_height=height)


def _checked(colour: str) -> str:
    if not isinstance(colour, str) or not _HEX.fullmatch(colour):
        raise ValueError(f"Not a colour written #RRGGBB: {colour!r}")
    return colour


def _rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def _mix(colour: str, other: str, amount: float) -> str:
    """`colour` moved `amount` (0 to 1) of the way towards `other`."""
    channels = (a + (b - a) * amount for a, b in zip(_rgb(colour), _rgb(other), strict=True))
    return "#" + "".join(f"{round(c):02X}" for c in channels)


def _luminance(colour: str) -> float:
    """WCAG relative luminance: 0 for black, 1 for white."""

    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in _rgb(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _chroma(colour: str) -> float:
    channels = _rgb(colour)
    return (max(channels) - min(channels)) / 255


def _tone(colour: str, amount: float) -> str:
    """A shade that stands apart from `colour`: darker, or lighter for a colour so dark
    that a darker shade would not show."""
    if _luminance(colour) < 0.03:
        return _mix(colour, WHITE, amount * 1.3)
    return _mix(colour, BLACK, amount)


def _element(paint: str, path: str, fill: str) -> str:
    if paint == "fill":
        return f'<path d="{path}" fill-rule="evenodd"/>'
    if paint == "shade":
        return f'<path d="{path}" fill="{_tone(fill, 0.12)}"/>'
    if paint == "band":
        return f'<path d="{path}" fill="{_tone(fill, 0.24)}"/>'
    if paint == "drop":
        return (
            f'<path d="{path}" fill="{_tone(fill, 0.3)}" stroke="none" transform="translate(2 4)"/>'
        )
    if paint == "line":
        return f'<path d="{path}" fill="none"/>'
    if paint == "stitch":
        return f'<path d="{path}" fill="none" stroke-width="1.3" stroke-dasharray="5 4"/>'
    if paint == "gloss":
        return f'<path d="{path}" fill="none" stroke="{_mix(fill, WHITE, 0.45)}" stroke-width="3"/>'
    if paint == "dots":
        return (
            f'<path d="{path}" fill="none" stroke="{_tone(fill, 0.14)}" stroke-width="3.2" '
            'stroke-dasharray="0 9"/>'
        )
    if paint == "cord":
        return (
            f'<path d="{path}" fill="none" stroke-width="12"/>'
            f'<path d="{path}" fill="none" stroke="{fill}" stroke-width="7"/>'
        )
    raise ValueError(f"Unknown paint {paint!r}")


# The drawing, back to front, as (region, shapes); each shape is (paint, path data).
# "fill" takes the region's colour, "shade" a tone of it, "band" a deeper one (the lower
# layer of the two-tone midsole), "drop" a tone of it set off down and right as the
# shadow of the shape that follows, "gloss" a light sheen line, "line" an outline,
# "stitch" a dashed one, "dots" mesh holes and "cord" a lace.
# Lower edges run on under the midsole and upper edges under the collar, which are
# drawn later and hide them.
_UPPER_BACK = "M88 320 C68 292 56 244 60 200 C63 160 70 116 74 92 C76 84 80 78 88 74"
_COLLAR_LINE = "C120 68 160 80 196 100 C228 118 262 136 292 134 C322 130 342 110 356 90 L366 86"
_LACE_LINE = "C470 96 590 136 700 192"
_EYELETS = ((411, 92), (458, 102), (506, 114), (555, 130), (604, 148), (652, 169))
_BLADES = (
    "M846 300 C740 260 600 196 452 156 C520 206 560 262 576 345 L846 345 Z",
    "M856 316 C770 290 650 246 540 212 C590 250 626 296 642 345 L856 345 Z",
    "M850 334 C780 318 700 294 624 270 C664 298 690 324 700 345 L850 345 Z",
)
_EYESTAY = (
    "M352 110 C358 100 362 92 366 86 " + _LACE_LINE + " C720 202 742 208 780 214 "
    "C730 226 680 224 640 214 C580 198 520 176 470 162 C420 150 380 140 350 134 Z"
)
_TOE_CAP = (
    "M958 330 C958 288 936 256 892 240 C868 250 846 266 826 288 "
    "C780 300 720 314 650 326 L650 345 L958 345 Z"
)
_HEEL_FLASH = "M70 186 C120 160 190 150 262 160 C200 168 130 186 76 222 Z"
_STRIPES = (
    "M252 330 C274 260 378 190 548 166 L570 200 C426 222 334 276 316 330 Z",
    "M532 330 C512 266 460 188 388 124 L350 146 C412 200 452 276 468 330 Z",
)
_STRIPE_DIVIDERS = (
    "M284 330 C303 270 398 208 558 185",
    "M500 330 C481 270 436 196 369 136",
)
# The external heel clutch, with two openings that show the heel overlay underneath.
_HEEL_COUNTER = (
    "M88 330 C68 292 56 244 60 200 C63 168 68 150 72 138 C76 128 90 128 96 138 "
    "C130 216 194 270 286 304 L286 330 Z "
    "M84 190 C80 226 84 260 92 290 L172 290 C134 262 106 228 84 190 Z "
    "M116 204 C140 242 172 268 212 288 L238 288 C196 266 156 240 116 204 Z"
)
_MESH_ROWS = tuple(
    f"M{x0} {y0} C{x0 + 80} {y0 + 6} {x1 - 80} {y1 - 16} {x1} {y1}"
    for x0, y0, x1, y1 in ((700, 206, 904, 258), (690, 222, 890, 272), (680, 238, 876, 284))
) + tuple(f"M240 {y} C320 {y + 10} 440 {y + 36} 540 {y + 70}" for y in range(176, 249, 18))
_TREAD = " ".join(f"M{x} 402 L{x + 7} 394" for x in range(150, 770, 22))

_DRAWING: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    (
        "mesh_base",
        (
            (
                "fill",
                "M326 130 C330 96 338 64 350 44 C368 34 404 38 422 50 C428 64 428 92 424 130 Z",
            ),
            ("stitch", "M338 118 C342 92 348 66 358 54 C372 46 400 48 414 58"),
            ("shade", "M364 62 L398 66 C402 66 404 68 404 72 L402 84 L362 80 L362 66 Z"),
            (
                "fill",
                f"{_UPPER_BACK} {_COLLAR_LINE} {_LACE_LINE} "
                "C770 214 840 222 892 240 C936 256 960 286 958 316 L958 345 L88 345 Z",
            ),
            *(("dots", row) for row in _MESH_ROWS),
        ),
    ),
    (
        "heel_overlay",
        (
            (
                "fill",
                f"{_UPPER_BACK} C120 68 160 80 196 100 L236 146 "
                "C250 190 280 214 334 228 C300 236 284 250 280 270 C276 300 284 326 294 345 "
                "L88 345 Z",
            ),
            ("stitch", "M226 150 C238 194 262 218 302 232"),
            ("drop", _HEEL_FLASH),
            ("fill", _HEEL_FLASH),
        ),
    ),
    (
        "overlays",
        (
            *(shape for blade in _BLADES for shape in (("drop", blade), ("fill", blade))),
            (
                "gloss",
                "M818 294 C730 260 604 206 486 172 M828 313 C760 292 664 258 572 228 "
                "M824 333 C772 320 712 303 654 285",
            ),
            ("drop", _EYESTAY),
            ("fill", _EYESTAY),
            (
                "stitch",
                "M764 210 C730 218 690 216 652 208 C590 192 520 170 460 156 "
                "C420 146 380 138 356 134",
            ),
            *(
                ("shade", f"M{x - 2} {y + 22} a5 5 0 1 0 10 0 a5 5 0 1 0 -10 0 Z")
                for x, y in _EYELETS
            ),
        ),
    ),
    (
        "toe_overlay",
        (
            ("drop", _TOE_CAP),
            ("fill", _TOE_CAP),
            ("stitch", "M904 254 C880 262 860 276 838 298 C790 310 730 322 670 330"),
            ("gloss", "M930 280 C942 294 946 308 946 324"),
        ),
    ),
    (
        "stripes",
        tuple(
            shape
            for stripe, divider in zip(_STRIPES, _STRIPE_DIVIDERS, strict=True)
            for shape in (("drop", stripe), ("fill", stripe), ("line", divider))
        ),
    ),
    ("heel_counter", (("drop", _HEEL_COUNTER), ("fill", _HEEL_COUNTER))),
    (
        "outsole",
        (
            (
                "fill",
                "M58 340 C56 378 82 402 126 402 L760 402 C860 402 920 384 950 360 "
                "C962 350 966 340 964 330 L58 330 Z",
            ),
            ("line", _TREAD),
            ("line", "M810 399 L811 392 M846 394 L844 387 M880 385 L876 378 M910 373 L904 366"),
        ),
    ),
    (
        "midsole",
        (
            (
                "fill",
                "M58 266 C110 256 180 258 230 276 C270 290 294 318 332 318 "
                "C374 318 396 288 438 288 C482 288 506 320 548 322 C588 324 606 304 642 304 "
                "C686 304 708 330 756 330 C822 330 880 322 914 316 C940 312 958 312 962 322 "
                "C966 334 962 342 954 348 C916 364 860 386 770 386 L128 386 "
                "C90 386 62 372 56 348 C50 322 52 292 58 266 Z",
            ),
            (
                "band",
                "M54 336 C100 326 170 324 230 338 C290 352 340 352 400 346 "
                "C480 338 540 352 620 360 C700 368 800 374 880 376 C850 384 810 386 770 386 "
                "L128 386 C90 386 62 372 56 348 Z",
            ),
            ("line", "M276 300 C330 334 410 322 460 326 C560 334 660 344 770 346"),
        ),
    ),
    (
        "gel_window",
        (
            (
                "fill",
                "M102 296 C140 286 200 284 242 288 C256 290 260 300 254 312 "
                "C246 326 232 332 212 334 L122 336 C104 336 98 328 98 314 Z",
            ),
            (
                "line",
                "M130 298 C126 310 126 322 132 332 M166 294 C162 308 162 320 168 332 "
                "M202 292 C198 306 198 318 204 330",
            ),
            (
                "fill",
                "M624 330 C654 322 698 322 726 326 C736 328 736 338 728 342 "
                "C698 348 654 348 626 344 C616 342 616 332 624 330 Z",
            ),
            ("line", "M654 326 C652 334 652 340 656 346 M686 325 C684 333 684 340 688 346"),
        ),
    ),
    (
        "collar",
        (
            (
                "shade",
                "M92 72 C180 80 270 96 350 100 L356 104 C340 124 318 146 292 148 "
                "C262 150 228 132 196 114 C160 92 120 82 92 86 Z",
            ),
            (
                "fill",
                f"M66 140 C68 124 72 104 74 92 C76 84 80 78 88 74 {_COLLAR_LINE} "
                "C372 94 374 108 368 120 C336 152 300 166 262 168 C226 168 196 152 166 134 "
                "C132 114 100 112 66 140 Z",
            ),
            (
                "stitch",
                "M82 122 C106 106 136 110 166 126 C200 146 230 158 262 158 "
                "C300 156 330 142 358 114",
            ),
        ),
    ),
    ("laces", tuple(("cord", f"M{x + 3} {y + 20} L{x + 15} {y - 2}") for x, y in _EYELETS)),
)
