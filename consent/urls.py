from django.urls import path

from consent import views

app_name = "consent"
urlpatterns = [
    path("cookies/", views.cookie_settings, name="settings"),
    path("cookies/save/", views.save, name="save"),
    path("cookies/status/", views.status, name="status"),
    path("cookies/measure/", views.measure, name="measure"),
    path("cookie-policy/", views.cookie_policy, name="cookie-policy"),
    path("privacy/", views.privacy_policy, name="privacy"),
]
