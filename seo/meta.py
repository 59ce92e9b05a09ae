"""What a page tells search engines and link previews, built in one place per kind of
page: its description, canonical address, Open Graph and Twitter tags (the same title,
description and picture) and its structured data (schema.org JSON-LD)."""

from dataclasses import dataclass, field

from django.conf import settings
from django.templatetags.static import static

from seo.jsonld import JsonLd
from seo.links import absolute, site_url
from seo.social import SocialImage

# The site's logo for search engines (publisher of articles, the organisation).
LOGO = "img/logo.png"
LOGO_SIZE = 512
SITE_DESCRIPTION = (
    "Everything about the Asics Gel-Kayano 14: its history, every colorway and "
    "collaboration, and which size to buy."
)


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


def default_meta(*, base_url: str, path: str) -> PageMeta:
    """What a page without a description of its own says."""
    return PageMeta(
        title=settings.SITE_NAME,
        description=SITE_DESCRIPTION,
        url=absolute(base_url, path),
    )


def page_meta(
    request,
    *,
    title: str,
    description: str,
    trail: tuple[Crumb, ...] = (),
    structured_data: tuple[dict, ...] = (),
) -> PageMeta:
    """A page's metadata at its own address (without the query string)."""
    return PageMeta(
        title=title,
        description=description,
        url=absolute(site_url(request), request.path),
        trail=trail,
        structured_data=structured_data,
    )


def website(base_url: str) -> tuple[dict, ...]:
    """The home page's description of the site and of the organisation behind it."""
    organization = {"@context": "https://schema.org", **publisher(base_url)}
    site = {
        "@context": "https://schema.org",
        "@type": "WebSite",
        "name": settings.SITE_NAME,
        "url": f"{base_url}/",
        "publisher": publisher(base_url),
    }
    return (site, organization)


def collection_page(
    *, name: str, description: str, url: str, item_urls: list[str], first_position: int = 1
) -> dict:
    """A page that lists things with pages of their own, the ones it shows in order."""
    return {
        "@context": "https://schema.org",
        "@type": "CollectionPage",
        "name": name,
        "description": description,
        "url": url,
        "mainEntity": {
            "@type": "ItemList",
            "numberOfItems": len(item_urls),
            "itemListElement": [
                {"@type": "ListItem", "position": position, "url": item_url}
                for position, item_url in enumerate(item_urls, start=first_position)
            ],
        },
    }
