import django.db.models.deletion
from django.db import migrations, models

TABLE = "consent_consentrecord"
CONSTRAINT = "consent_consentrecord_snapshot_id_fk"


class AddSnapshotField(migrations.AddField):
    """AddField, except that on PostgreSQL the new column's foreign key is added NOT VALID
    and without its index: 0004 validates it and builds the index without blocking
    readers or writers of a large consent record table."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor != "postgresql":
            return super().database_forwards(app_label, schema_editor, from_state, to_state)
        schema_editor.execute(f'ALTER TABLE "{TABLE}" ADD COLUMN "snapshot_id" varchar(16) NULL')
        schema_editor.execute(
            f'ALTER TABLE "{TABLE}" ADD CONSTRAINT "{CONSTRAINT}" FOREIGN KEY ("snapshot_id") '
            'REFERENCES "consent_bannerversion" ("version") DEFERRABLE INITIALLY DEFERRED '
            "NOT VALID"
        )


class Migration(migrations.Migration):
    """Snapshots of what each banner version showed, and a link to them from each record."""

    dependencies = [("consent", "0001_initial")]

    operations = [
        migrations.CreateModel(
            name="BannerVersion",
            fields=[
                ("version", models.CharField(max_length=16, primary_key=True, serialize=False)),
                ("title", models.CharField(help_text="The banner's heading.", max_length=200)),
                ("text", models.TextField(help_text="The banner's text, as the reader read it.")),
                (
                    "groups",
                    models.JSONField(
                        help_text="The cookie groups offered and their cookies: purpose, "
                        "provider, lifetime."
                    ),
                ),
                (
                    "note",
                    models.TextField(
                        blank=True, help_text="How this snapshot was made, if not as usual."
                    ),
                ),
                ("first_recorded_at", models.DateTimeField(auto_now_add=True)),
            ],
            options={"ordering": ["-first_recorded_at"]},
        ),
        AddSnapshotField(
            model_name="consentrecord",
            name="snapshot",
            field=models.ForeignKey(
                blank=True,
                help_text="What the visitor was shown. Empty for records made before "
                "snapshots were kept.",
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="records",
                to="consent.bannerversion",
            ),
        ),
    ]
