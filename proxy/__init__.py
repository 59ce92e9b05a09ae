"""What the site's own reverse proxies say about a request."""

from django.conf import settings


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
