from django.urls import path

from it_support.views import offboarding
from it_support.views import tickets as tickets_views

app_name = "it_support"

urlpatterns = [
    path("", offboarding.index, name="index"),
    path("offboarding/", offboarding.offboarding_list, name="offboarding-list"),
    path(
        "offboarding/items/<int:pk>/done/",
        offboarding.offboarding_item_settle_view,
        name="offboarding-item-done",
    ),
]

# Tickets (issue #17, the helpdesk half)
urlpatterns += [
    path("tickets/new/", tickets_views.ticket_create, name="ticket-create"),
    path("tickets/mine/", tickets_views.ticket_mine, name="ticket-mine"),
    path("tickets/queue/", tickets_views.ticket_queue, name="ticket-queue"),
    path("tickets/queue/bulk/", tickets_views.ticket_bulk, name="ticket-bulk"),
    path("tickets/queue/filters/", tickets_views.queue_filter_save, name="queue-filter-save"),
    path(
        "tickets/queue/filters/<int:pk>/delete/",
        tickets_views.queue_filter_delete,
        name="queue-filter-delete",
    ),
    path("tickets/<int:pk>/", tickets_views.ticket_detail, name="ticket-detail"),
    path("tickets/<int:pk>/reply/", tickets_views.ticket_reply, name="ticket-reply"),
    path("tickets/<int:pk>/assign/", tickets_views.ticket_assign, name="ticket-assign"),
    path("tickets/<int:pk>/move/", tickets_views.ticket_move, name="ticket-move"),
    path("tickets/<int:pk>/confirm/", tickets_views.ticket_confirm, name="ticket-confirm"),
    path("tickets/<int:pk>/reopen/", tickets_views.ticket_reopen, name="ticket-reopen"),
    path("tickets/<int:pk>/rate/", tickets_views.ticket_rate, name="ticket-rate"),
    path(
        "tickets/files/<int:pk>/",
        tickets_views.attachment_download,
        name="ticket-attachment-download",
    ),
]
