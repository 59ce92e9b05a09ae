from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from consent.catalogue import current_catalogue
from consent.models import BannerVersion, ConsentRecord


class Command(BaseCommand):
    help = (
        "Delete consent records whose decision was last confirmed longer ago than the "
        "retention period (CONSENT_RECORD_RETENTION_DAYS, or --days), then the banner "
        "snapshots no record points to any more, except the current version's."
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
        current = current_catalogue().version
        if dry_run:
            kept = ConsentRecord.objects.exclude(pk__in=old.values("pk"))
            unused = BannerVersion.objects.exclude(version=current).exclude(
                version__in=kept.filter(snapshot__isnull=False).values("snapshot")
            )
            self.stdout.write(f"{old.count()} consent records older than {days} days would go.")
            self.stdout.write(f"{unused.count()} banner snapshots no record needs would go.")
            return
        deleted, _ = old.delete()
        self.stdout.write(f"Deleted {deleted} consent records older than {days} days.")
        snapshots, _ = BannerVersion.objects.unused().exclude(version=current).delete()
        self.stdout.write(f"Deleted {snapshots} banner snapshots no record needs any more.")
