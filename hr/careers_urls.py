"""The public careers page, served at /careers/ without a login."""

from django.urls import path

from hr import views

app_name = "careers"

urlpatterns = [
    path("", views.careers_list, name="list"),
    path("<int:pk>/", views.careers_apply, name="apply"),
]
