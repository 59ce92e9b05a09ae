from django.contrib.sitemaps import Sitemap
from django.urls import reverse


class SizingSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.8

    def items(self):
        return ["sizing:finder"]

    def location(self, name):
        return reverse(name)
