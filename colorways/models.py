import datetime
import uuid
from collections import defaultdict

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Case, Count, F, OuterRef, Q, Subquery, Value, When
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from markdownx.models import MarkdownxField

from colorways import codes, illustration, releases
from colorways.fields import StyleCodeField, validate_colorway_slug
from imaging.fields import SafeImageField
from imaging.renditions import Picture, picture_of, rendition
from markup.render import render_markdown

CATALOGUE_CURRENCY = "USD"  # price filters and sorting compare retail prices in this currency

currency_validator = RegexValidator(r"^[A-Z]{3}$", "Use a three-letter ISO code such as USD.")
hex_validator = RegexValidator(r"^#[0-9A-Fa-f]{6}$", "Use a hex colour such as #C0C0C0.")
style_code_validator = RegexValidator(
    codes.STYLE_CODE_PATTERN,
    "Use the Asics pattern: 1201A, 1202A or 1203A, three digits, a hyphen, three digits "
    "(e.g. 1201A457-101).",
)


class ReleasePrecision(models.TextChoices):
    DAY = releases.Precision.DAY, "Exact day"
    MONTH = releases.Precision.MONTH, "Month"
    YEAR = releases.Precision.YEAR, "Year"
    UNANNOUNCED = releases.Precision.UNANNOUNCED, "Not announced"


class ReleaseStatus(models.TextChoices):
    ANNOUNCED = releases.Status.ANNOUNCED, "Announced"
    UPCOMING = releases.Status.UPCOMING, "Upcoming"
    RELEASED = releases.Status.RELEASED, "Released"


class Gender(models.TextChoices):
    MEN = codes.Gender.MEN, "Men's"
    WOMEN = codes.Gender.WOMEN, "Women's"
    UNISEX = codes.Gender.UNISEX, "Unisex"


GENDER_PREFIX = {value: prefix for prefix, value in codes.PREFIX_GENDER.items()}


def release_date_constraints(prefix: str) -> list[models.CheckConstraint]:
    """A date exactly when one is announced, reduced to the 1st for month or year precision."""
    return [
        models.CheckConstraint(
            condition=Q(release_precision=ReleasePrecision.UNANNOUNCED, release_date__isnull=True)
            | (~Q(release_precision=ReleasePrecision.UNANNOUNCED) & Q(release_date__isnull=False)),
            name=f"{prefix}_date_matches_precision",
        ),
        models.CheckConstraint(
            condition=~Q(release_precision__in=[ReleasePrecision.MONTH, ReleasePrecision.YEAR])
            | Q(release_date__day=1),
            name=f"{prefix}_month_or_year_on_first",
        ),
        models.CheckConstraint(
            condition=~Q(release_precision=ReleasePrecision.YEAR) | Q(release_date__month=1),
            name=f"{prefix}_year_in_january",
        ),
    ]


class DatedRecord(models.Model):
    """A record with a release date known to some precision."""

    release_date = models.DateField(
        null=True,
        blank=True,
        help_text="For a month or a year, any day in it will do: it is stored as the 1st. "
        "Leave empty when no date is announced.",
    )
    release_precision = models.CharField(
        "date precision",
        max_length=12,
        choices=ReleasePrecision,
        default=ReleasePrecision.UNANNOUNCED,
        help_text="How much of the date is known: the page shows only that much.",
    )

    class Meta:
        abstract = True

    def validate_constraints(self, exclude=None):
        # PostgreSQL cannot type EXTRACT() of a NULL parameter, so the date checks
        # are left to clean_release_date when there is no date.
        exclude = set(exclude or ())
        if self.release_date is None:
            exclude.add("release_date")
        super().validate_constraints(exclude=exclude)

    def clean_release_date(self):
        errors = {}
        if self.release_precision == ReleasePrecision.UNANNOUNCED and self.release_date:
            errors["release_precision"] = "Pick the precision of the date you entered."
        elif self.release_precision != ReleasePrecision.UNANNOUNCED and not self.release_date:
            errors["release_date"] = "Enter a date, or set the precision to “Not announced”."
        if errors:
            raise ValidationError(errors)
        self.normalize_release_date()

    def normalize_release_date(self):
        self.release_date = releases.normalize_release_date(
            date=self.release_date, precision=self.release_precision
        )

    @property
    def release_display(self) -> str:
        return releases.format_release_date(
            date=self.release_date, precision=self.release_precision
        )

    @property
    def release_iso(self) -> str:
        return releases.iso_release_date(date=self.release_date, precision=self.release_precision)


class SourcedRecord(models.Model):
    """A record whose facts carry sources (the `sources` reverse relation)."""

    class Meta:
        abstract = True

    @property
    def disputes(self) -> dict[str, list["Source"]]:
        """Facts whose sources disagree: fact label -> its sources. Uses prefetched sources."""
        by_fact = defaultdict(list)
        for source in self.sources.all():
            by_fact[source.get_fact_display()].append(source)
        return {
            fact: items
            for fact, items in by_fact.items()
            if len({s.claim.strip().casefold() for s in items}) > 1
        }

    @property
    def is_disputed(self) -> bool:
        return bool(self.disputes)


class Collaborator(models.Model):
    class Kind(models.TextChoices):
        STUDIO = "studio", "Design studio"
        BOUTIQUE = "boutique", "Boutique"
        BRAND = "brand", "Brand"
        DESIGNER = "designer", "Designer"

    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True)
    kind = models.CharField(max_length=10, choices=Kind)
    city = models.CharField(max_length=100, blank=True)
    country = models.CharField(max_length=100, blank=True)
    founder = models.CharField(max_length=100, blank=True)
    website = models.URLField(blank=True)
    bio = MarkdownxField(blank=True, help_text="Markdown. Who they are, in two or three sentences.")
    bio_html = models.TextField(editable=False, default="")
    logo = SafeImageField(upload_to="collaborators/", blank=True, help_text="PNG or WebP.")

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.bio_html = render_markdown(self.bio).html
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("colorways:collaborator-detail", kwargs={"slug": self.slug})

    @property
    def location(self) -> str:
        return ", ".join(part for part in (self.city, self.country) if part)


def details() -> tuple:
    """The related rows of a colorway that its page and its API answer show, as
    prefetches (see ColorwayQuerySet.with_details)."""
    return (
        "palette",
        "retail_prices",
        "resale_observations",
        "sources",
        models.Prefetch("listings", queryset=Listing.objects.select_related("retailer")),
    )


class ColorwayQuerySet(models.QuerySet):
    def released(self, today: datetime.date | None = None):
        """Colorways whose whole release window has passed."""
        return self.filter(release_until__lte=today or timezone.localdate())

    def upcoming(self, today: datetime.date | None = None):
        """Colorways with a date (at any precision) whose window is not over yet."""
        return self.filter(release_until__gt=today or timezone.localdate())

    def announced(self):
        """Colorways known to be coming with no date announced."""
        return self.filter(release_until__isnull=True)

    def with_status(self, status: str, today: datetime.date | None = None):
        """Colorways of one derived status (a ReleaseStatus value)."""
        if status == ReleaseStatus.RELEASED:
            return self.released(today)
        if status == ReleaseStatus.UPCOMING:
            return self.upcoming(today)
        return self.announced()

    def with_gender(self, gender: str):
        return self.filter(style_code__startswith=GENDER_PREFIX[codes.Gender(gender)])

    def with_catalogue_price(self):
        """Annotate `catalogue_price`: the lowest retail price in CATALOGUE_CURRENCY, if any."""
        return self.annotate(
            catalogue_price=Subquery(
                RetailPrice.objects.filter(colorway=OuterRef("pk"), currency=CATALOGUE_CURRENCY)
                .order_by("amount")
                .values("amount")[:1]
            )
        )

    def with_details(self):
        """Everything a colorway's page and its API answer show besides its pictures:
        collaborator, palette, prices, resale observations, sources and listings with
        their retailers, in a fixed number of queries."""
        return self.select_related("collaborator").prefetch_related(*details())

    def for_pictures(self):
        """What a colorway's picture needs, in three queries whatever their number: its
        photos (the first is shown), else the palette its drawing is coloured from, and
        the collaborator its description names."""
        return self.select_related("collaborator").prefetch_related("images", "palette")

    def for_cards(self):
        """What a colorway card needs: its picture and its retail prices (four queries)."""
        return self.for_pictures().prefetch_related("retail_prices")

    def status_counts(self, today: datetime.date | None = None) -> dict[str, int]:
        """How many colorways of this queryset have each status, in one query."""
        today = today or timezone.localdate()
        counts = self.aggregate(
            released=Count("pk", filter=Q(release_until__lte=today)),
            upcoming=Count("pk", filter=Q(release_until__gt=today)),
            announced=Count("pk", filter=Q(release_until__isnull=True)),
        )
        return {status: counts[status] for status in ReleaseStatus.values}

    def featured(self, today: datetime.date | None = None):
        """Dated colorways for the home page: upcoming soonest first, then latest released."""
        today = today or timezone.localdate()
        is_upcoming = Q(release_until__gt=today)
        return self.filter(release_until__isnull=False).order_by(
            Case(When(is_upcoming, then=Value(0)), default=Value(1)),
            Case(When(is_upcoming, then=F("release_date"))).asc(nulls_last=True),
            F("release_date").desc(),
            "name",
        )

    def search(self, query: str):
        """Colorways whose name, nickname, style code, pack or collaborator contains `query`."""
        query = query.strip()
        if not query:
            return self.none()
        return self.filter(
            Q(name__icontains=query)
            | Q(nickname__icontains=query)
            | Q(style_code__icontains=query)
            | Q(pack__icontains=query)
            | Q(collaborator__name__icontains=query)
        )

    def matching_shortcodes(self, keys):
        """Colorways whose style code or slug is one of `keys`."""
        keys = list(keys)
        return self.filter(Q(style_code__in=[k.upper() for k in keys]) | Q(slug__in=keys))


# More palette positions than any colorway has colours: the upper bound of an assignment.
MAX_PALETTE_COLOURS = 20


def drawing_region_problems(assignments) -> list[str]:
    """What is wrong with a colorway's `drawing_regions`, one sentence each: it must map
    names of the illustration's regions to palette positions (0 to MAX_PALETTE_COLOURS - 1).
    Whether a position is within the colorway's palette is checked where the palette is
    edited (the admin form), as the palette can change afterwards."""
    if not isinstance(assignments, dict):
        return ["The drawing's colours must be a mapping of regions to palette positions."]
    labels = dict(illustration.REGIONS)
    problems = []
    for region, position in assignments.items():
        if region not in labels:
            problems.append(
                f"“{region}” is not a region of the drawing; the regions are "
                f"{', '.join(illustration.REGION_NAMES)}."
            )
        elif (
            isinstance(position, bool)
            or not isinstance(position, int)
            or not 0 <= position < MAX_PALETTE_COLOURS
        ):
            problems.append(f"{labels[region]}: {position!r} is not a position in the palette.")
    return problems


class Colorway(DatedRecord, SourcedRecord):
    name = models.CharField(
        "official name", max_length=150, help_text="As Asics lists it, e.g. “White/Pure Silver”."
    )
    nickname = models.CharField(
        max_length=150, blank=True, help_text="What people call it, e.g. “JJJJound Silver”."
    )
    slug = models.SlugField(
        max_length=150,
        unique=True,
        validators=[validate_colorway_slug],
        help_text="The address of the page: /colorways/<slug>/. Also usable in articles.",
    )
    style_code = StyleCodeField(
        max_length=12,
        blank=True,
        validators=[style_code_validator],
        help_text="Asics style code, e.g. 1201A457-101. The prefix gives the cut: 1201A men's, "
        "1202A women's, 1203A unisex. Leave empty if unknown.",
    )
    collaborator = models.ForeignKey(
        Collaborator,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="colorways",
        help_text="Empty for a general release.",
    )
    pack = models.CharField(
        "pack or collection", max_length=100, blank=True, help_text="e.g. “Vintage Tech 2023”."
    )
    region = models.CharField(
        "region or exclusivity",
        max_length=100,
        blank=True,
        help_text="e.g. “atmos exclusive”, “Japan”. Empty for a worldwide release.",
    )
    materials = models.TextField(blank=True, help_text="One line, e.g. “Mesh, synthetic overlays”.")
    drawing_regions = models.JSONField(
        "drawing colours",
        default=dict,
        blank=True,
        help_text="Which palette colour fills each part of the drawing: region name -> "
        "position in the palette, from 0. A region left out takes its colour from the "
        "palette's order.",
    )
    story = MarkdownxField(blank=True, help_text="Markdown. The story behind the colorway.")
    story_html = models.TextField(editable=False, default="")
    release_until = models.DateField(
        null=True,
        editable=False,
        help_text="Last day of the release window; the status is derived from it.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ColorwayQuerySet.as_manager()

    class Meta:
        ordering = [models.F("release_date").desc(nulls_last=True), "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["style_code"],
                condition=~Q(style_code=""),
                name="colorways_colorway_unique_style_code",
                violation_error_message="Another colorway already has this style code.",
            ),
            models.CheckConstraint(
                condition=Q(style_code="") | Q(style_code__regex=codes.STYLE_CODE_PATTERN),
                name="colorways_colorway_style_code_pattern",
            ),
            *release_date_constraints("colorways_colorway"),
        ]
        indexes = [models.Index(fields=["release_until"], name="colorways_release_until")]

    def __str__(self):
        if self.collaborator_id:
            return f"{self.collaborator} {self.name}"
        return self.name

    def save(self, *args, **kwargs):
        self.derive_fields()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("colorways:colorway-detail", kwargs={"slug": self.slug})

    def derive_fields(self) -> None:
        """Normalize and derive what a save stores besides the editor's input (also called
        before bulk writes, which bypass save())."""
        self.style_code = self.style_code.strip().upper()
        self.normalize_release_date()
        window = releases.release_window(date=self.release_date, precision=self.release_precision)
        self.release_until = window.end if window else None
        self.story_html = render_markdown(self.story).html

    def clean(self):
        self.style_code = self.style_code.strip().upper()
        self.clean_release_date()
        problems = drawing_region_problems(self.drawing_regions)
        if problems:
            raise ValidationError({"drawing_regions": problems})

    @property
    def title(self) -> str:
        """The name readers know it by."""
        return self.nickname or str(self)

    @property
    def gender(self) -> Gender | None:
        parsed = codes.parse_style_code(code=self.style_code) if self.style_code else None
        return Gender(parsed.gender.value) if parsed else None

    def status(self, today: datetime.date | None = None) -> ReleaseStatus:
        return ReleaseStatus(
            releases.release_status(
                date=self.release_date,
                precision=self.release_precision,
                today=today or timezone.localdate(),
            )
        )

    @property
    def current_status(self) -> ReleaseStatus:
        return self.status()

    @property
    def main_price(self) -> "RetailPrice | None":
        """The retail price to show first: the catalogue currency's, else the first one."""
        prices = list(self.retail_prices.all())
        for price in prices:
            if price.currency == CATALOGUE_CURRENCY:
                return price
        return prices[0] if prices else None

    @property
    def first_image(self) -> "ColorwayImage | None":
        images = list(self.images.all())
        return images[0] if images else None


class PaletteColour(models.Model):
    class Family(models.TextChoices):
        WHITE = "white", "White"
        CREAM = "cream", "Cream"
        SILVER = "silver", "Silver"
        GREY = "grey", "Grey"
        BLACK = "black", "Black"
        BLUE = "blue", "Blue"
        RED = "red", "Red"
        PINK = "pink", "Pink"
        GREEN = "green", "Green"
        BROWN = "brown", "Brown"
        YELLOW = "yellow", "Yellow"
        ORANGE = "orange", "Orange"
        PURPLE = "purple", "Purple"
        MULTI = "multi", "Multicolour"

    colorway = models.ForeignKey(Colorway, on_delete=models.CASCADE, related_name="palette")
    order = models.PositiveSmallIntegerField(default=0)
    name = models.CharField(max_length=60, help_text="The colour's name, e.g. “Pure Silver”.")
    hex = models.CharField(
        max_length=7, validators=[hex_validator], help_text="e.g. #C0C0C0: drawn as a swatch."
    )
    family = models.CharField(
        max_length=10, choices=Family, help_text="The colour filter on the catalogue uses this."
    )

    class Meta:
        ordering = ["order", "id"]
        verbose_name = "palette colour"
        # The catalogue's colour filter and its counts by colour family read this alone.
        indexes = [models.Index(fields=["family", "colorway"], name="colorways_palette_family")]
        constraints = [
            models.CheckConstraint(
                condition=Q(hex__regex=r"^#[0-9A-Fa-f]{6}$"), name="colorways_palette_hex"
            )
        ]

    def __str__(self):
        return f"{self.name} ({self.hex})"


IMAGE_WIDTHS = (480, 960, 1600)


class ColorwayImage(models.Model):
    colorway = models.ForeignKey(Colorway, on_delete=models.CASCADE, related_name="images")
    order = models.PositiveSmallIntegerField(default=0)
    image = SafeImageField(
        upload_to="colorways/",
        width_field="width",
        height_field="height",
        help_text="JPEG, PNG or WebP, up to 10 MB.",
    )
    width = models.PositiveIntegerField(null=True, editable=False)
    height = models.PositiveIntegerField(null=True, editable=False)
    alt = models.CharField(
        "alt text",
        max_length=250,
        help_text="What the picture shows, for readers who cannot see it.",
    )

    image_480 = rendition("image", 480)
    image_960 = rendition("image", 960)
    image_1600 = rendition("image", 1600)

    class Meta:
        ordering = ["order", "id"]
        constraints = [models.CheckConstraint(condition=~Q(alt=""), name="colorways_image_has_alt")]

    def __str__(self):
        return self.alt

    @cached_property
    def picture(self) -> Picture:
        """The renditions (see IMAGE_WIDTHS) by their real widths."""
        return picture_of(
            self.image.name,
            widths=IMAGE_WIDTHS,
            source_width=self.width,
        )


class RetailPrice(models.Model):
    colorway = models.ForeignKey(Colorway, on_delete=models.CASCADE, related_name="retail_prices")
    region = models.CharField(max_length=60, help_text="e.g. “United States”, “Japan”.")
    amount = models.DecimalField(max_digits=10, decimal_places=2, validators=[MinValueValidator(0)])
    currency = models.CharField(
        max_length=3, validators=[currency_validator], help_text="ISO code: USD, EUR, JPY…"
    )
    tax_included = models.BooleanField(default=True)

    class Meta:
        ordering = ["region", "currency"]
        constraints = [
            models.UniqueConstraint(
                fields=["colorway", "region", "currency"], name="colorways_price_unique_region"
            ),
            models.CheckConstraint(condition=Q(amount__gte=0), name="colorways_price_not_negative"),
            models.CheckConstraint(
                condition=Q(currency__regex=r"^[A-Z]{3}$"), name="colorways_price_currency_iso"
            ),
        ]

    def __str__(self):
        tax = "" if self.tax_included else " before tax"
        return f"{self.amount:,.0f} {self.currency}{tax} ({self.region})"


class Retailer(models.Model):
    name = models.CharField(max_length=100, unique=True)
    country = models.CharField(max_length=100, blank=True)
    website = models.URLField()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class Listing(models.Model):
    class Availability(models.TextChoices):
        IN_STOCK = "in_stock", "In stock"
        PREORDER = "preorder", "Pre-order"
        SOLD_OUT = "sold_out", "Sold out"

    colorway = models.ForeignKey(Colorway, on_delete=models.CASCADE, related_name="listings")
    retailer = models.ForeignKey(Retailer, on_delete=models.PROTECT, related_name="listings")
    url = models.URLField("page address", max_length=500)
    price = models.DecimalField(
        max_digits=10, decimal_places=2, null=True, blank=True, validators=[MinValueValidator(0)]
    )
    currency = models.CharField(max_length=3, blank=True, validators=[currency_validator])
    availability = models.CharField(max_length=10, choices=Availability)
    last_checked = models.DateField(default=timezone.localdate)

    class Meta:
        ordering = ["retailer__name"]
        constraints = [
            models.UniqueConstraint(fields=["colorway", "url"], name="colorways_listing_unique"),
            models.CheckConstraint(
                condition=Q(price__isnull=True, currency="")
                | Q(price__isnull=False, currency__regex=r"^[A-Z]{3}$"),
                name="colorways_listing_price_has_currency",
            ),
        ]

    def __str__(self):
        return f"{self.retailer} – {self.colorway}"

    def clean(self):
        if (self.price is None) != (not self.currency):
            raise ValidationError("Give a price and its currency together, or neither.")

    @property
    def schema_availability(self) -> str:
        return {
            self.Availability.IN_STOCK: "https://schema.org/InStock",
            self.Availability.PREORDER: "https://schema.org/PreOrder",
            self.Availability.SOLD_OUT: "https://schema.org/SoldOut",
        }[self.availability]


class ResaleObservation(models.Model):
    colorway = models.ForeignKey(
        Colorway, on_delete=models.CASCADE, related_name="resale_observations"
    )
    observed_on = models.DateField()
    size = models.CharField(max_length=20, blank=True, help_text="e.g. “US 9”. Empty if any size.")
    price = models.DecimalField(max_digits=10, decimal_places=2, validators=[MinValueValidator(0)])
    currency = models.CharField(max_length=3, validators=[currency_validator])
    source_name = models.CharField(max_length=100, help_text="Where the price was seen.")

    class Meta:
        ordering = ["observed_on", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(price__gte=0), name="colorways_resale_not_negative"),
            models.CheckConstraint(
                condition=Q(currency__regex=r"^[A-Z]{3}$"), name="colorways_resale_currency_iso"
            ),
        ]

    def __str__(self):
        return f"{self.price:,.0f} {self.currency} on {self.observed_on}"


class Milestone(DatedRecord, SourcedRecord):
    """An editor-entered event on the timeline, such as the 2008 award."""

    title = models.CharField(max_length=150)
    release_date = models.DateField(
        "date",
        null=True,
        blank=True,
        help_text="For a month or a year, any day in it will do: it is stored as the 1st. "
        "Milestones without a date stay off the timeline.",
    )
    body = models.TextField(blank=True, help_text="Markdown. One or two sentences.")
    body_html = models.TextField(editable=False, default="")

    class Meta:
        ordering = [models.F("release_date").asc(nulls_last=True), "title"]
        constraints = release_date_constraints("colorways_milestone")

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.normalize_release_date()
        self.body_html = render_markdown(self.body).html
        super().save(*args, **kwargs)

    def clean(self):
        self.clean_release_date()


class Source(models.Model):
    """Where a fact about a colorway or a milestone came from."""

    class Fact(models.TextChoices):
        STYLE_CODE = "style_code", "Style code"
        RELEASE_DATE = "release_date", "Release date"
        PRICE = "price", "Retail price"
        RESALE = "resale", "Resale price"
        OTHER = "other", "Other"

    colorway = models.ForeignKey(
        Colorway, null=True, blank=True, on_delete=models.CASCADE, related_name="sources"
    )
    milestone = models.ForeignKey(
        Milestone, null=True, blank=True, on_delete=models.CASCADE, related_name="sources"
    )
    fact = models.CharField(max_length=15, choices=Fact)
    claim = models.CharField(
        max_length=200,
        help_text="What this source says, e.g. “1201A922-100”. Two sources of one fact with "
        "different claims mark the record as disputed on the site.",
    )
    publication = models.CharField(max_length=150, help_text="Who published it.")
    url = models.URLField(max_length=500, blank=True)
    checked_on = models.DateField("date checked", default=timezone.localdate)

    class Meta:
        ordering = ["fact", "checked_on", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(colorway__isnull=False, milestone__isnull=True)
                | Q(colorway__isnull=True, milestone__isnull=False),
                name="colorways_source_has_one_subject",
            )
        ]

    def __str__(self):
        return f"{self.get_fact_display()}: {self.claim} ({self.publication})"


class ImportBatch(models.Model):
    """A CSV file of colorways being imported from the admin: the page's script has it
    checked chunk by chunk (each chunk's rows prepared and kept here), then saved in
    one transaction. Readers see nothing of it until then."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    file_name = models.CharField(max_length=255, blank=True)
    headers = models.JSONField(default=list)
    rows = models.JSONField(default=list, help_text="The file's rows, as lists of cells.")
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"Import of {self.file_name or 'a file'} ({len(self.rows)} rows)"


class ImportChunk(models.Model):
    """The checked rows of one part of an ImportBatch, ready to be written."""

    batch = models.ForeignKey(ImportBatch, on_delete=models.CASCADE, related_name="chunks")
    start = models.PositiveIntegerField(help_text="Index of the chunk's first row in the file.")
    size = models.PositiveIntegerField()
    prepared = models.JSONField(default=list)
    problems = models.JSONField(default=list)
    totals = models.JSONField(default=dict)

    class Meta:
        ordering = ["start"]
        constraints = [
            models.UniqueConstraint(fields=["batch", "start"], name="colorways_import_chunk_once")
        ]

    def __str__(self):
        return f"Rows {self.start + 1}–{self.start + self.size} of {self.batch}"
