from django.urls import path

from it_support.views import changes, inventory, knowledge, maintenance, offboarding
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

# Inventory, licences, maintenance, change requests and the knowledge base (it-assets).
urlpatterns += [
    path("systems/", inventory.system_list, name="system-list"),
    path("systems/new/", inventory.system_create, name="system-create"),
    path("systems/<int:pk>/", inventory.system_detail, name="system-detail"),
    path("systems/<int:pk>/edit/", inventory.system_edit, name="system-edit"),
    path("equipment/", inventory.equipment_list, name="equipment-list"),
    path("equipment/new/", inventory.equipment_create, name="equipment-create"),
    path("equipment/<int:pk>/", inventory.equipment_detail, name="equipment-detail"),
    path("equipment/<int:pk>/edit/", inventory.equipment_edit, name="equipment-edit"),
    path("equipment/<int:pk>/assign/", inventory.equipment_assign, name="equipment-assign"),
    path("licences/", inventory.licence_list, name="licence-list"),
    path("licences/new/", inventory.licence_create, name="licence-create"),
    path("licences/<int:pk>/", inventory.licence_detail, name="licence-detail"),
    path("licences/<int:pk>/edit/", inventory.licence_edit, name="licence-edit"),
    path("licences/<int:pk>/seats/", inventory.licence_seat_assign, name="licence-seat-assign"),
    path(
        "licences/seats/<int:pk>/release/",
        inventory.licence_seat_release,
        name="licence-seat-release",
    ),
    path("maintenance/", maintenance.maintenance_list, name="maintenance-list"),
    path("maintenance/new/", maintenance.maintenance_create, name="maintenance-create"),
    path("maintenance/<int:pk>/", maintenance.maintenance_detail, name="maintenance-detail"),
    path("maintenance/<int:pk>/edit/", maintenance.maintenance_edit, name="maintenance-edit"),
    path("maintenance/<int:pk>/log/", maintenance.maintenance_log, name="maintenance-log"),
    path("changes/", changes.change_board, name="change-board"),
    path("changes/new/", changes.change_create, name="change-create"),
    path("changes/<int:pk>/", changes.change_detail, name="change-detail"),
    path("changes/<int:pk>/edit/", changes.change_edit, name="change-edit"),
    path("changes/<int:pk>/submit/", changes.change_submit, name="change-submit"),
    path("changes/<int:pk>/approve-it/", changes.change_approve_it, name="change-approve-it"),
    path(
        "changes/<int:pk>/approve-owner/", changes.change_approve_owner, name="change-approve-owner"
    ),
    path("changes/<int:pk>/reject/", changes.change_reject, name="change-reject"),
    path("changes/<int:pk>/cancel/", changes.change_cancel, name="change-cancel"),
    path("changes/<int:pk>/schedule/", changes.change_schedule, name="change-schedule"),
    path("changes/<int:pk>/implement/", changes.change_implement, name="change-implement"),
    path("changes/<int:pk>/review/", changes.change_review, name="change-review"),
    path("kb/", knowledge.article_list, name="article-list"),
    path("kb/new/", knowledge.article_create, name="article-create"),
    path("kb/suggest/", knowledge.article_suggest, name="article-suggest"),
    path("kb/<int:pk>/", knowledge.article_detail, name="article-detail"),
    path("kb/<int:pk>/edit/", knowledge.article_edit, name="article-edit"),
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
    path("tickets/<int:pk>/priority/", tickets_views.ticket_priority, name="ticket-priority"),
    path("tickets/<int:pk>/confirm/", tickets_views.ticket_confirm, name="ticket-confirm"),
    path("tickets/<int:pk>/reopen/", tickets_views.ticket_reopen, name="ticket-reopen"),
    path("tickets/<int:pk>/rate/", tickets_views.ticket_rate, name="ticket-rate"),
    path(
        "tickets/files/<int:pk>/",
        tickets_views.attachment_download,
        name="ticket-attachment-download",
    ),
]
