from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.urls import reverse

from colorways.models import Collaborator, Colorway


class ColorwaySitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.7

    def items(self):
        return Colorway.objects.only("slug", "updated_at").order_by("pk")

    def lastmod(self, colorway):
        return colorway.updated_at

    def get_latest_lastmod(self):
        """For the index, in one query rather than by reading every colorway."""
        return Colorway.objects.aggregate(latest=Max("updated_at"))["latest"]


class CollaboratorSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.5

    def items(self):
        return list(Collaborator.objects.only("slug").order_by("pk"))


class CataloguePagesSitemap(Sitemap):
    changefreq = "daily"
    priority = 0.8

    def items(self):
        return [
            "colorways:colorway-list",
            "colorways:upcoming",
            "colorways:timeline",
            "colorways:collaborator-list",
        ]

    def location(self, name):
        return reverse(name)
