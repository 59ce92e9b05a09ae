"""Who else has a change form open: "Charly has been editing this since 14:05"."""

import datetime
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.utils import formats, timezone

from editing.models import EditPresence

# A form's page reports in every HEARTBEAT_SECONDS; one silent for PRESENT_FOR is closed.
HEARTBEAT_SECONDS = 30
PRESENT_FOR = datetime.timedelta(seconds=90)
FORGET_AFTER = datetime.timedelta(days=1)


@dataclass(frozen=True, slots=True)
class Editor:
    name: str
    since: datetime.datetime


def display_name(user) -> str:
    return user.get_full_name() or user.get_username()


def clock(moment: datetime.datetime, *, now: datetime.datetime) -> str:
    """ "14:05" today, "2 December, 14:05" on another day, in the site's time zone."""
    local = timezone.localtime(moment)
    if local.date() == timezone.localtime(now).date():
        return formats.time_format(local, "H:i")
    return formats.date_format(local, "j F, H:i")


def arrive(*, user, content_type: ContentType, object_id: str, now: datetime.datetime) -> None:
    """Record that `user` has the form of this object open (now, or still)."""
    presence, created = EditPresence.objects.get_or_create(
        user=user,
        content_type=content_type,
        object_id=object_id,
        defaults={"started_at": now, "seen_at": now},
    )
    if not created:
        if presence.seen_at < now - PRESENT_FOR:
            presence.started_at = now
        presence.seen_at = now
        presence.save(update_fields=["started_at", "seen_at"])
    EditPresence.objects.filter(seen_at__lt=now - FORGET_AFTER).delete()


def leave(*, user, content_type: ContentType, object_id: str) -> None:
    EditPresence.objects.filter(user=user, content_type=content_type, object_id=object_id).delete()


def others_editing(
    *, user, content_type: ContentType, object_id: str, now: datetime.datetime
) -> list[Editor]:
    """The other people with this object's form open, longest first."""
    rows = (
        EditPresence.objects.filter(
            content_type=content_type, object_id=object_id, seen_at__gte=now - PRESENT_FOR
        )
        .exclude(user=user)
        .select_related("user")
        .order_by("started_at")
    )
    return [Editor(name=display_name(row.user), since=row.started_at) for row in rows]


def describe(editors: list[Editor], *, now: datetime.datetime) -> str:
    """One sentence for the form: empty when nobody else is editing."""
    if not editors:
        return ""
    if len(editors) == 1:
        (editor,) = editors
        return f"{editor.name} has been editing this since {clock(editor.since, now=now)}."
    names = [f"{e.name} (since {clock(e.since, now=now)})" for e in editors]
    listed = ", ".join(names[:-1]) + f" and {names[-1]}"
    return f"{listed} are editing this too."
