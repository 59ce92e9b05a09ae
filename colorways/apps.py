from django.apps import AppConfig


class ColorwaysConfig(AppConfig):
    name = "colorways"
