from django.utils.cache import patch_vary_headers

from consent.catalogue import current_catalogue
from consent.records import MARKER_COOKIE, stored_consent
from consent.state import cookies_to_delete, parse_consent


class OptionalCookieMiddleware:
    """Delete, on any response but an error page, the optional cookies the visitor has
    not consented to.

    This covers refusal, withdrawal, a consent that expired and a consent given for an
    older version of the cookie list. A readable marker left without its authoritative
    consent cookie is removed too, so the page's script never acts on it alone.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if "text/html" in response.get("Content-Type", ""):
            # Pages carry a CSRF token in the banner's forms and may hide the banner for
            # a visitor who has chosen: a shared cache must key them by cookie.
            patch_vary_headers(response, ["Cookie"])
        if not request.COOKIES or response.status_code >= 500:
            # An error page is built without the database, which may be what failed:
            # reading the cookie list now would wait for it a second time. The next
            # page tidies the cookies.
            return response
        if MARKER_COOKIE in response.cookies:
            # The view has just stored a new decision: that one applies.
            consent = parse_consent(response.cookies[MARKER_COOKIE].value)
        else:
            consent = stored_consent(request)
            if consent is None and MARKER_COOKIE in request.COOKIES:
                response.delete_cookie(MARKER_COOKIE)
        for cookie in cookies_to_delete(
            consent, catalogue=current_catalogue(), present=request.COOKIES
        ):
            response.delete_cookie(cookie.name, path=cookie.path, domain=cookie.domain or None)
        return response
