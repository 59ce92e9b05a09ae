from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


def client_ip(request) -> str:
    """The reader's IP address, as the trusted reverse proxy reports it.

    Without CLIENT_IP_HEADER the connection's own address is used. With it (e.g.
    HTTP_X_FORWARDED_FOR), the address is taken TRUSTED_PROXY_COUNT entries from the
    right of that header, the part our own proxies wrote; what the client itself put
    there further left is ignored, so it cannot dodge the login throttle by lying.
    """
    header = settings.CLIENT_IP_HEADER
    if header:
        hops = [hop.strip() for hop in request.META.get(header, "").split(",") if hop.strip()]
        if len(hops) >= settings.TRUSTED_PROXY_COUNT:
            return hops[-settings.TRUSTED_PROXY_COUNT]
    return request.META.get("REMOTE_ADDR", "")


def require_secret_key() -> None:
    """Refuse to serve without a SECRET_KEY (it signs sessions, messages and consent).

    Django itself refuses to read an empty key; this says which variable to set."""
    try:
        settings.SECRET_KEY  # noqa: B018
    except ImproperlyConfigured as error:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.") from error
