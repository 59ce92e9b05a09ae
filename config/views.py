"""Site-wide pages that belong to no single app: home, search, robots.txt, errors."""

import logging
import sys
import uuid
from collections.abc import Iterator
from urllib.parse import urlencode

import redis
from django import forms
from django.conf import settings
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.core.cache import cache
from django.core.paginator import Page, Paginator
from django.db import InterfaceError, OperationalError, connection
from django.db.models import Count, Window
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.template import loader
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views import defaults
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from blog.cards import post_cards
from blog.listing import published_keys
from blog.models import Post
from colorways.cards import colorway_cards, featured_cards
from colorways.codes import parse_style_code
from colorways.models import Colorway
from colorways.search import matching_keys
from performance.pagecache import KeyedMemo

UNAVAILABLE = (OperationalError, InterfaceError, redis.ConnectionError, redis.TimeoutError)
SEARCH_RESULTS_PER_PAGE = 10
COLORWAY_RESULTS = 12
FEATURED_COLORWAYS = 4
logger = logging.getLogger(__name__)


class SearchForm(forms.Form):
    q = forms.CharField(label="Search", max_length=200, strip=True)
    # Bounded: the page's offset must fit the database's integers.
    page = forms.IntegerField(min_value=1, max_value=100_000, required=False)


def home(request):
    latest = post_cards(published_keys()[:6])
    featured = featured_cards(timezone.localdate(), FEATURED_COLORWAYS)
    return render(request, "home.html", {"latest_posts": latest, "featured_colorways": featured})


def _search_pages(keys) -> dict:
    """(number of matches, the page's posts, their list items as HTML) for each
    (query, page number)."""
    pages = {}
    for key in keys:
        query, page_number = key
        results = (
            Post.objects.search(query)
            .without_bodies()
            .select_related("author")
            .annotate(matches=Window(Count("pk")))
        )
        start = (page_number - 1) * SEARCH_RESULTS_PER_PAGE
        found = list(results[start : start + SEARCH_RESULTS_PER_PAGE])
        # Each row carries the number of matches (a window over all of them).
        html = render_to_string("includes/search_results.html", {"posts": found})
        pages[key] = (found[0].matches if found else 0, found, html)
    return pages


# A release brings the same search from many readers: each page of results is kept
# per content generation (and publication epoch) in each process, up to 1,000 pages.
# A new search is one query.
_results = KeyedMemo(_search_pages, max_entries=1000, by_publication=True)


def search(request):
    form = SearchForm(request.GET or None)
    context = {"form": form, "query": "", "page_obj": None}
    if form.is_valid():
        query = form.cleaned_data["q"]
        style_code = parse_style_code(code=query)
        if style_code:
            exact = Colorway.objects.filter(style_code=style_code.code).first()
            if exact:
                return redirect(exact)
        page_number = form.cleaned_data["page"] or 1
        key = (query, page_number)
        count, found, results_html = _results.get_many([key])[key]
        if not found and page_number > 1:
            raise Http404("No such page of results.")
        paginator = Paginator(found, SEARCH_RESULTS_PER_PAGE)
        paginator.count = count
        colorways = []
        if page_number == 1:
            colorways = colorway_cards(matching_keys(query, COLORWAY_RESULTS))
        context.update(
            query=query,
            page_obj=Page(found, page_number, paginator),
            results_html=results_html,
            colorways=colorways,
        )
    status = 400 if form.is_bound and not form.is_valid() else 200
    return render(request, "search.html", context, status=status)


def admin_login(request):
    """The admin signs in through the two-factor login, which asks for a code only
    from staff who have set up an authenticator app."""
    target = request.GET.get(REDIRECT_FIELD_NAME) or f"/{settings.ADMIN_URL}"
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = f"/{settings.ADMIN_URL}"
    return redirect(f"{reverse('two_factor:login')}?{urlencode({REDIRECT_FIELD_NAME: target})}")


@never_cache
@require_GET
def healthz(request):
    """200 when the database (and the cache) answer, 503 otherwise; no details leak."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        probe = f"healthz:{uuid.uuid4().hex}"
        cache.set(probe, "ok", 5)
        healthy = cache.get(probe) == "ok"
        cache.delete(probe)
    except Exception:
        logger.exception("Health check failed")
        healthy = False
    return JsonResponse(
        {"status": "ok" if healthy else "unavailable"}, status=200 if healthy else 503
    )


@require_GET
def robots_txt(request):
    sitemap_url = request.build_absolute_uri(reverse("sitemap"))
    lines = [
        "User-agent: *",
        f"Disallow: /{settings.ADMIN_URL}",
        "Disallow: /markdownx/",
        "Disallow: /search/",
        f"Sitemap: {sitemap_url}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


def _causes(error: BaseException | None) -> Iterator[BaseException]:
    while error is not None:
        yield error
        error = error.__cause__


def server_error(request):
    """The error page. When the database or the cache cannot be reached (down,
    restarting, out of connections), the reader gets a static "back soon" page with 503
    and Retry-After instead: it is rendered without touching either."""
    if any(isinstance(error, UNAVAILABLE) for error in _causes(sys.exception())):
        response = HttpResponse(loader.render_to_string("503.html"), status=503)
        response["Retry-After"] = str(settings.RETRY_AFTER_SECONDS)
        response["Cache-Control"] = "no-store"
        return response
    return defaults.server_error(request)
