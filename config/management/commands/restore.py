import shutil
import sqlite3
import subprocess
import tarfile
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from config.backups import DB_DUMP, MEDIA_ARCHIVE, SQLITE_COPY, latest_backup, pg_environment


class Command(BaseCommand):
    help = (
        "Restore the database and media from a backup folder made by `backup` (default: the "
        "newest under BACKUP_DIR). What is in the database and MEDIA_ROOT now is replaced."
    )

    def add_arguments(self, parser):
        parser.add_argument("source", nargs="?", help="Backup folder (default: the newest).")

    def handle(self, *args, source, **options):
        folder = Path(source) if source else latest_backup(settings.BACKUP_DIR)
        if folder is None or not (folder / MEDIA_ARCHIVE).exists():
            raise CommandError(f"No backup found in {source or settings.BACKUP_DIR}.")
        if connection.vendor == "postgresql":
            if not (folder / DB_DUMP).exists():
                raise CommandError(f"{folder} holds no PostgreSQL dump.")
            if not shutil.which("pg_restore"):
                raise CommandError(
                    "pg_restore is not installed (apt-get install postgresql-client)."
                )
            env, name = pg_environment(connection.settings_dict)
            connection.close()
            result = subprocess.run(
                ["pg_restore", "--clean", "--if-exists", "--no-owner", "--single-transaction",
                 "--dbname", name, str(folder / DB_DUMP)],
                env=env,
                capture_output=True,
                text=True,
            )  # fmt: skip
            if result.returncode:
                raise CommandError(f"pg_restore failed: {result.stderr.strip()}")
        else:
            if not (folder / SQLITE_COPY).exists():
                raise CommandError(f"{folder} holds no SQLite copy.")
            connection.ensure_connection()
            with sqlite3.connect(folder / SQLITE_COPY) as copy:
                copy.backup(connection.connection)
        media_root = Path(settings.MEDIA_ROOT)
        if media_root.exists():
            shutil.rmtree(media_root)
        media_root.mkdir(parents=True)
        with tarfile.open(folder / MEDIA_ARCHIVE, "r:gz") as archive:
            for member in archive.getmembers():
                member.name = member.name.removeprefix("media").lstrip("/")
            archive.extractall(media_root, filter="data")
        self.stdout.write(self.style.SUCCESS(f"Restored {folder}"))
