from django.urls import path

from accounting import views

app_name = "accounting"

urlpatterns = [
    path("", views.index, name="index"),
    path("accounts/", views.account_list, name="account-list"),
    path("accounts/<int:pk>/ledger/", views.account_ledger, name="account-ledger"),
    path("trial-balance/", views.trial_balance, name="trial-balance"),
    path("takings/", views.takings_import, name="takings-import"),
    path("takings/<int:pk>/", views.takings_import_detail, name="takings-import-detail"),
    path(
        "takings/<int:pk>/confirm/",
        views.takings_import_confirm_view,
        name="takings-import-confirm",
    ),
    path(
        "takings/<int:pk>/discard/",
        views.takings_import_discard_view,
        name="takings-import-discard",
    ),
    path("periods/", views.period_list, name="period-list"),
    path("periods/<int:pk>/close/", views.period_close, name="period-close"),
    path("periods/<int:pk>/reopen/", views.period_reopen, name="period-reopen"),
    path("entries/new/", views.entry_create, name="entry-create"),
    path("entries/<int:pk>/", views.entry_detail, name="entry-detail"),
    path("entries/<int:pk>/post/", views.entry_post, name="entry-post"),
    path("entries/<int:pk>/reverse/", views.entry_reverse, name="entry-reverse"),
]
