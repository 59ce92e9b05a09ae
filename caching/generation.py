"""The content generation: which version of the content pages and fragments were built from.

One value in the cache names the current generation. Every committed save, delete or
many-to-many change of a model in a content app (settings.CONTENT_APPS) starts a new
one (except the models in settings.NOT_CONTENT_MODELS, which record readers' own
actions), and so does time: a generation ends by itself at midnight (a release's status is
a matter of date) and at the next moment an app says content changes without a save
(a scheduled article going live; see `register_next_change`). Whatever was kept
under another generation is never used again, so nothing is ever purged by hand.
"""

import datetime
import logging
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, connection, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import timezone

KEY = "content:generation"
logger = logging.getLogger(__name__)

_next_change_providers: list[Callable[[], datetime.datetime | None]] = []


@dataclass(frozen=True, slots=True)
class Generation:
    id: str
    ends_at: float  # a Unix time

    def seconds_left(self) -> int:
        return max(0, int(self.ends_at - time.time()))


def register_next_change(provider: Callable[[], datetime.datetime | None]) -> None:
    """Add `provider`, which answers when content next changes without a save (or None)."""
    if provider not in _next_change_providers:
        _next_change_providers.append(provider)


def _new() -> Generation:
    local = timezone.localtime()
    midnight = (local + datetime.timedelta(days=1)).replace(
        hour=0, minute=0, second=0, microsecond=0
    )
    ends = [midnight]
    for provider in _next_change_providers:
        try:
            moment = provider()
        except DatabaseError:
            if connection.connection is None:
                # No connection could be had (the database is down or restarting): the
                # page would wait the connect timeout a second time. It says "back soon".
                raise
            # Tables not created yet (a first migration saving rows): nothing scheduled.
            logger.warning("Could not ask %r when content changes next", provider)
            moment = None
        if moment is not None:
            ends.append(moment)
    return Generation(id=uuid.uuid4().hex, ends_at=min(ends).timestamp())


def running(found: Generation | None) -> Generation | None:
    """`found` (a generation just read from the cache) if its time has not run out."""
    return found if found is not None and found.seconds_left() > 0 else None


def current(found: Generation | None = None) -> Generation | None:
    """The current generation (`found` when the caller has just read it), starting one
    when there is none: the cache lost it, or its time ran out. None when the cache
    does not answer: nothing can then be kept."""
    if running(found) is not None:
        return found
    found = running(cache.get(KEY))
    if found is None:
        fresh = _new()
        cache.add(KEY, fresh, fresh.seconds_left() or 1)
        found = cache.get(KEY)
    return found


def bump() -> None:
    """Start a new generation: every kept page and fragment is out of date."""
    fresh = _new()
    cache.set(KEY, fresh, fresh.seconds_left() or 1)


def _content_changed(sender, **kwargs) -> None:
    meta = getattr(sender, "_meta", None)
    if meta is None or meta.app_label not in settings.CONTENT_APPS:
        return
    if meta.label_lower in settings.NOT_CONTENT_MODELS:
        return
    if kwargs.get("action", "post_").startswith("pre_"):
        return
    bump()
    # Once more after the commit: a page built from the old rows while the transaction
    # was open must not survive under the new generation. HTTP caches are told then.
    transaction.on_commit(_after_commit)


def _after_commit() -> None:
    from caching.purge import ban_http_caches

    bump()
    ban_http_caches()


def connect_signals() -> None:
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(_content_changed, dispatch_uid=f"content-generation-{id(signal)}")
