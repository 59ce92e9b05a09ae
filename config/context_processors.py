from django.conf import settings


def site(request):
    """Site-wide template values: the name and the absolute base URL for canonical links."""
    base_url = settings.SITE_URL or f"{request.scheme}://{request.get_host()}"
    return {
        "site_name": settings.SITE_NAME,
        "site_url": base_url,
        "canonical_url": f"{base_url}{request.path}",
    }
