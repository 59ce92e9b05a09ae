"""Shared pieces of the `backup` and `restore` commands."""

import os
from pathlib import Path

DB_DUMP = "database.dump"
SQLITE_COPY = "database.sqlite3"
MEDIA_ARCHIVE = "media.tar.gz"


def pg_environment(db: dict) -> tuple[dict, str]:
    """Environment for pg_dump/pg_restore (password never on the command line) and the db name."""
    env = {**os.environ}
    for key, var in (
        ("HOST", "PGHOST"),
        ("PORT", "PGPORT"),
        ("USER", "PGUSER"),
        ("PASSWORD", "PGPASSWORD"),
    ):
        if db.get(key):
            env[var] = str(db[key])
    return env, db["NAME"]


def latest_backup(root: Path) -> Path | None:
    folders = sorted(p for p in Path(root).glob("*") if p.is_dir())
    return folders[-1] if folders else None
