from django.urls import path

from it_support import views

app_name = "it_support"

urlpatterns = [
    path("", views.index, name="index"),
]
