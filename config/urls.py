from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView
from two_factor.urls import urlpatterns as two_factor_urls

from config import sitemaps, views
from config.api import api
from config.media import serve_media
from markup import views as markup_views

urlpatterns = [
    path("", views.home, name="home"),
    path("blog/", include("blog.urls")),
    path("colorways/", include("colorways.urls")),
    path("sizing/", include("sizing.urls")),
    path("search/", views.search, name="search"),
    path("", include("consent.urls")),
    path("api/", api.urls),
    path("sitemap.xml", sitemaps.index, name="sitemap"),
    path("sitemap-<slug:section>.xml", sitemaps.section, name="sitemap-section"),
    path("robots.txt", views.robots_txt, name="robots-txt"),
    path("favicon.ico", RedirectView.as_view(url=f"{settings.STATIC_URL}img/favicon.svg")),
    path("markdownx/markdownify/", markup_views.preview, name="markdownx_markdownify"),
    path("markdownx/upload/", markup_views.upload, name="markdownx_upload"),
    path("healthz", views.healthz, name="healthz"),
    path("healthz/deep", views.healthz_deep, name="healthz-deep"),
    path(f"{settings.ADMIN_URL}login/", views.admin_login),
    path(settings.ADMIN_URL, admin.site.urls),
    path("", include(two_factor_urls)),
]

# Uploads are the reverse proxy's job in production; `make run` and the benchmark have none.
if settings.SERVE_MEDIA:
    urlpatterns.append(path("media/<path:path>", serve_media))

admin.site.site_header = "Kayano 14 Hub"
admin.site.site_title = "Kayano 14 Hub admin"
admin.site.index_title = "Publish"

handler500 = "config.views.server_error"
