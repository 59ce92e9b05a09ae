from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.urls import reverse

from colorways.models import Collaborator, Colorway


class ColorwaySitemap(Sitemap):
    def items(self):
        return Colorway.objects.only("slug", "updated_at").order_by("pk")

    def lastmod(self, colorway):
        return colorway.updated_at

    def get_latest_lastmod(self):
        """For the index, in one query rather than by reading every colorway."""
        return Colorway.objects.aggregate(latest=Max("updated_at"))["latest"]


class CollaboratorSitemap(Sitemap):
    def items(self):
        return list(Collaborator.objects.only("slug").order_by("pk"))


class CataloguePagesSitemap(Sitemap):
    def items(self):
        return [
            "colorways:colorway-list",
            "colorways:upcoming",
            "colorways:timeline",
            "colorways:collaborator-list",
        ]

    def location(self, name):
        return reverse(name)
