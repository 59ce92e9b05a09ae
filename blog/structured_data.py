"""schema.org JSON-LD for articles: `Article`, plus `FAQPage` when the post has an FAQ."""

import html

import nh3
from django.conf import settings

from seo.links import absolute


def _plain(html_text: str) -> str:
    return html.unescape(nh3.clean(html_text, tags=set())).strip()


def structured_data(post, site_url: str, *, faqs: list, word_count: int) -> dict:
    """`article_ld` and `faq_ld` (None without an FAQ) for `post` with its `faqs`, with
    links made absolute against `site_url`."""
    article = {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": post.title,
        "description": post.description,
        "datePublished": post.publish_at.isoformat(),
        "dateModified": post.updated_at.isoformat(),
        "author": {
            "@type": "Person",
            "name": post.author.name,
            "url": absolute(site_url, post.author.get_absolute_url()),
        },
        "publisher": {"@type": "Organization", "name": settings.SITE_NAME},
        "mainEntityOfPage": absolute(site_url, post.get_absolute_url()),
        "wordCount": word_count,
    }
    if post.hero_image:
        article["image"] = absolute(site_url, post.hero_picture.largest)
    faq = None
    if faqs:
        faq = {
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
    return {"article_ld": article, "faq_ld": faq}
