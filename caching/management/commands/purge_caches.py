from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from caching import generation
from caching.purge import ban_http_caches


class Command(BaseCommand):
    help = (
        "Start a new content generation and tell the HTTP caches (HTTP_CACHE_BAN_URLS) to "
        "drop their pages. Run it after a deploy: proxies do not know the release."
    )

    def handle(self, *args, **options):
        generation.bump()
        missed = ban_http_caches()
        told = len(settings.HTTP_CACHE_BAN_URLS) - len(missed)
        self.stdout.write(f"New content generation; {told} HTTP cache(s) told to drop pages.")
        if missed:
            # A deploy step must not look fine while a proxy still serves the old release.
            raise CommandError(
                "Not told to drop their pages (they keep them up to their s-maxage): "
                + ", ".join(missed)
            )
