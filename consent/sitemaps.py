from django.contrib.sitemaps import Sitemap

from consent.models import PolicyPage


class PolicyPageSitemap(Sitemap):
    def items(self):
        return PolicyPage.objects.all()

    def lastmod(self, page):
        return page.updated_at
