"""Migrations are safe to run on a live database: none takes a long lock on a table
that already holds data. Each shipped migration's SQL is read as `sqlmigrate` prints
it; statements on tables the same migration creates are harmless (the table is new
and empty), anything else that would block readers or writers for a full table scan
or rewrite is refused unless it is listed below, reviewed, with the reason."""

import importlib
import re

import pytest
from django.apps import apps
from django.db import connection
from django.db.migrations.loader import MigrationLoader

pytestmark = pytest.mark.django_db

PROJECT_APPS = {"blog", "colorways", "sizing", "consent", "site", "editing"}

# (app, migration) -> why it is safe on a live database.
REVIEWED = {
    ("site", "0001_roles"): (
        "creates the staff roles' groups and permission rows: touches no content table"
    ),
    ("blog", "0002_post_search_index"): "builds its GIN index CONCURRENTLY, outside a transaction",
    ("blog", "0003_colorway_mentions"): (
        "fills its own new table from the post bodies: reads posts, locks none of them"
    ),
    ("blog", "0004_post_rank_vector"): (
        "not atomic: adds a nullable column (an instant, no table rewrite) and commits, "
        "then fills it 1,000 rows at a time, each batch its own transaction (tested below)"
    ),
    ("consent", "0003_snapshot_existing_records"): (
        "adds at most one row to its own new table, then points the consent records of the "
        "current banner version to it with one UPDATE that locks those rows, never the table"
    ),
}

TABLE = r'"(?P<table>[^"]+)"'
RISKY = [
    (re.compile(rf"^CREATE (UNIQUE )?INDEX (?!CONCURRENTLY)\S+ ON {TABLE}", re.I),
     "builds an index while writes wait (use AddIndexConcurrently, atomic = False)"),
    (re.compile(rf"^ALTER TABLE {TABLE} ADD CONSTRAINT (?!.*NOT VALID)", re.I | re.S),
     "validates a constraint under lock (add it NOT VALID, then validate)"),
    (re.compile(rf"^ALTER TABLE {TABLE} .*ALTER COLUMN \S+ TYPE", re.I | re.S),
     "changes a column type (may rewrite the table)"),
    (re.compile(rf"^ALTER TABLE {TABLE} .*ALTER COLUMN \S+ SET NOT NULL", re.I | re.S),
     "scans the table under an exclusive lock to set NOT NULL"),
    (re.compile(rf"^ALTER TABLE {TABLE} RENAME", re.I),
     "renames what running app servers still use"),
    (re.compile(r"^-- THIS OPERATION CANNOT BE WRITTEN AS SQL", re.I),
     "runs Python or raw SQL that needs a review"),
]  # fmt: skip
CREATE_TABLE = re.compile(rf"^CREATE TABLE {TABLE}", re.I)


def risky_statements(statements: list[str]) -> list[tuple[str, str]]:
    """The statements that would lock a table existing before the migration, and why."""
    created = {m["table"] for s in statements if (m := CREATE_TABLE.match(s.strip()))}
    found = []
    for statement in statements:
        for pattern, why in RISKY:
            match = pattern.match(statement.strip())
            if match and match.groupdict().get("table") not in created:
                found.append((statement, why))
    return found


def shipped_migrations():
    loader = MigrationLoader(connection)
    for (app_label, _name), migration in sorted(loader.disk_migrations.items()):
        if app_label in PROJECT_APPS:
            yield loader, migration


def test_every_shipped_migration_is_safe_on_a_live_database():
    problems = []
    checked = 0
    for loader, migration in shipped_migrations():
        checked += 1
        if (migration.app_label, migration.name) in REVIEWED:
            continue
        sql = loader.collect_sql([(migration, False)])
        problems += [
            f"{migration.app_label}.{migration.name}: {statement[:120]} ({why})"
            for statement, why in risky_statements(sql)
        ]
    assert checked >= 5
    assert problems == []


def test_the_checker_refuses_locking_changes_to_existing_tables():
    statements = [
        'CREATE TABLE "new_table" ("id" bigint NOT NULL PRIMARY KEY);',
        'CREATE INDEX "new_idx" ON "new_table" ("id");',
        'ALTER TABLE "new_table" ADD CONSTRAINT "new_check" CHECK ("id" > 0);',
        'CREATE INDEX "post_idx" ON "blog_post" ("title");',
        'CREATE INDEX CONCURRENTLY "post_idx2" ON "blog_post" ("slug");',
        'ALTER TABLE "blog_post" ADD CONSTRAINT "post_check" CHECK ("id" > 0);',
        'ALTER TABLE "blog_post" ADD CONSTRAINT "post_check2" CHECK ("id" > 0) NOT VALID;',
        'ALTER TABLE "blog_post" ALTER COLUMN "title" TYPE text;',
        'ALTER TABLE "blog_post" ALTER COLUMN "summary" SET NOT NULL;',
        "-- THIS OPERATION CANNOT BE WRITTEN AS SQL",
    ]
    flagged = [statement for statement, _why in risky_statements(statements)]
    assert flagged == [statements[i] for i in (3, 5, 7, 8, 9)]


def test_the_search_index_is_built_concurrently_and_exists():
    module = importlib.import_module("blog.migrations.0002_post_search_index")
    assert module.Migration.atomic is False
    with connection.schema_editor(collect_sql=True, atomic=False) as editor:
        module.create_index(apps, editor)
    assert any("CREATE INDEX CONCURRENTLY" in sql for sql in editor.collected_sql)
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_indexes WHERE indexname = %s", [module.INDEX])
        assert cursor.fetchone() == (1,)


def test_the_palette_family_index_is_built_concurrently_and_serves_the_colour_counts():
    module = importlib.import_module("colorways.migrations.0004_palette_family_index")
    assert module.Migration.atomic is False
    loader = MigrationLoader(connection)
    sql = loader.collect_sql(
        [(loader.get_migration("colorways", "0004_palette_family_index"), False)]
    )
    assert any(s.startswith(f"CREATE INDEX CONCURRENTLY IF NOT EXISTS {module.INDEX}") for s in sql)
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = %s", [module.NAME])
        (definition,) = cursor.fetchone()
    assert definition.endswith("(family, colorway_id)")


def test_the_rank_vector_is_filled_in_batches_outside_one_long_transaction():
    from blog.models import Post
    from tests.factories import PostFactory

    module = importlib.import_module("blog.migrations.0004_post_rank_vector")
    assert module.Migration.atomic is False
    posts = PostFactory.create_batch(3)
    Post.objects.update(rank_vector=None)
    module.BATCH_SIZE = 2
    try:
        with connection.schema_editor(collect_sql=False, atomic=False) as editor:
            executed = []
            with connection.execute_wrapper(
                lambda execute, sql, params, many, context: (
                    executed.append(sql) or execute(sql, params, many, context)
                )
            ):
                module.fill(apps, editor)
    finally:
        module.BATCH_SIZE = 1000
    updates = [sql for sql in executed if sql.startswith("UPDATE blog_post")]
    assert len(updates) == 2 and all("WHERE id >= " in sql for sql in updates)
    assert not Post.objects.filter(pk__in=[p.pk for p in posts], rank_vector=None).exists()
