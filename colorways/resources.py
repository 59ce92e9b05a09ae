"""CSV import and export of colorways (django-import-export).

One row per colorway, matched on its slug: a row with a new slug adds a
colorway, a row with an existing slug updates it. Every row is validated like
the admin form (style code pattern, date and precision, unique style code)
and, in the admin, the whole file is checked in a dry run first: nothing is
saved unless every row is valid.
"""

from import_export import fields, resources
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

    def before_import_row(self, row, **kwargs):
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
