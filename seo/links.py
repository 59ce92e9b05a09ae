"""Absolute links: canonical addresses, feeds and structured data."""

from django.conf import settings


def site_url(request) -> str:
    """The site's base URL: SITE_URL, else the scheme and host of `request`."""
    return settings.SITE_URL or f"{request.scheme}://{request.get_host()}"


def absolute(base_url: str, path: str) -> str:
    """`path` made absolute against `base_url` (a URL that is already absolute stays)."""
    return path if path.startswith(("https://", "http://")) else base_url + path
