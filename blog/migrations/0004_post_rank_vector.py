import django.contrib.postgres.search
from django.db import migrations


def fill(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "UPDATE blog_post SET rank_vector = "
            "setweight(to_tsvector('english', coalesce(title, '')), 'A') || "
            "setweight(to_tsvector('english', coalesce(summary, '')), 'B')"
        )


class Migration(migrations.Migration):
    """A small stored vector of each post's title and summary, which search results are
    ranked by (ranking the whole article's vector costs more than the rest of the page)."""

    dependencies = [("blog", "0003_colorway_mentions")]
    operations = [
        migrations.AddField(
            model_name="post",
            name="rank_vector",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
