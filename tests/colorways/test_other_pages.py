import datetime
from http import HTTPStatus

import icalendar
import pytest
from django.utils import timezone

from colorways import demo
from colorways.models import Colorway, ReleasePrecision
from tests.cards import carded
from tests.factories import CollaboratorFactory, ColorwayFactory, MilestoneFactory, SourceFactory

pytestmark = pytest.mark.django_db


def test_collaborator_pages_list_them_and_their_releases(client):
    demo.load()
    response = client.get("/colorways/collaborators/")
    assert response.status_code == HTTPStatus.OK
    assert "JJJJound" in response.content.decode() and "4 colorways" in response.content.decode()
    response = client.get("/colorways/collaborators/jjjjound/")
    assert [c.slug for c in carded(response, Colorway)][:2] == [
        "jjjjound-silver-black",
        "jjjjound-silver-white",
    ]
    assert "Justin R. Saunders" in response.content.decode()
    assert client.get("/colorways/collaborators/nobody/").status_code == HTTPStatus.NOT_FOUND


def test_upcoming_page_lists_dated_and_announced_releases(client):
    soon = ColorwayFactory(
        name="Soon",
        release_date=timezone.localdate() + datetime.timedelta(days=10),
        release_precision=ReleasePrecision.DAY,
    )
    ColorwayFactory(name="Old", release_date=datetime.date(2022, 8, 1))
    later = ColorwayFactory(name="Someday", release_date=None, release_precision="unannounced")
    response = client.get("/colorways/upcoming/")
    assert carded(response, Colorway) == [soon, later]
    assert 'href="/colorways/upcoming.ics"' in response.content.decode()


def test_ics_feed_parses_with_one_event_per_dated_upcoming_colorway(client):
    next_year = timezone.localdate().year + 1
    day = ColorwayFactory(
        name="Day",
        style_code="1201A111-222",
        release_date=datetime.date(next_year, 3, 14),
        release_precision=ReleasePrecision.DAY,
    )
    month = ColorwayFactory(
        name="Month", release_date=datetime.date(next_year, 2, 1), release_precision="month"
    )
    ColorwayFactory(name="Undated", release_date=None, release_precision="unannounced")
    ColorwayFactory(name="Past", release_date=datetime.date(2022, 8, 1))
    response = client.get("/colorways/upcoming.ics")
    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    events = {str(e["uid"]): e for e in calendar.walk("VEVENT")}
    assert set(events) == {f"colorway-{day.pk}@testserver", f"colorway-{month.pk}@testserver"}
    day_event = events[f"colorway-{day.pk}@testserver"]
    assert day_event.decoded("dtstart") == datetime.date(next_year, 3, 14)
    assert day_event.decoded("dtend") == datetime.date(next_year, 3, 15)
    assert "1201A111-222" in str(day_event["description"])
    assert str(day_event["url"]) == f"http://testserver{day.get_absolute_url()}"
    month_event = events[f"colorway-{month.pk}@testserver"]
    assert month_event.decoded("dtend") == datetime.date(next_year, 3, 1)
    assert "(due February" in str(month_event["summary"])


def test_timeline_merges_milestones_and_releases_in_order_with_disputes(client):
    demo.load()
    response = client.get("/colorways/timeline/")
    assert response.status_code == HTTPStatus.OK
    years = [y.year for y in response.context["years"]]
    assert years == sorted(years) and years[0] == 1993
    body = response.content.decode()
    assert (
        body.index("The Gel-Kayano 14 comes out")
        < body.index("Editor&#x27;s Choice")
        < body.index("Replaced by the Gel-Kayano 15")
    )
    assert body.index("The revival") < body.index("JJJJound Silver/Black")
    assert "release by JJJJound" in body
    assert "2021 (re-release)" in body


def test_timeline_leaves_out_undated_records(client):
    ColorwayFactory(name="Undated", release_date=None, release_precision="unannounced")
    milestone = MilestoneFactory(title="Award")
    SourceFactory(colorway=None, milestone=milestone)
    body = client.get("/colorways/timeline/").content.decode()
    assert "Undated" not in body and "Award" in body


def test_reserved_slugs_are_refused_for_colorways():
    from django.core.exceptions import ValidationError

    colorway = ColorwayFactory.build(slug="upcoming", collaborator=CollaboratorFactory())
    with pytest.raises(ValidationError) as excinfo:
        colorway.full_clean()
    assert "slug" in excinfo.value.message_dict
