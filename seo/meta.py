"""What a page tells search engines and link previews, built in one place per kind of
page: its description, canonical address, Open Graph and Twitter tags (the same title,
description and picture) and its structured data (schema.org JSON-LD)."""

from dataclasses import dataclass, field

from django.conf import settings
from django.templatetags.static import static

from seo.jsonld import JsonLd
from seo.links import absolute
from seo.social import SocialImage

# The site's logo for search engines (publisher of articles, the organisation).
LOGO = "img/logo.png"
LOGO_SIZE = 512


@dataclass(frozen=True, slots=True)
class Crumb:
    name: str
    url: str  # absolute


@dataclass(frozen=True, slots=True)
class PageMeta:
    title: str
    description: str
    url: str  # absolute, canonical
    kind: str = "website"  # og:type
    image: SocialImage | None = None
    image_alt: str = ""
    # The trail shown above the page's title, and given to search engines.
    trail: tuple[Crumb, ...] = ()
    structured_data: tuple[dict, ...] = field(default=())

    @property
    def json_ld(self) -> tuple[JsonLd, ...]:
        data = list(self.structured_data)
        if self.trail:
            data.append(breadcrumb_list(self.trail))
        return tuple(JsonLd.of(item) for item in data)


def breadcrumb_list(trail: tuple[Crumb, ...]) -> dict:
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": crumb.name, "item": crumb.url}
            for position, crumb in enumerate(trail, start=1)
        ],
    }


def publisher(site_url: str) -> dict:
    """The site as the organisation that publishes it, with its logo."""
    return {
        "@type": "Organization",
        "name": settings.SITE_NAME,
        "url": f"{site_url}/",
        "logo": {
            "@type": "ImageObject",
            "url": absolute(site_url, static(LOGO)),
            "width": LOGO_SIZE,
            "height": LOGO_SIZE,
        },
    }


def default_meta(*, site_url: str, path: str) -> PageMeta:
    """What a page without a description of its own says."""
    return PageMeta(
        title=settings.SITE_NAME,
        description=(
            "Everything about the Asics Gel-Kayano 14: its history, every colorway and "
            "collaboration, and which size to buy."
        ),
        url=absolute(site_url, path),
    )
