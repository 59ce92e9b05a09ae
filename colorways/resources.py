"""CSV import and export of colorways (django-import-export).

One row per colorway, matched on its slug: a row with a new slug adds a
colorway, a row with an existing slug updates it. Every row is validated like
the admin form (style code pattern, date and precision, unique style code)
and, in the admin, the whole file is checked in a dry run first: nothing is
saved unless every row is valid.

Speed: a file of 10,000 rows is checked and imported in a few seconds, well within a
worker's 30-second timeout. The colorways the file names, the collaborators and the
style codes in use are read once per import; uniqueness is checked in memory (the
database's constraints still guard the final write); rows are written in bulk; a dry
run writes nothing at all. The whole file is one transaction: every row or none.

Spreadsheet formulas: a cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage
return would run as a formula when the exported file is opened in a spreadsheet. Export
prefixes such a value with an apostrophe (the spreadsheet's "this is text" mark); import
takes that apostrophe off again and refuses a cell that still starts like a formula.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import router
from django.db.models.signals import post_save
from django.utils import timezone
from import_export import fields, resources
from import_export.forms import ImportForm
from import_export.widgets import ForeignKeyWidget

from colorways.models import Collaborator, Colorway

COLUMNS = (
    "slug",
    "name",
    "nickname",
    "style_code",
    "collaborator",
    "pack",
    "release_date",
    "release_precision",
    "region",
    "materials",
    "story",
)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
TEXT_MARK = "'"
MAX_IMPORT_BYTES = 2 * 1024 * 1024
# import-export's words for a cell it cannot read, and the editors'.
FRIENDLIER = {
    "Value could not be parsed using defined formats.": "write the date as YYYY-MM-DD, "
    "e.g. 2023-06-01",
}
# One request checks or imports a whole file; at about a millisecond a row this keeps
# it well inside a worker's timeout. Larger files are split by the editor.
MAX_IMPORT_ROWS = 10_000


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    label: str
    guide: str
    example: str


# The import page's guide to every column, and the template file's header.
GUIDE = (
    Column("slug", "slug", "Required. Identifies the colorway and makes its address "
           "(/colorways/<slug>/): an existing slug updates that colorway, a new one adds it. "
           "Lower-case letters, digits and hyphens.", "kith-cream-antler"),
    Column("name", "name", "Required for a new colorway: the official name, as Asics lists it.",
           "Cream/Antler"),
    Column("nickname", "nickname", "What people call it. May be empty.",
           "Kith Vintage Tech Cream/Antler"),
    Column("style_code", "style code", "The Asics code, e.g. 1201A457-101 (1201A men's, 1202A "
           "women's, 1203A unisex). Empty if unknown; no two colorways can share one.",
           "1201A111-201"),
    Column("collaborator", "collaborator", "The collaborator's slug or name, which must already "
           "exist (Colorways → Collaborators). Empty for a general release.", "kith"),
    Column("pack", "pack", "The pack or collection. May be empty.", "Vintage Tech 2023"),
    Column("release_date", "release date", "YYYY-MM-DD. For a month or a year any day in it will "
           "do. Empty when not announced.", "2023-06-01"),
    Column("release_precision", "date precision", "day, month, year or unannounced. Empty means "
           "day with a date, unannounced without one.", "month"),
    Column("region", "region", "Region or exclusivity, e.g. Japan. Empty for worldwide.", ""),
    Column("materials", "materials", "One line, e.g. Mesh, synthetic overlays.",
           "Mesh, suede overlays"),
    Column("story", "story", "Markdown: the story behind the colorway.", "Part of the **Vintage "
           "Tech** pack."),
)  # fmt: skip
LABELS = {column.name: column.label for column in GUIDE}
TEMPLATE_ROWS = (
    GUIDE_EXAMPLE := tuple(column.example for column in GUIDE),
    ("triple-white", "White/White", "Triple White", "1201A019-100", "", "", "", "", "", "", ""),
    ("atmos-preview", "Black/Red", "", "", "atmos", "", "2026-01-01", "year", "atmos exclusive",
     "", ""),
)  # fmt: skip


def escape_formula(value):
    """The value as a spreadsheet shows it as text, never runs it."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return TEXT_MARK + value
    return value


def unescape_formula(value):
    """Undo `escape_formula`; None when the cell is an unescaped formula."""
    if not isinstance(value, str):
        return value
    if value.startswith(TEXT_MARK) and value[1:].startswith(FORMULA_STARTS):
        return value[1:]
    if value.startswith(FORMULA_STARTS):
        return None
    return value


# What an imported colorway stores: the file's columns and what a save derives from them.
PREPARED_FIELDS = (
    "name", "nickname", "slug", "style_code", "collaborator_id", "pack", "release_date",
    "release_precision", "region", "materials", "story", "story_html", "release_until",
)  # fmt: skip
DERIVED_FROM = {
    "story_html": {"story"},
    "release_until": {"release_date", "release_precision"},
    "release_date": {"release_date", "release_precision"},  # normalized to the precision
    "collaborator_id": {"collaborator"},
}


def announce_bulk_change(colorway: Colorway) -> None:
    """Bulk writes send no save signals: send one for the whole import, so that the
    caches (and anything else listening) hear of it as of any save."""
    post_save.send(
        sender=Colorway,
        instance=colorway,
        created=False,
        raw=False,
        using=router.db_for_write(Colorway),
        update_fields=None,
    )


def prepared_fields(colorway: Colorway) -> dict:
    """A prepared colorway's stored values, as JSON can keep them."""
    encoder = DjangoJSONEncoder()
    return {
        name: value if isinstance(value, str | int | type(None)) else encoder.default(value)
        for name in PREPARED_FIELDS
        for value in [getattr(colorway, name)]
    }


def written_fields(headers) -> list[str]:
    """The stored fields an import of a file with these columns changes on an existing
    colorway: its columns and what is derived from them, nothing else."""
    columns = set(headers)
    fields = [
        name
        for name in PREPARED_FIELDS
        if name != "slug" and (name in columns or DERIVED_FROM.get(name, set()) & columns)
    ]
    return [*fields, "updated_at"]


def check_upload(upload) -> bytes:
    """The content of an uploaded CSV file; ValidationError unless it is UTF-8 text of at
    most 2 MB."""
    if upload.size > MAX_IMPORT_BYTES:
        raise ValidationError(
            "The file is larger than 2 MB; split it into several imports.", code="too_large"
        )
    data = b"".join(upload.chunks())
    upload.seek(0)
    if b"\x00" in data:
        raise ValidationError(
            "This is not CSV text but a binary file (an image, a workbook, or text saved "
            "as UTF-16?); save it from your spreadsheet as “CSV UTF-8”.",
            code="binary",
        )
    try:
        data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValidationError(
            f"The file is not UTF-8 text (byte {exc.start + 1} is not valid); "
            "save it from your spreadsheet as “CSV UTF-8”.",
            code="encoding",
        ) from exc
    return data


class ColorwayImportForm(ImportForm):
    """The admin's import form: a UTF-8 CSV text file of at most 2 MB."""

    def clean_import_file(self):
        upload = self.cleaned_data["import_file"]
        check_upload(upload)
        return upload


class CollaboratorWidget(ForeignKeyWidget):
    """A collaborator by slug (as exported) or by name, from a table read once per import."""

    def __init__(self):
        super().__init__(Collaborator, field="slug")
        self.known: dict[str, Collaborator] | None = None

    def load(self) -> None:
        self.known = {}
        for collaborator in Collaborator.objects.all():
            self.known[collaborator.slug.casefold()] = collaborator
            self.known.setdefault(collaborator.name.casefold(), collaborator)

    def clean(self, value, row=None, **kwargs):
        if value in (None, ""):
            return None
        if self.known is None:
            self.load()
        found = self.known.get(str(value).strip().casefold())
        if found is None:
            raise ValueError(
                f"no collaborator called “{value}” — create it first "
                "(Colorways → Collaborators) or fix the name"
            )
        return found


class ColorwayResource(resources.ModelResource):
    collaborator = fields.Field(
        attribute="collaborator", column_name="collaborator", widget=CollaboratorWidget()
    )

    class Meta:
        model = Colorway
        fields = COLUMNS
        export_order = COLUMNS
        import_id_fields = ["slug"]
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = True
        use_transactions = True
        use_bulk = True
        batch_size = 1000
        # The preview shows each row as the file has it, not an HTML diff per row.
        skip_html_diff = True
        store_row_values = True

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.existing: dict[str, Colorway] = {}
        self.code_owners: dict[str, str] = {}
        self.seen_slugs: dict[str, int] = {}
        self.seen_codes: dict[str, int] = {}
        self.row_number = 0
        # Set for a part of a larger file (colorways.importing): its first row's number
        # less one, and where each slug and style code first appears in the whole file.
        self.row_offset = 0
        self.headers: list[str] = list(COLUMNS)
        self.first_rows: dict[str, dict[str, int]] | None = None
        # When set, valid rows are prepared (normalized, derived) and listed, not written.
        self.prepared: list[dict] | None = None

    def export_field(self, field, instance, **kwargs):
        return escape_formula(super().export_field(field, instance, **kwargs))

    def before_import(self, dataset, **kwargs):
        dataset.headers = check_file(
            dataset.headers, rows=len(dataset), whole_file=self.first_rows is None
        )
        self.headers = dataset.headers
        slugs = {str(slug).strip() for slug in dataset["slug"] if slug}
        self.existing = {
            colorway.slug: colorway
            for colorway in Colorway.objects.filter(slug__in=slugs).select_related("collaborator")
        }
        self.code_owners = dict(
            Colorway.objects.exclude(style_code="").values_list("style_code", "slug")
        )
        self.fields["collaborator"].widget.load()

    def get_instance(self, instance_loader, row):
        return self.existing.get(str(row.get("slug") or "").strip())

    def import_row(self, row, instance_loader, **kwargs):
        self.row_number = kwargs.get("row_number", 0) + self.row_offset
        return super().import_row(row, instance_loader, **kwargs)

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        errors = {
            field: [FRIENDLIER.get(text, text) for text in ValidationError(messages).messages]
            for field, messages in (import_validation_errors or {}).items()
        }
        try:
            # Uniqueness is checked below against what was read once, not row by row,
            # and the collaborator was found in the table read once: no query per row.
            instance.full_clean(
                exclude={*errors, "collaborator"}, validate_unique=False, validate_constraints=False
            )
        except ValidationError as error:
            # A cell the file got wrong is reported once, not again by the model's checks.
            for field, messages in error.message_dict.items():
                errors.setdefault(field, messages)
        number = self.row_number
        if self.first_rows is not None:
            earlier = self.first_rows["slug"].get(instance.slug, number)
        else:
            earlier = self.seen_slugs.setdefault(instance.slug, number)
        if earlier != number and "slug" not in errors:
            errors["slug"] = [f"row {earlier} has this slug too; each row needs its own"]
        code = instance.style_code
        if code and "style_code" not in errors:
            owner = self.code_owners.get(code)
            if self.first_rows is not None:
                earlier = self.first_rows["style_code"].get(code, number)
            else:
                earlier = self.seen_codes.setdefault(code, number)
            if owner and owner != instance.slug:
                errors["style_code"] = [f"the colorway “{owner}” already has this style code"]
            elif earlier != number:
                errors["style_code"] = [f"row {earlier} has this style code too"]
        if errors:
            raise ValidationError(errors)

    def save_instance(self, instance, is_create, row, **kwargs):
        if self.prepared is None:
            return super().save_instance(instance, is_create, row, **kwargs)
        instance.derive_fields()
        self.prepared.append(
            {"row": self.row_number, "new": is_create, "fields": prepared_fields(instance)}
        )
        return None

    def before_save_instance(self, instance, row, **kwargs):
        if kwargs.get("dry_run"):
            return
        # Bulk writes bypass save(): derive here what it would.
        instance.derive_fields()
        instance.updated_at = timezone.now()

    def get_bulk_update_fields(self):
        return written_fields(self.headers)

    def bulk_create(self, using_transactions, dry_run, raise_errors, batch_size=None, result=None):
        if dry_run:  # the rows were checked; a dry run writes nothing
            self.create_instances.clear()
            return
        super().bulk_create(using_transactions, dry_run, raise_errors, batch_size, result)

    def bulk_update(self, using_transactions, dry_run, raise_errors, batch_size=None, result=None):
        if dry_run:
            self.update_instances.clear()
            return
        super().bulk_update(using_transactions, dry_run, raise_errors, batch_size, result)

    def after_import(self, dataset, result, **kwargs):
        super().after_import(dataset, result, **kwargs)
        result.headers = list(dataset.headers or [])
        result.row_offset = self.row_offset
        if not kwargs.get("dry_run") and (result.totals["new"] or result.totals["update"]):
            announce_bulk_change(Colorway())

    def before_import_row(self, row, **kwargs):
        for column, value in row.items():
            text = unescape_formula(value)
            if text is None:
                raise ValidationError(
                    {
                        column: "This cell starts like a spreadsheet formula (=, +, -, @). "
                        f"Start it with an apostrophe ({TEXT_MARK}) to import it as text."
                    }
                )
            row[column] = text
        # Spreadsheets pad cells and lower-case codes; the model stores them upper-case.
        for column in ("slug", "style_code", "collaborator", "release_precision"):
            if row.get(column) is not None:
                row[column] = str(row[column]).strip()
        if "release_precision" in row and row["release_precision"] in (None, ""):
            row["release_precision"] = "day" if row.get("release_date") else "unannounced"

    def import_data(self, dataset, **kwargs):
        # All or nothing: one invalid row rolls back the whole file, even outside the admin.
        kwargs.setdefault("rollback_on_validation_errors", True)
        return super().import_data(dataset, **kwargs)


def check_file(headers, *, rows: int, whole_file: bool = True) -> list[str]:
    """The file's column names, cleaned; ValueError saying what is wrong with them or with
    its length. A part of a file (whole_file=False) is not held to the row limit."""
    headers = [str(header or "").strip() for header in headers or []]
    if "slug" not in headers:
        raise ValueError(
            "The file has no “slug” column: the first line must name the columns "
            "(download the template to see them)."
        )
    unknown = [header for header in headers if header not in COLUMNS]
    if unknown:
        raise ValueError(
            f"Unknown column(s): {', '.join(f'“{h}”' for h in unknown)}. "
            f"The columns are: {', '.join(COLUMNS)}."
        )
    if whole_file and rows > MAX_IMPORT_ROWS:
        raise ValueError(
            f"The file has {rows:,} rows; import at most {MAX_IMPORT_ROWS:,} at a "
            "time (split it into several files)."
        )
    if whole_file and rows == 0:
        raise ValueError("The file has no rows under its header.")
    return headers


def problems(result) -> list[str]:
    """Everything wrong with an imported file, one sentence per problem, in the order of
    its rows: "Row 7: no collaborator called “Kith NYC” — create it first or fix the name"."""
    found = [str(getattr(error, "error", error)) for error in result.base_errors]
    for number, errors in result.row_errors():
        found += [
            f"Row {number + getattr(result, 'row_offset', 0)}: could not be read ({error.error})."
            for error in errors
        ]
    offset = getattr(result, "row_offset", 0)
    for row in result.invalid_rows:
        values = dict(zip(result.diff_headers, row.values or (), strict=False))
        for field, messages in row.error_dict.items():
            for message in messages:
                found.append(f"Row {row.number + offset}: {_describe(field, values, message)}")
    return found


def _describe(field: str, values: dict, message: str) -> str:
    message = message.rstrip(".")
    if field == "collaborator" or field not in LABELS:
        return f"{message}."
    value = values.get(field) if values else None
    shown = f" “{value}”" if value not in (None, "", "---") else ""
    return f"{LABELS[field]}{shown}: {message[:1].lower()}{message[1:]}."
