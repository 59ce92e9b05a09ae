import re
from decimal import Decimal

from django import forms

from sizing.choices import System, Width
from sizing.engine import Guide, InvalidSize, Recommendation, locate, recommend, sizes_hint

# Plain decimal numbers only: no exponents, signs, NaN or infinity reach Decimal.
SIZE_PATTERN = re.compile(r"\d{1,3}(?:\.\d{1,2})?")
NOT_A_NUMBER = "Enter the size as a number, like 10 or 10.5."
# What a check box may say in a link, in any case: ticked, or not (empty, as when left out).
FLAG_VALUES = {
    **dict.fromkeys(("1", "true", "on"), True),
    **dict.fromkeys(("0", "false", "off", ""), False),
}
FLAG_ERROR = "Use 1, true or on for ticked, or 0, false or off for not ticked."


class SystemField(forms.ChoiceField):
    """A size system; `us_women` is read as `us-women`, as links sometimes spell it."""

    def to_python(self, value):
        return super().to_python(value).replace("_", "-")


class SizeFinderForm(forms.Form):
    shoe = forms.ChoiceField(
        label="A shoe you own",
        widget=forms.Select,
        error_messages={
            "required": "Choose a shoe you own from the list.",
            "invalid_choice": "Choose a shoe from the list; that one is not in the guide.",
        },
    )
    size = forms.CharField(
        label="Your size in it",
        max_length=8,
        help_text="As on the label, e.g. 10 or 10.5.",
        error_messages={
            "required": "Enter your size in that shoe, e.g. 10 or 10.5.",
            "max_length": NOT_A_NUMBER,
        },
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
    )
    system = SystemField(
        label="Size system",
        choices=System,
        initial=System.US_MEN,
        widget=forms.Select,
        error_messages={
            "required": "Choose the size system of your size.",
            "invalid_choice": "Choose a size system: "
            + ", ".join(f"{value} ({label})" for value, label in System.choices)
            + ".",
        },
    )
    width = forms.ChoiceField(
        label="Your feet are",
        choices=Width,
        initial=Width.REGULAR,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": "Choose narrow, regular or wide."},
    )
    # Checked boxes send "1", as shared links spell it, rather than the browser's "on".
    sized_down = forms.BooleanField(
        label="I sized down in them",
        required=False,
        widget=forms.CheckboxInput(attrs={"value": "1"}),
    )
    bought_wide = forms.BooleanField(
        label="I buy them in a wide width (2E or wider)",
        required=False,
        widget=forms.CheckboxInput(attrs={"value": "1"}),
    )
    FLAGS = ("sized_down", "bought_wide")

    # Fields a link may preselect without asking for an answer (e.g. ?system=us-women).
    PRESELECTABLE = ("shoe", "system", "width")

    # What an answer assumes when a shared link leaves these out.
    DEFAULTS = {"system": System.US_MEN, "width": Width.REGULAR}

    def __init__(self, data=None, *args, guide: Guide, **kwargs):
        self.unreadable_flags = []
        if data is not None:
            data = data.copy()
            for name, value in self.DEFAULTS.items():
                if not data.get(name):
                    data[name] = value
            # A check box reads any value as ticked: only the documented ones are taken,
            # ticked ones as "1" (the form's own value), others as unticked, and a value
            # that is neither is reported by clean().
            for name in self.FLAGS:
                if name not in data:
                    continue
                value = data.get(name)  # the last one, when a link repeats it
                data.pop(name)
                ticked = FLAG_VALUES.get(value.strip().lower())
                if ticked:
                    data[name] = "1"
                elif ticked is None:
                    self.unreadable_flags.append(name)
        super().__init__(data, *args, **kwargs)
        self.guide = guide
        self.fields["shoe"].choices = [("", "Choose a shoe")] + [
            (shoe.slug, shoe.name) for shoe in guide.shoes
        ]
        # The template gives these fields an error container (and `size` a help text).
        for name in ("shoe", "system", "width", *self.FLAGS):
            self.fields[name].widget.attrs["aria-describedby"] = f"error-{name}"
        self.fields["size"].widget.attrs["aria-describedby"] = "help-size error-size"

    @classmethod
    def preselected(cls, query, *, guide: Guide) -> "SizeFinderForm":
        """An unbound form whose initial values are the valid ones among `query`'s."""
        form = cls(guide=guide)
        for name in cls.PRESELECTABLE:
            if name in query:
                try:
                    form.initial[name] = form.fields[name].clean(query[name])
                except forms.ValidationError:
                    continue
        return form

    def clean_size(self):
        raw = self.cleaned_data["size"].strip().replace(",", ".")
        if not SIZE_PATTERN.fullmatch(raw):
            raise forms.ValidationError(NOT_A_NUMBER, code="not_a_number")
        return Decimal(raw)

    def clean(self):
        cleaned = super().clean()
        for name in self.unreadable_flags:
            self.add_error(name, forms.ValidationError(FLAG_ERROR, code="invalid_flag"))
        slug, size, system = cleaned.get("shoe"), cleaned.get("size"), cleaned.get("system")
        shoe = self.guide.shoe(slug) if slug else None
        cleaned["reference"] = shoe
        if shoe is None or not system:
            return cleaned
        if size is None:
            # Missing or not a number: the reader needs the same list as for a size that
            # is not in the chart.
            self.add_error("size", sizes_hint(chart=shoe.chart, system=system, brand=shoe.brand))
            return cleaned
        try:
            locate(chart=shoe.chart, system=system, size=size, brand=shoe.brand)
        except InvalidSize as error:
            self.add_error("size", str(error))
        return cleaned

    def recommendation(self) -> Recommendation:
        """The engine's answer for this valid form."""
        data = self.cleaned_data
        guide = self.guide
        return recommend(
            shoe=data["reference"],
            size=data["size"],
            system=System(data["system"]),
            width=Width(data["width"]),
            sized_down=data["sized_down"],
            bought_wide=data["bought_wide"],
            target=guide.target,
            width_rules=guide.width_rules_by_width,
        )
