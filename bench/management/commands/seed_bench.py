import time

from django.core.management.base import BaseCommand, CommandError

from bench.seed import seed


class Command(BaseCommand):
    help = (
        "Load benchmark data at catalogue scale: the demo content plus generated posts, "
        "colorways and collaborators (slugs starting with 'bench-'). Idempotent: a second "
        "run only adds what is missing."
    )

    def add_arguments(self, parser):
        parser.add_argument("--posts", type=int, default=10_000)
        parser.add_argument("--colorways", type=int, default=2_000)
        parser.add_argument("--collaborators", type=int, default=100)

    def handle(self, *args, posts, colorways, collaborators, **options):
        if min(posts, colorways, collaborators) < 1:
            raise CommandError("--posts, --colorways and --collaborators must be at least 1.")
        started = time.monotonic()
        seed(
            posts=posts,
            colorways=colorways,
            collaborators=collaborators,
            log=lambda line: self.stdout.write(line),
        )
        self.stdout.write(
            self.style.SUCCESS(f"Benchmark data in place ({time.monotonic() - started:.0f} s).")
        )
