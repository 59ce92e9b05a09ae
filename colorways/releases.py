"""Release dates at their precision, and the status derived from them."""

import calendar
import datetime
from dataclasses import dataclass
from enum import StrEnum


class Precision(StrEnum):
    DAY = "day"
    MONTH = "month"
    YEAR = "year"
    UNANNOUNCED = "unannounced"


class Status(StrEnum):
    ANNOUNCED = "announced"
    UPCOMING = "upcoming"
    RELEASED = "released"


@dataclass(frozen=True, slots=True)
class ReleaseWindow:
    """The first and last day a release can fall on, given what is known."""

    start: datetime.date
    end: datetime.date


def normalize_release_date(*, date: datetime.date | None, precision: str) -> datetime.date | None:
    """`date` reduced to what `precision` knows: the 1st of the month, 1 January, or None."""
    if date is None or precision == Precision.UNANNOUNCED:
        return None
    if precision == Precision.MONTH:
        return date.replace(day=1)
    if precision == Precision.YEAR:
        return date.replace(month=1, day=1)
    return date


def release_window(*, date: datetime.date | None, precision: str) -> ReleaseWindow | None:
    """The day, month or year a release falls in; None when no date is announced."""
    date = normalize_release_date(date=date, precision=precision)
    if date is None:
        return None
    if precision == Precision.MONTH:
        last_day = calendar.monthrange(date.year, date.month)[1]
        return ReleaseWindow(start=date, end=date.replace(day=last_day))
    if precision == Precision.YEAR:
        return ReleaseWindow(start=date, end=date.replace(month=12, day=31))
    return ReleaseWindow(start=date, end=date)


def release_status(*, date: datetime.date | None, precision: str, today: datetime.date) -> Status:
    """Announced without a date; released once the last day of its window has come; else upcoming.

    A month- or year-precise release counts as upcoming until the month or year is
    over, because before then nobody can say it is out.
    """
    window = release_window(date=date, precision=precision)
    if window is None:
        return Status.ANNOUNCED
    return Status.RELEASED if window.end <= today else Status.UPCOMING


def format_release_date(*, date: datetime.date | None, precision: str) -> str:
    """The date as precisely as it is known: "27 November 2020", "June 2025", "2022"."""
    date = normalize_release_date(date=date, precision=precision)
    if date is None:
        return "Not announced"
    if precision == Precision.MONTH:
        return f"{calendar.month_name[date.month]} {date.year}"
    if precision == Precision.YEAR:
        return str(date.year)
    return f"{date.day} {calendar.month_name[date.month]} {date.year}"


def iso_release_date(*, date: datetime.date | None, precision: str) -> str:
    """The ISO 8601 form at the same precision ("2020-11-27", "2025-06", "2022"), for <time>."""
    date = normalize_release_date(date=date, precision=precision)
    if date is None:
        return ""
    if precision == Precision.MONTH:
        return f"{date.year:04d}-{date.month:02d}"
    if precision == Precision.YEAR:
        return f"{date.year:04d}"
    return date.isoformat()


def format_within_year(*, date: datetime.date | None, precision: str) -> str:
    """A release date under a heading that already gives its year: "27 November",
    "August", or nothing for a date known to the year only."""
    if date is None or precision == Precision.UNANNOUNCED:
        return "Not announced"
    if precision == Precision.MONTH:
        return calendar.month_name[date.month]
    if precision == Precision.YEAR:
        return ""
    return f"{date.day} {calendar.month_name[date.month]}"
