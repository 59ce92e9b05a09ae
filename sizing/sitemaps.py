from django.contrib.sitemaps import Sitemap
from django.urls import reverse


class SizingSitemap(Sitemap):
    def items(self):
        return ["sizing:finder"]

    def location(self, name):
        return reverse(name)
