"""Post cards, kept per content generation.

Lists of articles look up which posts to show (their primary keys, in order) and take
each card from here: a card's queries and template run once per post after each
editorial change, not on every request.
"""

from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from blog.models import Post
from caching import fragments


def _render(pks) -> dict[int, str]:
    return {
        post.pk: mark_safe(render_to_string("includes/post_card.html", {"post": post}))
        for post in Post.objects.filter(pk__in=pks).for_listing()
    }


def post_cards(pks) -> list[str]:
    """The cards of the posts `pks`, in that order (HTML, safe to output)."""
    return fragments.in_order("post-card", pks, _render)
