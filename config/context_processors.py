from django.conf import settings

from seo.links import site_url
from seo.meta import default_meta


def site(request):
    """Site-wide template values: the name, the absolute base URL, the default metadata."""
    base_url = site_url(request)
    return {
        "site_name": settings.SITE_NAME,
        "site_url": base_url,
        # What a page says about itself when its view gives no `meta`.
        "default_meta": default_meta(base_url=base_url, path=request.path),
    }
