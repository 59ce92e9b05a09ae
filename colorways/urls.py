from django.urls import path

from colorways import views

app_name = "colorways"
urlpatterns = [
    path("", views.colorway_list, name="colorway-list"),
    path("upcoming/", views.upcoming, name="upcoming"),
    path("upcoming.ics", views.upcoming_ics, name="upcoming-ics"),
    path("timeline/", views.timeline, name="timeline"),
    path("collaborators/", views.collaborator_list, name="collaborator-list"),
    path(
        "collaborators/<slug:slug>/",
        views.CollaboratorDetailView.as_view(),
        name="collaborator-detail",
    ),
    path("<slug:slug>/", views.colorway_detail, name="colorway-detail"),
    path("<slug:slug>/drawing.svg", views.colorway_drawing, name="colorway-drawing"),
]
