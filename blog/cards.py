"""Post cards, rendered once per content generation in each process.

Lists of articles look up only which posts to show (their primary keys, in order)
and take each card from here; a card's queries and template run once per post after
each editorial save, not on every request.
"""

from django.template.loader import render_to_string

from blog.models import Post
from performance.pagecache import KeyedMemo


def _render(pks) -> dict[int, str]:
    return {
        post.pk: render_to_string("includes/post_card.html", {"post": post})
        for post in Post.objects.filter(pk__in=pks).for_listing()
    }


_cards = KeyedMemo(_render)


def post_cards(pks) -> list[str]:
    """The cards of the posts `pks`, in that order (HTML, safe to output)."""
    return _cards.in_order(pks)
