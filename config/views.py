"""Site-wide pages that belong to no single app: home, search, robots.txt, errors."""

import logging
import sys
import uuid
from collections.abc import Iterator
from functools import cached_property
from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.core.cache import cache
from django.core.paginator import Page, Paginator
from django.db import InterfaceError, OperationalError, connection
from django.db.models import Count, F, Q, Window
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.template import loader
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views import defaults
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from blog.cards import home_stories
from blog.models import Post, Tag
from caching.pages import cache_public
from colorways.cards import colorway_cards
from colorways.codes import parse_style_code
from colorways.models import Colorway
from seo.links import site_url
from seo.meta import SITE_DESCRIPTION, page_meta, website

UNAVAILABLE_DETAIL = (
    "The site's data cannot be reached for a moment: "
    f"try again in {settings.RETRY_AFTER_SECONDS} seconds."
)
UNAVAILABLE = (OperationalError, InterfaceError)
SEARCH_RESULTS_PER_PAGE = 10
COLORWAY_RESULTS = 12
FEATURED_COLORWAYS = 4
LATEST_POSTS = 7  # the lead story and six cards
POPULAR_TAGS = 6
logger = logging.getLogger(__name__)


class SearchForm(forms.Form):
    q = forms.CharField(label="Search", max_length=200, strip=True)
    # Bounded: the page's offset must fit the database's integers.
    page = forms.IntegerField(min_value=1, max_value=100_000, required=False)


class HomeParts:
    """What the home page shows, worked out only when the template asks for it: the page
    keeps it for the content generation (`{% kept %}`)."""

    def __init__(self, today):
        self.today = today

    @cached_property
    def stories(self) -> list[str]:
        """The newest articles: the lead story, then the cards of the others."""
        newest = Post.objects.published().values_list("pk", flat=True)[:LATEST_POSTS]
        return home_stories(list(newest))

    @cached_property
    def featured_colorways(self) -> list[str]:
        featured = Colorway.objects.featured(self.today).values_list("pk", flat=True)
        return colorway_cards(featured[:FEATURED_COLORWAYS])


@cache_public()
def home(request):
    meta = page_meta(
        request,
        title=settings.SITE_NAME,
        description=SITE_DESCRIPTION,
        structured_data=website(site_url(request)),
    )
    context = {"home": HomeParts(timezone.localdate()), "meta": meta}
    return render(request, "home.html", context)


def popular_tags() -> list[Tag]:
    """The tags of the most published articles, suggested when a search finds nothing."""
    published = Q(posts__in=Post.objects.published())
    return list(
        Tag.objects.annotate(articles=Count("posts", filter=published))
        .filter(articles__gt=0)
        .order_by("-articles", "name")[:POPULAR_TAGS]
    )


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
        results = (
            Post.objects.search(query)
            .without_bodies()
            .select_related("author", "category")
            .annotate(matches=Window(Count("pk")))
        )
        start = (page_number - 1) * SEARCH_RESULTS_PER_PAGE
        # Each row carries the number of matches (a window over all of them): one query.
        found = list(results[start : start + SEARCH_RESULTS_PER_PAGE])
        if not found and page_number > 1:
            raise Http404("No such page of results.")
        if found:
            snippets = Post.objects.filter(pk__in=[post.pk for post in found]).snippets(query)
            for post in found:
                post.snippet = snippets.get(post.pk, post.summary)
        paginator = Paginator(found, SEARCH_RESULTS_PER_PAGE)
        paginator.count = found[0].matches if found else 0
        colorways = []
        if page_number == 1:
            matching = Colorway.objects.search(query).order_by(
                F("release_date").desc(nulls_last=True), "name"
            )
            colorways = colorway_cards(matching.values_list("pk", flat=True)[:COLORWAY_RESULTS])
        context.update(
            query=query,
            page_obj=Page(found, page_number, paginator),
            posts=found,
            colorways=colorways,
            popular_tags=[] if found or colorways else popular_tags(),
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


def _database_answers() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception:
        logger.exception("Health check: the database does not answer")
        return False
    return True


def _cache_answers() -> bool:
    probe = f"healthz:{uuid.uuid4().hex}"
    try:
        cache.set(probe, "ok", 5)
        answers = cache.get(probe) == "ok"
        cache.delete(probe)
    except Exception:
        logger.exception("Health check: the cache does not answer")
        return False
    if not answers:
        logger.warning("Health check: the cache does not answer")
    return answers


@never_cache
@require_GET
def healthz(request):
    """For load balancers: 200 while the site can serve pages, which it can without its
    cache (pages are then built on every request), 503 when the database does not
    answer. No details leak; they go to the log."""
    database = _database_answers()
    body = {
        "status": "ok" if database else "unavailable",
        "database": "ok" if database else "unavailable",
        "cache": "ok" if _cache_answers() else "degraded",
    }
    return JsonResponse(body, status=200 if database else 503)


@never_cache
@require_GET
def healthz_deep(request):
    """For monitoring: 200 only when the database and the cache both answer."""
    database, cache_ok = _database_answers(), _cache_answers()
    healthy = database and cache_ok
    body = {
        "status": "ok" if healthy else "unavailable",
        "database": "ok" if database else "unavailable",
        "cache": "ok" if cache_ok else "unavailable",
    }
    return JsonResponse(body, status=200 if healthy else 503)


@cache_public()
@require_GET
def robots_txt(request):
    # The admin is left out: naming it would tell everyone where it is, and it sends
    # its own noindex.
    sitemap_url = request.build_absolute_uri(reverse("sitemap"))
    lines = [
        "User-agent: *",
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
    """The error page. When the database cannot be reached (down, restarting, out of
    connections), the reader gets a static "back soon" page with 503 and Retry-After
    instead: it is rendered without touching the database. The API answers the JSON 503
    its schema documents."""
    if any(isinstance(error, UNAVAILABLE) for error in _causes(sys.exception())):
        if request.path_info.startswith(reverse("api:api-root")):
            response = JsonResponse({"detail": UNAVAILABLE_DETAIL}, status=503)
        else:
            response = HttpResponse(loader.render_to_string("503.html"), status=503)
        response["Retry-After"] = str(settings.RETRY_AFTER_SECONDS)
        response["Cache-Control"] = "no-store"
        return response
    return defaults.server_error(request)
