"""An article's page, its parts kept per content generation in each process.

On a release day one article is read thousands of times between two saves. Its
header, picture, contents, body, FAQ and tags, and the structured data for its page
head, depend on the post alone (and the site's address): they are built once per
post after each editorial save. What stands around it (the previous and next
article, related reading, the colorways it embeds) also depends on which posts are
published, so it is built again when a scheduled post goes live. Whether a scheduled
post may be shown yet is decided on every request; previews of drafts and scheduled
posts are built afresh each time.
"""

import datetime
from dataclasses import dataclass

from django.db import connection
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe

from blog.models import SEARCH_VECTORS, Post
from blog.structured_data import structured_data
from colorways.cards import cards_for
from colorways.embeds import shortcode_keys
from colorways.models import Colorway
from config.jsonld import JsonLd
from performance.pagecache import KeyedMemo

# An article takes some 30 KB in memory: at most this many are kept in each process.
KEPT_ARTICLES = 200


@dataclass(frozen=True, slots=True)
class Article:
    pk: int
    published: bool
    publish_at: datetime.datetime
    html: str
    page_title: str
    description: str
    url: str
    hero_url: str
    hero_alt: str
    article_ld: JsonLd
    faq_ld: JsonLd | None
    colorway_keys: tuple[str, ...]

    @property
    def is_public(self) -> bool:
        return self.published and self.publish_at <= timezone.now()

    @property
    def is_scheduled(self) -> bool:
        return self.published and self.publish_at > timezone.now()


def _posts():
    return (
        Post.objects.defer(*SEARCH_VECTORS)
        .select_related("author", "category")
        .prefetch_related("tags", "faqs")
    )


def build_article(post: Post, site_url: str) -> Article:
    """The article of `post` (loaded with author, category, tags and FAQ), with links
    made absolute against `site_url`."""
    html = render_to_string(
        "blog/article.html",
        {"post": post, "faqs": list(post.faqs.all()), "tags": list(post.tags.all())},
    )
    data = structured_data(post, site_url)
    return Article(
        pk=post.pk,
        published=post.status == Post.Status.PUBLISHED,
        publish_at=post.publish_at,
        html=html,
        page_title=post.page_title,
        description=post.description,
        url=post.get_absolute_url(),
        hero_url=post.hero_picture.largest if post.hero_image else "",
        hero_alt=post.hero_alt,
        colorway_keys=tuple(shortcode_keys(post.body)),
        article_ld=JsonLd.of(data["article_ld"]),
        faq_ld=JsonLd.of(data["faq_ld"]) if data["faq_ld"] else None,
    )


def _build_many(keys) -> dict:
    posts = (
        _posts()
        .filter(status=Post.Status.PUBLISHED)
        .in_bulk({slug for slug, _ in keys}, field_name="slug")
    )
    return {(slug, site): build_article(posts[slug], site) for slug, site in keys if slug in posts}


_articles = KeyedMemo(_build_many, max_entries=KEPT_ARTICLES)


def published_article(slug: str, site_url: str) -> Article | None:
    """The article of the published post `slug` (whose publish time may not have come
    yet: see `Article.is_public`), kept per generation; None if there is none."""
    key = (slug, site_url)
    return _articles.get_many([key]).get(key)


def preview_article(slug: str, site_url: str) -> Article | None:
    """The article of the post `slug` whatever its status, built afresh (for staff)."""
    post = _posts().filter(slug=slug).first()
    return None if post is None else build_article(post, site_url)


def _neighbours(published, publish_at):
    """The published posts just before and just after `publish_at`, in one query
    where the database can order and limit each half of a UNION."""
    links = published.only("title", "slug", "publish_at")
    before = links.filter(publish_at__lt=publish_at).order_by("-publish_at", "-id")[:1]
    after = links.filter(publish_at__gt=publish_at).order_by("publish_at", "id")[:1]
    if not connection.features.supports_slicing_ordering_in_compound:
        return before.first(), after.first()
    found = list(before.union(after))
    return (
        next((p for p in found if p.publish_at < publish_at), None),
        next((p for p in found if p.publish_at > publish_at), None),
    )


def _build_surroundings(pk: int, publish_at, colorway_keys) -> str:
    """What the page shows around an article (HTML): the cards of the colorways it
    embeds, related reading, the previous and next article."""
    published = Post.objects.published()
    picked = Post.related.through.objects.filter(from_post=pk).values("to_post")
    related = published.filter(pk__in=picked).without_bodies().select_related("author")
    previous_post, next_post = _neighbours(published, publish_at)
    cards = []
    if colorway_keys:
        cards = cards_for(Colorway.objects.matching_shortcodes(colorway_keys))
    html = render_to_string(
        "blog/article_surroundings.html",
        {
            "colorway_cards": cards,
            "related_posts": list(related),
            "previous_post": previous_post,
            "next_post": next_post,
        },
    )
    return mark_safe(html)


_surroundings = KeyedMemo(
    lambda keys: {key: _build_surroundings(*key) for key in keys},
    max_entries=KEPT_ARTICLES,
    by_publication=True,
)


def surroundings(article: Article) -> str:
    """The surroundings of `article`, kept per generation until a scheduled post goes
    live (they depend on which posts are published); built afresh for a preview."""
    where = (article.pk, article.publish_at, article.colorway_keys)
    if not article.is_public:
        return _build_surroundings(*where)
    return _surroundings.get_many([where])[where]
