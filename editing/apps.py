from django.apps import AppConfig


class EditingConfig(AppConfig):
    """Shared admin editing plumbing: keeping input on refused saves, refusing stale
    saves, autosave and edit presence. It knows no app of the site, only Django."""

    name = "editing"
    verbose_name = "Editing"
