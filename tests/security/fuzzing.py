"""Shared pieces of the property-based fuzzing tests."""

from django.apps import apps


def row_counts() -> dict[str, int]:
    """The number of rows in every table of the project's models."""
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models()
        if not model._meta.proxy
    }
