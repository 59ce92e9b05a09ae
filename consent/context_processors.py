from django.utils.functional import SimpleLazyObject

from consent.catalogue import current_catalogue


def consent(request):
    """The cookie list, read at most once per page (the banner and the head both use it),
    and only when the page is rendered."""
    return {"consent_catalogue": SimpleLazyObject(current_catalogue)}
