"""Demo catalogue, written from the facts in shared/facts/gel-kayano-14.md.

Prices, dates and style codes are those the facts give, at the precision they
give them; where a fact is unverified or disputed, the sources say so.
"""

import datetime
from decimal import Decimal

from colorways.models import (
    Collaborator,
    Colorway,
    Listing,
    Milestone,
    PaletteColour,
    ReleasePrecision,
    ResaleObservation,
    Retailer,
    RetailPrice,
    Source,
)

CHECKED = datetime.date(2025, 10, 17)
DAY, MONTH, YEAR, UNANNOUNCED = (
    ReleasePrecision.DAY,
    ReleasePrecision.MONTH,
    ReleasePrecision.YEAR,
    ReleasePrecision.UNANNOUNCED,
)

COLLABORATORS = [
    {
        "slug": "jjjjound",
        "name": "JJJJound",
        "kind": Collaborator.Kind.STUDIO,
        "city": "Montreal",
        "country": "Canada",
        "founder": "Justin R. Saunders",
        "website": "https://www.jjjjound.com/",
        "bio": "A Montreal design studio founded by Justin R. Saunders, known for quiet, "
        "exact takes on familiar objects. It made the first Gel-Kayano 14 collaboration.",
    },
    {
        "slug": "kith",
        "name": "Kith",
        "kind": Collaborator.Kind.BRAND,
        "city": "New York",
        "country": "United States",
        "founder": "Ronnie Fieg",
        "website": "https://kith.com/",
        "bio": "Ronnie Fieg's label and store. Its Vintage Tech 2023 pack dressed the "
        "Kayano 14 in cream.",
    },
    {
        "slug": "atmos",
        "name": "atmos",
        "kind": Collaborator.Kind.BOUTIQUE,
        "country": "Japan",
        "website": "https://www.atmos-tokyo.com/",
        "bio": "A Japanese sneaker boutique whose exclusive Kayano 14s nod to the running "
        "heritage with a streetwear edge.",
    },
    {
        "slug": "facetasm",
        "name": "FACETASM",
        "kind": Collaborator.Kind.BRAND,
        "city": "Tokyo",
        "country": "Japan",
        "bio": "A Tokyo streetwear label. Its previewed Kayano 14s are bright and multi-coloured.",
    },
    {
        "slug": "awake-ny",
        "name": "Awake NY",
        "kind": Collaborator.Kind.BRAND,
        "city": "New York",
        "country": "United States",
        "bio": "A New York label; its take on the Kayano 14 goes for bold contrast and "
        "high-impact details.",
    },
    {
        "slug": "kiko-kostadinov",
        "name": "Kiko Kostadinov",
        "kind": Collaborator.Kind.DESIGNER,
        "bio": "A designer who began working with Asics in 2018 and argued for reviving "
        "the Kayano 14 rather than the 13.",
    },
]

RETAILERS = [
    {"name": "ASICS", "country": "Worldwide", "website": "https://www.asics.com/"},
    {"name": "JJJJound", "country": "Canada", "website": "https://www.jjjjound.com/"},
    {"name": "Kith", "country": "United States", "website": "https://kith.com/"},
    {"name": "atmos", "country": "Japan", "website": "https://www.atmos-tokyo.com/"},
]

LISTING_SOURCE = "Public retail listing (unverified)"

# palette entries: (name, hex, family)
COLORWAYS = [
    {
        "slug": "jjjjound-silver-black",
        "name": "Silver/Black",
        "nickname": "JJJJound Silver/Black",
        "style_code": "1201A457-101",
        "collaborator": "jjjjound",
        "release_date": datetime.date(2022, 8, 1),
        "release_precision": MONTH,
        "materials": "White mesh base, metallic silver overlays",
        "story": "The first Gel-Kayano 14 collaboration. JJJJound kept the 2008 shape and "
        "stripped the colour back to white mesh and **metallic silver**, with black "
        "details and a small JJJJound wordmark on the outer heel.",
        "palette": [
            ("White", "#F5F5F2", "white"),
            ("Metallic Silver", "#B8BCC4", "silver"),
            ("Black", "#161616", "black"),
        ],
        "prices": [("United States", "180", "USD", True)],
        "listings": [("JJJJound", "https://www.jjjjound.com/", None, "", "sold_out")],
        "resale": [(datetime.date(2025, 10, 17), "", "700", "USD", "Resale market (over USD 700)")],
        "sources": [
            ("style_code", "1201A457-101", LISTING_SOURCE),
            ("style_code", "1201A922-100", "Another public listing (unverified)"),
            ("price", "USD 180", "Launch coverage"),
            ("resale", "over USD 700", "Resale market coverage"),
        ],
    },
    {
        "slug": "jjjjound-silver-white",
        "name": "Silver/White",
        "nickname": "JJJJound Silver/White",
        "collaborator": "jjjjound",
        "release_date": datetime.date(2022, 8, 1),
        "release_precision": MONTH,
        "materials": "White mesh base, metallic silver overlays",
        "story": "The quieter half of the 2022 pair: white mesh and silver overlays with "
        "white details, the wordmark on the outer heel.",
        "palette": [
            ("White", "#F5F5F2", "white"),
            ("Metallic Silver", "#B8BCC4", "silver"),
        ],
        "prices": [("United States", "180", "USD", True)],
        "listings": [("JJJJound", "https://www.jjjjound.com/", None, "", "sold_out")],
        "resale": [(datetime.date(2025, 10, 17), "", "700", "USD", "Resale market (over USD 700)")],
        "sources": [("price", "USD 180", "Launch coverage")],
    },
    {
        "slug": "jjjjound-white-blue",
        "name": "White/Blue",
        "nickname": "JJJJound White/Blue",
        "collaborator": "jjjjound",
        "release_date": datetime.date(2025, 6, 1),
        "release_precision": MONTH,
        "story": "JJJJound's third Kayano 14 collaboration brought colour back in small doses.",
        "palette": [("White", "#F5F5F2", "white"), ("Blue", "#2F5DA8", "blue")],
        "prices": [("United States", "180", "USD", True)],
        "listings": [("JJJJound", "https://www.jjjjound.com/", None, "", "sold_out")],
        "sources": [("price", "about USD 180 (collaborations)", "Market coverage")],
    },
    {
        "slug": "jjjjound-white-navy",
        "name": "White/Navy",
        "nickname": "JJJJound White/Navy",
        "collaborator": "jjjjound",
        "release_date": datetime.date(2025, 6, 1),
        "release_precision": MONTH,
        "story": "The darker pair of the 2025 release.",
        "palette": [("White", "#F5F5F2", "white"), ("Navy", "#1F2A44", "blue")],
        "prices": [("United States", "180", "USD", True)],
        "listings": [("JJJJound", "https://www.jjjjound.com/", None, "", "sold_out")],
        "sources": [("price", "about USD 180 (collaborations)", "Market coverage")],
    },
    {
        "slug": "kith-cream-antler",
        "name": "Cream/Antler",
        "nickname": "Kith Vintage Tech Cream/Antler",
        "collaborator": "kith",
        "pack": "Vintage Tech 2023",
        "release_date": datetime.date(2023, 6, 1),
        "release_precision": MONTH,
        "materials": "Premium synthetic leather and mesh",
        "story": "Part of Kith's Vintage Tech 2023 pack: warm cream with earthy accents.",
        "palette": [("Cream", "#EFE6D2", "cream"), ("Antler", "#8C7A62", "brown")],
        "prices": [("United States", "180", "USD", True)],
        "listings": [("Kith", "https://kith.com/", None, "", "sold_out")],
        "sources": [("price", "about USD 180 (collaborations)", "Market coverage")],
    },
    {
        "slug": "kith-cream-scarab",
        "name": "Cream/Scarab",
        "nickname": "Kith Vintage Tech Cream/Scarab",
        "collaborator": "kith",
        "pack": "Vintage Tech 2023",
        "release_date": datetime.date(2023, 6, 1),
        "release_precision": MONTH,
        "materials": "Premium synthetic leather and mesh",
        "story": "The green-tinged half of Kith's Vintage Tech 2023 pack.",
        "palette": [("Cream", "#EFE6D2", "cream"), ("Scarab", "#2E4B3C", "green")],
        "prices": [("United States", "180", "USD", True)],
        "listings": [("Kith", "https://kith.com/", None, "", "sold_out")],
        "sources": [("price", "about USD 180 (collaborations)", "Market coverage")],
    },
    {
        "slug": "kiko-kostadinov-ub1-s-classic-red-asics-blue",
        "name": "Classic Red x ASICS Blue",
        "nickname": "UB1-S Gel-Kayano 14 Classic Red",
        "collaborator": "kiko-kostadinov",
        "pack": "UB1-S",
        "region": "Japan",
        "release_date": datetime.date(2020, 11, 27),
        "release_precision": DAY,
        "story": "Not a formal collaboration: Kiko Kostadinov oversaw the materials and "
        "palettes of the UB1-S Gel-Kayano 14, the pair that started the revival.",
        "palette": [("Classic Red", "#B3262E", "red"), ("ASICS Blue", "#1F3F99", "blue")],
        "prices": [("Japan", "16000", "JPY", False)],
        "sources": [("release_date", "27 November 2020 (Japan)", "Asics Japan release notice")],
    },
    {
        "slug": "kiko-kostadinov-ub1-s-oyster-grey-pink-glo",
        "name": "Oyster Grey x Pink Glo",
        "nickname": "UB1-S Gel-Kayano 14 Oyster Grey",
        "collaborator": "kiko-kostadinov",
        "pack": "UB1-S",
        "region": "Japan",
        "release_date": datetime.date(2020, 11, 27),
        "release_precision": DAY,
        "story": "The softer UB1-S palette, grey with a flash of pink.",
        "palette": [("Oyster Grey", "#B9B4AA", "grey"), ("Pink Glo", "#F4A6C0", "pink")],
        "prices": [("Japan", "16000", "JPY", False)],
        "sources": [("release_date", "27 November 2020 (Japan)", "Asics Japan release notice")],
    },
    {
        "slug": "atmos-exclusive",
        "name": "atmos exclusive",
        "collaborator": "atmos",
        "region": "atmos exclusive",
        "release_precision": UNANNOUNCED,
        "story": "atmos's exclusive colorways nod to the shoe's running heritage with a "
        "streetwear edge. The facts we hold give no date.",
        "palette": [("Silver", "#B8BCC4", "silver"), ("Black", "#161616", "black")],
        "listings": [("atmos", "https://www.atmos-tokyo.com/", None, "", "sold_out")],
    },
    {
        "slug": "facetasm-preview",
        "name": "FACETASM preview",
        "collaborator": "facetasm",
        "release_precision": UNANNOUNCED,
        "story": "Previewed but not dated: bright and multi-coloured.",
        "palette": [
            ("Bright Orange", "#F26B1D", "orange"),
            ("Yellow", "#F5C518", "yellow"),
            ("Purple", "#6A3FA0", "purple"),
            ("Multicolour", "#3AA57A", "multi"),
        ],
    },
    {
        "slug": "awake-ny",
        "name": "Awake NY",
        "collaborator": "awake-ny",
        "release_precision": UNANNOUNCED,
        "story": "Bold contrast and high-impact details; no date in the facts we hold.",
        "palette": [("Black", "#161616", "black"), ("Red", "#C8102E", "red")],
    },
    {
        "slug": "triple-white",
        "name": "White/White",
        "nickname": "Triple White",
        "style_code": "1201A019-100",
        "release_precision": UNANNOUNCED,
        "story": "The general release in tonal white.",
        "palette": [("White", "#F5F5F2", "white"), ("Pure Silver", "#C9CED8", "silver")],
        "prices": [("United States", "150", "USD", True)],
        "listings": [("ASICS", "https://www.asics.com/", "150", "USD", "in_stock")],
        "sources": [
            ("style_code", "1201A019-100", LISTING_SOURCE),
            ("price", "USD 140 to 160 (general releases)", "Market coverage"),
        ],
    },
    {
        "slug": "cream-black",
        "name": "Cream/Black",
        "style_code": "1201A019-108",
        "release_precision": UNANNOUNCED,
        "story": "A general release in cream with black accents.",
        "palette": [("Cream", "#EFE6D2", "cream"), ("Black", "#161616", "black")],
        "prices": [("United States", "150", "USD", True)],
        "listings": [("ASICS", "https://www.asics.com/", "150", "USD", "in_stock")],
        "sources": [
            ("style_code", "1201A019-108", LISTING_SOURCE),
            ("price", "USD 140 to 160 (general releases)", "Market coverage"),
        ],
    },
]

MILESTONES = [
    {
        "title": "The Gel-Kayano line begins",
        "release_date": datetime.date(1993, 1, 1),
        "release_precision": YEAR,
        "body": "Asics starts the line and names it after its first designer, Toshikazu Kayano.",
    },
    {
        "title": "The Gel-Kayano 14 comes out",
        "release_date": datetime.date(2008, 1, 1),
        "release_precision": YEAR,
        "body": "The fourteenth Kayano, and the first not drawn by Kayano himself: "
        "Hidenori Yamashita designed it around the idea of *flash*.",
    },
    {
        "title": "Runner's World International Editor's Choice",
        "release_date": datetime.date(2008, 1, 1),
        "release_precision": YEAR,
        "body": "The award is decided at the International Shoe Summit.",
    },
    {
        "title": "Replaced by the Gel-Kayano 15",
        "release_date": datetime.date(2009, 1, 1),
        "release_precision": YEAR,
        "body": "Many runners say they preferred the 14.",
    },
    {
        "title": "Kiko Kostadinov starts working with Asics",
        "release_date": datetime.date(2018, 1, 1),
        "release_precision": YEAR,
        "body": "Asics first means to revive the Gel-Kayano 13; Kostadinov argues for the 14.",
    },
    {
        "title": "The revival",
        "release_date": datetime.date(2020, 1, 1),
        "release_precision": YEAR,
        "body": "The Kayano 14 comes back as a lifestyle shoe.",
        "sources": [
            ("release_date", "2020 (decision to revive)", "Revival coverage"),
            ("release_date", "2021 (re-release)", "Other revival coverage"),
        ],
    },
]


def _get_or_create(model, lookup: dict, defaults: dict, report: list[str], label: str):
    obj, created = model.objects.get_or_create(**lookup, defaults=defaults)
    report.append(f"{'created' if created else 'found'} {label}")
    return obj, created


def _add_sources(subject_field: str, subject, sources) -> None:
    for fact, claim, publication in sources:
        Source.objects.create(
            **{subject_field: subject},
            fact=fact,
            claim=claim,
            publication=publication,
            checked_on=CHECKED,
        )


def _add_children(colorway: Colorway, data: dict, retailers: dict[str, Retailer]) -> None:
    for order, (name, hex_value, family) in enumerate(data.get("palette", [])):
        PaletteColour.objects.create(
            colorway=colorway, order=order, name=name, hex=hex_value, family=family
        )
    for region, amount, currency, tax_included in data.get("prices", []):
        RetailPrice.objects.create(
            colorway=colorway,
            region=region,
            amount=Decimal(amount),
            currency=currency,
            tax_included=tax_included,
        )
    for retailer, url, price, currency, availability in data.get("listings", []):
        Listing.objects.create(
            colorway=colorway,
            retailer=retailers[retailer],
            url=url,
            price=Decimal(price) if price else None,
            currency=currency,
            availability=availability,
            last_checked=CHECKED,
        )
    for observed_on, size, price, currency, source_name in data.get("resale", []):
        ResaleObservation.objects.create(
            colorway=colorway,
            observed_on=observed_on,
            size=size,
            price=Decimal(price),
            currency=currency,
            source_name=source_name,
        )
    _add_sources("colorway", colorway, data.get("sources", []))


def load() -> list[str]:
    report: list[str] = []
    collaborators = {}
    for data in COLLABORATORS:
        fields = {k: v for k, v in data.items() if k != "slug"}
        collaborators[data["slug"]], _ = _get_or_create(
            Collaborator, {"slug": data["slug"]}, fields, report, f"collaborator {data['name']}"
        )
    retailers = {}
    for data in RETAILERS:
        fields = {k: v for k, v in data.items() if k != "name"}
        retailers[data["name"]], _ = _get_or_create(
            Retailer, {"name": data["name"]}, fields, report, f"retailer {data['name']}"
        )
    children = {"palette", "prices", "listings", "resale", "sources", "collaborator", "slug"}
    for data in COLORWAYS:
        fields = {k: v for k, v in data.items() if k not in children}
        if data.get("collaborator"):
            fields["collaborator"] = collaborators[data["collaborator"]]
        colorway, created = _get_or_create(
            Colorway, {"slug": data["slug"]}, fields, report, f"colorway {data['slug']}"
        )
        if created:
            _add_children(colorway, data, retailers)
    for data in MILESTONES:
        fields = {k: v for k, v in data.items() if k not in {"title", "sources"}}
        milestone, created = _get_or_create(
            Milestone, {"title": data["title"]}, fields, report, f"milestone {data['title']}"
        )
        if created:
            _add_sources("milestone", milestone, data.get("sources", []))
    return report
