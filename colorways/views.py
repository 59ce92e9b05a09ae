from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.generic import DetailView

from colorways.calendar import release_calendar
from colorways.cards import cards_for, collaborators_html, colorway_cards
from colorways.catalogue import (
    PER_PAGE,
    CatalogueFilterForm,
    Sort,
    cached_facet_counts,
    catalogue_keys,
    sort_colorways,
)
from colorways.detail import colorway_page
from colorways.models import Collaborator, Colorway, Milestone
from colorways.timeline import timeline_years
from config.links import site_url


def colorway_list(request):
    form = CatalogueFilterForm(request.GET)
    valid = form.is_valid()  # invalid filters are reported and left out, valid ones apply
    filters = form.filters()
    today = timezone.localdate()
    keys = catalogue_keys(filters=filters, sort=form.chosen_sort(), today=today)
    facets = cached_facet_counts(filters=filters, today=today)
    paginator = Paginator(keys, PER_PAGE)
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


def colorway_detail(request, slug):
    page = colorway_page(slug, site_url(request), timezone.localdate())
    if page is None:
        raise Http404("No such colorway.")
    context = {"colorway": page.colorway, "page": page}
    return render(request, "colorways/colorway_detail.html", context)


def collaborator_list(request):
    return render(
        request, "colorways/collaborator_list.html", {"collaborator_list": collaborators_html()}
    )


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
