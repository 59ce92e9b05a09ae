from django.db import migrations

INDEX = "blog_post_search_vector_gin"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX CONCURRENTLY IF NOT EXISTS {INDEX} ON blog_post USING gin (search_vector)"
        )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX CONCURRENTLY IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    """Full-text index for site search; PostgreSQL only (SQLite uses a plain scan).

    Built concurrently, outside a transaction, so that posts stay readable and
    writable while it is built on a live database.
    """

    atomic = False
    dependencies = [("blog", "0001_initial")]
    operations = [migrations.RunPython(create_index, drop_index)]
