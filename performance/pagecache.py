"""Whole-page cache for anonymous readers, invalidated by every editorial save.

A page is cached under its URL, the reader's consent choice (the banner differs
once a reader has chosen) and a *generation* number kept in the shared cache.
Any save, delete or many-to-many change of a model in an editorial app bumps
the generation, so the next request renders afresh: an editor never purges.
Entries also expire at the next scheduled post's publish time and at midnight
(a colorway's status is a matter of date), whichever comes first.

Per-visitor values never leak between readers: the page is stored with
placeholders where the CSP nonce and the CSRF token were, and each response gets
its own. Staff (anyone with a session), readers with pending messages, responses
that set cookies, that are not 200 or that ask not to be cached are never stored.
"""

import bisect
import datetime
import gzip
import hashlib
import re
import time
from contextvars import ContextVar

from django.apps import apps
from django.conf import settings
from django.core.cache import DEFAULT_CACHE_ALIAS, cache, caches
from django.core.cache.backends.dummy import DummyCache
from django.core.cache.backends.locmem import LocMemCache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.middleware.csrf import _unmask_cipher_token, get_token
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.text import compress_string

from consent.records import stored_consent
from consent.state import serialize_consent
from performance import gzipparts

GENERATION_KEY = "pagecache:generation"
EDITORIAL_APPS = frozenset({"blog", "colorways", "sizing", "consent", "cookie_consent"})
# Rows that record readers' actions, not content: saving them changes no page.
NOT_CONTENT = frozenset({"consent.consentrecord", "colorways.importbatch", "colorways.importchunk"})
NONCE_MARK = b"\x00csp-nonce\x00"
CSRF_MARK = b"\x00csrf-token\x00"
CSRF_INPUT_RE = re.compile(rb'name="csrfmiddlewaretoken" value="([A-Za-z0-9]{64})"')
HEADER = "X-Page-Cache"
UNCACHEABLE_DIRECTIVES = frozenset({"private", "no-cache", "no-store"})
MAX_BYTES = 512 * 1024


def enabled() -> bool:
    return settings.PAGE_CACHE_SECONDS > 0


def _first_generation() -> int:
    # Counting from the clock, not from 1: should the cache lose the counter, the new
    # one starts above every generation an entry still in the cache was stored under.
    return time.time_ns() // 1000


# Within a request the generation is read from the cache once (see GenerationScope), so
# every memo a page consults agrees on it at the cost of one round trip. Outside a
# request (commands, the shell) the scope is None and each call reads the cache.
_request_generation: ContextVar[list | None] = ContextVar("request_generation", default=None)


def _read_generation() -> int:
    value = cache.get(GENERATION_KEY)
    if value is None:
        first = _first_generation()
        cache.add(GENERATION_KEY, first, None)
        value = cache.get(GENERATION_KEY) or first
    return value


def generation() -> int:
    """The current content generation, shared by every process through the cache."""
    scope = _request_generation.get()
    if scope is None:
        return _read_generation()
    if scope[0] is None:
        scope[0] = _read_generation()
    return scope[0]


def _remember_generation(value: int | None) -> None:
    scope = _request_generation.get()
    if scope is not None:
        scope[0] = value


def bump() -> None:
    """Start a new generation: every cached page and generation-keyed value is stale."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.add(GENERATION_KEY, _first_generation(), None)
    # The rest of this request (a save's redirect, the page after it) reads the new one.
    _remember_generation(None)


class GenerationScope:
    """Middleware: read the generation at most once per request (first in the stack)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _request_generation.set([None])
        try:
            return self.get_response(request)
        finally:
            _request_generation.reset(token)


def _content_changed(sender, **kwargs) -> None:
    meta = getattr(sender, "_meta", None)
    if meta is None or meta.app_label not in EDITORIAL_APPS or meta.label_lower in NOT_CONTENT:
        return
    bump()
    # Once more after commit: a page rendered from the old rows while the transaction
    # was open must not survive under the new generation.
    transaction.on_commit(bump)


def connect_signals() -> None:
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(_content_changed, dispatch_uid=f"pagecache-{id(signal)}")


def shared_cache() -> bool:
    """Whether the cache is shared by every process (Redis): only then does a save in
    one process move the generation that the others read."""
    return not isinstance(caches[DEFAULT_CACHE_ALIAS], LocMemCache | DummyCache)


class KeyedMemo:
    """Values by key (each colorway's rendered card, say) kept in each process for one
    generation, built only for the keys not yet seen, several at a time.

    `build_many(keys)` returns {key: value} for the keys that exist; it is given here
    or, where it needs the request, to each `get_many`. At most `max_entries` are kept;
    past that the memo starts afresh. Only with a shared cache; with a per-process one
    every call builds.

    Values that depend on which posts are published (lists of posts, an article's
    neighbours, feeds) set `by_publication`: the memo then also starts afresh whenever a
    scheduled post's time comes (see `publication_epoch`).
    """

    def __init__(self, build_many=None, max_entries: int = 5_000, *, by_publication=False):
        self.build_many = build_many
        self.max_entries = max_entries
        self.by_publication = by_publication
        # (generation, values), replaced whole: a thread never pairs one generation's
        # values with another's number.
        self._kept: tuple[object, dict] = (None, {})

    def get_many(self, keys, build_many=None) -> dict:
        """The values of `keys` that exist, built by `build_many` (else the memo's own)
        for the keys not kept yet."""
        keys = list(keys)
        build_many = build_many or self.build_many
        if not shared_cache():
            return build_many(keys)
        current = generation()
        if self.by_publication:
            current = (current, publication_epoch())
        kept_generation, kept = self._kept
        values = kept if kept_generation == current else {}
        missing = [key for key in keys if key not in values]
        if missing:
            if len(values) + len(missing) > self.max_entries:
                values = {}
                missing = keys
            values.update(build_many(missing))
            self._kept = (current, values)
        return {key: values[key] for key in keys if key in values}

    def in_order(self, keys) -> list:
        """The values of `keys` in that order, leaving out keys that have none."""
        keys = list(keys)
        found = self.get_many(keys)
        return [found[key] for key in keys if key in found]


class GenerationMemo:
    """A value computed once per generation in each process (e.g. the sizing guide).

    Only with a shared cache; with a per-process one the value is built on each call."""

    def __init__(self, build):
        self._memo = KeyedMemo(lambda keys: {None: build()}, max_entries=1)

    def get(self):
        return self._memo.get_many([None])[None]


def _scheduled_times() -> list[datetime.datetime]:
    from blog.models import Post

    return sorted(
        Post.objects.filter(
            status=Post.Status.PUBLISHED, publish_at__gt=timezone.now()
        ).values_list("publish_at", flat=True)
    )


_scheduled = GenerationMemo(_scheduled_times)


def publication_epoch() -> int:
    """A number that moves on whenever a scheduled post's publish time comes, within a
    generation: memos of values that depend on which posts are published (an article's
    previous and next, related reading) are kept under it as well as the generation
    (KeyedMemo's `by_publication`). Always 0 without a shared cache, where nothing is
    kept."""
    if not shared_cache():
        return 0
    return bisect.bisect_right(_scheduled.get(), timezone.now())


def _next_publish() -> datetime.datetime | None:
    """The publish time of the next scheduled post, if any."""
    times = _scheduled.get()
    upcoming = bisect.bisect_right(times, timezone.now())
    return times[upcoming] if upcoming < len(times) else None


def entry_seconds() -> int:
    """How long a page may be kept: capped at the next scheduled post and at midnight."""
    now = timezone.now()
    seconds = settings.PAGE_CACHE_SECONDS
    local = timezone.localtime(now)
    midnight = (local + datetime.timedelta(days=1)).replace(
        hour=0, minute=0, second=0, microsecond=0
    )
    seconds = min(seconds, (midnight - local).total_seconds())
    upcoming = _next_publish()
    if upcoming is not None:
        seconds = min(seconds, (upcoming - now).total_seconds())
    return int(seconds)


def _bypass(request) -> bool:
    if request.method not in ("GET", "HEAD") or not enabled():
        return True
    cookies = request.COOKIES
    return bool(cookies.get(settings.SESSION_COOKIE_NAME) or cookies.get("messages"))


def page_key(request) -> str:
    """The page's key; each entry records the generation it was rendered in."""
    consent = stored_consent(request) if request.COOKIES else None
    variant = serialize_consent(consent) if consent else "-"
    url = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    return "pagecache:page:" + hashlib.sha256(f"{variant}|{url}".encode()).hexdigest()


def lookup(key: str) -> tuple[int, tuple | None]:
    """The current generation and the entry under `key` if it belongs to it, in one
    round trip to the cache."""
    found = cache.get_many([GENERATION_KEY, key])
    current = found.get(GENERATION_KEY)
    if current is None:
        return generation(), None
    entry = found.get(key)
    if entry is None or entry[0] != current:
        return current, None
    return current, entry[1:]


def _storable(request, response) -> bool:
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if response.has_header("Content-Encoding"):
        return False  # already compressed and kept by its view (the feeds)
    if request.method != "GET" or len(response.content) > MAX_BYTES:
        return False
    directives = {
        part.split("=")[0].strip().lower() for part in response.get("Cache-Control", "").split(",")
    }
    if directives & UNCACHEABLE_DIRECTIVES:
        return False
    if getattr(request, "session", None) is not None and request.session.modified:
        return False
    return not response.has_header("Vary") or all(
        v.strip().lower() in ("cookie", "accept-encoding") for v in response["Vary"].split(",")
    )


def _template(request, content: bytes) -> bytes | None:
    """`content` with the visitor's nonce and CSRF token replaced by placeholders,
    or None when a CSRF token was issued that cannot be found in the page."""
    nonce = getattr(request, "_csp_nonce", None)
    if nonce:
        content = content.replace(str(nonce).encode(), NONCE_MARK)
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        secret = request.META.get("CSRF_COOKIE", "")
        tokens = set(CSRF_INPUT_RE.findall(content))
        if not tokens or any(_unmask_cipher_token(t.decode()) != secret for t in tokens):
            return None
        for token in tokens:
            content = content.replace(token, CSRF_MARK)
    return content


def _values(request, content: bytes) -> dict[bytes, bytes]:
    """This response's own nonce and CSRF token, for the placeholders `content` has."""
    values = {}
    if NONCE_MARK in content:
        values[NONCE_MARK] = str(request._csp_nonce).encode()
    if CSRF_MARK in content:
        values[CSRF_MARK] = get_token(request).encode()
    return values


def _fill(content: bytes, values: dict[bytes, bytes]) -> bytes:
    for mark, value in values.items():
        content = content.replace(mark, value)
    return content


def compressed_copy(content: bytes):
    """The gzipped page, stored with it: whole when it holds nothing per visitor (feeds,
    the API), else in parts to be joined around each response's values (gzipparts)."""
    if len(content) < 200:
        return None
    marks = tuple(mark for mark in (NONCE_MARK, CSRF_MARK) if mark in content)
    if not marks:
        return compress_string(content)
    return gzipparts.split(content, marks)


def _entry(response, content: bytes) -> tuple:
    """What is kept of `response` with the body `content`: (status, headers, content,
    gzipped copy), for `stored_response`."""
    headers = {k: v for k, v in response.items() if k.lower() != "content-length"}
    return response.status_code, headers, content, compressed_copy(content)


def stored_response(request, entry) -> HttpResponse:
    status, headers, content, compressed = entry
    accepts_gzip = "gzip" in request.headers.get("Accept-Encoding", "")
    if compressed is None or not accepts_gzip:
        if content is None:  # kept gzipped only: the same for every reader
            return HttpResponse(gzip.decompress(compressed), status=status, headers=headers)
        return HttpResponse(
            _fill(content, _values(request, content)), status=status, headers=headers
        )
    if isinstance(compressed, bytes):
        body = compressed
    else:
        values = _values(request, content)
        body = gzipparts.join(*compressed, values, plain=_fill(content, values))
    response = HttpResponse(body, status=status, headers=headers)
    response["Content-Encoding"] = "gzip"
    patch_vary_headers(response, ["Accept-Encoding"])
    return response


def kept_response(request, memo: KeyedMemo, key, respond) -> HttpResponse:
    """The response that `respond()` gives, built and gzipped once for `key` in `memo`
    (per generation), then served from it, compressed or not as the reader asks. For
    responses that hold nothing per visitor: feeds, the sitemap."""

    def build(keys):
        response = respond()
        if hasattr(response, "render"):
            response.render()
        return {key: _entry(response, response.content)}

    return stored_response(request, memo.get_many([key], build)[key])


class PageCacheMiddleware:
    """Serve and store whole pages for anonymous readers (see the module docstring).

    It sits inside the CSRF, CSP and consent middleware, so they still set the
    token cookie, the nonce header and cookie deletions on every cached response.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if _bypass(request):
            return self.get_response(request)
        key = page_key(request)
        rendered_in, entry = lookup(key)
        _remember_generation(rendered_in)
        if entry is not None:
            response = stored_response(request, entry)
            response[HEADER] = "hit"
            return response
        response = self.get_response(request)
        if _storable(request, response):
            template = _template(request, response.content)
            seconds = entry_seconds()
            if template is not None and seconds > 0:
                status, headers, template, packed = _entry(response, template)
                if isinstance(packed, bytes):
                    template = None  # the compressed copy alone is kept
                cache.set(key, (rendered_in, status, headers, template, packed), seconds)
        response[HEADER] = "miss"
        return response


def editorial_models():
    """Every model whose changes start a new generation (for tests and documentation)."""
    return [
        model
        for label in EDITORIAL_APPS
        for model in apps.get_app_config(label).get_models()
        if model._meta.label_lower not in NOT_CONTENT
    ]
