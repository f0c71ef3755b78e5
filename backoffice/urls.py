from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from backoffice import report_views, views

app_patterns = (
    [
        path("jobs/", views.job_list, name="job-list"),
        path("jobs/<uuid:job_id>/", views.job_detail, name="job-detail"),
        path("jobs/<uuid:job_id>/download/", views.job_download, name="job-download"),
        path("reports/", report_views.report_list, name="report-list"),
        path("reports/<str:key>/", report_views.report_detail, name="report-detail"),
        path(
            "reports/runs/<uuid:job_id>/<str:fmt>/",
            report_views.report_file,
            name="report-file",
        ),
        path("notifications/", views.notification_list, name="notification-list"),
        path(
            "notifications/<int:notification_id>/read/",
            views.notification_read,
            name="notification-read",
        ),
        path("notifications/read-all/", views.notification_read_all, name="notification-read-all"),
        path(
            "history/<str:app_label>/<str:model_name>/<int:pk>/",
            views.history,
            name="history",
        ),
    ],
    "backoffice",
)

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("", include(app_patterns)),
    path("accounts/", include("django.contrib.auth.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("hr/", include("hr.urls")),
    path("careers/", include("hr.careers_urls")),
    path("accounting/", include("accounting.urls")),
    path("it/", include("it_support.urls")),
    path("clerical/", include("clerical.urls")),
]

admin.site.site_header = _("Back office administration")
admin.site.site_title = _("Back office")
