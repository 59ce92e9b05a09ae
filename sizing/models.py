from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse

from sizing.choices import Condition, Fit, Width
from sizing.engine import ChartRow

SIZE_VALIDATORS = [MinValueValidator(Decimal("0.5")), MaxValueValidator(Decimal("99"))]
OFFSET_HELP = "In half sizes: 0 is the same size, 1 is half a size up, -1 half a size down."


class Brand(models.Model):
    name = models.CharField(max_length=60, unique=True)
    slug = models.SlugField(max_length=60, unique=True)
    chart_source = models.TextField(
        help_text="Where this brand's size chart comes from; shown to readers under the chart."
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]
        verbose_name = "brand and size chart"
        verbose_name_plural = "brands and size charts"

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return f"{reverse('sizing:finder')}#chart-{self.slug}"


class SizeChartRow(models.Model):
    """One size of a brand's chart, in every size system."""

    brand = models.ForeignKey(Brand, on_delete=models.CASCADE, related_name="chart_rows")
    us_men = models.DecimalField(
        "US men's", max_digits=4, decimal_places=1, validators=SIZE_VALIDATORS
    )
    us_women = models.DecimalField(
        "US women's", max_digits=4, decimal_places=1, validators=SIZE_VALIDATORS
    )
    uk = models.DecimalField("UK", max_digits=4, decimal_places=1, validators=SIZE_VALIDATORS)
    eu = models.DecimalField("EU", max_digits=4, decimal_places=1, validators=SIZE_VALIDATORS)
    cm = models.DecimalField(
        "cm",
        max_digits=4,
        decimal_places=2,
        validators=SIZE_VALIDATORS,
        help_text="Foot length, as the brand prints it on the label.",
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["brand", "us_men"]
        verbose_name = "size chart row"
        constraints = [
            *(
                models.UniqueConstraint(
                    fields=["brand", column], name=f"sizing_chart_row_unique_{column}"
                )
                for column in ("us_men", "us_women", "uk", "eu", "cm")
            ),
            models.CheckConstraint(
                condition=Q(us_men__gt=0, us_women__gt=0, uk__gt=0, eu__gt=0, cm__gt=0),
                name="sizing_chart_row_sizes_positive",
            ),
        ]

    def __str__(self):
        return f"{self.brand} US men's {self.us_men.normalize():f}"

    def as_chart_row(self) -> ChartRow:
        return ChartRow(
            us_men=self.us_men, us_women=self.us_women, uk=self.uk, eu=self.eu, cm=self.cm
        )


class ShoeQuerySet(models.QuerySet):
    def references(self):
        """The shoes a reader can compare against: every shoe except the target."""
        return self.filter(is_target=False)


class Shoe(models.Model):
    brand = models.ForeignKey(Brand, on_delete=models.PROTECT, related_name="shoes")
    model = models.CharField(max_length=100, help_text='Without the brand, e.g. "Air Force 1".')
    slug = models.SlugField(
        max_length=100, unique=True, help_text="Used in the size finder's links (?shoe=...)."
    )
    is_target = models.BooleanField(
        "is the Kayano 14",
        default=False,
        help_text="The shoe the size finder recommends a size of. Exactly one shoe has this.",
    )
    position = models.PositiveSmallIntegerField(
        default=0, help_text="Order in the size finder's list of shoes: lower comes first."
    )
    fit = models.CharField(max_length=20, choices=Fit, default=Fit.TRUE_TO_SIZE)
    fit_notes = models.TextField(
        help_text="How it fits, in a sentence or two for readers (shown in the comparison table)."
    )
    widths = models.CharField(
        max_length=60,
        blank=True,
        help_text='The widths it is sold in, e.g. "D, 2E, 4E". Leave empty if only one width.',
    )
    toe_box_mm = models.DecimalField(
        "toe box (mm)",
        max_digits=5,
        decimal_places=1,
        null=True,
        blank=True,
        help_text="Width at the widest point of the toe box.",
    )
    weight_min_g = models.PositiveSmallIntegerField("lightest weight (g)", null=True, blank=True)
    weight_max_g = models.PositiveSmallIntegerField("heaviest weight (g)", null=True, blank=True)
    stretch_notes = models.CharField(
        max_length=200, blank=True, help_text='Whether it stretches with wear, e.g. "barely".'
    )
    updated_at = models.DateTimeField(auto_now=True)

    objects = ShoeQuerySet.as_manager()

    class Meta:
        ordering = ["-is_target", "position", "brand__name", "model"]
        constraints = [
            models.UniqueConstraint(fields=["brand", "model"], name="sizing_shoe_unique_model"),
            models.UniqueConstraint(
                fields=["is_target"],
                condition=Q(is_target=True),
                name="sizing_shoe_single_target",
                violation_error_message="Another shoe is already the Kayano 14.",
            ),
            models.CheckConstraint(
                condition=Q(weight_min_g__lte=F("weight_max_g"))
                | Q(weight_min_g__isnull=True)
                | Q(weight_max_g__isnull=True),
                name="sizing_shoe_weight_range",
                violation_error_message="The lightest weight cannot be above the heaviest.",
            ),
        ]

    def __str__(self):
        return f"{self.brand.name} {self.model}"

    def get_absolute_url(self):
        return f"{reverse('sizing:finder')}?shoe={self.slug}"


class Comparison(models.Model):
    """How the Kayano 14 size relates to a reference shoe's size, under one condition."""

    shoe = models.ForeignKey(Shoe, on_delete=models.CASCADE, related_name="comparisons")
    condition = models.CharField(
        max_length=20,
        choices=Condition,
        default=Condition.ALWAYS,
        help_text="When this advice applies. The most specific one wins: sized down, then "
        "wide width, then every case.",
    )
    offset_min = models.SmallIntegerField(
        "smallest offset",
        default=0,
        validators=[MinValueValidator(-4), MaxValueValidator(4)],
        help_text=OFFSET_HELP,
    )
    offset_max = models.SmallIntegerField(
        "largest offset",
        default=0,
        validators=[MinValueValidator(-4), MaxValueValidator(4)],
        help_text="The same as the smallest offset for one answer; one more for "
        '"same size or half up".',
    )
    explanation = models.TextField(
        help_text="What the reader is told, in plain words (shown as the reason)."
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["shoe", "condition"]
        constraints = [
            models.UniqueConstraint(
                fields=["shoe", "condition"],
                name="sizing_comparison_unique_condition",
                violation_error_message="This shoe already has advice for that condition.",
            ),
            models.CheckConstraint(
                condition=Q(offset_min__lte=F("offset_max"))
                & Q(offset_max__lte=F("offset_min") + 1),
                name="sizing_comparison_offset_range",
                violation_error_message="The largest offset must equal the smallest, or be one "
                "more (two sizes at most).",
            ),
            models.CheckConstraint(
                condition=Q(offset_min__gte=-4, offset_max__lte=4),
                name="sizing_comparison_offset_bounds",
            ),
        ]

    def __str__(self):
        return f"{self.shoe}: {self.get_condition_display().lower()}"

    def clean(self):
        if self.shoe_id and self.shoe.is_target:
            raise ValidationError({"shoe": "Compare other shoes with the Kayano 14, not itself."})


class WidthRule(models.Model):
    width = models.CharField(max_length=10, choices=Width, unique=True)
    offset = models.SmallIntegerField(
        default=0,
        validators=[MinValueValidator(0), MaxValueValidator(2)],
        help_text=OFFSET_HELP + " Applied once, even when a comparison also makes room for "
        "wide feet.",
    )
    explanation = models.TextField(help_text="What the reader with this foot width is told.")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["width"]
        constraints = [
            models.CheckConstraint(
                condition=Q(offset__gte=0, offset__lte=2), name="sizing_width_rule_offset"
            )
        ]

    def __str__(self):
        return f"{self.get_width_display()} feet"
