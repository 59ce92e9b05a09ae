from importlib import import_module

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction


class Command(BaseCommand):
    help = (
        "Load the demo content of every app that has a `demo` module. Idempotent: missing "
        "records are created, demo records nobody has edited are brought up to date, and "
        "anything an editor changed is left exactly as it is."
    )

    def handle(self, *args, **options):
        for app_config in apps.get_app_configs():
            try:
                module = import_module(f"{app_config.name}.demo")
            except ModuleNotFoundError as exc:
                if exc.name != f"{app_config.name}.demo":
                    raise
                continue
            with transaction.atomic():
                report = module.load()
            for line in report:
                self.stdout.write(f"{app_config.verbose_name}: {line}")
        self.stdout.write(self.style.SUCCESS("Demo content is in place."))
