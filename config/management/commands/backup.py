import shutil
import sqlite3
import subprocess
import tarfile
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.utils import timezone

from config.backups import DB_DUMP, MEDIA_ARCHIVE, SQLITE_COPY, pg_environment


class Command(BaseCommand):
    help = (
        "Back up the database (PostgreSQL's pg_dump, or a copy of the SQLite file) and the "
        "uploaded media into one folder under BACKUP_DIR."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dest", help="Folder to write into (default: a new dated folder).")

    def handle(self, *args, dest, **options):
        target = (
            Path(dest) if dest else settings.BACKUP_DIR / timezone.now().strftime("%Y%m%d-%H%M%S")
        )
        target.mkdir(parents=True, exist_ok=True)
        if connection.vendor == "postgresql":
            if not shutil.which("pg_dump"):
                raise CommandError(
                    "pg_dump is not installed (Debian: apt-get install postgresql-client)."
                )
            env, name = pg_environment(connection.settings_dict)
            result = subprocess.run(
                ["pg_dump", "--format=custom", "--no-owner", "--file", str(target / DB_DUMP), name],
                env=env,
                capture_output=True,
                text=True,
            )
            if result.returncode:
                raise CommandError(f"pg_dump failed: {result.stderr.strip()}")
        else:
            connection.ensure_connection()
            with sqlite3.connect(target / SQLITE_COPY) as copy:
                connection.connection.backup(copy)
        with tarfile.open(target / MEDIA_ARCHIVE, "w:gz") as archive:
            if Path(settings.MEDIA_ROOT).exists():
                archive.add(settings.MEDIA_ROOT, arcname="media")
        self.stdout.write(self.style.SUCCESS(f"Backup written to {target}"))
