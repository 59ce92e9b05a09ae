"""CSV import and export of colorways (django-import-export).

One row per colorway, matched on its slug: a row with a new slug adds a
colorway, a row with an existing slug updates it. Every row is validated like
the admin form (style code pattern, date and precision, unique style code)
and, in the admin, the whole file is checked in a dry run first: nothing is
saved unless every row is valid.

Spreadsheet formulas: a cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage
return would run as a formula when the exported file is opened in a spreadsheet. Export
prefixes such a value with an apostrophe (the spreadsheet's "this is text" mark); import
takes that apostrophe off again and refuses a cell that still starts like a formula.
"""

from django.core.exceptions import ValidationError
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


class ColorwayImportForm(ImportForm):
    """The admin's import form: a UTF-8 CSV text file of at most 2 MB."""

    def clean_import_file(self):
        upload = self.cleaned_data["import_file"]
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
        return upload


class ColorwayResource(resources.ModelResource):
    collaborator = fields.Field(
        attribute="collaborator",
        column_name="collaborator",
        widget=ForeignKeyWidget(Collaborator, field="slug"),
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

    def export_field(self, field, instance, **kwargs):
        return escape_formula(super().export_field(field, instance, **kwargs))

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
