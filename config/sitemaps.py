"""The sitemap: an index (/sitemap.xml) of sections of at most SECTION_SIZE addresses.

A section lists each address with its last change, in a template without the fields
search engines ignore (change frequency, priority) and without the whitespace
`{% spaceless %}` would strip, which cost more than the rest of a section's build. Each
section and the index are kept per content generation: at catalogue scale the
sitemap lists some 12,000 addresses. Only a section's page number (`p`) is read from
the query string, so no other query string makes the site build anything again.
"""

from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps import views as sitemap_views
from django.http import Http404, HttpResponse
from django.urls import reverse

from blog.sitemaps import AuthorSitemap, CategorySitemap, PostSitemap
from caching import fragments
from caching.pages import cache_public
from colorways.sitemaps import CataloguePagesSitemap, CollaboratorSitemap, ColorwaySitemap
from consent.sitemaps import PolicyPageSitemap
from seo.links import site_url
from sizing.sitemaps import SizingSitemap

SECTION_SIZE = 500
MAX_SECTION_PAGES = 1000


class StaticPagesSitemap(Sitemap):
    def items(self):
        return ["home", "blog:post-list"]

    def location(self, name):
        return reverse(name)


SITEMAPS = {
    name: type(sitemap.__name__, (sitemap,), {"limit": SECTION_SIZE})
    for name, sitemap in {
        "pages": StaticPagesSitemap,
        "posts": PostSitemap,
        "authors": AuthorSitemap,
        "categories": CategorySitemap,
        "sizing": SizingSitemap,
        "policies": PolicyPageSitemap,
        "catalogue": CataloguePagesSitemap,
        "colorways": ColorwaySitemap,
        "collaborators": CollaboratorSitemap,
    }.items()
}


def _kept_xml(request, name: str, key, build) -> HttpResponse:
    response = fragments.kept_document(request, name, key, build)
    response["X-Robots-Tag"] = "noindex, noodp, noarchive"
    return response


@cache_public()
def index(request):
    return _kept_xml(
        request,
        "sitemap-index",
        site_url(request),
        lambda: sitemap_views.index(request, sitemaps=SITEMAPS, sitemap_url_name="sitemap-section"),
    )


@cache_public(query=["p"])
def section(request, section):
    page = request.GET.get("p", "1")
    valid_page = fragments.PAGE_NUMBER.fullmatch(page) and 1 <= int(page) <= MAX_SECTION_PAGES
    if section not in SITEMAPS or not valid_page:
        raise Http404("No such sitemap section.")
    return _kept_xml(
        request,
        "sitemap-section",
        (section, int(page), site_url(request)),
        lambda: sitemap_views.sitemap(
            request, sitemaps=SITEMAPS, section=section, template_name="sitemap_section.xml"
        ),
    )
