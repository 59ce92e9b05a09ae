import django.contrib.postgres.search
from django.db import migrations

BATCH_SIZE = 1000
FILL = (
    "UPDATE blog_post SET rank_vector = "
    "setweight(to_tsvector('english', coalesce(title, '')), 'A') || "
    "setweight(to_tsvector('english', coalesce(summary, '')), 'B') "
    "WHERE id >= %s AND id < %s"
)


def fill(apps, schema_editor):
    """Fill the new column BATCH_SIZE posts at a time, each batch its own transaction:
    only those rows are locked, and only while their batch runs."""
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT min(id), max(id) FROM blog_post")
        low, high = cursor.fetchone()
    if low is None:
        return
    for start in range(low, high + 1, BATCH_SIZE):
        schema_editor.execute(FILL, [start, start + BATCH_SIZE])


class Migration(migrations.Migration):
    """A small stored vector of each post's title and summary, which search results are
    ranked by (ranking the whole article's vector costs more than the rest of the page).

    Not atomic: adding a nullable column takes its table lock for an instant and commits
    at once, and each batch of the fill then commits on its own, so readers and editors
    never wait for the whole table to be filled."""

    atomic = False
    dependencies = [("blog", "0003_colorway_mentions")]
    operations = [
        migrations.AddField(
            model_name="post",
            name="rank_vector",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
