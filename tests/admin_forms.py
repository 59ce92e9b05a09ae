"""Read an admin form the way a browser would submit it, from the page's HTML."""

from lxml import html as lxml_html


def submitted_fields(page: str, form_id: str) -> dict[str, list[str]]:
    """The fields of `<form id=form_id>` as a browser submits them (no files, no buttons)."""
    (form,) = lxml_html.fromstring(page).xpath(f'//form[@id="{form_id}"]')
    fields: dict[str, list[str]] = {}
    for element in form.xpath(".//input|.//select|.//textarea"):
        name = element.get("name")
        if not name or element.get("disabled") is not None:
            continue
        if element.tag == "input":
            kind = (element.get("type") or "text").lower()
            if kind in {"submit", "button", "file", "image", "reset"}:
                continue
            if kind in {"checkbox", "radio"} and element.get("checked") is None:
                continue
            value = element.get("value", "on" if kind in {"checkbox", "radio"} else "")
            fields.setdefault(name, []).append(value)
        elif element.tag == "select":
            for option in element.xpath(".//option[@selected]"):
                fields.setdefault(name, []).append(option.get("value", option.text or ""))
        else:
            text = element.text or ""
            # A textarea's first newline belongs to the markup, not to the value.
            fields.setdefault(name, []).append(text[1:] if text.startswith("\n") else text)
    return fields
