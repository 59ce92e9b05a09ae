"""Select, radio, text and checkbox widgets that write their HTML in Python.

Django renders a choice widget through one template per option, which made up about
half of the size finder's time. These produce the same markup as Django's own
templates (a test compares them), from the same `get_context`.
"""

from html import escape

from django import forms
from django.utils.safestring import mark_safe


def _text(value) -> str:
    """As `{{ value }}` prints it: safe strings as they are, anything else escaped.
    Django's `conditional_escape` without its lazy-string wrapper, which costs more
    than the escaping itself at a hundred calls per form."""
    if hasattr(value, "__html__"):
        return value.__html__()
    return escape(str(value))


def _attrs(attrs: dict) -> str:
    """As django/forms/widgets/attrs.html writes them."""
    parts = []
    for name, value in attrs.items():
        if value is False:
            continue
        parts.append(f" {_text(name)}" if value is True else f' {_text(name)}="{_text(value)}"')
    return "".join(parts)


def _input(widget: dict) -> str:
    """As django/forms/widgets/input.html writes an <input>."""
    value = "" if widget["value"] is None else f' value="{_text(widget["value"])}"'
    return (
        f'<input type="{_text(widget["type"])}" name="{_text(widget["name"])}"'
        f"{value}{_attrs(widget['attrs'])}>"
    )


class QuickInputMixin:
    def render(self, name, value, attrs=None, renderer=None):
        return mark_safe(_input(self.get_context(name, value, attrs)["widget"]))


class QuickTextInput(QuickInputMixin, forms.TextInput):
    pass


class QuickCheckboxInput(QuickInputMixin, forms.CheckboxInput):
    pass


class QuickSelect(forms.Select):
    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        parts = [f'<select name="{_text(widget["name"])}"{_attrs(widget["attrs"])}>']
        for group_name, options, _ in widget["optgroups"]:
            if group_name:
                parts.append(f'\n  <optgroup label="{_text(group_name)}">')
            for option in options:
                parts.append(
                    f'\n  <option value="{_text(option["value"])}"{_attrs(option["attrs"])}>'
                    f"{_text(option['label'])}</option>"
                )
            if group_name:
                parts.append("\n  </optgroup>")
        parts.append("\n</select>")
        return mark_safe("".join(parts))


class QuickRadioSelect(forms.RadioSelect):
    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        own = widget["attrs"]
        parts = ["<div"]
        if own.get("id"):
            parts.append(f' id="{_text(own["id"])}"')
        if own.get("class"):
            parts.append(f' class="{_text(own["class"])}"')
        parts.append(">")
        for group_name, options, _ in widget["optgroups"]:
            if group_name:
                parts.append(f"\n  <div><label>{_text(group_name)}</label>")
            for option in options:
                parts.append(f"<div>\n    {self._option(option)}</div>")
            if group_name:
                parts.append("\n  </div>")
        parts.append("\n</div>")
        return mark_safe("".join(parts))

    @staticmethod
    def _option(option: dict) -> str:
        field = _input(option)
        if not option["wrap_label"]:
            return field
        target = option["attrs"].get("id")
        label_for = f' for="{_text(target)}"' if target else ""
        return f"<label{label_for}>{field} {_text(option['label'])}</label>"
