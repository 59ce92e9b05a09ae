from django.db import migrations, models

NAME = "colorways_palette_family"
INDEX = f'"{NAME}" ON "colorways_palettecolour" ("family", "colorway_id")'


class CreateIndex(migrations.RunSQL):
    """Built CONCURRENTLY on PostgreSQL, so that colorways stay editable meanwhile on a
    live database; a plain index elsewhere (SQLite)."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)
        else:
            schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {INDEX}")

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)
        else:
            schema_editor.execute(f'DROP INDEX IF EXISTS "{NAME}"')


class Migration(migrations.Migration):
    """Index palette colours by family: the catalogue's colour filter and its counts by
    colour family read this index alone. Outside a transaction, as CONCURRENTLY needs."""

    atomic = False
    dependencies = [("colorways", "0003_drawing_regions")]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[
                CreateIndex(
                    f"CREATE INDEX CONCURRENTLY IF NOT EXISTS {INDEX}",
                    reverse_sql=f'DROP INDEX CONCURRENTLY IF EXISTS "{NAME}"',
                )
            ],
            state_operations=[
                migrations.AddIndex(
                    model_name="palettecolour",
                    index=models.Index(fields=["family", "colorway"], name=NAME),
                )
            ],
        )
    ]
