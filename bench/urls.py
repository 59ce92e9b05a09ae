"""The site's URLs and the benchmark's framework-floor page: settings.ROOT_URLCONF while
BENCHMARK is on, so that the site's own URL conf never imports the benchmark."""

from django.urls import path

from bench.views import floor
from config import urls as site

handler500 = site.handler500

urlpatterns = [path("bench/floor/", floor, name="bench-floor"), *site.urlpatterns]
