"""The model's history on one page: colorway releases and editors' milestones, by year."""

from dataclasses import dataclass
from itertools import groupby


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    title: str
    when: str
    iso: str
    url: str
    body_html: str
    disputes: dict
    is_release: bool
    sort_key: tuple


@dataclass(frozen=True, slots=True)
class TimelineYear:
    year: int
    entries: tuple[TimelineEntry, ...]


def timeline_years(*, colorways: list, milestones: list) -> list[TimelineYear]:
    """Dated colorways and milestones grouped by year, oldest first.

    Within a year, entries known to the day or month come in date order; those
    known only to the year come first, as the year's headline. Undated records
    have no place on a timeline and are left out.
    """
    entries = []
    for milestone in milestones:
        if milestone.release_date is None:
            continue
        entries.append(
            TimelineEntry(
                title=milestone.title,
                when=milestone.release_display,
                iso=milestone.release_iso,
                url="",
                body_html=milestone.body_html,
                disputes=milestone.disputes,
                is_release=False,
                sort_key=(milestone.release_date, 0, milestone.title),
            )
        )
    for colorway in colorways:
        if colorway.release_date is None:
            continue
        who = colorway.collaborator.name if colorway.collaborator else "General release"
        entries.append(
            TimelineEntry(
                title=f"{who}: {colorway.nickname or colorway.name}",
                when=colorway.release_display,
                iso=colorway.release_iso,
                url=colorway.get_absolute_url(),
                body_html="",
                disputes={},
                is_release=True,
                sort_key=(colorway.release_date, 1, colorway.name),
            )
        )
    entries.sort(key=lambda e: e.sort_key)
    return [
        TimelineYear(year=year, entries=tuple(group))
        for year, group in groupby(entries, key=lambda e: e.sort_key[0].year)
    ]
