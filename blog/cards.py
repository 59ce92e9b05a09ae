"""Post cards, kept per content generation.

Lists of articles look up which posts to show (their primary keys, in order) and take
each card from here: a card's queries and template run once per post after each
editorial change, not on every request.
"""

from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from blog.models import Post
from caching import fragments


def _renderer(*, show_category: bool):
    def render(pks) -> dict[int, str]:
        return {
            post.pk: mark_safe(
                render_to_string(
                    "includes/post_card.html", {"post": post, "show_category": show_category}
                )
            )
            for post in Post.objects.filter(pk__in=pks).for_listing()
        }

    return render


def post_cards(pks, *, show_category: bool = True) -> list[str]:
    """The cards of the posts `pks`, in that order (HTML, safe to output); a list of one
    category's posts leaves each card's category out (`show_category` False)."""
    name = "post-card" if show_category else "post-card-in-category"
    return fragments.in_order(name, pks, _renderer(show_category=show_category))
