"""The catalogue's read-only JSON API: same filters, sort and pagination as /colorways/."""

import datetime
from decimal import Decimal

from django.core.validators import slug_re
from django.db.models import Count
from django.http import Http404
from django.utils import timezone
from ninja import Field, Query, Router, Schema, Status
from ninja.decorators import decorate_view

from caching import fragments
from caching.pages import cache_public
from colorways.catalogue import (
    QUERY_FIELDS,
    CatalogueParams,
    catalogue_page,
    catalogue_params,
    page_keys,
)
from colorways.models import Collaborator, Colorway
from colorways.resale import Observation, resale_summary

router = Router(tags=["colorways"])


class ErrorDetail(Schema):
    loc: list[str]
    msg: str


class ErrorOut(Schema):
    detail: list[ErrorDetail]


class NotFoundOut(Schema):
    detail: str


class CatalogueQuery(Schema):
    collaborator: str | None = Field(
        None, description="A collaborator's slug, or `general-release`."
    )
    year: int | None = Field(None, description="Release year.")
    colour: str | None = Field(None, description="Colour family, e.g. `silver`.")
    status: str | None = Field(None, description="`announced`, `upcoming` or `released`.")
    price_min: Decimal | None = Field(None, description="Lowest retail price in USD.")
    price_max: Decimal | None = Field(None, description="Highest retail price in USD.")
    sort: str | None = Field(None, description="`newest` (default), `oldest`, `price`, `-price`.")
    page: int | None = Field(None, description="Page number, from 1.")


class CollaboratorRef(Schema):
    slug: str
    name: str


class CollaboratorOut(CollaboratorRef):
    kind: str
    city: str
    country: str
    founder: str
    website: str
    url: str
    colorway_count: int


class PaletteColourOut(Schema):
    name: str
    hex: str
    family: str


class RetailPriceOut(Schema):
    region: str
    amount: Decimal
    currency: str
    tax_included: bool


class ColorwayOut(Schema):
    slug: str
    url: str
    name: str
    nickname: str
    style_code: str | None
    gender: str | None
    collaborator: CollaboratorRef | None
    pack: str
    region: str
    release_date: str | None = Field(description="ISO 8601 at its precision: 2022, 2022-08…")
    release_precision: str
    release_display: str
    status: str
    disputed: bool
    palette: list[PaletteColourOut]
    retail_prices: list[RetailPriceOut]


class ListingOut(Schema):
    retailer: str
    url: str
    price: Decimal | None
    currency: str | None
    availability: str
    last_checked: datetime.date


class ResaleOut(Schema):
    currency: str
    low: Decimal
    high: Decimal
    median: Decimal
    count: int
    premium_percent: int | None


class SourceOut(Schema):
    fact: str
    claim: str
    publication: str
    url: str | None
    checked_on: datetime.date


class ColorwayDetailOut(ColorwayOut):
    materials: str
    story_html: str
    listings: list[ListingOut]
    resale: ResaleOut | None
    sources: list[SourceOut]
    disputed_facts: list[str]


class ColorwayPage(Schema):
    count: int
    page: int
    num_pages: int
    results: list[ColorwayOut]


def _colorway(colorway: Colorway, today: datetime.date) -> dict:
    collaborator = colorway.collaborator
    return {
        "slug": colorway.slug,
        "url": colorway.get_absolute_url(),
        "name": colorway.name,
        "nickname": colorway.nickname,
        "style_code": colorway.style_code or None,
        "gender": colorway.gender.value if colorway.gender else None,
        "collaborator": {"slug": collaborator.slug, "name": collaborator.name}
        if collaborator
        else None,
        "pack": colorway.pack,
        "region": colorway.region,
        "release_date": colorway.release_iso or None,
        "release_precision": colorway.release_precision,
        "release_display": colorway.release_display,
        "status": colorway.status(today).value,
        "disputed": colorway.is_disputed,
        "palette": [
            {"name": c.name, "hex": c.hex, "family": c.family} for c in colorway.palette.all()
        ],
        "retail_prices": [
            {
                "region": p.region,
                "amount": p.amount,
                "currency": p.currency,
                "tax_included": p.tax_included,
            }
            for p in colorway.retail_prices.all()
        ],
    }


def _errors(params: CatalogueParams) -> dict:
    return {
        "detail": [
            {"loc": ["query", field], "msg": message}
            for field, messages in params.errors
            for message in messages
        ]
    }


@router.get(
    "colorways/",
    response={200: ColorwayPage, 400: ErrorOut, 404: ErrorOut},
    summary="List colorways",
)
@decorate_view(cache_public(query=QUERY_FIELDS))
def list_colorways(request, query: Query[CatalogueQuery]):
    """Colorways filtered, sorted and paginated exactly as on the /colorways/ page."""
    # The typed query documents the parameters; the page's own form applies the same rules.
    today = timezone.localdate()
    params = catalogue_params(request.GET, today)
    if params.errors:
        return Status(400, _errors(params))
    try:
        page = catalogue_page(
            filters=params.filters, sort=params.sort, page=params.page, today=today
        )
    except Http404:
        return Status(404, {"detail": [{"loc": ["query", "page"], "msg": "No such page."}]})

    def entries(pks) -> dict:
        colorways = Colorway.objects.select_related("collaborator").prefetch_related(
            "palette", "retail_prices", "sources"
        )
        return {pk: _colorway(colorway, today) for pk, colorway in colorways.in_bulk(pks).items()}

    return {
        "count": page.paginator.count,
        "page": page.number,
        "num_pages": page.paginator.num_pages,
        # Each colorway's entry is kept for the content generation, as its card is.
        "results": fragments.in_order("api-colorway", page_keys(page), entries),
    }


@router.get(
    "colorways/{slug}/",
    response={200: ColorwayDetailOut, 404: NotFoundOut},
    summary="One colorway",
)
@decorate_view(cache_public())
def get_colorway(request, slug: str):
    """A colorway with its listings, resale summary and sources."""
    # As the page's <slug:...> route: anything else names no colorway (and never
    # reaches the database, which refuses some characters outright).
    if not slug_re.fullmatch(slug):
        raise Http404("No such colorway.")

    def details(slugs) -> dict:
        colorway = Colorway.objects.with_details().filter(slug=slugs[0]).first()
        return {} if colorway is None else {slugs[0]: _detail(colorway, timezone.localdate())}

    # Kept for the content generation; a slug that names no colorway is not.
    found = fragments.kept_many("api-colorway-detail", [slug], details)
    if not found:
        raise Http404("No such colorway.")
    return found[slug]


def _detail(colorway: Colorway, today) -> dict:
    retail = colorway.main_price
    summary = resale_summary(
        observations=[
            Observation(observed_on=o.observed_on, price=o.price, currency=o.currency)
            for o in colorway.resale_observations.all()
        ],
        retail=retail.amount if retail else None,
        retail_currency=retail.currency if retail else None,
    )
    return {
        **_colorway(colorway, today),
        "materials": colorway.materials,
        "story_html": colorway.story_html,
        "listings": [
            {
                "retailer": listing.retailer.name,
                "url": listing.url,
                "price": listing.price,
                "currency": listing.currency or None,
                "availability": listing.availability,
                "last_checked": listing.last_checked,
            }
            for listing in colorway.listings.all()
        ],
        "resale": summary
        and {
            "currency": summary.currency,
            "low": summary.low,
            "high": summary.high,
            "median": summary.median,
            "count": summary.count,
            "premium_percent": summary.premium_percent,
        },
        "sources": [
            {
                "fact": source.fact,
                "claim": source.claim,
                "publication": source.publication,
                "url": source.url or None,
                "checked_on": source.checked_on,
            }
            for source in colorway.sources.all()
        ],
        "disputed_facts": list(colorway.disputes),
    }


@router.get("collaborators/", response=list[CollaboratorOut], summary="List collaborators")
@decorate_view(cache_public())
def list_collaborators(request):
    """Every collaborator, with how many colorways it has made."""
    return [
        {
            "slug": c.slug,
            "name": c.name,
            "kind": c.kind,
            "city": c.city,
            "country": c.country,
            "founder": c.founder,
            "website": c.website,
            "url": c.get_absolute_url(),
            "colorway_count": c.colorway_count,
        }
        for c in Collaborator.objects.annotate(colorway_count=Count("colorways"))
    ]
