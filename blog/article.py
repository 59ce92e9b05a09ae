"""What an article's page shows besides the post's own row, worked out only when the
template asks for it: the page keeps those parts for the content generation
(`{% kept %}`), so while they are kept a request reads the post's row and nothing else."""

from functools import cached_property

from django.db import connection

from blog.cards import cover_colorways
from blog.models import SEARCH_VECTORS, Post
from blog.seo import article_meta
from colorways.cards import colorway_cards
from colorways.embeds import expand_markers, marked_pks
from seo.meta import PageMeta

FAQ_TITLE = "Frequently asked questions"
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
    def contents(self) -> list[dict]:
        """The table of contents as the reader sees it: the sections (and the questions,
        when the article has any) numbered in one run, each with its subsections, so
        that no subsection takes a number."""
        sections: list[dict] = []
        for entry in self.toc:
            item = {"id": entry["id"], "title": entry["title"], "subsections": []}
            if entry["level"] > 2 and sections:
                sections[-1]["subsections"].append(item)
            else:
                sections.append(item)
        if self.faqs:
            sections.append({"id": "faq", "title": FAQ_TITLE, "subsections": []})
        return sections

    @cached_property
    def cover(self):
        """The colorway drawn on the title card of an article without a hero."""
        if self.post.hero_image:
            return None
        return cover_colorways([self.post.pk]).get(self.post.pk)

    @cached_property
    def faqs(self) -> list:
        return list(self.post.faqs.all())

    @cached_property
    def tags(self) -> list:
        return list(self.post.tags.all())

    @cached_property
    def meta(self) -> PageMeta:
        """What the page tells search engines and link previews."""
        return article_meta(
            self.post,
            site_url=self.site_url,
            faqs=self.faqs,
            word_count=len(self._long["body_text"].split()),
        )

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
