from django.db import migrations

TABLE = "consent_consentrecord"
CONSTRAINT = "consent_consentrecord_snapshot_id_fk"
INDEX = "consent_consentrecord_snapshot_id_idx"


class PostgreSQLOnly(migrations.RunSQL):
    """On other databases 0002 has already made the constraint and the index."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)


class Migration(migrations.Migration):
    """Validate the records' link to their snapshot and index it, outside a transaction:
    VALIDATE and CREATE INDEX CONCURRENTLY let readers and writers carry on meanwhile."""

    atomic = False
    dependencies = [("consent", "0003_snapshot_existing_records")]

    operations = [
        PostgreSQLOnly(
            f'ALTER TABLE "{TABLE}" VALIDATE CONSTRAINT "{CONSTRAINT}"',
            reverse_sql=migrations.RunSQL.noop,
        ),
        PostgreSQLOnly(
            f'CREATE INDEX CONCURRENTLY IF NOT EXISTS "{INDEX}" ON "{TABLE}" ("snapshot_id")',
            reverse_sql=f'DROP INDEX CONCURRENTLY IF EXISTS "{INDEX}"',
        ),
    ]
