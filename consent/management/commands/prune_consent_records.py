from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from consent.models import ConsentRecord


class Command(BaseCommand):
    help = (
        "Delete consent records whose decision was last confirmed longer ago than the "
        "retention period (CONSENT_RECORD_RETENTION_DAYS, or --days)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help="Keep records confirmed within this many days (default: the setting).",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Only say how many would be deleted."
        )

    def handle(self, *args, days, dry_run, **options):
        days = settings.CONSENT_RECORD_RETENTION_DAYS if days is None else days
        if days < 1:
            raise CommandError("The retention period must be at least one day.")
        cutoff = timezone.now() - timedelta(days=days)
        old = ConsentRecord.objects.older_than(cutoff)
        if dry_run:
            self.stdout.write(f"{old.count()} consent records older than {days} days would go.")
            return
        deleted, _ = old.delete()
        self.stdout.write(f"Deleted {deleted} consent records older than {days} days.")
