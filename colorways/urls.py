from django.urls import path

from colorways import views

app_name = "colorways"
urlpatterns = [
    path("", views.colorway_list, name="colorway-list"),
    path("<slug:slug>/", views.ColorwayDetailView.as_view(), name="colorway-detail"),
]
