from django.urls import path

from sizing import views

app_name = "sizing"
urlpatterns = [
    path("", views.finder, name="finder"),
]
