"""What lists of articles show, kept per content generation: which posts (their keys,
newest first) and each post's card. A card's queries and template run once per post
after each editorial change, not on every request.
"""

from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from blog.models import Post
from caching import fragments
from caching.fragments import kept


def _render(pks) -> dict[int, str]:
    return {
        post.pk: mark_safe(render_to_string("includes/post_card.html", {"post": post}))
        for post in Post.objects.filter(pk__in=pks).for_listing()
    }


def post_cards(pks) -> list[str]:
    """The cards of the posts `pks`, in that order (HTML, safe to output)."""
    return fragments.in_order("post-card", pks, _render)


def published_keys(lookup: str | None = None, value: int | None = None) -> list[int]:
    """The keys of the published posts (those whose `lookup` is `value`), newest first,
    kept for the content generation: lists page through them."""

    def build() -> list[int]:
        posts = Post.objects.published()
        if lookup is not None:
            posts = posts.filter(**{lookup: value})
        return list(posts.values_list("pk", flat=True))

    return kept("published-posts", (lookup, value), build)
