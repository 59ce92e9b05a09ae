"""What an article's page tells search engines and link previews (see seo.meta)."""

import html

import nh3
from django.urls import reverse
from django.utils.formats import date_format

from blog.models import Post
from seo.links import absolute
from seo.meta import Crumb, PageMeta, publisher
from seo.social import (
    DrawingFailed,
    SocialImage,
    digest,
    open_picture,
    photo_card,
    stored,
    title_card,
)

BLOG_NAME = "Blog"


def _plain(html_text: str) -> str:
    return html.unescape(nh3.clean(html_text, tags=set())).strip()


def article_image(post: Post) -> SocialImage:
    """The article's picture for sharing: its hero cropped to 1200×630, or a title card
    (also when the hero cannot be read)."""
    if post.hero_image:
        try:
            return stored(
                folder="articles",
                stem=str(post.pk),
                key=digest("hero", post.hero_image.name),
                draw=lambda: photo_card(photo=open_picture(post.hero_image.name)),
                extension="jpg",
            )
        except DrawingFailed:
            pass
    kicker = post.category.name if post.category_id else BLOG_NAME
    byline = f"{post.author.name} · {date_format(post.publish_at, 'j F Y')}"
    return stored(
        folder="articles",
        stem=str(post.pk),
        key=digest("title", post.title, kicker, byline),
        draw=lambda: title_card(title=post.title, kicker=kicker, byline=byline),
    )


def blog_crumb(site_url: str) -> Crumb:
    """The first step of every trail inside the blog."""
    return Crumb(BLOG_NAME, absolute(site_url, reverse("blog:post-list")))


def trail(post: Post, site_url: str) -> tuple[Crumb, ...]:
    """Where the article sits: the blog, then its category."""
    crumbs = [blog_crumb(site_url)]
    if post.category_id:
        crumbs.append(
            Crumb(post.category.name, absolute(site_url, post.category.get_absolute_url()))
        )
    return tuple(crumbs)


def article_meta(post: Post, *, site_url: str, faqs: list, word_count: int) -> PageMeta:
    """The page's metadata: the Article (and FAQPage when the article has questions),
    its picture and trail, from the post loaded with its author and category."""
    url = absolute(site_url, post.get_absolute_url())
    image = article_image(post)
    image_url = absolute(site_url, image.url)
    article = {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": post.title,
        "description": post.description,
        "image": [image_url],
        "datePublished": post.publish_at.isoformat(),
        "dateModified": post.modified_at.isoformat(),
        "author": {
            "@type": "Person",
            "name": post.author.name,
            "url": absolute(site_url, post.author.get_absolute_url()),
        },
        "publisher": publisher(site_url),
        "mainEntityOfPage": url,
        "wordCount": word_count,
    }
    data = [article]
    if faqs:
        data.append(
            {
                "@context": "https://schema.org",
                "@type": "FAQPage",
                "mainEntity": [
                    {
                        "@type": "Question",
                        "name": item.question,
                        "acceptedAnswer": {"@type": "Answer", "text": _plain(item.answer_html)},
                    }
                    for item in faqs
                ],
            }
        )
    return PageMeta(
        title=post.page_title,
        description=post.description,
        url=url,
        kind="article",
        image=SocialImage(url=image_url, width=image.width, height=image.height),
        image_alt=post.hero_alt if post.hero_image else post.title,
        trail=trail(post, site_url),
        structured_data=tuple(data),
    )
