"""The colorway admin's drawing editor: which palette colour fills each region of the
illustration, the drawing as it will appear, and the preview that redraws it."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.forms.models import BaseInlineFormSet
from django.template.loader import render_to_string
from django.urls import reverse

from colorways import illustration
from colorways.models import MAX_PALETTE_COLOURS, Colorway, PaletteColour
from colorways.seo import BLANK_PALETTE, drawing_fills

REGION_LABELS = dict(illustration.REGIONS)
HEX = re.compile(r"#[0-9A-Fa-f]{6}")


def regions_in_palette(assignments, *, colours: int) -> dict[str, int]:
    """The assignments of `assignments` that name a region and a position among the
    first `colours` palette colours."""
    if not isinstance(assignments, dict):
        return {}
    return {
        region: position
        for region, position in assignments.items()
        if region in REGION_LABELS
        and isinstance(position, int)
        and not isinstance(position, bool)
        and 0 <= position < colours
    }


class DrawingRegionsWidget(forms.Widget):
    """One select per region of the drawing (`<name>_<region>`), each offering the
    palette's colours or the default, beside the drawing as it will appear."""

    template_name = "admin/colorways/colorway/drawing_regions.html"

    def __init__(self, attrs=None):
        super().__init__(attrs)
        self.palette: list[PaletteColour] = []
        self.title = "The drawing"
        self.fills: dict[str, str] | None = None

    def value_from_datadict(self, data, files, name):
        return {region: data.get(f"{name}_{region}", "") for region in illustration.REGION_NAMES}

    def value_omitted_from_data(self, data, files, name):
        return not any(f"{name}_{region}" in data for region in illustration.REGION_NAMES)

    def id_for_label(self, id_):
        return f"{id_}_{illustration.REGION_NAMES[0]}" if id_ else id_

    def render(self, name, value, attrs=None, renderer=None):
        attrs = self.build_attrs(self.attrs, attrs)
        chosen = {
            region: str(position)
            for region, position in (value or {}).items()
            if position not in (None, "")
        }
        palette = [colour.hex for colour in self.palette] or list(BLANK_PALETTE)
        fills = self.fills or illustration.fills_for(
            palette=palette,
            assignments={
                region: int(position) for region, position in chosen.items() if position.isdigit()
            },
        )
        base_id = attrs.get("id", f"id_{name}")
        context = {
            "name": name,
            "palette": [
                {"position": str(position), "number": position + 1, "colour": colour}
                for position, colour in enumerate(self.palette)
            ],
            "regions": [
                {
                    "name": f"{name}_{region}",
                    "id": f"{base_id}_{region}",
                    "label": label,
                    "chosen": chosen.get(region, ""),
                    "fill": fills[region],
                    "stale": self._stale_label(chosen.get(region, "")),
                }
                for region, label in illustration.REGIONS
            ],
            "svg": illustration.render_svg(fills=fills, title=self.title),
            "preview_url": reverse("admin:colorways_colorway_drawing_preview"),
        }
        return render_to_string(self.template_name, context)

    def _stale_label(self, chosen: str) -> str:
        """The label of a choice the palette has no colour for, or ""."""
        if chosen == "" or chosen in {str(p) for p in range(len(self.palette))}:
            return ""
        if chosen.isdigit():
            return f"Colour {int(chosen) + 1} (not in the palette)"
        return f"{chosen[:20]} (not a palette colour)"


class DrawingRegionsField(forms.Field):
    """Region name -> palette position (from 0), for the regions given a colour; the
    others take theirs from the palette's order."""

    widget = DrawingRegionsWidget

    def to_python(self, value):
        if not value:
            return {}
        if not isinstance(value, dict):
            raise ValidationError("Choose a palette colour for each part of the drawing.")
        assignments = {}
        for region, position in value.items():
            if position in (None, ""):
                continue
            label = REGION_LABELS.get(region)
            if label is None:
                raise ValidationError(f"“{region}” is not a part of the drawing.")
            if isinstance(position, int) and not isinstance(position, bool):
                number = position
            elif isinstance(position, str) and position.isdigit():
                number = int(position)
            else:
                raise ValidationError(f"{label}: choose one of the palette’s colours.")
            if not 0 <= number < MAX_PALETTE_COLOURS:
                raise ValidationError(f"{label}: choose one of the palette’s colours.")
            assignments[region] = number
        return assignments


class ColorwayAdminForm(forms.ModelForm):
    drawing_regions = DrawingRegionsField(
        label="Colours of the drawing",
        required=False,
        help_text="Which palette colour fills each part. “From palette order” takes "
        "the base, overlay and accent colours from the palette’s first, second and third "
        "colours, the midsole from its lightest neutral and the outsole from its darkest.",
    )

    class Meta:
        model = Colorway
        fields = ["drawing_regions"]  # the admin adds the fields of its fieldsets

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        colorway = self.instance
        palette = list(colorway.palette.all()) if colorway.pk else []
        widget = self.fields["drawing_regions"].widget
        widget.palette = palette
        if colorway.pk:
            widget.title = colorway.title
        if not self.is_bound:
            # A colour the palette no longer has is shown, and saved, as the default.
            kept = regions_in_palette(colorway.drawing_regions, colours=len(palette))
            self.initial["drawing_regions"] = kept
            if colorway.pk:
                widget.fills = drawing_fills(colorway)


class PaletteFormSet(BaseInlineFormSet):
    """The palette inline, which refuses to leave a region of the drawing assigned to a
    palette colour that the saved palette would not have."""

    def clean(self):
        super().clean()
        if any(self.errors):
            return
        colours = sum(
            1
            for form in self.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE", False)
        )
        assignments = self.instance.drawing_regions
        if not isinstance(assignments, dict):
            return
        kept = regions_in_palette(assignments, colours=colours)
        missing = [
            (REGION_LABELS[region], position)
            for region, position in assignments.items()
            if region in REGION_LABELS and region not in kept and isinstance(position, int)
        ]
        if missing:
            counted = f"{colours} colour{'s' if colours != 1 else ''}" if colours else "no colour"
            raise ValidationError(
                [
                    f"The drawing’s {label} is set to palette colour {position + 1}, but the "
                    f"palette has {counted}: choose another colour for it under “Drawing”, "
                    "or keep that palette colour."
                    for label, position in missing
                ],
                code="drawing_colour_missing",
            )


class DrawingPreviewForm(forms.Form):
    """What the preview draws: the palette as the form has it now (hex codes in order,
    separated by commas) and the regions' assignments."""

    palette = forms.CharField(required=False, max_length=MAX_PALETTE_COLOURS * 8)
    title = forms.CharField(required=False, max_length=200)
    drawing_regions = DrawingRegionsField(required=False)

    def clean_palette(self):
        colours = [colour.strip() for colour in self.cleaned_data["palette"].split(",")]
        colours = [colour for colour in colours if colour]
        for colour in colours:
            if not HEX.fullmatch(colour):
                raise ValidationError(f"“{colour[:20]}” is not a colour written #RRGGBB.")
        if len(colours) > MAX_PALETTE_COLOURS:
            raise ValidationError(f"A palette has at most {MAX_PALETTE_COLOURS} colours.")
        return colours or list(BLANK_PALETTE)

    def drawing(self) -> tuple[dict[str, str], str]:
        """The fills of every region and the drawing's SVG markup (for a valid form)."""
        fills = illustration.fills_for(
            palette=self.cleaned_data["palette"],
            assignments=self.cleaned_data["drawing_regions"],
        )
        title = self.cleaned_data["title"] or "The drawing"
        return fills, illustration.render_svg(fills=fills, title=title)
