"""Rendered fragments (a colorway's card, a feed, the sizing guide) kept for one content
generation in the cache, shared by every app server when the cache is Redis.

A fragment is named and keyed by plain values that identify content (a primary key, a
slug), never by what a request asks for, so the number of entries is bounded by the
content. The keys carry the release, so a deploy never serves what older code built,
and the script prefix, which starts every link a fragment holds.
"""

import hashlib
import re
from collections.abc import Callable, Hashable, Iterable
from typing import Any

from django.core.cache import cache
from django.core.paginator import InvalidPage, Page, Paginator
from django.http import Http404, HttpResponse
from django.middleware.gzip import re_accepts_gzip
from django.urls import get_script_prefix
from django.utils.cache import patch_vary_headers
from django.utils.text import compress_string

from caching import generation
from caching.release import release

PREFIX = "fragment"
# The highest page number a list is asked for before it is looked at (a 404 beyond).
MAX_PAGE = 100_000
# ASCII digits only: str.isdigit() also takes "¹" and "١", which int() refuses.
PAGE_NUMBER = re.compile(r"[0-9]{1,6}")


def _cache_key(name: str, key: Hashable) -> str:
    # The script prefix: fragments hold links, which start with it.
    digest = hashlib.sha256(f"{get_script_prefix()}\n{key!r}".encode()).hexdigest()[:32]
    return f"{PREFIX}:{release()}:{name}:{digest}"


def kept_many(
    name: str, keys: Iterable[Hashable], build_many: Callable[[list], dict]
) -> dict[Hashable, Any]:
    """The values of `keys` kept under `name` for the current generation; `build_many`
    builds those not kept yet (given a list of keys, it returns {key: value} for the
    keys that exist), and they are kept. Keys without a value are left out."""
    keys = list(dict.fromkeys(keys))
    if not keys:
        return {}
    cache_keys = {key: _cache_key(name, key) for key in keys}
    found = cache.get_many([generation.KEY, *cache_keys.values()])
    current = generation.current(found.get(generation.KEY))
    values = {}
    for key in keys:
        entry = found.get(cache_keys[key])
        if current is not None and entry is not None and entry[0] == current.id:
            values[key] = entry[1]
    missing = [key for key in keys if key not in values]
    if missing:
        built = build_many(missing)
        values.update(built)
        if current is not None and built:
            cache.set_many(
                {cache_keys[key]: (current.id, value) for key, value in built.items()},
                current.seconds_left() or 1,
            )
    return {key: values[key] for key in keys if key in values}


def kept(name: str, key: Hashable, build: Callable[[], Any]) -> Any:
    """The value kept under `name` and `key` for the current generation, built by
    `build()` when it is not kept yet."""
    return kept_many(name, [key], lambda keys: {key: build()})[key]


def in_order(name: str, keys: Iterable[Hashable], build_many: Callable[[list], dict]) -> list:
    """`kept_many`'s values in the order of `keys`, leaving out keys without one."""
    keys = list(keys)
    found = kept_many(name, keys, build_many)
    return [found[key] for key in keys if key in found]


def kept_page(
    name: str, key: Hashable, keys: Callable[[], Any], *, per_page: int, number: str | None
) -> Page:
    """Page `number` of the list `keys()` gives (a queryset of primary keys, in order;
    asked for only when the page is not kept), kept for the content generation: the keys
    it shows and the length of the whole list, so a page whose parts are kept costs no
    query. `number` is as the query string gives it: digits, "last", or nothing for the
    first page; anything else, or a page past the last, is a 404 (and not kept). `key`
    says which list it is, under `name`."""
    number = number or "1"
    if number != "last" and not (PAGE_NUMBER.fullmatch(number) and 1 <= int(number) <= MAX_PAGE):
        raise Http404("No such page.")

    def build(missing) -> dict:
        paginator = Paginator(keys(), per_page)
        try:
            found = paginator.page(paginator.num_pages if number == "last" else int(number))
        except InvalidPage:
            return {}
        return {(key, number): (paginator.count, found.number, list(found.object_list))}

    found = kept_many(name, [(key, number)], build)
    if not found:
        raise Http404("No such page.")
    count, page_number, page_keys = found[key, number]
    paginator = Paginator([], per_page)
    paginator.count = count
    return Page(page_keys, page_number, paginator)


def kept_document(request, name: str, key: Hashable, respond: Callable[[], HttpResponse]):
    """The response `respond()` gives (a feed, a sitemap section: the same for every
    reader, and large), kept for the content generation with a gzipped copy, and served
    compressed or not as the reader asks: compressing it again on every request would
    cost more than building the rest of the page."""

    def build():
        response = respond()
        content = response.render().content if hasattr(response, "render") else response.content
        return response["Content-Type"], content, compress_string(content)

    content_type, content, compressed = kept(name, key, build)
    if re_accepts_gzip.search(request.headers.get("Accept-Encoding", "")):
        response = HttpResponse(compressed, content_type=content_type)
        response["Content-Encoding"] = "gzip"
    else:
        response = HttpResponse(content, content_type=content_type)
    patch_vary_headers(response, ["Accept-Encoding"])
    return response
