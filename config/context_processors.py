from django.conf import settings

from seo.links import site_url


def site(request):
    """Site-wide template values: the name and the absolute base URL for canonical links."""
    base_url = site_url(request)
    return {
        "site_name": settings.SITE_NAME,
        "site_url": base_url,
        "canonical_url": f"{base_url}{request.path}",
    }
