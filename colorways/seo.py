"""What a colorway's page tells search engines and link previews (see seo.meta)."""

import datetime
import html
import io
from collections import defaultdict

import nh3
from django.urls import reverse
from PIL import Image

from colorways import illustration
from colorways.models import CATALOGUE_CURRENCY, Colorway, Listing
from seo.links import absolute
from seo.meta import Crumb, PageMeta
from seo.social import DrawingFailed, SocialImage, digest, open_picture, picture_card, stored

CATALOGUE_NAME = "Colorways"


# A colorway without a palette yet is drawn in an undyed off-white.
BLANK_PALETTE = ("#F4F4F2",)


def drawing_fills(colorway: Colorway) -> dict[str, str]:
    """The colours of the colorway's illustration: its palette, with the palette colours
    editors assigned to regions (`drawing_regions`) over the defaults from the palette's
    order. An assignment the palette no longer has a colour for falls back to the default."""
    palette = [colour.hex for colour in colorway.palette.all()] or list(BLANK_PALETTE)
    assignments = colorway.drawing_regions
    return illustration.fills_for(
        palette=palette, assignments=assignments if isinstance(assignments, dict) else None
    )


def colorway_image(colorway: Colorway) -> SocialImage:
    """The colorway's picture for sharing: its first photo, else its illustration, with
    its name and release date (the colorway loaded with its images and palette)."""
    subtitle = f"Asics Gel-Kayano 14 · {colorway.release_display}"
    photo = next(iter(colorway.images.all()), None)
    if photo is not None:

        def draw_photo() -> bytes:
            picture = open_picture(photo.image.name)
            return picture_card(picture=picture, title=colorway.title, subtitle=subtitle, fill=True)

        try:
            return stored(
                folder="colorways",
                stem=str(colorway.pk),
                key=digest("photo", photo.image.name, colorway.title, subtitle),
                draw=draw_photo,
            )
        except DrawingFailed:
            pass
    fills = drawing_fills(colorway)

    def draw_illustration() -> bytes:
        svg = illustration.render_svg(fills=fills, title=colorway.title)
        picture = Image.open(io.BytesIO(illustration.render_png(svg=svg, width=1000)))
        return picture_card(picture=picture, title=colorway.title, subtitle=subtitle, fill=False)

    return stored(
        folder="colorways",
        stem=str(colorway.pk),
        key=digest("drawing", sorted(fills.items()), colorway.title, subtitle),
        draw=draw_illustration,
    )


def offers(listings: list[Listing]) -> dict | None:
    """The colorway's offers from its priced listings: one Offer, or an AggregateOffer
    over the listings in one currency (the catalogue's, else the most common); None
    without a priced listing, so that nothing is invented."""
    priced = [listing for listing in listings if listing.price is not None]
    if not priced:
        return None
    if len(priced) == 1:
        listing = priced[0]
        return {
            "@type": "Offer",
            "url": listing.url,
            "price": f"{listing.price:.2f}",
            "priceCurrency": listing.currency,
            "availability": listing.schema_availability,
            "seller": {"@type": "Organization", "name": listing.retailer.name},
        }
    by_currency = defaultdict(list)
    for listing in priced:
        by_currency[listing.currency].append(listing)
    currency = (
        CATALOGUE_CURRENCY
        if CATALOGUE_CURRENCY in by_currency
        else max(by_currency, key=lambda c: len(by_currency[c]))
    )
    chosen = by_currency[currency]
    in_stock = [
        listing for listing in chosen if listing.availability == Listing.Availability.IN_STOCK
    ]
    availability = (in_stock or chosen)[0].schema_availability
    return {
        "@type": "AggregateOffer",
        "lowPrice": f"{min(listing.price for listing in chosen):.2f}",
        "highPrice": f"{max(listing.price for listing in chosen):.2f}",
        "priceCurrency": currency,
        "offerCount": len(chosen),
        "availability": availability,
    }


def catalogue_crumb(site_url: str) -> Crumb:
    """The first step of every trail inside the catalogue."""
    return Crumb(CATALOGUE_NAME, absolute(site_url, reverse("colorways:colorway-list")))


def trail(colorway: Colorway, site_url: str) -> tuple[Crumb, ...]:
    """Where the colorway sits: the catalogue, then its collaborator."""
    crumbs = [catalogue_crumb(site_url)]
    if colorway.collaborator_id:
        collaborator = colorway.collaborator
        crumbs.append(Crumb(collaborator.name, absolute(site_url, collaborator.get_absolute_url())))
    return tuple(crumbs)


def colorway_meta(colorway: Colorway, *, site_url: str, today: datetime.date) -> PageMeta:
    """The page's metadata: the Product with its picture and offers, and its trail (the
    colorway loaded with its details and images)."""
    url = absolute(site_url, colorway.get_absolute_url())
    image = colorway_image(colorway)
    image_url = absolute(site_url, image.url)
    description = html.unescape(nh3.clean(colorway.story_html, tags=set())).strip()
    price = colorway.main_price
    summary = f"{colorway.title}: {colorway.release_display}"
    if price:
        summary += f", {price.amount:.0f} {price.currency} at release"
    product = {
        "@context": "https://schema.org",
        "@type": "Product",
        "name": f"Asics Gel-Kayano 14 {colorway}",
        "brand": {"@type": "Brand", "name": "Asics"},
        "url": url,
        "image": [image_url],
        "color": colorway.name,
        "description": description or summary + ".",
    }
    if colorway.style_code:
        product["sku"] = colorway.style_code
        product["mpn"] = colorway.style_code
    if colorway.release_iso:
        product["releaseDate"] = colorway.release_iso
    found = offers(list(colorway.listings.all()))
    if found:
        product["offers"] = found
    return PageMeta(
        title=f"Asics Gel-Kayano 14 {colorway}",
        description=summary + ". Where to buy, what it resells for, and its story.",
        url=url,
        kind="product",
        image=SocialImage(url=image_url, width=image.width, height=image.height),
        image_alt=f"The {colorway.title} colorway of the Asics Gel-Kayano 14",
        trail=trail(colorway, site_url),
        structured_data=(product,),
    )
