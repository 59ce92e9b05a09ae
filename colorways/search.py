"""Colorways matching a site search, found in a list kept per content generation in
each process: the catalogue holds a few thousand colorways at most, and looking through
their names in memory costs less than asking the database for each search."""

from django.db.models import F

from colorways.models import Colorway
from performance.pagecache import GenerationMemo, shared_cache

# Between the fields of a colorway, so that a match cannot span two of them.
SEPARATOR = "\x00"


def _names() -> list[tuple[int, str]]:
    rows = Colorway.objects.order_by(F("release_date").desc(nulls_last=True), "name")
    rows = rows.values_list("pk", "name", "nickname", "style_code", "pack", "collaborator__name")
    return [(pk, SEPARATOR.join(f.casefold() for f in fields if f)) for pk, *fields in rows]


_kept = GenerationMemo(_names)


def matching_keys(query: str, limit: int) -> list[int]:
    """The keys of the first `limit` colorways (newest first) whose name, nickname,
    style code, pack or collaborator contains `query`, ignoring case."""
    needle = query.strip().casefold()
    if not needle or SEPARATOR in needle:
        return []
    if not shared_cache():
        return list(Colorway.objects.search(needle).values_list("pk", flat=True)[:limit])
    found = []
    for pk, names in _kept.get():
        if needle in names:
            found.append(pk)
            if len(found) == limit:
                break
    return found
