"""The sizing vocabulary, shared by the models, the engine, the form and the API."""

from django.db import models


class System(models.TextChoices):
    US_MEN = "us-men", "US men's"
    US_WOMEN = "us-women", "US women's"
    UK = "uk", "UK"
    EU = "eu", "EU"
    CM = "cm", "cm"

    @property
    def column(self) -> str:
        """The size-chart column (and JSON key) that holds sizes in this system."""
        return self.value.replace("-", "_")


class Width(models.TextChoices):
    NARROW = "narrow", "Narrow"
    REGULAR = "regular", "Regular"
    WIDE = "wide", "Wide"


class Condition(models.TextChoices):
    ALWAYS = "always", "In every case"
    SIZED_DOWN = "sized_down", "The reader sized down in them"
    WIDE_WIDTH = "wide_width", "The reader buys them in a wide width (2E, 4E)"


class Fit(models.TextChoices):
    RUNS_LARGE = "runs_large", "Runs large"
    ROOMY = "roomy", "Roomy"
    TRUE_TO_SIZE = "true_to_size", "True to size"
    RUNS_SMALL = "runs_small", "Runs small"
