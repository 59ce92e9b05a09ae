import html
import math
import re
from dataclasses import dataclass

import nh3
import reversion
from django.conf import settings
from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchRank,
    SearchVector,
    SearchVectorField,
)
from django.core.exceptions import ValidationError
from django.db import connection, models
from django.db.models import F, Min, Q
from django.db.models.functions import Left
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.html import escape
from django.utils.safestring import mark_safe
from markdownx.models import MarkdownxField

from colorways.embeds import mark_shortcodes, shortcode_keys
from imaging.fields import SafeImageField
from imaging.renditions import Picture, picture_of, rendition
from markup.render import render_markdown

WORDS_PER_MINUTE = 220
SEARCH_RANK_WINDOW = 200  # matches ranked per search, newest first
# Of each article's text, the part a result's snippet is first looked for in: an article
# nearly always names what it was found for early, and reading the whole of ten articles
# to place the snippet cost more than the rest of the search.
SNIPPET_FIRST_CHARS = 5_000
SNIPPET_WORDS = 30
# Columns only search reads: no page, card or feed loads them, and history leaves them out.
SEARCH_VECTORS = ("search_vector", "rank_vector")
HERO_WIDTHS = (480, 960, 1600)
# Sentinels that cannot occur in stored text mark search hits until the
# snippet is escaped; they then become <mark> tags.
HIT_START, HIT_STOP = "\x02", "\x03"


def passage_around(text: str, at: int, pattern: re.Pattern) -> str:
    """About SNIPPET_WORDS words of `text` around position `at`, the hits of `pattern`
    marked, with an ellipsis where the text is cut."""
    # Cut at the start of the word the hit is in ("Gel-Kayano" for "kayano"), not inside it.
    at = re.search(r"\S*\Z", text[:at]).start()
    words_before, words_after = text[:at].split(), text[at:].split()
    before = words_before[-(SNIPPET_WORDS // 3) :] if words_before else []
    after = words_after[: SNIPPET_WORDS - len(before)]
    passage = pattern.sub(lambda hit: f"{HIT_START}{hit[0]}{HIT_STOP}", " ".join(before + after))
    start = "…" if len(before) < len(words_before) else ""
    end = "…" if len(after) < len(words_after) else ""
    return f"{start}{passage}{end}"


class Author(models.Model):
    name = models.CharField(max_length=100)
    slug = models.SlugField(max_length=100, unique=True)
    bio = models.TextField(blank=True, help_text="Two or three sentences shown on the author page.")
    photo = SafeImageField(upload_to="authors/", blank=True, help_text="Square, at least 400 px.")
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        limit_choices_to={"is_staff": True},
        help_text="The staff account this author writes with, if any.",
    )

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("blog:author", kwargs={"slug": self.slug})


class Category(models.Model):
    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True)
    description = models.TextField(blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "categories"

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("blog:category", kwargs={"slug": self.slug})


class Tag(models.Model):
    name = models.CharField(max_length=60, unique=True)
    slug = models.SlugField(max_length=60, unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("blog:tag", kwargs={"slug": self.slug})


class PostQuerySet(models.QuerySet):
    def published(self):
        """Posts readers may see: published, with a publish time that has come."""
        return self.filter(status=Post.Status.PUBLISHED, publish_at__lte=timezone.now())

    def mentioning(self, *, keys):
        """Posts whose body embeds a colorway by one of `keys` (its slug, its style code)."""
        mentions = ColorwayMention.objects.filter(key__in=[key.casefold() for key in keys])
        return self.filter(pk__in=mentions.values("post_id"))

    def next_publish_time(self):
        """When the next scheduled post goes live, or None."""
        scheduled = self.filter(status=Post.Status.PUBLISHED, publish_at__gt=timezone.now())
        return scheduled.aggregate(first=Min("publish_at"))["first"]

    def without_bodies(self):
        """Leave out the long columns (each article's body three times over) that
        lists, cards and links never show."""
        return self.defer("body", "body_html", "body_text", "toc", *SEARCH_VECTORS)

    def for_listing(self):
        """What a list of post cards needs, in a fixed number of queries."""
        return self.without_bodies().select_related("author", "category").prefetch_related("tags")

    def search(self, query: str):
        """Published posts matching `query`, best first.

        PostgreSQL finds matches in title, summary and body with the full-text index
        and ranks the SEARCH_RANK_WINDOW newest by title, then summary;
        other databases fall back to a case-insensitive match on every word.
        A page of results takes its snippets from `snippets()`.
        """
        posts = self.published()
        if connection.vendor == "postgresql":
            search_query = SearchQuery(query, search_type="websearch", config="english")
            # Ranking the whole search vector of every match costs more than the rest
            # of the page: rank the newest matches only, by the small stored vector of
            # their title and summary (a match in the body alone ranks below them,
            # newest first), so that a word found in every article costs no more than
            # a rare one.
            newest = (
                posts.filter(search_vector=search_query)
                .order_by("-publish_at")
                .values("pk")[:SEARCH_RANK_WINDOW]
            )
            return (
                posts.filter(pk__in=newest)
                .annotate(rank=SearchRank(F("rank_vector"), search_query))
                .order_by("-rank", "-publish_at")
            )
        words = query.split()
        if not words:
            return posts.none()
        for word in words:
            posts = posts.filter(
                Q(title__icontains=word) | Q(summary__icontains=word) | Q(body_text__icontains=word)
            )
        return posts.order_by("-publish_at")

    def snippets(self, query: str) -> dict[int, str]:
        """For each post of this queryset (a page of search results: a few posts), the
        passage of its text around the words of `query`, wherever in the article they
        are, with each hit between HIT_START and HIT_STOP; a post whose text does not
        match (its title or summary did) gets its summary.

        PostgreSQL looks in the first SNIPPET_FIRST_CHARS of each text, then reads the
        whole text of the posts where it found no hit there (a second query)."""
        if connection.vendor == "postgresql":
            search_query = SearchQuery(query, search_type="websearch", config="english")

            def passages(posts, text) -> dict[int, tuple[str, str]]:
                headline = SearchHeadline(
                    text,
                    search_query,
                    config="english",
                    start_sel=HIT_START,
                    stop_sel=HIT_STOP,
                    max_words=35,
                    min_words=15,
                )
                rows = posts.annotate(snippet=headline).values_list("pk", "snippet", "summary")
                return {pk: (snippet, summary) for pk, snippet, summary in rows}

            found = passages(self, Left("body_text", SNIPPET_FIRST_CHARS))
            further = [pk for pk, (snippet, _) in found.items() if HIT_START not in snippet]
            if further:
                found.update(passages(self.filter(pk__in=further), F("body_text")))
            return {
                pk: snippet if HIT_START in snippet else summary
                for pk, (snippet, summary) in found.items()
            }
        words = [re.escape(word) for word in query.split()]
        pattern = re.compile(rf"\b({'|'.join(words)})", re.IGNORECASE) if words else None
        found = {}
        for pk, text, summary in self.values_list("pk", "body_text", "summary"):
            match = pattern.search(text) if pattern else None
            found[pk] = passage_around(text, match.start(), pattern) if match else summary
        return found


@dataclass(frozen=True)
class PostBody:
    """What a post stores derived from its Markdown body."""

    html: str
    text: str
    toc: list[dict]
    reading_minutes: int


def derive_body(markdown: str) -> PostBody:
    """Render `markdown` (sanitized, colorway shortcodes marked: see colorways.embeds) with
    its plain text, table of contents and reading time, as a post stores them on save."""
    rendered = render_markdown(markdown, postprocess=mark_shortcodes)
    text = html.unescape(nh3.clean(rendered.html, tags=set()))
    return PostBody(
        html=rendered.html,
        text=text,
        toc=[{"level": e.level, "id": e.id, "title": e.title} for e in rendered.toc],
        reading_minutes=max(1, math.ceil(len(text.split()) / WORDS_PER_MINUTE)),
    )


@reversion.register(follow=("faqs",), exclude=SEARCH_VECTORS)
class Post(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        REVIEW = "review", "In review"
        PUBLISHED = "published", "Published"

    title = models.CharField(max_length=200)
    slug = models.SlugField(
        max_length=200,
        unique=True,
        help_text="The address of the post: /blog/the-slug/. Changing it keeps the old "
        "address working with a permanent redirect.",
    )
    author = models.ForeignKey(Author, on_delete=models.PROTECT, related_name="posts")
    summary = models.TextField(
        max_length=400,
        help_text="The standfirst: one or two sentences shown under the title and on cards.",
    )
    body = MarkdownxField(help_text="Markdown. Use ## and ### headings: they build the contents.")
    hero_image = SafeImageField(
        upload_to="posts/",
        blank=True,
        width_field="hero_width",
        height_field="hero_height",
        help_text="JPEG, PNG or WebP, up to 10 MB. Landscape, at least 1600 px wide.",
    )
    hero_width = models.PositiveIntegerField(null=True, editable=False)
    hero_height = models.PositiveIntegerField(null=True, editable=False)
    hero_alt = models.CharField(
        "hero image alt text",
        max_length=250,
        blank=True,
        help_text="Required with a hero image: what the picture shows, for readers "
        "who cannot see it.",
    )
    category = models.ForeignKey(
        Category, null=True, blank=True, on_delete=models.SET_NULL, related_name="posts"
    )
    tags = models.ManyToManyField(Tag, blank=True, related_name="posts")
    status = models.CharField(max_length=10, choices=Status, default=Status.DRAFT)
    publish_at = models.DateTimeField(
        "publish date",
        default=timezone.now,
        help_text="A published post with a future date is scheduled: readers see it from then on.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    edited_at = models.DateTimeField(
        "edited",
        null=True,
        blank=True,
        editable=False,
        help_text="When an editor last changed the published article (not a data load).",
    )
    seo_title = models.CharField(
        "SEO title",
        max_length=70,
        blank=True,
        help_text="For search engines; defaults to the title.",
    )
    meta_description = models.CharField(
        max_length=160, blank=True, help_text="For search results; defaults to the summary."
    )
    related = models.ManyToManyField(
        "self",
        blank=True,
        symmetrical=False,
        related_name="+",
        verbose_name="related reading",
        help_text="Hand-picked posts shown under the article as related reading.",
    )
    body_html = models.TextField(editable=False, default="")
    body_text = models.TextField(editable=False, default="")
    toc = models.JSONField(editable=False, default=list)
    reading_minutes = models.PositiveSmallIntegerField(editable=False, default=1)
    search_vector = SearchVectorField(null=True, editable=False)
    # Title (weight A) and summary (B) alone: what search results are ranked by.
    rank_vector = SearchVectorField(null=True, editable=False)

    objects = PostQuerySet.as_manager()

    hero_480 = rendition("hero_image", 480)
    hero_960 = rendition("hero_image", 960)
    hero_1600 = rendition("hero_image", 1600)

    class Meta:
        ordering = ["-publish_at", "-id"]
        get_latest_by = "publish_at"
        permissions = [("publish_post", "Can publish, schedule and send back posts")]
        indexes = [models.Index(fields=["status", "publish_at"], name="blog_post_status_publish")]
        constraints = [
            models.CheckConstraint(
                condition=Q(hero_image="") | ~Q(hero_alt=""), name="blog_post_hero_has_alt"
            )
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        body = derive_body(self.body)
        self.body_html, self.body_text = body.html, body.text
        self.toc, self.reading_minutes = body.toc, body.reading_minutes
        old_slug = getattr(self, "_loaded_slug", None)
        super().save(*args, **kwargs)
        if old_slug and old_slug != self.slug:
            self._redirect_old_slug(old_slug)
        self._loaded_slug = self.slug
        self._store_colorway_mentions()
        if connection.vendor == "postgresql":
            heading = SearchVector("title", weight="A", config="english") + SearchVector(
                "summary", weight="B", config="english"
            )
            Post.objects.filter(pk=self.pk).update(
                rank_vector=heading,
                search_vector=heading + SearchVector("body_text", weight="C", config="english"),
            )

    def get_absolute_url(self):
        return reverse("blog:post-detail", kwargs={"slug": self.slug})

    @classmethod
    def from_db(cls, db, field_names, values, *args, **kwargs):
        instance = super().from_db(db, field_names, values, *args, **kwargs)
        instance._loaded_slug = instance.__dict__.get("slug")
        return instance

    @cached_property
    def hero_picture(self) -> Picture:
        """The hero image's renditions (see HERO_WIDTHS) by their real widths."""
        return picture_of(
            self.hero_image.name,
            widths=HERO_WIDTHS,
            source_width=self.hero_width,
        )

    @property
    def is_public(self) -> bool:
        return self.status == self.Status.PUBLISHED and self.publish_at <= timezone.now()

    @property
    def is_scheduled(self) -> bool:
        return self.status == self.Status.PUBLISHED and self.publish_at > timezone.now()

    @property
    def modified_at(self):
        """When the article last changed for its readers: its last edit after it was
        published, else its publication."""
        return self.edited_at or self.publish_at

    @property
    def shown_edited_at(self):
        """When an editor last changed the article after it was published, if on a later
        day than its publication (a same-day correction is not news); else None."""
        if self.edited_at is None or self.edited_at <= self.publish_at:
            return None
        if timezone.localdate(self.edited_at) <= timezone.localdate(self.publish_at):
            return None
        return self.edited_at

    @property
    def page_title(self) -> str:
        return self.seo_title or self.title

    @property
    def description(self) -> str:
        return self.meta_description or self.summary

    def clean(self):
        if self.hero_image and not self.hero_alt.strip():
            raise ValidationError(
                {"hero_alt": "Describe the hero image for readers who cannot see it."}
            )

    def _store_colorway_mentions(self) -> None:
        keys = {key.casefold() for key in shortcode_keys(self.body)}
        stored = set(self.colorway_mentions.values_list("key", flat=True))
        if keys != stored:
            self.colorway_mentions.exclude(key__in=keys).delete()
            ColorwayMention.objects.bulk_create(
                [ColorwayMention(post=self, key=key) for key in keys - stored]
            )

    def _redirect_old_slug(self, old_slug: str) -> None:
        OldSlug.objects.filter(slug=self.slug).delete()
        OldSlug.objects.update_or_create(slug=old_slug, defaults={"post": self})

    def snippet_html(self) -> str:
        """The search snippet, escaped, with the matched words in <mark>: the parts of a
        hyphenated word that all matched ("Gel-Kayano") in one, not split at the hyphen."""
        text = escape(getattr(self, "snippet", "") or self.summary)
        text = text.replace(f"{HIT_STOP}-{HIT_START}", "-")
        return mark_safe(text.replace(HIT_START, "<mark>").replace(HIT_STOP, "</mark>"))


class OldSlug(models.Model):
    """A former address of a post; readers who follow it are redirected (301) to the post."""

    slug = models.SlugField(max_length=200, unique=True)
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="old_slugs")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "former address"
        verbose_name_plural = "former addresses"

    def __str__(self):
        return f"/blog/{self.slug}/"


class ColorwayMention(models.Model):
    """A colorway shortcode in a post's body (its slug or style code, case-folded), stored
    on save so that a colorway page finds the posts embedding it through an index."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="colorway_mentions")
    key = models.CharField(max_length=150, db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["post", "key"], name="blog_mention_unique_key")
        ]

    def __str__(self):
        return f"[[colorway:{self.key}]]"


class ReviewEvent(models.Model):
    """A step of a post's review: who submitted it, sent it back (and why) or published it."""

    class Kind(models.TextChoices):
        SUBMITTED = "submitted", "Submitted for review"
        SENT_BACK = "sent_back", "Sent back to the writer"
        PUBLISHED = "published", "Published"
        SCHEDULED = "scheduled", "Scheduled"
        UNPUBLISHED = "unpublished", "Unpublished"

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="review_events")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    kind = models.CharField(max_length=12, choices=Kind)
    comment = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return self.summary

    @property
    def actor_name(self) -> str:
        if self.actor is None:
            return "someone"
        return self.actor.get_full_name() or self.actor.get_username()

    @property
    def summary(self) -> str:
        """One line for the history: "Sent back to the writer by Charly: fix the intro"."""
        text = f"{self.get_kind_display()} by {self.actor_name}"
        if self.kind == self.Kind.SCHEDULED:
            when = timezone.localtime(self.post.publish_at)
            text += f" for {when:%d %B %Y, %H:%M}"
        return f"{text}: {self.comment}" if self.comment else f"{text}."


@reversion.register()
class FAQ(models.Model):
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="faqs")
    question = models.CharField(max_length=250)
    answer = models.TextField(help_text="Markdown.")
    answer_html = models.TextField(editable=False, default="")
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = "FAQ entry"
        verbose_name_plural = "FAQ"

    def __str__(self):
        return self.question

    def save(self, *args, **kwargs):
        self.answer_html = render_markdown(self.answer).html
        super().save(*args, **kwargs)
