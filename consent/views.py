"""The cookie settings page, the decision endpoint, the consent status and the policies.

Every decision endpoint works both as a plain form POST (redirecting back, for
readers without JavaScript) and from the page's script (JSON, no reload). The banner's
forms are part of pages any HTTP cache serves, so they carry no CSRF token: a decision is
accepted only from the site's own pages, as the browser says with Sec-Fetch-Site or
Origin (see `_from_own_page`).
"""

import json
import logging
from http import HTTPStatus

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from consent import records
from consent.catalogue import current_catalogue
from consent.forms import ConsentForm
from consent.models import PolicyPage
from consent.state import current_consent, decide
from proxy import client_ip

logger = logging.getLogger(__name__)
ANALYTICS_GROUP = "analytics"


def _from_own_page(request) -> bool:
    """Whether the browser says the request comes from one of the site's own pages.

    Browsers send Sec-Fetch-Site with every request and Origin with every POST; a page
    elsewhere cannot forge either. A request with neither (not a browser) is refused."""
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site is not None:
        return fetch_site == "same-origin"
    origin = request.headers.get("Origin")
    if not origin or origin == "null":
        return False
    own = f"{request.scheme}://{request.get_host()}"
    return origin == own or origin in settings.CSRF_TRUSTED_ORIGINS


def _wants_json(request) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def _current(request):
    catalogue = current_catalogue()
    return catalogue, current_consent(records.stored_consent(request), catalogue=catalogue)


@never_cache
@require_GET
def cookie_settings(request):
    catalogue, consent = _current(request)
    accepted = consent.accepted if consent else frozenset()
    form = ConsentForm(
        initial={"method": "choose", "groups": sorted(accepted)},
        catalogue=catalogue,
    )
    return render(
        request,
        "consent/settings.html",
        {"catalogue": catalogue, "consent": consent, "form": form, "accepted": accepted},
    )


@csrf_exempt
@never_cache
@require_POST
def save(request):
    if not _from_own_page(request):
        message = "Cookie choices can only be made on this site's own pages."
        if _wants_json(request):
            return JsonResponse({"error": message}, status=HTTPStatus.FORBIDDEN)
        return HttpResponse(message, status=HTTPStatus.FORBIDDEN, content_type="text/plain")
    catalogue = current_catalogue()
    form = ConsentForm(request.POST, catalogue=catalogue)
    if not form.is_valid():
        if _wants_json(request):
            return JsonResponse(
                {"errors": form.errors.get_json_data()}, status=HTTPStatus.BAD_REQUEST
            )
        _, consent = _current(request)
        context = {
            "catalogue": catalogue,
            "consent": consent,
            "form": form,
            "accepted": consent.accepted if consent else frozenset(),
        }
        return render(request, "consent/settings.html", context, status=HTTPStatus.BAD_REQUEST)

    consent = decide(catalogue=catalogue, accepted=form.accepted())
    visitor = records.visitor_for(request)
    try:
        records.record(
            consent=consent,
            catalogue=catalogue,
            visitor=visitor,
            method=form.cleaned_data["method"],
            address=client_ip(request),
        )
    except records.RateLimited:
        message = "Too many changes to your cookie choices in a short time. Try again in an hour."
        if _wants_json(request):
            return JsonResponse({"error": message}, status=HTTPStatus.TOO_MANY_REQUESTS)
        return HttpResponse(message, status=HTTPStatus.TOO_MANY_REQUESTS, content_type="text/plain")

    summary = _summary(catalogue, consent.accepted)
    if _wants_json(request):
        response = JsonResponse(
            {"version": consent.version, "accepted": sorted(consent.accepted), "message": summary}
        )
    else:
        target = form.cleaned_data["next"]
        if not url_has_allowed_host_and_scheme(
            target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            target = reverse("consent:settings")
        messages.success(request, summary)
        response = redirect(target)
    records.remember(response, consent=consent, visitor=visitor)
    # The optional cookies refused now are deleted by OptionalCookieMiddleware, which
    # sees this response after the view.
    return response


def _summary(catalogue, accepted) -> str:
    parts = [
        f"{group.name}: {'on' if group.varname in accepted else 'off'}"
        for group in catalogue.optional_groups
    ]
    return "Your cookie choices are saved. " + "; ".join(parts) + "."


@never_cache
@require_GET
def status(request):
    """The visitor's consent, uncached."""
    catalogue, consent = _current(request)
    return JsonResponse(
        {
            "version": catalogue.version,
            "current": consent is not None,
            "accepted": sorted(consent.accepted) if consent else [],
        }
    )


@csrf_exempt
@require_POST
def measure(request):
    """The first-party demo measurement endpoint: counts a page view, with consent only.

    Beacons cannot carry a CSRF token; this endpoint changes nothing but a log line.
    """
    _, consent = _current(request)
    if consent is None or ANALYTICS_GROUP not in consent.accepted:
        return HttpResponse(status=HTTPStatus.FORBIDDEN)
    try:
        path = json.loads(request.body[:2000]).get("path", "")
    except (ValueError, AttributeError):
        path = ""
    logger.info("page view measured: %r", str(path)[:200])
    return HttpResponse(status=HTTPStatus.NO_CONTENT)


@require_GET
def cookie_policy(request):
    page = PolicyPage.objects.filter(kind=PolicyPage.Kind.COOKIES).first()
    return render(
        request, "consent/cookie_policy.html", {"page": page, "catalogue": current_catalogue()}
    )


@require_GET
def privacy_policy(request):
    page = PolicyPage.objects.filter(kind=PolicyPage.Kind.PRIVACY).first()
    if page is None:
        raise Http404("No privacy policy has been written yet.")
    return render(request, "consent/privacy_policy.html", {"page": page})
