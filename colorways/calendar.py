"""The release calendar as iCalendar (RFC 5545), for readers to subscribe to."""

import datetime
from collections.abc import Callable, Iterable

import icalendar

from colorways import releases

PRODUCT_ID = "-//Kayano 14 Hub//Release calendar//EN"


def release_calendar(
    *,
    colorways: Iterable,
    url_for: Callable[[str], str],
    host: str,
    stamp: datetime.datetime,
) -> bytes:
    """An all-day event per dated colorway, spanning the day, month or year it is due in.

    `url_for` turns a site path into an absolute URL; `host` makes each event's
    UID globally unique and stable, so calendar apps update an event in place
    when its date changes. Colorways without a date are left out.
    """
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", "Gel-Kayano 14 releases")
    for colorway in colorways:
        window = releases.release_window(
            date=colorway.release_date, precision=colorway.release_precision
        )
        if window is None:
            continue
        event = icalendar.Event()
        event.add("uid", f"colorway-{colorway.pk}@{host}")
        event.add("dtstamp", stamp)
        summary = f"Gel-Kayano 14 {colorway.title}"
        if colorway.release_precision != releases.Precision.DAY:
            summary += f" (due {colorway.release_display})"
        event.add("summary", summary)
        event.add("dtstart", window.start)
        event.add("dtend", window.end + datetime.timedelta(days=1))
        event.add("url", url_for(colorway.get_absolute_url()))
        details = [f"Release date: {colorway.release_display}"]
        if colorway.style_code:
            details.append(f"Style code: {colorway.style_code}")
        if colorway.region:
            details.append(f"Region: {colorway.region}")
        event.add("description", "\n".join(details))
        event.add("transp", "TRANSPARENT")
        calendar.add_component(event)
    return calendar.to_ical()
