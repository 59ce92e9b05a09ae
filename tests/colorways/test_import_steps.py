"""The colorway import as the page's script drives it: the file checked part by part,
every problem listed at once, then every row saved in one transaction or none."""

import csv
import io
from http import HTTPStatus

import pytest
from django.contrib.admin.models import LogEntry
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from caching import generation as content_generation
from colorways import importing, resources
from colorways.models import Colorway, ImportBatch
from config.roles import WRITERS
from tests.factories import CollaboratorFactory, ColorwayFactory, StaffFactory

pytestmark = pytest.mark.django_db

HEADER = "slug,name,style_code,collaborator,release_date,release_precision"


@pytest.fixture(autouse=True)
def small_parts(monkeypatch):
    monkeypatch.setattr(importing, "CHUNK_ROWS", 2)


@pytest.fixture
def kith():
    return CollaboratorFactory(slug="kith", name="Kith")


def upload(*rows, header=HEADER):
    return SimpleUploadedFile("colorways.csv", "\n".join([header, *rows]).encode(), "text/csv")


def run(client, *rows, header=HEADER, commit=True):
    """Stage the file, check every part, then commit: (problems, commit response)."""
    staged = client.post(
        reverse("admin:colorways_colorway_import_stage"),
        {"import_file": upload(*rows, header=header)},
    )
    if staged.status_code != HTTPStatus.OK:
        return staged.json()["problems"], staged
    batch, total, size = staged.json()["batch"], staged.json()["total"], staged.json()["chunk"]
    found = []
    for start in range(0, total, size):
        url = reverse("admin:colorways_colorway_import_check", args=[batch])
        part = client.post(url, {"start": start})
        assert part.status_code == HTTPStatus.OK
        found += part.json()["problems"]
    if not commit:
        return found, batch
    return found, client.post(reverse("admin:colorways_colorway_import_commit", args=[batch]))


# fmt: skip


def test_a_file_checked_in_parts_is_saved_at_once_and_logged(staff_client, kith):
    generation = content_generation.current().id
    found, response = run(
        staff_client,
        "kith-cream,Cream/Antler,1201A111-201,Kith,2023-06-14,month",
        "triple-white,White/White,1201a019-100,,,",
        "black-red,Black/Red,,kith,2026-01-01,year",
    )
    assert found == []
    assert response.status_code == HTTPStatus.OK
    assert response.json()["added"] == 3
    cream = Colorway.objects.get(slug="kith-cream")
    assert (cream.collaborator, cream.release_display, cream.release_until.isoformat()) == (
        kith,
        "June 2023",
        "2023-06-30",
    )
    assert Colorway.objects.get(slug="triple-white").style_code == "1201A019-100"
    assert LogEntry.objects.filter(change_message="Added by a CSV import.").count() == 3
    assert content_generation.current().id != generation
    assert not ImportBatch.objects.exists()


def test_every_problem_of_every_part_is_reported_at_once_and_nothing_is_saved(staff_client, kith):
    ColorwayFactory(slug="taken", style_code="1201A457-101")
    found, response = run(
        staff_client,
        "one,Name,,Kith NYC,,",
        "two,Name,1201A457101,,,",
        "one,Name again,,,,",
        "three,Name,1201A457-101,,,",
        "four,Name,,,2023-13-45,day",
    )
    assert found == [
        "Row 1: no collaborator called “Kith NYC” — create it first (Colorways → "
        "Collaborators) or fix the name.",
        "Row 2: style code “1201A457101”: use the Asics pattern: 1201A, 1202A or 1203A, "
        "three digits, a hyphen, three digits (e.g. 1201A457-101).",
        "Row 3: slug “one”: row 1 has this slug too; each row needs its own.",
        "Row 4: style code “1201A457-101”: the colorway “taken” already has this style code.",
        "Row 5: release date “2023-13-45”: write the date as YYYY-MM-DD, e.g. 2023-06-01.",
    ]
    assert response.status_code == HTTPStatus.CONFLICT
    assert Colorway.objects.count() == 1


def test_a_file_must_be_checked_whole_before_it_is_saved(staff_client):
    staged = staff_client.post(
        reverse("admin:colorways_colorway_import_stage"),
        {"import_file": upload("a,A,,,,", "b,B,,,,", "c,C,,,,")},
    ).json()
    check = reverse("admin:colorways_colorway_import_check", args=[staged["batch"]])
    assert staff_client.post(check, {"start": 0}).status_code == HTTPStatus.OK
    commit = reverse("admin:colorways_colorway_import_commit", args=[staged["batch"]])
    response = staff_client.post(commit)
    assert response.status_code == HTTPStatus.CONFLICT
    assert response.json()["problems"] == ["Check the whole file before importing it."]
    for start in ("1", "x", "-2", "99"):
        assert staff_client.post(check, {"start": start}).status_code == HTTPStatus.BAD_REQUEST
    assert not Colorway.objects.exists()


def test_when_the_catalogue_changed_since_the_check_nothing_is_saved(staff_client):
    found, batch = run(staff_client, "a,A,,,,", "b,B,,,,", "c,C,,,,", commit=False)
    assert found == []
    ColorwayFactory(slug="c")  # added by someone else meanwhile
    response = staff_client.post(reverse("admin:colorways_colorway_import_commit", args=[batch]))
    assert response.status_code == HTTPStatus.CONFLICT
    assert "Nothing was imported: the catalogue changed" in response.json()["problems"][0]
    assert set(Colorway.objects.values_list("slug", flat=True)) == {"c"}


def test_an_update_changes_only_the_columns_of_the_file(staff_client):
    ColorwayFactory(slug="kept", name="Old", story="A story.", pack="A pack")
    found, response = run(staff_client, "kept,New", header="slug,name")
    assert response.json() == {
        "redirect": reverse("admin:colorways_colorway_changelist"),
        "added": 0,
        "changed": 1,
    }
    kept = Colorway.objects.get(slug="kept")
    assert (kept.name, kept.story, kept.pack) == ("New", "A story.", "A pack")
    assert kept.story_html == "<p>A story.</p>"


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"", "Choose a CSV file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "not CSV text but a binary file"),
        (b"slug,colour\nx,red", "Unknown column(s): “colour”"),
        (b"name\nx", "no “slug” column"),
        (b"slug,name\n", "no rows under its header"),
        (b"slug,name\n" + b"x,y\n" * 4, "import at most 3 at a time"),
    ],
)
def test_a_file_that_cannot_be_imported_is_refused_with_what_to_do(
    staff_client, monkeypatch, content, problem
):
    monkeypatch.setattr(resources, "MAX_IMPORT_ROWS", 3)
    data = {"import_file": SimpleUploadedFile("f.csv", content)} if content else {}
    response = staff_client.post(reverse("admin:colorways_colorway_import_stage"), data)
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert problem in " ".join(response.json()["problems"])
    assert not ImportBatch.objects.exists()


def test_a_batch_is_its_importers_alone_and_needs_the_import_right(client, staff_client):
    staged = staff_client.post(
        reverse("admin:colorways_colorway_import_stage"), {"import_file": upload("a,A,,,,")}
    ).json()
    check = reverse("admin:colorways_colorway_import_check", args=[staged["batch"]])
    client.force_login(StaffFactory(is_superuser=True))
    assert client.post(check, {"start": 0}).status_code == HTTPStatus.NOT_FOUND
    client.force_login(StaffFactory(roles=[WRITERS]))
    assert client.post(check, {"start": 0}).status_code == HTTPStatus.FORBIDDEN
    assert client.get(check).status_code == HTTPStatus.METHOD_NOT_ALLOWED


def test_checking_a_part_costs_the_same_few_queries_whatever_its_size(
    staff_client, kith, monkeypatch, django_assert_max_num_queries
):
    monkeypatch.setattr(importing, "CHUNK_ROWS", 1000)
    rows = [f"c{i},Name {i},1201A{i % 1000:03d}-{i // 1000:03d},kith,2023-06-01,month"
            for i in range(1000)]  # fmt: skip
    staged = staff_client.post(
        reverse("admin:colorways_colorway_import_stage"), {"import_file": upload(*rows)}
    ).json()
    check = reverse("admin:colorways_colorway_import_check", args=[staged["batch"]])
    with django_assert_max_num_queries(25):
        part = staff_client.post(check, {"start": 0}).json()
    assert part["problems"] == [] and part["totals"]["new"] == 1000
    commit = reverse("admin:colorways_colorway_import_commit", args=[staged["batch"]])
    with django_assert_max_num_queries(25):
        assert staff_client.post(commit).json()["added"] == 1000


def test_the_template_file_lists_every_column_and_its_examples_import(staff_client):
    CollaboratorFactory(slug="kith")
    CollaboratorFactory(slug="atmos")
    response = staff_client.get(reverse("admin:colorways_colorway_import_template"))
    assert response["Content-Disposition"] == 'attachment; filename="colorways-template.csv"'
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == list(resources.COLUMNS) and len(rows) == 4
    found, saved = run(staff_client, *response.content.decode().splitlines()[1:],
                       header=response.content.decode().splitlines()[0])  # fmt: skip
    assert found == [] and saved.json()["added"] == 3
    page = staff_client.get(reverse("admin:colorways_colorway_import")).text
    for column in resources.GUIDE:
        assert f"<code>{column.name}</code>" in page
