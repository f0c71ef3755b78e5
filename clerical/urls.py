from django.urls import path

from clerical import views

app_name = "clerical"

urlpatterns = [
    path("", views.index, name="index"),
]
