"""Whole public pages, cacheable by any HTTP cache and kept by the site itself.

A view whose response is the same for every anonymous reader says so with
`@cache_public(query=...)`, naming the query parameters it reads. Its response then
carries `Cache-Control: public, max-age=0, s-maxage=N`, so a proxy (Varnish, a CDN)
may keep it for N seconds, and `PageCacheMiddleware` keeps it in the cache for the
same time and the current content generation. Every other response is private.

What a kept page is stored under: the release, the scheme, host and script prefix, the
path, the query parameters (tracking parameters such as utm_* left out), the reader's
variant of the page (settings.PAGE_CACHE_VARIANT: the cookie banner's state) and
whether the reader takes gzip. A page asked for with a parameter its view does not read
is never kept, so no query string adds entries. Staff and readers with a pending
message (a session or messages cookie) always get a page of their own.
"""

import functools
import hashlib
from http import HTTPStatus
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse, QueryDict
from django.middleware.gzip import re_accepts_gzip
from django.urls import get_script_prefix
from django.utils.cache import patch_cache_control
from django.utils.module_loading import import_string

from caching import generation
from caching.release import release

HEADER = "X-Page-Cache"
PREFIX = "page"
# Pages bigger than this are left to a proxy: a cache entry is read whole on every hit.
MAX_BYTES = 512 * 1024
# Parameters that campaign links add and no page reads.
TRACKING_PREFIXES = ("utm_",)
TRACKING_PARAMETERS = frozenset({"fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid"})


def personal(request) -> bool:
    """Whether the request carries a session or a pending message: its page is its own."""
    cookies = request.COOKIES
    return bool(cookies.get(settings.SESSION_COOKIE_NAME) or cookies.get("messages"))


def _is_tracking(name: str) -> bool:
    return name.startswith(TRACKING_PREFIXES) or name in TRACKING_PARAMETERS


def cache_public(*, query=()):
    """View decorator: the view's response is the same for every anonymous reader (in
    one variant), given the query parameters `query`, the only ones it reads.

    The view sees only those parameters in request.GET. A response to an anonymous GET
    with status 200 and no others parameters than these (and tracking ones) is marked
    public for PAGE_CACHE_SECONDS, at most until the content generation ends.
    """
    allowed = frozenset(query)

    def decorator(view):
        @functools.wraps(view)
        def wrapper(request, *args, **kwargs):
            given = {name for name in request.GET if not _is_tracking(name)}
            if not given <= allowed:
                public = False
            else:
                public = request.method in ("GET", "HEAD") and not personal(request)
            if set(request.GET) - allowed:
                kept = QueryDict(mutable=True)
                for name in allowed & set(request.GET):
                    kept.setlist(name, request.GET.getlist(name))
                request.GET = kept
            response = view(request, *args, **kwargs)
            if public and response.status_code == HTTPStatus.OK:
                _mark_public(response)
            return response

        return wrapper

    return decorator


def _mark_public(response) -> None:
    seconds = settings.PAGE_CACHE_SECONDS
    if seconds <= 0 or response.has_header("Cache-Control"):
        return  # off, or the view decided (a preview, say)
    current = generation.current()
    if current is not None:
        seconds = min(seconds, current.seconds_left())
    if seconds > 0:
        patch_cache_control(response, public=True, max_age=0, s_maxage=seconds)


def _seconds(response) -> int:
    """The s-maxage of a response marked public, else 0."""
    directives = {}
    for part in response.get("Cache-Control", "").split(","):
        name, _, value = part.strip().partition("=")
        directives[name.lower()] = value
    if "public" not in directives or "s-maxage" not in directives:
        return 0
    try:
        return int(directives["s-maxage"])
    except ValueError:
        return 0


@functools.cache
def _variant_function():
    return import_string(settings.PAGE_CACHE_VARIANT) if settings.PAGE_CACHE_VARIANT else None


def page_key(request) -> str:
    """The key of the page `request` asks for (see the module docstring)."""
    params = sorted(
        (name, value)
        for name, values in request.GET.lists()
        if not _is_tracking(name)
        for value in values
    )
    variant = _variant_function()
    parts = [
        release(),
        request.scheme,
        request.get_host(),
        get_script_prefix(),
        request.path_info,
        urlencode(params),
        variant(request) if variant else "",
        "gzip" if re_accepts_gzip.search(request.headers.get("Accept-Encoding", "")) else "",
    ]
    digest = hashlib.sha256("\n".join(parts).encode()).hexdigest()
    return f"{PREFIX}:{digest}"


class PageCacheMiddleware:
    """Serve and keep the public pages of anonymous readers (see the module docstring);
    mark every other response private.

    It sits outside GZipMiddleware, so a page is kept compressed, and inside the consent
    middleware, which deletes refused cookies on every response, kept or not.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            request.method not in ("GET", "HEAD")
            or personal(request)
            or settings.PAGE_CACHE_SECONDS <= 0
        ):
            return self._private(self.get_response(request))
        key = page_key(request)
        found = cache.get_many([generation.KEY, key])
        # Only the generation the cache holds can have kept pages. When there is none (at
        # midnight, after a scheduled publication, when the cache lost it), the view starts
        # the next one and this page is kept from the next request on: starting it here
        # would ask the database before the view, which may be down.
        current = generation.running(found.get(generation.KEY))
        entry = found.get(key)
        if current is not None and entry is not None and entry[0] == current.id:
            _, status, headers, content = entry
            response = HttpResponse(content, status=status, headers=headers)
            response[HEADER] = "hit"
            return response
        response = self._private(self.get_response(request))
        seconds = _seconds(response)
        if (
            current is not None
            and seconds > 0
            and request.method == "GET"
            and response.status_code == HTTPStatus.OK
            and not response.streaming
            and not response.cookies
            and len(response.content) <= MAX_BYTES
        ):
            headers = {k: v for k, v in response.items() if k.lower() not in ("content-length",)}
            entry = (current.id, response.status_code, headers, response.content)
            cache.set(key, entry, seconds)
        response[HEADER] = "miss"
        return response

    @staticmethod
    def _private(response):
        """Responses are private unless their view marked them public; one that sets a
        cookie is private whatever its view said."""
        if response.cookies and _seconds(response):
            del response["Cache-Control"]
        if not response.has_header("Cache-Control"):
            patch_cache_control(response, private=True)
        return response
