"""The size finder's widgets write the same markup as Django's own templates
(whitespace between tags aside), escaping every value."""

import re

import pytest
from django import forms

from config.widgets import QuickCheckboxInput, QuickRadioSelect, QuickSelect, QuickTextInput

HOSTILE = '"><script>alert(1)</script>&'
CHOICES = [
    ("", "Choose one"),
    ("a", "Plain"),
    (HOSTILE, HOSTILE),
    ("Group <b>", [("g1", "In a group"), ("g2", "Also & here")]),
]


def normalized(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r">\s+<", "><", str(html))).strip()


@pytest.mark.parametrize(
    ("quick", "django"), [(QuickSelect, forms.Select), (QuickRadioSelect, forms.RadioSelect)]
)
@pytest.mark.parametrize("value", [None, "", "a", HOSTILE, "g2", "missing"])
@pytest.mark.parametrize(
    "attrs",
    [
        None,
        {"id": "id_pick", "aria-describedby": "error-pick", "required": True},
        {"id": HOSTILE, "class": "wide", "disabled": False, "data-x": HOSTILE},
    ],
)
def test_quick_widgets_match_djangos_markup(quick, django, value, attrs):
    ours = quick(choices=CHOICES).render("pick", value, attrs=attrs)
    theirs = django(choices=CHOICES).render("pick", value, attrs=attrs)
    assert normalized(ours) == normalized(theirs)
    assert "<script>" not in ours


@pytest.mark.parametrize(
    ("quick", "django"),
    [(QuickTextInput, forms.TextInput), (QuickCheckboxInput, forms.CheckboxInput)],
)
@pytest.mark.parametrize("value", [None, "", "10.5", HOSTILE, True, False])
@pytest.mark.parametrize(
    "attrs", [None, {"id": "id_size", "inputmode": "decimal", "value": "1", "data-x": HOSTILE}]
)
def test_quick_inputs_match_djangos_markup(quick, django, value, attrs):
    ours = quick(attrs=attrs).render("size", value)
    theirs = django(attrs=attrs).render("size", value)
    assert normalized(ours) == normalized(theirs)
    assert "<script>" not in ours


def test_size_finder_form_uses_them(db):
    from sizing.forms import SizeFinderForm
    from sizing.guide import current_guide

    form = SizeFinderForm(guide=current_guide())
    assert isinstance(form.fields["shoe"].widget, QuickSelect)
    assert isinstance(form.fields["system"].widget, QuickSelect)
    assert isinstance(form.fields["width"].widget, QuickRadioSelect)
    assert isinstance(form.fields["size"].widget, QuickTextInput)
    assert isinstance(form.fields["sized_down"].widget, QuickCheckboxInput)
    assert isinstance(form.fields["bought_wide"].widget, QuickCheckboxInput)
