"""Telling HTTP caches (Varnish) in front of the site to drop what they keep."""

import logging
import urllib.error
import urllib.request

from django.conf import settings

logger = logging.getLogger(__name__)
TIMEOUT_SECONDS = 2


def ban_http_caches() -> list[str]:
    """Send a BAN to every HTTP cache in settings.HTTP_CACHE_BAN_URLS: they drop every
    page they keep (the content generation has moved on). A cache that does not answer
    or refuses is logged and skipped (its pages then end with their s-maxage); the
    addresses of those caches are returned."""
    missed = []
    for url in settings.HTTP_CACHE_BAN_URLS:
        request = urllib.request.Request(url, method="BAN")
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
                response.read()
        except (urllib.error.URLError, OSError) as error:
            logger.warning("HTTP cache at %s was not told to drop its pages: %s", url, error)
            missed.append(url)
    return missed
