from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


def require_secret_key() -> None:
    """Refuse to serve without a SECRET_KEY (it signs sessions, messages and consent).

    Django itself refuses to read an empty key; this says which variable to set."""
    try:
        settings.SECRET_KEY  # noqa: B018
    except ImproperlyConfigured as error:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.") from error
