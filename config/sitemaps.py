"""The sitemap: every public page, one section per kind, served from /sitemap.xml."""

from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps import views as sitemap_views
from django.urls import reverse

from blog.sitemaps import AuthorSitemap, CategorySitemap, PostSitemap
from colorways.sitemaps import CataloguePagesSitemap, CollaboratorSitemap, ColorwaySitemap
from config.links import site_url
from consent.sitemaps import PolicyPageSitemap
from performance.pagecache import KeyedMemo, kept_response
from sizing.sitemaps import SizingSitemap


class StaticPagesSitemap(Sitemap):
    changefreq = "daily"
    priority = 1.0

    def items(self):
        return ["home", "blog:post-list"]

    def location(self, name):
        return reverse(name)


SITEMAPS = {
    "pages": StaticPagesSitemap,
    "posts": PostSitemap,
    "authors": AuthorSitemap,
    "categories": CategorySitemap,
    "sizing": SizingSitemap,
    "policies": PolicyPageSitemap,
    "catalogue": CataloguePagesSitemap,
    "colorways": ColorwaySitemap,
    "collaborators": CollaboratorSitemap,
}


# Every article and colorway is in it (12,000 addresses and 1.7 MB at the benchmark's
# scale, most of a second to build): it is built and gzipped once per content
# generation in each process, and again when a scheduled article goes live.
_built = KeyedMemo(max_entries=8, by_publication=True)


def sitemap(request):
    if request.GET:  # a later page (?p=) of a section too long for one document
        return sitemap_views.sitemap(request, sitemaps=SITEMAPS)
    key = site_url(request)
    return kept_response(
        request, _built, key, lambda: sitemap_views.sitemap(request, sitemaps=SITEMAPS)
    )
