"""Demo catalogue, written from the facts in shared/facts/gel-kayano-14.md.

Only what the facts give, at the precision they give it: a colorway whose release date
they do not give is announced without a date, one whose price they do not give has no
retail price, and no shop is said to stock a pair. Every date, price, style code and
resale price has its source; where the facts give two versions of a fact, both are
sources of it, so the site shows the dispute. Loading follows seeding.records:
records an editor changed are never touched.
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
from seeding.records import defaults_of, field_values, load_record, write_fields

# The day the facts were gathered, which the history article states them on.
CHECKED = datetime.date(2025, 10, 17)
DAY, MONTH, YEAR, UNANNOUNCED = (
    ReleasePrecision.DAY,
    ReleasePrecision.MONTH,
    ReleasePrecision.YEAR,
    ReleasePrecision.UNANNOUNCED,
)
STYLE_CODE, RELEASE_DATE, PRICE, RESALE, OTHER = (
    Source.Fact.STYLE_CODE,
    Source.Fact.RELEASE_DATE,
    Source.Fact.PRICE,
    Source.Fact.RESALE,
    Source.Fact.OTHER,
)

# Who said it, as readers see it beside each claim.
LISTING = "Seen in a public listing, not verified"
OTHER_LISTING = "Seen in another public listing, not verified"
PRESS = "Sneaker press coverage"
HISTORY = "A history of the model"
OTHER_HISTORY = "Another history of the model"

COLLABORATORS = [
    {
        "slug": "jjjjound",
        "name": "JJJJound",
        "kind": Collaborator.Kind.STUDIO,
        "city": "Montreal",
        "country": "Canada",
        "founder": "Justin R. Saunders",
        "bio": "Justin R. Saunders's design studio in Montreal made the first Gel-Kayano 14 "
        "collaboration in August 2022: two pairs in white mesh and metallic silver, with a "
        "small JJJJound wordmark on the outer heel. It came back for a third in June 2025.",
    },
    {
        "slug": "kith",
        "name": "Kith",
        "kind": Collaborator.Kind.BRAND,
        "founder": "Ronnie Fieg",
        "bio": "Ronnie Fieg's Kith dressed the Kayano 14 in cream for its Vintage Tech 2023 "
        "pack in June 2023, in premium synthetic leather and mesh.",
    },
    {
        "slug": "atmos",
        "name": "atmos",
        "kind": Collaborator.Kind.BOUTIQUE,
        "country": "Japan",
        "bio": "The Japanese sneaker boutique has made exclusive Kayano 14 colorways that nod "
        "to the shoe's running heritage with a streetwear edge.",
    },
    {
        "slug": "facetasm",
        "name": "FACETASM",
        "kind": Collaborator.Kind.BRAND,
        "city": "Tokyo",
        "country": "Japan",
        "bio": "The Tokyo streetwear label has previewed bright, multi-coloured takes on the "
        "Kayano 14.",
    },
    {
        "slug": "awake-ny",
        "name": "Awake NY",
        "kind": Collaborator.Kind.BRAND,
        "bio": "Awake NY's Kayano 14 goes for bold contrast and high-impact details.",
    },
    {
        "slug": "kiko-kostadinov",
        "name": "Kiko Kostadinov",
        "kind": Collaborator.Kind.DESIGNER,
        "bio": "Kiko Kostadinov began working with Asics in 2018. When Asics planned to bring "
        "back an archive runner, it first meant the Gel-Kayano 13; he argued for the 14. His "
        "UB1-S Gel-Kayano 14 is not a formal collaboration: he oversaw its materials and "
        "colours.",
    },
]

RETAILERS = [
    {"name": "JJJJound", "country": "Canada", "website": "https://www.jjjjound.com/"},
]

# Palette entries are (name, hex, family): the hex only draws the colour.
COLORWAYS = [
    {
        "slug": "jjjjound-silver-black",
        "name": "Silver/Black",
        "nickname": "JJJJound Silver/Black",
        "style_code": "1201A457-101",
        "collaborator": "jjjjound",
        "release_date": datetime.date(2022, 8, 1),
        "release_precision": MONTH,
        "materials": "White mesh with metallic silver overlays",
        "story": "The first Gel-Kayano 14 collaboration. JJJJound kept the shape and pared "
        "the colours back to white mesh and **metallic silver**, with black details and a "
        "small JJJJound wordmark on the outer heel. It sold for USD 180 and has resold for "
        "more than USD 700. Its partner is [Silver/White](/colorways/jjjjound-silver-white/).",
        "palette": [
            ("White", "#F5F5F2", "white"),
            ("Metallic Silver", "#B8BCC4", "silver"),
            ("Black", "#161616", "black"),
        ],
        "prices": [("United States", "180", "USD", True)],
        "listings": [("JJJJound", "https://www.jjjjound.com/", None, "", "sold_out")],
        "resale": [(CHECKED, "", "700", "USD", "Resale market")],
        "sources": [
            (STYLE_CODE, "1201A457-101", LISTING),
            (STYLE_CODE, "1201A922-100", OTHER_LISTING),
            (RELEASE_DATE, "August 2022", PRESS),
            (PRICE, "USD 180", PRESS),
            (RESALE, "Over USD 700", PRESS),
        ],
    },
    {
        "slug": "jjjjound-silver-white",
        "name": "Silver/White",
        "nickname": "JJJJound Silver/White",
        "collaborator": "jjjjound",
        "release_date": datetime.date(2022, 8, 1),
        "release_precision": MONTH,
        "materials": "White mesh with metallic silver overlays",
        "story": "The quieter half of JJJJound's 2022 pair: the same white mesh and metallic "
        "silver, with white details and the small wordmark on the outer heel. Like "
        "[Silver/Black](/colorways/jjjjound-silver-black/), it sold for USD 180 and has "
        "resold for more than USD 700.",
        "palette": [
            ("White", "#F5F5F2", "white"),
            ("Metallic Silver", "#B8BCC4", "silver"),
        ],
        "prices": [("United States", "180", "USD", True)],
        "listings": [("JJJJound", "https://www.jjjjound.com/", None, "", "sold_out")],
        "resale": [(CHECKED, "", "700", "USD", "Resale market")],
        "sources": [
            (RELEASE_DATE, "August 2022", PRESS),
            (PRICE, "USD 180", PRESS),
            (RESALE, "Over USD 700", PRESS),
        ],
    },
    {
        "slug": "jjjjound-white-blue",
        "name": "White/Blue",
        "nickname": "JJJJound White/Blue",
        "collaborator": "jjjjound",
        "release_date": datetime.date(2025, 6, 1),
        "release_precision": MONTH,
        "story": "JJJJound's third Gel-Kayano 14 collaboration came out in June 2025 in two "
        "colorways: this one and [White/Navy](/colorways/jjjjound-white-navy/). Its price "
        "was not published.",
        "palette": [("White", "#F5F5F2", "white"), ("Blue", "#2F5DA8", "blue")],
        "sources": [(RELEASE_DATE, "June 2025", PRESS)],
    },
    {
        "slug": "jjjjound-white-navy",
        "name": "White/Navy",
        "nickname": "JJJJound White/Navy",
        "collaborator": "jjjjound",
        "release_date": datetime.date(2025, 6, 1),
        "release_precision": MONTH,
        "story": "The darker pair of JJJJound's June 2025 release, next to "
        "[White/Blue](/colorways/jjjjound-white-blue/). Its price was not published.",
        "palette": [("White", "#F5F5F2", "white"), ("Navy", "#1F2A44", "blue")],
        "sources": [(RELEASE_DATE, "June 2025", PRESS)],
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
        "story": "One half of Kith's Vintage Tech 2023 pack, out in June 2023: cream and "
        "antler in premium synthetic leather and mesh. The other half is "
        "[Cream/Scarab](/colorways/kith-cream-scarab/).",
        "palette": [("Cream", "#EFE6D2", "cream"), ("Antler", "#8C7A62", "brown")],
        "sources": [(RELEASE_DATE, "June 2023", PRESS)],
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
        "story": "The other half of Kith's Vintage Tech 2023 pack, out in June 2023 with "
        "[Cream/Antler](/colorways/kith-cream-antler/): cream and scarab in premium "
        "synthetic leather and mesh.",
        "palette": [("Cream", "#EFE6D2", "cream"), ("Scarab", "#2E4B3C", "green")],
        "sources": [(RELEASE_DATE, "June 2023", PRESS)],
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
        "story": "The UB1-S Gel-Kayano 14 is not a formal collaboration: Kiko Kostadinov, "
        "who argued for bringing the 14 back, oversaw its materials and colours. It went on "
        "sale in Japan on 27 November 2020 at JPY 16,000 before tax, in this red and blue "
        "and in [Oyster Grey x Pink Glo](/colorways/kiko-kostadinov-ub1-s-oyster-grey-pink-glo/).",
        "palette": [("Classic Red", "#B3262E", "red"), ("ASICS Blue", "#1F3F99", "blue")],
        "prices": [("Japan", "16000", "JPY", False)],
        "sources": [
            (RELEASE_DATE, "27 November 2020, in Japan", PRESS),
            (PRICE, "JPY 16,000 before tax", PRESS),
        ],
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
        "story": "The softer of the two UB1-S colorways, oyster grey with a flash of pink. "
        "Like [Classic Red x ASICS Blue]"
        "(/colorways/kiko-kostadinov-ub1-s-classic-red-asics-blue/), "
        "it went on sale in Japan on 27 November 2020 at JPY 16,000 before tax.",
        "palette": [("Oyster Grey", "#B9B4AA", "grey"), ("Pink Glo", "#F4A6C0", "pink")],
        "prices": [("Japan", "16000", "JPY", False)],
        "sources": [
            (RELEASE_DATE, "27 November 2020, in Japan", PRESS),
            (PRICE, "JPY 16,000 before tax", PRESS),
        ],
    },
    {
        "slug": "atmos-exclusive",
        "name": "atmos exclusive",
        "collaborator": "atmos",
        "region": "atmos exclusive",
        "release_precision": UNANNOUNCED,
        "story": "atmos has made exclusive Kayano 14 colorways that nod to the shoe's running "
        "heritage with a streetwear edge. We don't know their names, colours or release "
        "dates yet.",
    },
    {
        "slug": "facetasm-preview",
        "name": "FACETASM preview",
        "collaborator": "facetasm",
        "release_precision": UNANNOUNCED,
        "story": "FACETASM has previewed bright, multi-coloured versions of the Kayano 14. "
        "Release date not announced.",
    },
    {
        "slug": "awake-ny",
        "name": "Awake NY",
        "collaborator": "awake-ny",
        "release_precision": UNANNOUNCED,
        "story": "Awake NY's take goes for bold contrast and high-impact details. Release "
        "date not announced.",
    },
    {
        "slug": "triple-white",
        "name": "White/White",
        "nickname": "Triple White",
        "style_code": "1201A019-100",
        "release_precision": UNANNOUNCED,
        "story": "The general release in white on white. We don't know its release date or "
        "price yet; general-release Kayano 14s sell for USD 140 to 160.",
        "palette": [("White", "#F5F5F2", "white")],
        "sources": [(STYLE_CODE, "1201A019-100", LISTING)],
    },
    {
        "slug": "cream-black",
        "name": "Cream/Black",
        "style_code": "1201A019-108",
        "release_precision": UNANNOUNCED,
        "story": "A general release in cream and black. We don't know its release date or "
        "price yet; general-release Kayano 14s sell for USD 140 to 160.",
        "palette": [("Cream", "#EFE6D2", "cream"), ("Black", "#161616", "black")],
        "sources": [(STYLE_CODE, "1201A019-108", LISTING)],
    },
]

MILESTONES = [
    {
        "title": "The Gel-Kayano line begins",
        "release_date": datetime.date(1993, 1, 1),
        "release_precision": YEAR,
        "body": "Asics starts the Gel-Kayano line and names it after its first designer, "
        "Toshikazu Kayano.",
    },
    {
        "title": "The Gel-Kayano 14 comes out",
        "release_date": datetime.date(2008, 1, 1),
        "release_precision": YEAR,
        "body": "The fourteenth Kayano is the first not designed by Kayano himself: Hidenori "
        "Yamashita draws it around the idea of *flash*, the burst from heel strike to "
        "toe-off. It has GEL cushioning in the heel and forefoot and the TRUSSTIC system "
        "for a stable midfoot.",
        "sources": [
            (OTHER, "GEL cushioning in the heel and forefoot", HISTORY),
            (OTHER, "Full-length GEL cushioning", OTHER_HISTORY),
        ],
    },
    {
        "title": "Runner's World International Editor's Choice",
        "release_date": datetime.date(2008, 1, 1),
        "release_precision": YEAR,
        "body": "The Kayano 14 wins the award, decided at the International Shoe Summit.",
    },
    {
        "title": "Replaced by the Gel-Kayano 15",
        "release_date": datetime.date(2009, 1, 1),
        "release_precision": YEAR,
        "body": "The Gel-Kayano 15 takes over, though many runners say they preferred the 14.",
    },
    {
        "title": "Kiko Kostadinov starts working with Asics",
        "release_date": datetime.date(2018, 1, 1),
        "release_precision": YEAR,
        "body": "When Asics plans to bring back an archive runner, it first means the "
        "Gel-Kayano 13; Kostadinov argues for the 14.",
    },
    {
        "title": "The revival",
        "release_date": datetime.date(2020, 1, 1),
        "release_precision": YEAR,
        "body": "The Kayano 14 comes back as a lifestyle shoe. One history dates the decision "
        "to revive it to 2020, another dates the re-release to 2021.",
        "sources": [
            (RELEASE_DATE, "2020, the decision to revive it", HISTORY),
            (RELEASE_DATE, "2021, the re-release", OTHER_HISTORY),
        ],
    },
]

# Fingerprints (seeding.records) of the states earlier versions of this module gave
# these records: a record still in one of them was never edited, so loading updates it.
EARLIER_VERSIONS: dict[str, set[str]] = {
    "collaborator:jjjjound": {"75c00537e732c890"},
    "collaborator:kith": {"c62aec59096da748"},
    "collaborator:atmos": {"f239ee2485b11961"},
    "collaborator:facetasm": {"349e8cc2695ca88f"},
    "collaborator:awake-ny": {"e1f56bbe24a4ecfd"},
    "collaborator:kiko-kostadinov": {"3b4d7ef31baee7af"},
    "colorway:jjjjound-silver-black": {"b5c3aea70de6d025"},
    "colorway:jjjjound-silver-white": {"32bf790e030f5b23"},
    "colorway:jjjjound-white-blue": {"779148fc76fe9f26"},
    "colorway:jjjjound-white-navy": {"4791a93ec992c76b"},
    "colorway:kith-cream-antler": {"2bada14a52d371e3"},
    "colorway:kith-cream-scarab": {"3cb6ccd8b1d9a033"},
    "colorway:kiko-kostadinov-ub1-s-classic-red-asics-blue": {"f2554ed8bf56a008"},
    "colorway:kiko-kostadinov-ub1-s-oyster-grey-pink-glo": {"1fa6f55c27977d82"},
    "colorway:atmos-exclusive": {"e9ee80e7c5d4c2aa"},
    "colorway:facetasm-preview": {"faf9543a58fa4fdf"},
    "colorway:awake-ny": {"cce3f50d03d82b63"},
    "colorway:triple-white": {"3a562b7e1eb83117"},
    "colorway:cream-black": {"ea8b4adb0d6d9614"},
    "milestone:The Gel-Kayano line begins": {"f4b9034548a7cc13"},
    "milestone:The Gel-Kayano 14 comes out": {"334083475a681d59"},
    "milestone:Runner's World International Editor's Choice": {"ab9e4817de02054d"},
    "milestone:Replaced by the Gel-Kayano 15": {"baa2bc90d6976ecc"},
    "milestone:Kiko Kostadinov starts working with Asics": {"da0cb9a73575da63"},
    "milestone:The revival": {"c0a650947033eddb"},
}

COLLABORATOR_FIELDS = ("name", "kind", "city", "country", "founder", "website", "bio", "logo")
COLORWAY_FIELDS = (
    "name",
    "nickname",
    "style_code",
    "pack",
    "region",
    "materials",
    "story",
    "release_date",
    "release_precision",
)
MILESTONE_FIELDS = ("body", "release_date", "release_precision")


def collaborator_state(collaborator: Collaborator) -> dict:
    return field_values(collaborator, COLLABORATOR_FIELDS)


def colorway_state(colorway: Colorway) -> dict:
    return {
        **field_values(colorway, COLORWAY_FIELDS),
        "collaborator": colorway.collaborator.slug if colorway.collaborator_id else None,
        "palette": list(colorway.palette.values_list("order", "name", "hex", "family")),
        "images": list(colorway.images.values_list("image", flat=True)),
        "prices": list(
            colorway.retail_prices.values_list("region", "amount", "currency", "tax_included")
        ),
        "listings": list(
            colorway.listings.values_list(
                "retailer__name", "url", "price", "currency", "availability", "last_checked"
            )
        ),
        "resale": list(
            colorway.resale_observations.values_list(
                "observed_on", "size", "price", "currency", "source_name"
            )
        ),
        "sources": _source_rows(colorway.sources),
    }


def milestone_state(milestone: Milestone) -> dict:
    return {**field_values(milestone, MILESTONE_FIELDS), "sources": _source_rows(milestone.sources)}


def _source_rows(sources) -> list[tuple]:
    return list(sources.values_list("fact", "claim", "publication", "url", "checked_on"))


def wanted_collaborator(data: dict) -> dict:
    return defaults_of(Collaborator, COLLABORATOR_FIELDS, data)


def wanted_colorway(data: dict) -> dict:
    return {
        **defaults_of(Colorway, COLORWAY_FIELDS, data),
        "collaborator": data.get("collaborator"),
        "palette": [(order, *colour) for order, colour in enumerate(data.get("palette", []))],
        "images": [],
        "prices": [
            (region, Decimal(amount), currency, tax_included)
            for region, amount, currency, tax_included in data.get("prices", [])
        ],
        "listings": [
            (retailer, url, Decimal(price) if price else None, currency, availability, CHECKED)
            for retailer, url, price, currency, availability in data.get("listings", [])
        ],
        "resale": [
            (observed_on, size, Decimal(price), currency, source_name)
            for observed_on, size, price, currency, source_name in data.get("resale", [])
        ],
        "sources": _wanted_sources(data),
    }


def wanted_milestone(data: dict) -> dict:
    return {**defaults_of(Milestone, MILESTONE_FIELDS, data), "sources": _wanted_sources(data)}


def _wanted_sources(data: dict) -> list[tuple]:
    return [
        (fact, claim, publication, "", CHECKED)
        for fact, claim, publication in data.get("sources", [])
    ]


def _write_sources(subject_field: str, subject, sources) -> None:
    subject.sources.all().delete()
    for fact, claim, publication in sources:
        Source.objects.create(
            **{subject_field: subject},
            fact=fact,
            claim=claim,
            publication=publication,
            checked_on=CHECKED,
        )


def _write_colorway(
    colorway: Colorway,
    data: dict,
    collaborators: dict[str, Collaborator],
    retailers: dict[str, Retailer],
) -> None:
    collaborator = collaborators.get(data.get("collaborator"))
    write_fields(colorway, Colorway, COLORWAY_FIELDS, data, collaborator=collaborator)
    for children in (
        colorway.palette,
        colorway.retail_prices,
        colorway.listings,
        colorway.resale_observations,
    ):
        children.all().delete()
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
    _write_sources("colorway", colorway, data.get("sources", []))


def load() -> list[str]:
    """Create what is missing, bring untouched demo records up to date, leave edited ones
    alone. Returns a report, one line per record."""
    report: list[str] = []
    collaborators = {}
    for data in COLLABORATORS:
        collaborator, outcome = load_record(
            Collaborator,
            {"slug": data["slug"]},
            state=collaborator_state,
            wanted=wanted_collaborator(data),
            earlier=EARLIER_VERSIONS.get(f"collaborator:{data['slug']}", ()),
            write=lambda record, data=data: write_fields(
                record, Collaborator, COLLABORATOR_FIELDS, data
            ),
        )
        collaborators[collaborator.slug] = collaborator
        report.append(f"collaborator {collaborator.name}: {outcome}")
    retailers = {}
    for data in RETAILERS:
        fields = {k: v for k, v in data.items() if k != "name"}
        retailer, created = Retailer.objects.get_or_create(name=data["name"], defaults=fields)
        retailers[retailer.name] = retailer
        report.append(f"retailer {retailer.name}: {'created' if created else 'found'}")
    for data in COLORWAYS:
        _, outcome = load_record(
            Colorway,
            {"slug": data["slug"]},
            state=colorway_state,
            wanted=wanted_colorway(data),
            earlier=EARLIER_VERSIONS.get(f"colorway:{data['slug']}", ()),
            write=lambda record, data=data: _write_colorway(record, data, collaborators, retailers),
        )
        report.append(f"colorway {data['slug']}: {outcome}")
    for data in MILESTONES:
        _, outcome = load_record(
            Milestone,
            {"title": data["title"]},
            state=milestone_state,
            wanted=wanted_milestone(data),
            earlier=EARLIER_VERSIONS.get(f"milestone:{data['title']}", ()),
            write=lambda record, data=data: _write_milestone(record, data),
        )
        report.append(f"milestone {data['title']}: {outcome}")
    return report


def _write_milestone(milestone: Milestone, data: dict) -> None:
    write_fields(milestone, Milestone, MILESTONE_FIELDS, data)
    _write_sources("milestone", milestone, data.get("sources", []))
