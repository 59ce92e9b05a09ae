"""schema.org `Product` JSON-LD for a colorway page, with an offer per priced listing."""

import html

import nh3

from seo.links import absolute


def product_data(colorway, site_url: str) -> dict:
    """The `Product` for `colorway`; uses its prefetched palette, images and listings."""
    data = {
        "@context": "https://schema.org",
        "@type": "Product",
        "name": f"Asics Gel-Kayano 14 {colorway}",
        "brand": {"@type": "Brand", "name": "Asics"},
        "url": absolute(site_url, colorway.get_absolute_url()),
        "color": colorway.name,
        "description": html.unescape(nh3.clean(colorway.story_html, tags=set())).strip()
        or f"The {colorway} colorway of the Asics Gel-Kayano 14.",
    }
    if colorway.style_code:
        data["sku"] = colorway.style_code
        data["mpn"] = colorway.style_code
    if colorway.release_iso:
        data["releaseDate"] = colorway.release_iso
    images = [absolute(site_url, image.renditions["1600"]) for image in colorway.images.all()]
    if images:
        data["image"] = images
    offers = [
        {
            "@type": "Offer",
            "url": listing.url,
            "price": f"{listing.price:.2f}",
            "priceCurrency": listing.currency,
            "availability": listing.schema_availability,
            "seller": {"@type": "Organization", "name": listing.retailer.name},
        }
        for listing in colorway.listings.all()
        if listing.price is not None
    ]
    if offers:
        data["offers"] = offers
    return data
