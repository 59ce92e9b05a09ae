"""Autosave: an editor's unsaved form, kept server-side per editor and object."""

import json

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError

from editing.models import Autosave

MAX_AUTOSAVE_CHARS = 1_000_000
MAX_FIELDS = 5_000


def parse_form_data(raw: str | None) -> dict:
    """The autosaved form as the page sends it: {"fields": [[name, value], ...],
    "labels": {name: {value: label}}}, strings only. Anything else is refused."""
    if raw is None:
        raise ValidationError("Nothing to autosave.", code="missing")
    if len(raw) > MAX_AUTOSAVE_CHARS:
        raise ValidationError("The form is too large to autosave.", code="too_large")
    try:
        data = json.loads(raw)
    except ValueError as exc:
        raise ValidationError("The autosave is not JSON.", code="invalid") from exc
    fields = data.get("fields") if isinstance(data, dict) else None
    labels = data.get("labels", {}) if isinstance(data, dict) else None
    if (
        not isinstance(fields, list)
        or len(fields) > MAX_FIELDS
        or not all(
            isinstance(pair, list) and len(pair) == 2 and all(isinstance(v, str) for v in pair)
            for pair in fields
        )
        or not isinstance(labels, dict)
        or not all(
            isinstance(name, str)
            and isinstance(options, dict)
            and all(isinstance(k, str) and isinstance(v, str) for k, v in options.items())
            for name, options in labels.items()
        )
    ):
        raise ValidationError("The autosave is not a list of form fields.", code="invalid")
    return {"fields": fields, "labels": labels}


def keep(*, user, content_type: ContentType, object_id: str, data: dict, base_version: str):
    autosave, _ = Autosave.objects.update_or_create(
        user=user,
        content_type=content_type,
        object_id=object_id,
        defaults={"data": data, "base_version": base_version[:100]},
    )
    return autosave


def find(*, user, content_type: ContentType, object_id: str) -> Autosave | None:
    return Autosave.objects.filter(
        user=user, content_type=content_type, object_id=object_id
    ).first()


def discard(*, user, content_type: ContentType, object_id: str) -> None:
    Autosave.objects.filter(user=user, content_type=content_type, object_id=object_id).delete()
