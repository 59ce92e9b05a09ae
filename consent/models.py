from cookie_consent.models import Cookie
from django.db import models
from django.urls import reverse
from markdownx.models import MarkdownxField

from markup.render import render_markdown


class CookieDetail(models.Model):
    """What the cookie policy says about a cookie beyond django-cookie-consent's fields."""

    cookie = models.OneToOneField(
        Cookie, on_delete=models.CASCADE, primary_key=True, related_name="detail"
    )
    provider = models.CharField(
        max_length=100,
        help_text="Who sets the cookie and receives its data, e.g. “Kayano 14 Hub (first "
        "party)” or the analytics company's name.",
    )
    lifetime = models.CharField(
        max_length=60,
        help_text="How long it is kept, e.g. “6 months” or “Until you close the browser”.",
    )

    class Meta:
        ordering = ["cookie__name"]

    def __str__(self):
        return f"{self.cookie.name}: {self.provider}, {self.lifetime}"


class BannerVersionQuerySet(models.QuerySet):
    def unused(self):
        """Versions no consent record points to."""
        return self.filter(records__isnull=True)


class BannerVersion(models.Model):
    """What readers were shown under one banner version: the proof behind its records.

    Made when a version's first decision is recorded, from the cookie groups and cookies
    as they were then, and never changed; it cannot be deleted while records point to
    it. Pruning removes it once no record does and it is no longer the current version.
    """

    version = models.CharField(max_length=16, primary_key=True)
    title = models.CharField(max_length=200, help_text="The banner's heading.")
    text = models.TextField(help_text="The banner's text, as the reader read it.")
    groups = models.JSONField(
        help_text="The cookie groups offered and their cookies: purpose, provider, lifetime."
    )
    note = models.TextField(blank=True, help_text="How this snapshot was made, if not as usual.")
    first_recorded_at = models.DateTimeField(auto_now_add=True)

    objects = BannerVersionQuerySet.as_manager()

    class Meta:
        ordering = ["-first_recorded_at"]

    def __str__(self):
        return f"Banner version {self.version}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise ValueError("A banner version is proof of what readers were shown: never edit it.")
        super().save(*args, **kwargs)


class ConsentRecordQuerySet(models.QuerySet):
    def older_than(self, cutoff):
        """Records whose decision was last confirmed before `cutoff`."""
        return self.filter(confirmed_at__lt=cutoff)

    def for_visitor(self, visitor_id: str):
        return self.filter(visitor_id=visitor_id)


class ConsentRecord(models.Model):
    """Proof of one consent decision: when, on which banner version, what was chosen, by whom.

    The visitor is a keyed hash of a random first-party id, never an IP address or an
    account. The same visitor making the same decision on the same version again only
    moves `confirmed_at`, so a visitor adds at most one row per version and decision.
    """

    class Method(models.TextChoices):
        ACCEPT_ALL = "accept_all", "Accept all"
        REJECT_ALL = "reject_all", "Reject all"
        CHOOSE = "choose", "Chosen per group"

    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    confirmed_at = models.DateTimeField(
        db_index=True, help_text="The last time this visitor made this same decision."
    )
    visitor_id = models.CharField(
        max_length=64,
        db_index=True,
        help_text="Pseudonymous: a keyed hash of the random id in the visitor's consent_visitor "
        "cookie.",
    )
    banner_version = models.CharField(
        max_length=16, help_text="Hash of the cookie groups and cookies the visitor was shown."
    )
    snapshot = models.ForeignKey(
        BannerVersion,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="records",
        help_text="What the visitor was shown. Empty for records made before snapshots were kept.",
    )
    choices = models.JSONField(help_text="The choice per optional group: true is accepted.")
    method = models.CharField(max_length=12, choices=Method)

    objects = ConsentRecordQuerySet.as_manager()

    class Meta:
        ordering = ["-confirmed_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["visitor_id", "banner_version", "choices"],
                name="consent_record_one_per_visitor_version_decision",
            )
        ]

    def __str__(self):
        accepted = ", ".join(name for name, on in sorted(self.choices.items()) if on) or "nothing"
        return f"{self.visitor_id[:8]}… accepted {accepted} ({self.banner_version})"


class PolicyPage(models.Model):
    class Kind(models.TextChoices):
        COOKIES = "cookies", "Cookie policy"
        PRIVACY = "privacy", "Privacy policy"

    kind = models.CharField(max_length=10, choices=Kind, unique=True)
    title = models.CharField(max_length=120)
    body = MarkdownxField(
        help_text="Markdown. On the cookie policy the table of every cookie is added below "
        "this text automatically, from the cookie groups and cookies."
    )
    body_html = models.TextField(editable=False, default="")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["kind"]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.body_html = render_markdown(self.body).html
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        name = "consent:cookie-policy" if self.kind == self.Kind.COOKIES else "consent:privacy"
        return reverse(name)
