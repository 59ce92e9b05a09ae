"""Post cards, kept per content generation.

Lists of articles look up which posts to show (their primary keys, in order) and take
each card from here: a card's queries and template run once per post after each
editorial change, not on every request.
"""

from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from blog.models import ColorwayMention, Post
from caching import fragments
from colorways.embeds import colorways_for
from colorways.models import Colorway


def cover_colorways(post_pks) -> dict[int, Colorway]:
    """For each of the posts `post_pks`, a colorway its text names (the first one stored),
    loaded for its picture: an article without a hero shows it on its title card."""
    first_key: dict[int, str] = {}
    mentions = ColorwayMention.objects.filter(post__in=list(post_pks)).order_by("pk")
    for post_pk, key in mentions.values_list("post_id", "key"):
        first_key.setdefault(post_pk, key)
    if not first_key:
        return {}
    by_key = colorways_for(set(first_key.values()), Colorway.objects.for_pictures())
    return {post_pk: by_key[key] for post_pk, key in first_key.items() if key in by_key}


def _renderer(*, show_category: bool):
    def render(pks) -> dict[int, str]:
        posts = list(Post.objects.filter(pk__in=pks).for_listing())
        covers = cover_colorways(post.pk for post in posts if not post.hero_image)
        return {
            post.pk: mark_safe(
                render_to_string(
                    "includes/post_card.html",
                    {"post": post, "cover": covers.get(post.pk), "show_category": show_category},
                )
            )
            for post in posts
        }

    return render


def post_cards(pks, *, show_category: bool = True) -> list[str]:
    """The cards of the posts `pks`, in that order (HTML, safe to output); a list of one
    category's posts leaves each card's category out (`show_category` False)."""
    name = "post-card" if show_category else "post-card-in-category"
    return fragments.in_order(name, pks, _renderer(show_category=show_category))
