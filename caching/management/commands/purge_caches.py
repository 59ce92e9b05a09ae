from django.conf import settings
from django.core.management.base import BaseCommand

from caching import generation
from caching.purge import ban_http_caches


class Command(BaseCommand):
    help = (
        "Start a new content generation and tell the HTTP caches (HTTP_CACHE_BAN_URLS) to "
        "drop their pages. Run it after a deploy: proxies do not know the release."
    )

    def handle(self, *args, **options):
        generation.bump()
        ban_http_caches()
        caches = len(settings.HTTP_CACHE_BAN_URLS)
        self.stdout.write(f"New content generation; {caches} HTTP cache(s) told to drop pages.")
