"""Optimistic concurrency for admin forms: a save made from a stale copy is refused.

A change form carries the version of the object it was opened at (its `updated_at`)
and the time it was opened, as one token in a hidden field. Saving compares that
version with the stored one under a row lock, inside the save's transaction: when
someone saved in between, the save is refused and the editor is told who changed
what meanwhile (from the admin's change log).
"""

import datetime
from dataclasses import dataclass

from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.utils.dateparse import parse_datetime

from editing.presence import clock, display_name

SEPARATOR = "|"


@dataclass(frozen=True, slots=True)
class Token:
    version: str
    opened_at: datetime.datetime | None


@dataclass(frozen=True, slots=True)
class Change:
    who: str
    when: datetime.datetime
    what: str


def version_of(value) -> str:
    """A stored version value (a timestamp or a number) as the form carries it."""
    if isinstance(value, datetime.datetime):
        return value.isoformat()
    return "" if value is None else str(value)


def make_token(*, version, opened_at: datetime.datetime) -> str:
    return f"{version_of(version)}{SEPARATOR}{opened_at.isoformat()}"


def read_token(raw: str) -> Token | None:
    """The token a form sent back; None when it is missing or malformed."""
    version, _, opened = (raw or "").partition(SEPARATOR)
    if not version:
        return None
    try:
        opened_at = parse_datetime(opened) if opened else None
    except ValueError:
        opened_at = None
    return Token(version=version, opened_at=opened_at)


def changes_since(
    *, content_type: ContentType, object_id: str, since: datetime.datetime | None, user
) -> list[Change]:
    """What the admin's change log records for this object after `since`, oldest first."""
    entries = LogEntry.objects.filter(content_type=content_type, object_id=object_id)
    if since is not None:
        entries = entries.filter(action_time__gt=since)
    entries = entries.select_related("user").order_by("action_time")[:10]
    return [
        Change(
            who="you, in another window" if entry.user_id == user.pk else display_name(entry.user),
            when=entry.action_time,
            what=entry.get_change_message().rstrip("."),
        )
        for entry in entries
    ]


def stale_message(*, noun: str, changes: list[Change], now: datetime.datetime) -> str:
    """Why the save was refused and what the editor can do, in one paragraph."""
    if changes:
        told = "; ".join(
            f"{c.who} at {clock(c.when, now=now)}" + (f" ({c.what})" if c.what else "")
            for c in changes
        )
        meanwhile = f"Since you opened this {noun}, it was changed by {told}."
    else:
        meanwhile = (
            f"Since you opened this {noun}, it was changed elsewhere "
            "(by an import or a bulk action)."
        )
    return (
        f"Not saved: {meanwhile} Your version is still in the form below. Save again to "
        "replace their changes with yours, or open the page in a new tab to see theirs first."
    )
