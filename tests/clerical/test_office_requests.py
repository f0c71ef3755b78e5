"""Office requests: staff ask, the team works the queue, the requester is told when done."""

import pytest
from django.urls import reverse

from backoffice.models import Notification
from clerical.models.requests import OfficeRequest
from clerical.services import requests as requests_services
from clerical.services.requests import OfficeRequestError
from tests.clerical.factories import OfficeRequestFactory


def test_a_request_goes_through_the_queue_and_the_requester_is_told(client, role_users):
    client.force_login(role_users["employee"])
    created = client.post(
        reverse("clerical:request-create"),
        {"kind": "scan", "description": "Scan the signed contract", "quantity": "1"},
    )
    assert created.status_code == 302
    request = OfficeRequest.objects.get()

    client.force_login(role_users["clerk"])
    queue = client.get(reverse("clerical:request-queue"))
    assert list(queue.context["page"].object_list) == [request]
    client.post(reverse("clerical:request-start", args=[request.pk]))
    client.post(reverse("clerical:request-done", args=[request.pk]), {"note": "In your inbox"})

    request.refresh_from_db()
    assert (request.status, request.done_by, request.note) == (
        "done",
        role_users["clerk"],
        "In your inbox",
    )
    assert [h.history_change_reason for h in request.history.order_by("history_date")] == [
        None,
        "submitted -> in_progress",
        "in_progress -> done",
    ]
    told = Notification.objects.get(recipient=role_users["employee"])
    assert told.url == reverse("clerical:request-detail", args=[request.pk])


def test_a_finished_request_cannot_be_done_again_or_cancelled(role_users):
    request = OfficeRequestFactory(requested_by=role_users["employee"])
    requests_services.office_request_done(request=request, by=role_users["clerk"])
    with pytest.raises(OfficeRequestError):
        requests_services.office_request_done(request=request, by=role_users["clerk"])
    with pytest.raises(OfficeRequestError, match="Only an open request"):
        requests_services.office_request_cancel(request=request, by=role_users["employee"])


def test_a_request_without_a_description_is_refused_and_stores_nothing(role_users):
    with pytest.raises(OfficeRequestError):
        requests_services.office_request_create(
            by=role_users["employee"], kind="copies", description="  "
        )
    assert not OfficeRequest.objects.exists()


def test_the_requester_sees_only_their_own_requests(client, role_users):
    mine = OfficeRequestFactory(requested_by=role_users["employee"])
    theirs = OfficeRequestFactory(requested_by=role_users["manager"])
    client.force_login(role_users["employee"])
    listing = client.get(reverse("clerical:request-list"))
    assert list(listing.context["page"].object_list) == [mine]
    assert client.get(reverse("clerical:request-detail", args=[theirs.pk])).status_code == 404
    cancel = client.post(reverse("clerical:request-cancel", args=[theirs.pk]))
    assert cancel.status_code == 404
    theirs.refresh_from_db()
    assert theirs.status == "submitted"


def test_the_queue_runs_a_bounded_number_of_queries(
    client, role_users, django_assert_max_num_queries
):
    OfficeRequestFactory.create_batch(30, requested_by=role_users["employee"])
    client.force_login(role_users["clerk"])
    with django_assert_max_num_queries(10):
        assert client.get(reverse("clerical:request-queue")).status_code == 200
