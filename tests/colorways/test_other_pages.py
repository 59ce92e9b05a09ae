import datetime
import re
from http import HTTPStatus

import icalendar
import pytest
from django.utils import timezone

from colorways import demo
from colorways import views as colorway_views
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


def test_collaborator_pages_show_pictures_of_their_colorways(client):
    demo.load()
    body = client.get("/colorways/collaborators/").content.decode()
    items = re.findall(r'<li class="collaborator-item">.*?</li>', body, re.S)
    assert len(items) == 6
    for item in items:
        assert re.search(r'<img class="colorway-img is-(drawing|photo)"', item), item
    jjjjound = next(item for item in items if ">JJJJound<" in item)
    assert jjjjound.count("<img ") == 1  # the first of its four
    response = client.get("/colorways/collaborators/jjjjound/")
    cards = re.findall(
        r'<article class="card colorway-card">.*?</article>', response.content.decode(), re.S
    )
    assert len(cards) == 4 and all("<img " in card for card in cards)


def entry_names(response) -> list[str]:
    return re.findall(
        r'<li class="collaborator-item">.*?<h2><a href="[^"]+">([^<]+)</a>', response.text, re.S
    )


def test_collaborators_come_a_to_z_a_page_at_a_time(client):
    per_page = colorway_views.COLLABORATORS_PER_PAGE
    names = [f"Studio {n:02d}" for n in range(per_page + 1)]
    for name in reversed(names):
        ColorwayFactory(collaborator=CollaboratorFactory(name=name))
    first = client.get("/colorways/collaborators/")
    assert entry_names(first) == names[:per_page]
    assert 'rel="next" href="?page=2">Next →</a>' in first.text
    assert f"{per_page + 1} of them, A to Z" in first.text
    second = client.get("/colorways/collaborators/?page=2")
    assert entry_names(second) == names[per_page:]
    assert 'rel="prev" href="?page=1">← Previous</a>' in second.text
    assert "<title>Gel-Kayano 14 collaborators, page 2 " in second.text
    for page in ("3", "0", "x", "-1", "1.5"):
        response = client.get(f"/colorways/collaborators/?page={page}")
        assert response.status_code == HTTPStatus.NOT_FOUND, page


@pytest.mark.parametrize("size", [2, 12])
def test_a_page_of_collaborators_makes_a_fixed_number_of_queries(
    client, settings, start_generation, django_assert_num_queries, size
):
    settings.PAGE_CACHE_SECONDS = 0
    for _ in range(size):
        collaborator = CollaboratorFactory()
        ColorwayFactory.create_batch(2, collaborator=collaborator)
    CollaboratorFactory()  # nothing of its own yet
    start_generation()
    # the page's keys and the count (2), the entries with their colorway counts (1), their
    # first colorways with their pictures and palettes (3)
    with django_assert_num_queries(6):
        response = client.get("/colorways/collaborators/")
    assert len(entry_names(response)) == size + 1
    assert "No pictures yet" in response.text


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


def test_release_calendar_shows_the_first_of_each_kind_and_links_to_all_of_them(
    client, monkeypatch
):
    monkeypatch.setattr(colorway_views, "CALENDAR_LIMIT", 2)
    today = timezone.localdate()
    dated = [
        ColorwayFactory(
            name=f"Drop {days}",
            release_date=today + datetime.timedelta(days=days),
            release_precision=ReleasePrecision.DAY,
        )
        for days in (30, 10, 20)
    ]
    undated = [
        ColorwayFactory(name=name, release_date=None, release_precision="unannounced")
        for name in ("Beta", "Alpha")
    ]
    response = client.get("/colorways/upcoming/")
    assert carded(response, Colorway) == [dated[1], dated[2], undated[1], undated[0]]
    body = response.content.decode()
    assert 'href="/colorways/?status=upcoming&amp;sort=oldest">All 3 dated releases' in body
    # both announced colorways are shown: no link to more
    assert "status=announced" not in body
    everything = client.get("/colorways/?status=upcoming&sort=oldest")
    assert carded(everything, Colorway) == [dated[1], dated[2], dated[0]]


def test_without_a_dated_release_the_calendar_shows_what_is_announced(client):
    ColorwayFactory(name="Old", release_date=datetime.date(2022, 8, 1))
    someday = ColorwayFactory(name="Someday", release_date=None, release_precision="unannounced")
    response = client.get("/colorways/upcoming/")
    body = response.content.decode()
    assert carded(response, Colorway) == [someday]
    assert "Date to be confirmed" in body
    assert "No release date has been announced for what comes next" in body
    card = re.search(r'<article class="card colorway-card">.*?</article>', body, re.S)[0]
    assert '<img class="colorway-img is-drawing"' in card


def test_an_empty_calendar_says_so_and_where_to_go(client):
    ColorwayFactory(name="Old", release_date=datetime.date(2022, 8, 1))
    body = client.get("/colorways/upcoming/").content.decode()
    assert "Nothing announced right now" in body
    assert 'href="/colorways/"' in body


def test_calendar_labels_each_year_once(client):
    next_year = timezone.localdate().year + 1
    for month in (2, 5):
        ColorwayFactory(
            name=f"Drop {month}",
            release_date=datetime.date(next_year, month, 3),
            release_precision=ReleasePrecision.DAY,
        )
    ColorwayFactory(
        name="Later", release_date=datetime.date(next_year + 1, 1, 1), release_precision="year"
    )
    body = client.get("/colorways/upcoming/").content.decode()
    assert re.findall(r'<h2 id="year-(\d+)">', body) == [str(next_year), str(next_year + 1)]
    assert "3 February<" in body and "3 May<" in body and "Month to be confirmed" in body
    cards = re.findall(r'<article class="card colorway-card">.*?</article>', body, re.S)
    assert len(cards) == 3 and all("<img " in card for card in cards)
    shown = re.findall(r"<time [^>]*>([^<]*)</time>", "".join(cards))
    assert shown == ["3 February", "3 May", "Month to be confirmed"]


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
    body = response.content.decode()
    years = [int(year) for year in re.findall(r'<h2 id="year-(\d+)">', body)]
    assert years == sorted(years) and years[0] == 1993
    assert (
        body.index("The Gel-Kayano 14 comes out")
        < body.index("Editor&#x27;s Choice")
        < body.index("Replaced by the Gel-Kayano 15")
    )
    assert body.index("The revival") < body.index("JJJJound Silver/Black")
    releases = carded(response, Colorway)
    assert releases and all(colorway.release_date for colorway in releases)
    assert "2021, the re-release" in body


def test_timeline_shows_the_first_releases_of_a_busy_year_and_links_to_the_rest(
    client, monkeypatch
):
    monkeypatch.setattr(colorway_views, "TIMELINE_RELEASES_PER_YEAR", 2)
    MilestoneFactory(
        title="Award", release_date=datetime.date(2016, 12, 1), release_precision="month"
    )
    for month in (5, 1, 9, 3):
        ColorwayFactory(name=f"Month {month}", release_date=datetime.date(2016, month, 1))
    ColorwayFactory(name="Lone", release_date=datetime.date(2017, 6, 1))
    body = client.get("/colorways/timeline/").content.decode()
    assert body.index("Month 1") < body.index("Month 3") < body.index("Award")
    assert "Month 5" not in body and "Month 9" not in body
    assert 'href="/colorways/?year=2016&amp;sort=oldest">2 more releases in 2016</a>' in body
    assert "Lone" in body and "more releases in 2017" not in body
    everything = client.get("/colorways/?year=2016&sort=oldest").content.decode()
    assert all(f"Month {month}" in everything for month in (1, 3, 5, 9))


def test_each_year_is_labelled_once_and_its_releases_leave_the_year_out(client):
    for month in (3, 9):
        ColorwayFactory(
            name=f"Drop {month}",
            release_date=datetime.date(2016, month, 14),
            release_precision=ReleasePrecision.DAY,
        )
    ColorwayFactory(
        name="Spring", release_date=datetime.date(2017, 4, 1), release_precision="month"
    )
    MilestoneFactory(
        title="Award", release_date=datetime.date(2016, 1, 1), release_precision="year"
    )
    body = client.get("/colorways/timeline/").content.decode()
    assert re.findall(r'<h2 id="year-(\d+)">', body) == ["2016", "2017"]
    assert body.count(">2016<") == 1 and body.count(">2017<") == 1
    times = re.findall(r'<time datetime="([^"]+)">([^<]*)</time>', body)
    assert ("2016-03-14", "14 March") in times and ("2017-04", "April") in times
    assert not any("2016" in shown or "2017" in shown for _, shown in times)


def test_every_timeline_release_shows_a_picture(client):
    for month in (3, 9):
        ColorwayFactory(name=f"Drop {month}", release_date=datetime.date(2016, month, 1))
    response = client.get("/colorways/timeline/")
    cards = re.findall(
        r'<article class="card colorway-card">.*?</article>', response.content.decode(), re.S
    )
    assert len(cards) == 2
    assert all('<img class="colorway-img is-drawing"' in card for card in cards)


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
