from django.urls import path

from it_support import views

app_name = "it_support"

urlpatterns = [
    path("", views.index, name="index"),
    path("offboarding/", views.offboarding_list, name="offboarding-list"),
    path(
        "offboarding/items/<int:pk>/done/",
        views.offboarding_item_done,
        name="offboarding-item-done",
    ),
]
