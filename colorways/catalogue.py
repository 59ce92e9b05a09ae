"""The catalogue's filters, facet counts and sort orders, shared by the page and the API.

Filters arrive through `CatalogueFilterForm` bound to the query string; the
valid ones become a `CatalogueFilters` value that `filter_colorways` applies.
Facet counts for each filter are computed with every *other* filter applied,
so each count says how many colorways choosing that value would show.
"""

import datetime
from dataclasses import dataclass, fields, replace
from decimal import Decimal
from typing import NamedTuple

from django import forms
from django.core.paginator import InvalidPage, Page, Paginator
from django.db.models import Count, Exists, F, OuterRef
from django.http import Http404
from django.utils import timezone

from caching.fragments import kept, kept_page
from colorways.models import (
    CATALOGUE_CURRENCY,
    Collaborator,
    Colorway,
    ColorwayQuerySet,
    PaletteColour,
    ReleaseStatus,
)

GENERAL_RELEASE = "general-release"
PER_PAGE = 24


class Sort:
    NEWEST = "newest"
    OLDEST = "oldest"
    PRICE_LOW = "price"
    PRICE_HIGH = "-price"
    CHOICES = [
        (NEWEST, "Newest first"),
        (OLDEST, "Oldest first"),
        (PRICE_LOW, "Price: low to high"),
        (PRICE_HIGH, "Price: high to low"),
    ]


@dataclass(frozen=True, slots=True)
class CatalogueFilters:
    collaborator: str | None = None
    year: int | None = None
    colour: str | None = None
    status: str | None = None
    price_min: Decimal | None = None
    price_max: Decimal | None = None

    def without(self, name: str) -> "CatalogueFilters":
        return replace(self, **{name: None})

    @property
    def active(self) -> bool:
        return any(getattr(self, f.name) is not None for f in fields(self))


class CatalogueFilterForm(forms.Form):
    collaborator = forms.ChoiceField(required=False, label="Collaborator")
    year = forms.TypedChoiceField(required=False, coerce=int, empty_value=None, label="Year")
    colour = forms.ChoiceField(
        required=False, choices=[("", "Any colour"), *PaletteColour.Family.choices], label="Colour"
    )
    status = forms.ChoiceField(
        required=False, choices=[("", "Any status"), *ReleaseStatus.choices], label="Status"
    )
    price_min = forms.DecimalField(
        required=False,
        min_value=0,
        max_digits=8,
        decimal_places=2,
        label=f"Price from ({CATALOGUE_CURRENCY})",
    )
    price_max = forms.DecimalField(
        required=False,
        min_value=0,
        max_digits=8,
        decimal_places=2,
        label=f"Price up to ({CATALOGUE_CURRENCY})",
    )
    sort = forms.ChoiceField(required=False, choices=Sort.CHOICES, label="Sort by")
    page = forms.IntegerField(required=False, min_value=1, max_value=100_000, label="Page")

    def __init__(self, *args, collaborators=None, years=None, **kwargs):
        super().__init__(*args, **kwargs)
        if collaborators is None:
            collaborators = kept(
                "collaborator-choices",
                None,
                lambda: list(Collaborator.objects.values_list("slug", "name")),
            )
        self.fields["collaborator"].choices = [
            ("", "Anyone"),
            (GENERAL_RELEASE, "General release"),
            *collaborators,
        ]
        if years is None:
            years = range(timezone.localdate().year + 5, 1992, -1)
        self.fields["year"].choices = [("", "Any year"), *((y, str(y)) for y in years)]

    def clean(self):
        cleaned = super().clean()
        low, high = cleaned.get("price_min"), cleaned.get("price_max")
        if low is not None and high is not None and low > high:
            self.add_error("price_max", "The highest price must not be below the lowest.")
        return cleaned

    def filters(self) -> CatalogueFilters:
        """The filters that were valid; invalid ones are left out (the form reports them)."""
        data = getattr(self, "cleaned_data", {})
        return CatalogueFilters(
            **{
                f.name: data.get(f.name) if data.get(f.name) not in ("", None) else None
                for f in fields(CatalogueFilters)
                if f.name not in self.errors
            }
        )

    def chosen_sort(self) -> str:
        return getattr(self, "cleaned_data", {}).get("sort") or Sort.NEWEST

    def page_number(self) -> int:
        return getattr(self, "cleaned_data", {}).get("page") or 1


QUERY_FIELDS = tuple(CatalogueFilterForm.base_fields)


@dataclass(frozen=True, slots=True)
class CatalogueParams:
    """What a catalogue address (the page's or the API's) asks for: the filters that were
    valid, the sort, the page, and what was not understood (field, messages)."""

    filters: CatalogueFilters
    sort: str
    page: int
    errors: tuple[tuple[str, tuple[str, ...]], ...]


def catalogue_params(query, today: datetime.date) -> CatalogueParams:
    """The parameters of `query` (request.GET), read by CatalogueFilterForm."""
    form = CatalogueFilterForm(query)
    form.is_valid()
    return CatalogueParams(
        filters=form.filters(),
        sort=form.chosen_sort(),
        page=form.page_number(),
        errors=tuple((name, tuple(messages)) for name, messages in form.errors.items()),
    )


def filter_colorways(
    queryset: ColorwayQuerySet, *, filters: CatalogueFilters, today: datetime.date | None = None
) -> ColorwayQuerySet:
    """`queryset` narrowed by every filter set in `filters`.

    The price range applies to the catalogue price (see `with_catalogue_price`, which
    is annotated only then); colorways without one drop out as soon as a price bound is
    set.
    """
    if filters.price_min is not None or filters.price_max is not None:
        queryset = queryset.with_catalogue_price()
    if filters.collaborator == GENERAL_RELEASE:
        queryset = queryset.filter(collaborator__isnull=True)
    elif filters.collaborator:
        queryset = queryset.filter(collaborator__slug=filters.collaborator)
    if filters.year is not None:
        queryset = queryset.filter(release_date__year=filters.year)
    if filters.colour:
        queryset = queryset.filter(
            Exists(PaletteColour.objects.filter(colorway=OuterRef("pk"), family=filters.colour))
        )
    if filters.status:
        queryset = queryset.with_status(filters.status, today)
    if filters.price_min is not None:
        queryset = queryset.filter(catalogue_price__gte=filters.price_min)
    if filters.price_max is not None:
        queryset = queryset.filter(catalogue_price__lte=filters.price_max)
    return queryset


def sort_colorways(queryset: ColorwayQuerySet, *, sort: str) -> ColorwayQuerySet:
    """Order by release date or catalogue price (the queryset then carries it: see
    `with_catalogue_price`); undated or unpriced colorways come last."""
    order = {
        Sort.NEWEST: [F("release_date").desc(nulls_last=True)],
        Sort.OLDEST: [F("release_date").asc(nulls_last=True)],
        Sort.PRICE_LOW: [F("catalogue_price").asc(nulls_last=True)],
        Sort.PRICE_HIGH: [F("catalogue_price").desc(nulls_last=True)],
    }[sort]
    return queryset.order_by(*order, "name", "pk")


def catalogue_page(
    *, filters: CatalogueFilters, sort: str, page: int, today: datetime.date
) -> Page:
    """Page `page` of the colorways `filters` select, in the order of `sort`, as (primary
    key, slug) pairs, with the count of them all: kept for the content generation when
    the filters are choices (a price could be anything, and no address may add entries
    at will). A page past the last is a 404."""
    priced = filters.price_min is not None or filters.price_max is not None

    def entries() -> ColorwayQuerySet:
        colorways = filter_colorways(Colorway.objects.all(), filters=filters, today=today)
        if sort in (Sort.PRICE_LOW, Sort.PRICE_HIGH) and not priced:
            colorways = colorways.with_catalogue_price()
        return sort_colorways(colorways, sort=sort).values_list("pk", "slug")

    if not priced:
        return kept_page(
            "catalogue-page", (filters, sort), entries, per_page=PER_PAGE, number=str(page)
        )
    try:
        return Paginator(entries(), PER_PAGE).page(page)
    except InvalidPage:
        raise Http404("No such page of colorways.") from None


def page_keys(page: Page) -> list[int]:
    """The primary keys of the colorways a `catalogue_page` shows, in order."""
    return [pk for pk, _slug in page.object_list]


class FacetValue(NamedTuple):
    """One choice of a filter, with how many colorways choosing it would show. A tuple, so
    that the filter panel's template unpacks it instead of looking up each field."""

    value: str
    label: str
    count: int
    selected: bool


@dataclass(frozen=True, slots=True)
class Facets:
    collaborator: tuple[FacetValue, ...]
    year: tuple[FacetValue, ...]
    colour: tuple[FacetValue, ...]
    status: tuple[FacetValue, ...]


def facet_counts(*, filters: CatalogueFilters, today: datetime.date | None = None) -> Facets:
    """Counts next to each filter value, each facet counted under the other filters.

    Four queries whatever the size of the catalogue. Values with no colorway are
    left out, except the selected one and the statuses (always listed).
    """
    today = today or timezone.localdate()

    def base(name: str) -> ColorwayQuerySet:
        return filter_colorways(Colorway.objects.all(), filters=filters.without(name), today=today)

    collaborator_rows = (
        base("collaborator")
        .order_by()
        .values("collaborator__slug", "collaborator__name")
        .annotate(n=Count("pk"))
    )
    collaborators = sorted(
        (
            FacetValue(
                value=row["collaborator__slug"] or GENERAL_RELEASE,
                label=row["collaborator__name"] or "General release",
                count=row["n"],
                selected=(row["collaborator__slug"] or GENERAL_RELEASE) == filters.collaborator,
            )
            for row in collaborator_rows
        ),
        key=lambda f: (f.value == GENERAL_RELEASE, f.label.casefold()),
    )
    year_rows = (
        base("year")
        .filter(release_date__isnull=False)
        .order_by()
        .values("release_date__year")
        .annotate(n=Count("pk"))
    )
    years = sorted(
        (
            FacetValue(
                value=str(row["release_date__year"]),
                label=str(row["release_date__year"]),
                count=row["n"],
                selected=row["release_date__year"] == filters.year,
            )
            for row in year_rows
        ),
        key=lambda f: f.value,
        reverse=True,
    )
    palette = PaletteColour.objects.all()
    if filters.without("colour").active:  # else every colorway counts: no need to ask which
        palette = palette.filter(colorway__in=base("colour").order_by().values("pk"))
    colour_rows = dict(
        palette.order_by()
        .values("family")
        .annotate(n=Count("colorway", distinct=True))
        .values_list("family", "n")
    )
    colours = [
        FacetValue(
            value=value, label=label, count=colour_rows[value], selected=value == filters.colour
        )
        for value, label in PaletteColour.Family.choices
        if value in colour_rows
    ]
    status_counts = base("status").status_counts(today)
    statuses = [
        FacetValue(
            value=value, label=label, count=status_counts[value], selected=value == filters.status
        )
        for value, label in ReleaseStatus.choices
    ]
    return Facets(
        collaborator=_keep_selected(collaborators, filters.collaborator),
        year=_keep_selected(years, None if filters.year is None else str(filters.year)),
        colour=_keep_selected(colours, filters.colour),
        status=tuple(statuses),
    )


def _keep_selected(values: list[FacetValue], selected: str | None) -> tuple[FacetValue, ...]:
    """The values, plus the selected one with a zero count if no colorway has it any more."""
    if selected is None or any(v.value == selected for v in values):
        return tuple(values)
    return (*values, FacetValue(value=selected, label=selected, count=0, selected=True))
