import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from colorways import demo
from colorways.models import (
    Colorway,
    Gender,
    Milestone,
    ReleasePrecision,
    ReleaseStatus,
    Source,
)
from tests.factories import ColorwayFactory, MilestoneFactory, SourceFactory

pytestmark = pytest.mark.django_db


def test_style_code_is_normalized_and_gives_the_gender():
    colorway = ColorwayFactory(style_code=" 1202a457-101 ")
    colorway.refresh_from_db()
    assert colorway.style_code == "1202A457-101"
    assert colorway.gender == Gender.WOMEN


@pytest.mark.parametrize("code", ["1204A457-101", "12O1A457-101", "1201A457_101"])
def test_database_refuses_a_malformed_style_code(code):
    colorway = ColorwayFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Colorway.objects.filter(pk=colorway.pk).update(style_code=code)


def test_form_validation_explains_a_malformed_style_code():
    colorway = ColorwayFactory.build(style_code="1201A457101", collaborator=None)
    with pytest.raises(ValidationError) as excinfo:
        colorway.full_clean()
    assert "Asics pattern" in str(excinfo.value.message_dict["style_code"])


def test_style_codes_are_unique_but_many_colorways_may_have_none():
    ColorwayFactory(style_code="1201A457-101")
    ColorwayFactory(style_code="")
    ColorwayFactory(style_code="")
    with pytest.raises(IntegrityError), transaction.atomic():
        ColorwayFactory(style_code="1201A457-101")


def test_month_precision_date_is_stored_as_the_first_and_window_end_derived():
    colorway = ColorwayFactory(
        release_date=datetime.date(2025, 6, 20), release_precision=ReleasePrecision.MONTH
    )
    colorway.refresh_from_db()
    assert colorway.release_date == datetime.date(2025, 6, 1)
    assert colorway.release_until == datetime.date(2025, 6, 30)
    assert colorway.release_display == "June 2025"


def test_a_date_without_precision_or_a_precision_without_date_is_refused():
    with pytest.raises(ValidationError) as excinfo:
        ColorwayFactory.build(
            release_date=None, release_precision=ReleasePrecision.DAY, collaborator=None
        ).full_clean()
    assert "release_date" in excinfo.value.message_dict
    with pytest.raises(IntegrityError), transaction.atomic():
        Colorway.objects.filter(pk=ColorwayFactory().pk).update(release_date=None)


def test_querysets_split_the_catalogue_by_derived_status():
    today = datetime.date(2025, 6, 15)
    released = ColorwayFactory(release_date=datetime.date(2025, 6, 15), release_precision="day")
    this_month = ColorwayFactory(release_date=datetime.date(2025, 6, 1), release_precision="month")
    unannounced = ColorwayFactory(release_date=None, release_precision="unannounced")
    assert list(Colorway.objects.released(today)) == [released]
    assert list(Colorway.objects.upcoming(today)) == [this_month]
    assert list(Colorway.objects.announced()) == [unannounced]
    assert Colorway.objects.status_counts(today) == {
        ReleaseStatus.ANNOUNCED: 1,
        ReleaseStatus.UPCOMING: 1,
        ReleaseStatus.RELEASED: 1,
    }
    assert this_month.status(today) == ReleaseStatus.UPCOMING


def test_sources_that_disagree_flag_the_colorway_as_disputed():
    colorway = ColorwayFactory()
    SourceFactory(colorway=colorway, claim="1201A457-101")
    SourceFactory(colorway=colorway, claim="1201a457-101 ")
    assert not colorway.is_disputed
    SourceFactory(colorway=colorway, claim="1201A922-100")
    assert list(colorway.disputes) == ["Style code"]


def test_a_source_belongs_to_exactly_one_record():
    with pytest.raises(IntegrityError), transaction.atomic():
        SourceFactory(colorway=ColorwayFactory(), milestone=MilestoneFactory())
    with pytest.raises(IntegrityError), transaction.atomic():
        SourceFactory(colorway=None)


def test_demo_content_is_complete_and_loading_it_twice_changes_nothing():
    demo.load()
    counts = (Colorway.objects.count(), Source.objects.count(), Milestone.objects.count())
    edited = Colorway.objects.get(slug="triple-white")
    edited.nickname = "Edited by an editor"
    edited.save()
    report = demo.load()
    assert "colorway triple-white: found, changed by an editor, left as it is" in report
    assert all(line.endswith(": found") for line in report if "triple-white" not in line)
    assert (Colorway.objects.count(), Source.objects.count(), Milestone.objects.count()) == counts
    assert Colorway.objects.get(slug="triple-white").nickname == "Edited by an editor"
    first_jjjjound = Colorway.objects.get(style_code="1201A457-101")
    assert first_jjjjound.collaborator.name == "JJJJound"
    assert "Style code" in first_jjjjound.disputes
    assert Milestone.objects.get(title="The revival").is_disputed
    ub1s = Colorway.objects.get(slug="kiko-kostadinov-ub1-s-classic-red-asics-blue")
    assert ub1s.release_display == "27 November 2020"
    assert ub1s.status() == ReleaseStatus.RELEASED
    assert str(ub1s.main_price) == "16,000 JPY before tax (Japan)"
    collaborators = set(Colorway.objects.values_list("collaborator__name", flat=True))
    assert collaborators >= {"JJJJound", "Kith", "atmos", "FACETASM", "Awake NY", None}
