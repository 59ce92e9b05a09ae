"""Post cards, kept per content generation, and the home page's stories.

Lists of articles look up which posts to show (their primary keys, in order) and take
each card from here: a card's queries and template run once per post after each
editorial change, not on every request. The home page's stories are built here and
kept with the rest of the home page.
"""

from functools import partial

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


# What a post is shown as: a card in a list, or the home page's lead story.
TEMPLATES = {"card": "includes/post_card.html", "lead": "includes/lead_story.html"}


def _render(keys, *, show_category: bool) -> dict[tuple[str, int], str]:
    """The HTML of each (kind, post key) in `keys`: one query for the posts, one lookup
    for the covers of those without a hero, whatever their number and kinds."""
    posts = Post.objects.filter(pk__in=[pk for _, pk in keys]).for_listing().in_bulk()
    covers = cover_colorways(pk for pk, post in posts.items() if not post.hero_image)
    return {
        (kind, pk): mark_safe(
            render_to_string(
                TEMPLATES[kind],
                {"post": posts[pk], "cover": covers.get(pk), "show_category": show_category},
            )
        )
        for kind, pk in keys
        if pk in posts
    }


def post_cards(pks, *, show_category: bool = True) -> list[str]:
    """The cards of the posts `pks`, in that order (HTML, safe to output); a list of one
    category's posts leaves each card's category out (`show_category` False)."""
    name = "post-card" if show_category else "post-card-in-category"
    keys = [("card", pk) for pk in pks]
    return fragments.in_order(name, keys, partial(_render, show_category=show_category))


def home_stories(pks) -> list[str]:
    """The home page's stories of the posts `pks`: the first as the lead story, the
    others as cards, built together (the home page keeps them with the rest of what it
    shows, so they are not kept apart)."""
    keys = [("lead" if index == 0 else "card", pk) for index, pk in enumerate(pks)]
    built = _render(keys, show_category=True)
    return [built[key] for key in keys if key in built]
