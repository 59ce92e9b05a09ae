from django import template

from blog.models import Post

register = template.Library()


@register.inclusion_tag("blog/mentions.html")
def articles_mentioning(colorway):
    """The published articles that embed `colorway`, for its page: template composition
    keeps the catalogue free of the blog's code."""
    keys = [colorway.slug, *([colorway.style_code] if colorway.style_code else [])]
    posts = Post.objects.published().mentioning(keys=keys).without_bodies().select_related("author")
    return {"posts": list(posts)}
