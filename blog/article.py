"""What an article's page shows besides the post's own row, worked out only when the
template asks for it: the page keeps those parts for the content generation
(`{% kept %}`), so while they are kept a request reads the post's row and nothing else."""

from functools import cached_property

from django.db import connection

from blog.models import SEARCH_VECTORS, Post
from blog.structured_data import structured_data
from colorways.cards import colorway_cards
from colorways.embeds import expand_markers, marked_pks
from seo.jsonld import JsonLd

# The long columns of a post, read only to build the kept parts.
LONG_COLUMNS = ("body", "body_html", "body_text", "toc", *SEARCH_VECTORS)


class ArticleParts:
    def __init__(self, post: Post, *, site_url: str):
        self.post = post
        self.site_url = site_url

    @cached_property
    def _long(self) -> dict:
        return Post.objects.values("body_html", "body_text", "toc").get(pk=self.post.pk)

    @cached_property
    def body_html(self) -> str:
        """The body with each embedded colorway as it is now."""
        return expand_markers(self._long["body_html"])

    @property
    def toc(self) -> list[dict]:
        return self._long["toc"]

    @cached_property
    def faqs(self) -> list:
        return list(self.post.faqs.all())

    @cached_property
    def tags(self) -> list:
        return list(self.post.tags.all())

    @cached_property
    def _structured_data(self) -> dict:
        return structured_data(
            self.post,
            self.site_url,
            faqs=self.faqs,
            word_count=len(self._long["body_text"].split()),
        )

    @property
    def article_ld(self) -> JsonLd:
        return JsonLd.of(self._structured_data["article_ld"])

    @property
    def faq_ld(self) -> JsonLd | None:
        faq = self._structured_data["faq_ld"]
        return JsonLd.of(faq) if faq else None

    @cached_property
    def colorway_cards(self) -> list[str]:
        """The colorways the text only links to: those embedded as cards are not repeated."""
        html = self._long["body_html"]
        embedded = marked_pks(html, kind="card")
        return colorway_cards(pk for pk in marked_pks(html, kind="link") if pk not in embedded)

    @cached_property
    def related_posts(self) -> list[Post]:
        return list(
            Post.objects.published()
            .filter(pk__in=self.post.related.values("pk"))
            .without_bodies()
            .select_related("author")
        )

    @cached_property
    def neighbours(self) -> tuple[Post | None, Post | None]:
        """The published posts just before and just after, in one query where the
        database can order and limit each half of a UNION."""
        publish_at = self.post.publish_at
        links = Post.objects.published().only("title", "slug", "publish_at")
        before = links.filter(publish_at__lt=publish_at).order_by("-publish_at", "-id")[:1]
        after = links.filter(publish_at__gt=publish_at).order_by("publish_at", "id")[:1]
        if not connection.features.supports_slicing_ordering_in_compound:
            return before.first(), after.first()
        found = list(before.union(after))
        return (
            next((p for p in found if p.publish_at < publish_at), None),
            next((p for p in found if p.publish_at > publish_at), None),
        )

    @property
    def previous_post(self) -> Post | None:
        return self.neighbours[0]

    @property
    def next_post(self) -> Post | None:
        return self.neighbours[1]
