"""Shared pieces of the property-based fuzzing tests."""

from django.apps import apps
from hypothesis import strategies as st

# Any text but lone surrogates, which no request can carry (Django replaces or
# re-escapes bytes that are not UTF-8).
SHORT_TEXT = st.text(st.characters(exclude_categories=["Cs"]), max_size=20)
# Text with at least one NUL character, which PostgreSQL refuses in text.
NUL_TEXT = st.builds(lambda head, tail: f"{head}\x00{tail}", SHORT_TEXT, SHORT_TEXT)


def row_counts() -> dict[str, int]:
    """The number of rows in every table of the project's models."""
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models()
        if not model._meta.proxy
    }
