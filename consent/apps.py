from django.apps import AppConfig


class ConsentConfig(AppConfig):
    name = "consent"
    verbose_name = "Cookie consent and privacy"

    def ready(self):
        from consent import catalogue

        catalogue.connect_signals()
