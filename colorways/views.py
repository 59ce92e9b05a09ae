import dataclasses
from itertools import groupby
from urllib.parse import urlencode

from django.core.paginator import Page
from django.db.models import Count, F, Window
from django.db.models.functions import ExtractYear, RowNumber
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.decorators import method_decorator
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django.views.generic import DetailView

from caching.fragments import kept, kept_page
from caching.pages import cache_public
from colorways import illustration
from colorways.calendar import release_calendar
from colorways.cards import cards_by_key, collaborator_entries, colorway_cards
from colorways.catalogue import (
    QUERY_FIELDS,
    CatalogueFilterForm,
    CatalogueFilters,
    CatalogueParams,
    Sort,
    catalogue_page,
    catalogue_params,
    facet_counts,
    page_keys,
    sort_colorways,
)
from colorways.detail import ColorwayParts
from colorways.models import Collaborator, Colorway, Milestone, ReleaseStatus
from colorways.seo import catalogue_crumb, drawing_fills
from colorways.timeline import timeline_years
from seo.links import absolute, site_url
from seo.meta import Crumb, collection_page, page_meta

CATALOGUE_DESCRIPTION = (
    "Every Asics Gel-Kayano 14 colorway and collaboration: style codes, release dates, "
    "retail prices, where to buy and what they resell for."
)


def _catalogue_trail(request) -> tuple[Crumb, ...]:
    """The trail of a page inside the catalogue: the catalogue itself."""
    return (catalogue_crumb(site_url(request)),)


def _removals(params: CatalogueParams) -> list[tuple[str, str]]:
    """For a catalogue address that shows nothing: each filter it applies, as words, and
    the address without that filter."""
    filters = params.filters
    form = CatalogueFilterForm()
    applied = {f.name: getattr(filters, f.name) for f in dataclasses.fields(filters)}
    applied = {name: value for name, value in applied.items() if value is not None}
    removals = []
    for name, value in applied.items():
        field = form.fields[name]
        choices = dict(getattr(field, "choices", ()))
        shown = choices.get(value, choices.get(str(value), value))
        query = {other: v for other, v in applied.items() if other != name}
        if params.sort != Sort.NEWEST:
            query["sort"] = params.sort
        address = reverse("colorways:colorway-list")
        if query:
            address += "?" + urlencode(query)
        removals.append((f"{field.label}: {capfirst(str(shown))}", address))
    return removals


def _panel(params: CatalogueParams, *, today) -> str:
    """What a catalogue address shows above its cards (HTML): what was not understood,
    and the filter form with the count next to each choice."""
    filters = params.filters
    facets = facet_counts(filters=filters, today=today)
    labels = {name: field.label for name, field in CatalogueFilterForm.base_fields.items()}
    html = render_to_string(
        "colorways/catalogue_filters.html",
        {
            "errors": [(labels[name], messages) for name, messages in params.errors],
            # Open on a phone only when something needs the reader's attention.
            "open": bool(params.errors),
            "active_count": sum(value is not None for value in dataclasses.astuple(filters)),
            "filters": filters,
            "selects": [
                ("collaborator", "Collaborator", facets.collaborator, "Anyone"),
                ("year", "Year", facets.year, "Any year"),
                ("colour", "Colour", facets.colour, "Any colour"),
                ("status", "Status", facets.status, "Any status"),
            ],
            "labels": labels,
            "sorts": Sort.CHOICES,
            "sort": params.sort,
        },
    )
    return mark_safe(html)


# Cards whose pictures a first screen shows, on a wide one.
FIRST_SCREEN_CARDS = 3


@cache_public(query=QUERY_FIELDS)
def colorway_list(request):
    today = timezone.localdate()
    params = catalogue_params(request.GET, today)
    filters = params.filters

    def build() -> str:
        return _panel(params, today=today)

    # Kept only for addresses made of valid choices: a price or a value not understood
    # could be anything, and no address may add entries at will.
    if filters.price_min is None and filters.price_max is None and not params.errors:
        panel = kept("catalogue-panel", (filters, params.sort), build)
    else:
        panel = build()
    page_obj = catalogue_page(filters=filters, sort=params.sort, page=params.page, today=today)
    base_url = site_url(request)
    title = "Gel-Kayano 14 colorways and collaborations"
    listing = collection_page(
        name=title,
        description=CATALOGUE_DESCRIPTION,
        url=absolute(base_url, request.path),
        item_urls=[
            absolute(base_url, reverse("colorways:colorway-detail", args=[slug]))
            for _, slug in page_obj.object_list
        ],
        first_position=page_obj.start_index(),
    )
    context = {
        "meta": page_meta(
            request, title=title, description=CATALOGUE_DESCRIPTION, structured_data=(listing,)
        ),
        "params": params,
        "filters": filters,
        "panel": panel,
        "page_obj": page_obj,
        "cards": colorway_cards(page_keys(page_obj), eager=FIRST_SCREEN_CARDS),
        "removals": [] if page_obj.paginator.count else _removals(params),
    }
    return render(
        request, "colorways/colorway_list.html", context, status=400 if params.errors else 200
    )


@cache_public()
def colorway_detail(request, slug):
    colorway = get_object_or_404(Colorway.objects.select_related("collaborator"), slug=slug)
    parts = ColorwayParts(colorway, site_url=site_url(request), today=timezone.localdate())
    return render(request, "colorways/colorway_detail.html", {"colorway": colorway, "page": parts})


# A drawing is an image with nothing to run or fetch: its own policy says so, whoever
# opens it on its own.
DRAWING_POLICY = "default-src 'none'; style-src 'unsafe-inline'; sandbox"
A_YEAR = 365 * 24 * 60 * 60


@cache_public(query=["v"])
def colorway_drawing(request, slug):
    """The colorway's drawing as an SVG image. At the address pages link to, whose `v`
    is the version of what it draws, it never changes and any cache may keep it a year;
    at any other `v` (an old page), the current drawing, cached like a page."""
    colorway = get_object_or_404(Colorway.objects.prefetch_related("palette"), slug=slug)
    fills = drawing_fills(colorway)
    svg = illustration.render_svg(fills=fills, title=colorway.title)
    response = HttpResponse(svg, content_type="image/svg+xml")
    response["Content-Security-Policy"] = DRAWING_POLICY
    response["X-Content-Type-Options"] = "nosniff"
    if request.GET.get("v") == illustration.version(fills=fills, title=colorway.title):
        patch_cache_control(response, public=True, max_age=A_YEAR, immutable=True)
    return response


# Entries on a page of the list of collaborators: whole rows of two, three or four.
COLLABORATORS_PER_PAGE = 24


@cache_public(query=["page"])
def collaborator_list(request):
    page_obj = kept_page(
        "collaborator-list-page",
        "by-name",
        lambda: Collaborator.objects.order_by("name", "pk").values_list("pk", flat=True),
        per_page=COLLABORATORS_PER_PAGE,
        number=request.GET.get("page"),
    )
    meta = page_meta(
        request,
        title="Gel-Kayano 14 collaborators",
        description=(
            "The studios, boutiques, brands and designers who have made their own "
            "Asics Gel-Kayano 14."
        ),
        trail=_catalogue_trail(request),
    )
    context = {
        "page_obj": page_obj,
        "entries": collaborator_entries(page_obj.object_list),
        "meta": meta,
    }
    return render(request, "colorways/collaborator_list.html", context)


@method_decorator(cache_public(), name="dispatch")
class CollaboratorDetailView(DetailView):
    model = Collaborator
    template_name = "colorways/collaborator_detail.html"

    def get_context_data(self, **kwargs):
        collaborator = self.object
        colorways = sort_colorways(
            Colorway.objects.filter(collaborator=collaborator), sort=Sort.OLDEST
        ).values_list("pk", "slug")
        base_url = site_url(self.request)
        title = f"{collaborator.name} × Asics Gel-Kayano 14"
        description = (
            f"Every Gel-Kayano 14 by {collaborator.name}: release dates, style codes and prices."
        )
        listing = collection_page(
            name=title,
            description=description,
            url=absolute(base_url, collaborator.get_absolute_url()),
            item_urls=[
                absolute(base_url, reverse("colorways:colorway-detail", args=[slug]))
                for _, slug in colorways
            ],
        )
        meta = page_meta(
            self.request,
            title=title,
            description=description,
            trail=(
                catalogue_crumb(base_url),
                Crumb(
                    "Collaborators",
                    absolute(base_url, reverse("colorways:collaborator-list")),
                ),
            ),
            structured_data=(listing,),
        )
        cards = colorway_cards([pk for pk, _ in colorways])
        return super().get_context_data(cards=cards, meta=meta, **kwargs)


# The release calendar shows the next dated releases and the first announced colorways;
# the catalogue, filtered by status, pages through all of them.
CALENDAR_LIMIT = 24


def _calendar(today) -> dict:
    """The dated releases to come, by year (cards that leave the year to the heading),
    and the colorways announced without a date."""

    def first_page(status: str, sort: str) -> Page:
        filters = CatalogueFilters(status=status)
        return catalogue_page(filters=filters, sort=sort, page=1, today=today)

    dated = first_page(ReleaseStatus.UPCOMING, Sort.OLDEST)
    announced = first_page(ReleaseStatus.ANNOUNCED, Sort.NEWEST)
    shown = page_keys(dated)[:CALENDAR_LIMIT]
    year_of = dict(Colorway.objects.filter(pk__in=shown).values_list("pk", "release_date__year"))
    cards = cards_by_key(shown, in_year=True)
    years = [
        (year, [cards[pk] for pk in group if pk in cards])
        for year, group in groupby(shown, key=year_of.get)
    ]

    def all_url(page, status, sort) -> str:
        if page.paginator.count <= CALENDAR_LIMIT:
            return ""
        return f"{reverse('colorways:colorway-list')}?{urlencode({'status': status, 'sort': sort})}"

    return {
        "years": years,
        "dated_count": dated.paginator.count,
        "dated_url": all_url(dated, ReleaseStatus.UPCOMING, Sort.OLDEST),
        "announced": colorway_cards(page_keys(announced)[:CALENDAR_LIMIT]),
        "announced_count": announced.paginator.count,
        "announced_url": all_url(announced, ReleaseStatus.ANNOUNCED, Sort.NEWEST),
    }


@cache_public()
def upcoming(request):
    today = timezone.localdate()
    calendar = kept("release-calendar", today.isoformat(), lambda: _calendar(today))
    meta = page_meta(
        request,
        title="Upcoming Gel-Kayano 14 releases",
        description=(
            "The Asics Gel-Kayano 14 release calendar: dated drops and announced "
            "colorways, with a calendar feed to subscribe to."
        ),
        trail=_catalogue_trail(request),
    )
    return render(request, "colorways/upcoming.html", {"calendar": calendar, "meta": meta})


@cache_public()
def upcoming_ics(request):
    today = timezone.localdate()
    colorways = Colorway.objects.upcoming(today).select_related("collaborator")
    body = release_calendar(
        colorways=colorways,
        url_for=request.build_absolute_uri,
        host=request.get_host().split(":")[0] or "localhost",
        stamp=timezone.now(),
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="kayano-14-releases.ics"'
    return response


# The timeline shows the first releases of each year; the catalogue, filtered by year,
# lists the rest.
TIMELINE_RELEASES_PER_YEAR = 10


def _timeline_years():
    dated = Colorway.objects.filter(release_date__isnull=False)
    year = ExtractYear("release_date")
    first_of_year = dated.annotate(
        rank=Window(RowNumber(), partition_by=year, order_by=[F("release_date"), F("pk")])
    ).filter(rank__lte=TIMELINE_RELEASES_PER_YEAR)
    counts = dated.annotate(year=year).values("year").annotate(count=Count("pk"))
    colorways = list(first_of_year.select_related("collaborator"))
    years = timeline_years(
        colorways=colorways,
        milestones=list(Milestone.objects.prefetch_related("sources")),
        release_counts={row["year"]: row["count"] for row in counts},
    )
    cards = cards_by_key([colorway.pk for colorway in colorways], in_year=True)
    return [
        dataclasses.replace(
            year,
            entries=tuple(
                dataclasses.replace(entry, card=cards.get(entry.pk, ""))
                if entry.is_release
                else entry
                for entry in year.entries
            ),
        )
        for year in years
    ]


@cache_public()
def timeline(request):
    # The template keeps the timeline ({% kept %}): the years are read only to build it.
    meta = page_meta(
        request,
        title="The Gel-Kayano 14 timeline",
        description=(
            "The Asics Gel-Kayano 14's history on one page: the 2008 original, its award, "
            "the revival and every collaboration."
        ),
        trail=_catalogue_trail(request),
    )
    return render(request, "colorways/timeline.html", {"years": _timeline_years, "meta": meta})
