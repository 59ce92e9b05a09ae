from django.core.paginator import Paginator
from django.db.models import Count, Prefetch
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.generic import DetailView, ListView

from blog.models import ColorwayMention, Post
from colorways.calendar import release_calendar
from colorways.cards import cards_for, colorway_cards
from colorways.catalogue import (
    PER_PAGE,
    CatalogueFilterForm,
    Sort,
    cached_facet_counts,
    filter_colorways,
    sort_colorways,
)
from colorways.models import Collaborator, Colorway, Gender, Listing, Milestone
from colorways.resale import Observation, price_chart, resale_summary
from colorways.structured_data import product_data
from colorways.timeline import timeline_years


def colorway_list(request):
    form = CatalogueFilterForm(request.GET)
    valid = form.is_valid()  # invalid filters are reported and left out, valid ones apply
    filters = form.filters()
    today = timezone.localdate()
    colorways = sort_colorways(
        filter_colorways(Colorway.objects.all(), filters=filters, today=today),
        sort=form.chosen_sort(),
    )
    facets = cached_facet_counts(filters=filters, today=today)
    paginator = Paginator(colorways.values_list("pk", flat=True), PER_PAGE)
    # Every colorway has exactly one status, so the status facet already counts them.
    paginator.count = sum(
        facet.count for facet in facets.status if filters.status in (None, facet.value)
    )
    if form.page_number() > max(paginator.num_pages, 1):
        raise Http404("No such page of colorways.")
    page_obj = paginator.page(form.page_number())
    context = {
        "form": form,
        "filters": filters,
        "facets": facets,
        "page_obj": page_obj,
        "cards": colorway_cards(page_obj.object_list),
        "today": today,
    }
    return render(request, "colorways/colorway_list.html", context, status=200 if valid else 400)


def mentioning_posts(colorway: Colorway):
    """Published posts whose body embeds `colorway` by style code or slug."""
    keys = [colorway.slug, *([colorway.style_code] if colorway.style_code else [])]
    mentions = ColorwayMention.objects.filter(key__in=[key.casefold() for key in keys])
    return (
        Post.objects.published()
        .filter(pk__in=mentions.values("post_id"))
        .without_bodies()
        .select_related("author")
    )


class ColorwayDetailView(DetailView):
    template_name = "colorways/colorway_detail.html"

    def get_queryset(self):
        return Colorway.objects.select_related("collaborator").prefetch_related(
            "palette",
            "images",
            "retail_prices",
            "resale_observations",
            "sources",
            Prefetch("listings", queryset=Listing.objects.select_related("retailer")),
        )

    def get_context_data(self, **kwargs):
        colorway = self.object
        retail = colorway.main_price
        observations = [
            Observation(observed_on=o.observed_on, price=o.price, currency=o.currency)
            for o in colorway.resale_observations.all()
        ]
        summary = resale_summary(
            observations=observations,
            retail=retail.amount if retail else None,
            retail_currency=retail.currency if retail else None,
        )
        chart = (
            price_chart(observations=observations, currency=summary.currency, retail=summary.retail)
            if summary
            else None
        )
        size_link = reverse("sizing:finder")
        if colorway.gender == Gender.WOMEN:
            size_link += "?system=us-women"
        context = {
            "status": colorway.status(),
            "resale": summary,
            "chart": chart,
            "size_link": size_link,
            "posts": list(mentioning_posts(colorway)),
            "product_ld": product_data(colorway, self.request),
        }
        return super().get_context_data(**context, **kwargs)


class CollaboratorListView(ListView):
    template_name = "colorways/collaborator_list.html"
    context_object_name = "collaborators"

    def get_queryset(self):
        return Collaborator.objects.annotate(colorway_count=Count("colorways"))


class CollaboratorDetailView(DetailView):
    model = Collaborator
    template_name = "colorways/collaborator_detail.html"

    def get_context_data(self, **kwargs):
        colorways = sort_colorways(
            Colorway.objects.filter(collaborator=self.object),
            sort=Sort.OLDEST,
        )
        return super().get_context_data(cards=cards_for(colorways), **kwargs)


def upcoming(request):
    today = timezone.localdate()
    context = {
        "upcoming": cards_for(sort_colorways(Colorway.objects.upcoming(today), sort=Sort.OLDEST)),
        "announced": cards_for(Colorway.objects.announced().order_by("name")),
    }
    return render(request, "colorways/upcoming.html", context)


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


def timeline(request):
    colorways = Colorway.objects.filter(release_date__isnull=False).select_related("collaborator")
    milestones = Milestone.objects.prefetch_related("sources")
    return render(
        request,
        "colorways/timeline.html",
        {"years": timeline_years(colorways=list(colorways), milestones=list(milestones))},
    )
