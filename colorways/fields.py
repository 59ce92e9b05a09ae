"""The field class and validator the colorway model's fields name: migrations import them
from here, a module that imports no model, so they keep working whatever the models become."""

from django.core.exceptions import ValidationError
from django.db import models

# Catalogue pages that share the /colorways/<slug>/ address space.
RESERVED_SLUGS = frozenset({"upcoming", "timeline", "collaborators"})


class StyleCodeField(models.CharField):
    """A CharField that reads " 1201a457-101 " as "1201A457-101" before validating it."""

    def to_python(self, value):
        value = super().to_python(value)
        return value.strip().upper() if isinstance(value, str) else value


def validate_colorway_slug(value: str) -> None:
    if value in RESERVED_SLUGS:
        raise ValidationError(f"“{value}” is the address of another page; choose another slug.")
