from django.urls import path

from accounting import views

app_name = "accounting"

urlpatterns = [
    path("", views.index, name="index"),
    path("accounts/", views.account_list, name="account-list"),
    path("accounts/<int:pk>/ledger/", views.account_ledger, name="account-ledger"),
]
