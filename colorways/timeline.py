"""The model's history on one page: colorway releases and editors' milestones, by year."""

from dataclasses import dataclass
from itertools import groupby

from colorways.releases import format_within_year


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    title: str
    byline: str
    when: str
    iso: str
    url: str
    body_html: str
    disputes: dict
    is_release: bool
    sort_key: tuple
    # The date without its year, which the year's heading gives.
    when_in_year: str = ""
    pk: int | None = None
    card: str = ""  # a release's card (HTML), put in by the page


@dataclass(frozen=True, slots=True)
class TimelineYear:
    year: int
    entries: tuple[TimelineEntry, ...]
    # Releases of the year that are not among `entries` (see `release_counts`).
    more_releases: int = 0

    @property
    def runs(self) -> list[tuple[bool, tuple[TimelineEntry, ...]]]:
        """The entries in order, releases next to each other grouped: (is_release, entries)."""
        return [
            (is_release, tuple(group))
            for is_release, group in groupby(self.entries, key=lambda e: e.is_release)
        ]


def timeline_years(
    *, colorways: list, milestones: list, release_counts: dict[int, int] | None = None
) -> list[TimelineYear]:
    """Dated colorways and milestones grouped by year, oldest first.

    `release_counts` gives the number of releases of each year when `colorways` holds
    only some of them: each year then says how many more there are.

    Entries come in date order; a year-only date sorts as 1 January, so it heads
    its year. On the same date, milestones come before releases, each in the
    order editors entered them. Undated records are left out.
    """
    entries = []
    for milestone in milestones:
        if milestone.release_date is None:
            continue
        entries.append(
            TimelineEntry(
                title=milestone.title,
                byline="",
                when=milestone.release_display,
                iso=milestone.release_iso,
                url="",
                body_html=milestone.body_html,
                disputes=milestone.disputes,
                is_release=False,
                sort_key=(milestone.release_date, 0, milestone.pk),
                when_in_year=format_within_year(
                    date=milestone.release_date, precision=milestone.release_precision
                ),
                pk=milestone.pk,
            )
        )
    for colorway in colorways:
        if colorway.release_date is None:
            continue
        entries.append(
            TimelineEntry(
                title=colorway.title,
                byline=colorway.collaborator.name if colorway.collaborator else "General release",
                when=colorway.release_display,
                iso=colorway.release_iso,
                url=colorway.get_absolute_url(),
                body_html="",
                disputes={},
                is_release=True,
                sort_key=(colorway.release_date, 1, colorway.pk),
                when_in_year=format_within_year(
                    date=colorway.release_date, precision=colorway.release_precision
                ),
                pk=colorway.pk,
            )
        )
    entries.sort(key=lambda e: e.sort_key)
    years = []
    for year, group in groupby(entries, key=lambda e: e.sort_key[0].year):
        group = tuple(group)
        shown = sum(entry.is_release for entry in group)
        more = (release_counts or {}).get(year, shown) - shown
        years.append(TimelineYear(year=year, entries=group, more_releases=max(more, 0)))
    return years
