from django.apps import AppConfig


class CachingConfig(AppConfig):
    name = "caching"
    verbose_name = "Caching"

    def ready(self):
        from caching import checks, generation  # noqa: F401 (checks register themselves)

        generation.connect_signals()
