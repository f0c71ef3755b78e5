from django.urls import path

from clerical import views
from clerical.views import documents

app_name = "clerical"

urlpatterns = [
    path("", views.index, name="index"),
    # Documents and filing
    path("documents/", documents.document_list, name="document-list"),
    path("documents/upload/", documents.document_upload, name="document-upload"),
    path("documents/<int:pk>/", documents.document_detail, name="document-detail"),
    path("documents/<int:pk>/edit/", documents.document_edit, name="document-edit"),
    path(
        "documents/<int:pk>/versions/", documents.document_version_add, name="document-version-add"
    ),
    path("documents/<int:pk>/download/", documents.document_download, name="document-download"),
    path("documents/<int:pk>/thumbnail/", documents.document_thumbnail, name="document-thumbnail"),
    path("documents/<int:pk>/copy/", documents.document_copy, name="document-copy"),
    path("documents/<int:pk>/accesses/", documents.document_accesses, name="document-accesses"),
]
