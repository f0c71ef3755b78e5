"""The public careers page, served at /careers/ without a login."""

from django.urls import path

from hr.views import careers as careers_views

app_name = "careers"

urlpatterns = [
    path("", careers_views.careers_list, name="list"),
    path("<int:pk>/", careers_views.careers_apply, name="apply"),
]
