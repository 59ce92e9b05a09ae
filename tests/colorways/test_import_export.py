import csv
import io
from http import HTTPStatus

import pytest
import tablib
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from colorways.models import Colorway
from colorways.resources import ColorwayResource
from tests.factories import CollaboratorFactory, ColorwayFactory, UserFactory

pytestmark = pytest.mark.django_db

HEADER = "slug,name,nickname,style_code,collaborator,pack,release_date,release_precision,region"
GOOD_ROWS = [
    "kith-cream-antler,Cream/Antler,,1201A111-201,kith,Vintage Tech 2023,2023-06-01,month,",
    "triple-white,White/White,Triple White,1201a019-100,,,,,",
]
BAD_ROW = "jjjjound-bad,Silver/Black,,1201A457101,jjjjound,,2022-08-01,month,"


def csv_file(*rows: str) -> SimpleUploadedFile:
    return SimpleUploadedFile("colorways.csv", "\n".join([HEADER, *rows]).encode(), "text/csv")


@pytest.fixture
def collaborators():
    CollaboratorFactory(slug="kith", name="Kith")
    CollaboratorFactory(slug="jjjjound", name="JJJJound")


def import_url():
    return reverse("admin:colorways_colorway_import")


def test_dry_run_of_a_file_with_a_bad_row_saves_nothing_and_reports_the_row(
    staff_client, collaborators
):
    response = staff_client.post(
        import_url(),
        {"format": "0", "resource": "0", "import_file": csv_file(*GOOD_ROWS, BAD_ROW)},
    )
    assert response.status_code == HTTPStatus.OK
    body = response.content.decode()
    result = response.context["result"]
    assert result.has_validation_errors()
    (invalid,) = result.invalid_rows
    assert invalid.number == 3
    assert "style_code" in invalid.field_specific_errors
    assert "Asics pattern" in body
    assert 'name="import_file_name"' not in body  # no confirm form: nothing can be saved
    assert Colorway.objects.count() == 0


def test_dry_run_shows_a_preview_and_confirming_saves_every_row(staff_client, collaborators):
    response = staff_client.post(
        import_url(), {"format": "0", "resource": "0", "import_file": csv_file(*GOOD_ROWS)}
    )
    assert response.status_code == HTTPStatus.OK
    assert not response.context["result"].has_errors()
    assert Colorway.objects.count() == 0
    confirm = response.context["confirm_form"]
    response = staff_client.post(
        reverse("admin:colorways_colorway_process_import"),
        {**confirm.initial, "resource": "0"},
    )
    assert response.status_code == HTTPStatus.FOUND
    white = Colorway.objects.get(slug="triple-white")
    assert (white.style_code, white.release_precision, white.collaborator) == (
        "1201A019-100",
        "unannounced",
        None,
    )
    assert Colorway.objects.get(slug="kith-cream-antler").release_display == "June 2023"


@pytest.mark.parametrize(
    ("row", "column"),
    [
        ("x,Name,,1201A111-201,nobody,,,,", "collaborator"),
        ("x,Name,,,,,2023-13-45,day,", "release_date"),
        ("x,Name,,,,,,day,", "release_date"),
        ("upcoming,Name,,,,,,,", "slug"),
        ("x,Name,,1201A111-201,,,,,", "style_code"),  # already taken below
    ],
)
def test_every_kind_of_bad_row_is_reported_and_nothing_saved(collaborators, row, column):
    ColorwayFactory(style_code="1201A111-201")
    before = Colorway.objects.count()
    dataset = tablib.Dataset().load("\n".join([HEADER, GOOD_ROWS[1], row]), format="csv")
    result = ColorwayResource().import_data(dataset, dry_run=False, raise_errors=False)
    assert result.has_errors() or result.has_validation_errors()
    reported = " ".join(
        [str(e.error) for _, errors in result.row_errors() for e in errors]
        + [f"{k} {v}" for r in result.invalid_rows for k, v in r.error_dict.items()]
    )
    assert column in reported or column.replace("_", " ") in reported.lower()
    assert Colorway.objects.count() == before


def test_admin_export_downloads_a_csv_that_imports_back(staff_client):
    ColorwayFactory(slug="one", collaborator=CollaboratorFactory(slug="kith"))
    ColorwayFactory(slug="two", collaborator=None)
    columns = ["slug", "name", "style_code", "collaborator", "release_date", "release_precision"]
    response = staff_client.post(
        reverse("admin:colorways_colorway_export"),
        {"resource": "0", "format": "0", **{f"colorwayresource_{c}": "on" for c in columns}},
    )
    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"].startswith("text/csv")
    text = response.content.decode()
    rows = list(csv.DictReader(io.StringIO(text)))
    assert {(r["slug"], r["collaborator"]) for r in rows} == {("one", "kith"), ("two", "")}
    result = ColorwayResource().import_data(tablib.Dataset().load(text, format="csv"))
    assert not result.has_errors() and not result.has_validation_errors()
    assert result.totals["skip"] == 2  # nothing changed


def test_import_needs_add_and_change_permission(client):
    from django.contrib.auth.models import Permission

    user = UserFactory(is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="view_colorway"))
    client.force_login(user)
    assert client.get(import_url()).status_code == HTTPStatus.FORBIDDEN


def test_an_import_updates_by_slug_and_leaves_missing_columns_alone():
    existing = ColorwayFactory(slug="kith-cream-antler", story="Kept.", pack="Vintage Tech 2023")
    dataset = tablib.Dataset().load("slug,name\nkith-cream-antler,Cream/Antler v2", format="csv")
    result = ColorwayResource().import_data(dataset, dry_run=False)
    assert not result.has_errors() and not result.has_validation_errors()
    existing.refresh_from_db()
    assert (existing.name, existing.story, existing.pack) == (
        "Cream/Antler v2",
        "Kept.",
        "Vintage Tech 2023",
    )


def test_a_dry_run_lists_every_rows_problems_at_once_in_editors_words(staff_client, collaborators):
    unknown = "kith-nyc,Grey,,,Kith NYC,,,,"
    response = staff_client.post(
        import_url(),
        {"format": "0", "resource": "0", "import_file": csv_file(unknown, *GOOD_ROWS, BAD_ROW)},
    )
    found = [
        li.strip() for li in response.text.split('class="import-problems"')[1].split("<li>")[1:]
    ]
    assert found[0].startswith(
        "Row 1: no collaborator called “Kith NYC” — create it first (Colorways → "
        "Collaborators) or fix the name."
    )
    assert found[1].startswith("Row 4: style code “1201A457101”: use the Asics pattern")
    assert Colorway.objects.count() == 0


def test_confirming_an_import_refreshes_the_cached_pages(staff_client, collaborators):
    from caching import generation as content_generation

    response = staff_client.post(
        import_url(), {"format": "0", "resource": "0", "import_file": csv_file(*GOOD_ROWS)}
    )
    generation = content_generation.current().id
    staff_client.post(
        reverse("admin:colorways_colorway_process_import"),
        {**response.context["confirm_form"].initial, "resource": "0"},
    )
    assert Colorway.objects.count() == 2
    assert content_generation.current().id != generation
