from django.urls import path

from clerical.views import documents
from clerical.views import home as home_views
from clerical.views import phones as phones_views
from clerical.views import requests as requests_views

app_name = "clerical"

urlpatterns = [
    path("", home_views.index, name="index"),
    # Phones, calls, messages and office requests
    path("phones/", phones_views.phone_directory, name="phone-directory"),
    path("phones/presence/", phones_views.presence_mine, name="presence-mine"),
    path("phones/presence/<int:pk>/", phones_views.presence_edit, name="presence-edit"),
    path("calls/", phones_views.call_log, name="call-log"),
    path("calls/people/", phones_views.employee_search, name="employee-search"),
    path("calls/by-department/", phones_views.calls_by_department, name="calls-by-department"),
    path("calls/<int:pk>/", phones_views.call_detail, name="call-detail"),
    path("calls/<int:pk>/transfer/", phones_views.call_transfer, name="call-transfer"),
    path("calls/<int:pk>/answer/", phones_views.call_answer, name="call-answer"),
    path("calls/<int:pk>/message/", phones_views.call_message, name="call-message"),
    path("messages/", phones_views.message_list, name="message-list"),
    path("messages/<int:pk>/", phones_views.message_detail, name="message-detail"),
    path("messages/<int:pk>/done/", phones_views.message_done, name="message-done"),
    path("requests/", requests_views.request_list, name="request-list"),
    path("requests/new/", requests_views.request_create, name="request-create"),
    path("requests/queue/", requests_views.request_queue, name="request-queue"),
    path("requests/<int:pk>/", requests_views.request_detail, name="request-detail"),
    path("requests/<int:pk>/start/", requests_views.request_start, name="request-start"),
    path("requests/<int:pk>/done/", requests_views.request_done, name="request-done"),
    path("requests/<int:pk>/cancel/", requests_views.request_cancel, name="request-cancel"),
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
