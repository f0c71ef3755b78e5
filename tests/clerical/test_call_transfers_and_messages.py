"""Transfers make a chain; a call nobody takes becomes a message that reaches its person."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from backoffice.models import Notification
from clerical.models.phones import Call, PhoneMessage
from clerical.services import calls as calls_services
from clerical.services import messages as messages_services
from clerical.services.calls import CallError
from clerical.services.messages import MessageError


@pytest.fixture
def call(role_users):
    return calls_services.call_log(
        by=role_users["clerk"],
        for_employee=role_users["employee"].employee,
        caller_number="021 555 0000",
        caller_name="Supplier",
        put_through=True,
    )


def test_transfers_record_the_chain_and_the_answer(call, role_users):
    clerk = role_users["clerk"]
    calls_services.call_transfer(call=call, to=role_users["manager"].employee, by=clerk)
    calls_services.call_transfer(call=call, to=role_users["hr"].employee, by=clerk)
    calls_services.call_answer(call=call, by=clerk)
    chain = list(call.transfers.values_list("position", "to_employee", "outcome"))
    assert chain == [
        (1, role_users["employee"].employee.pk, "no_answer"),
        (2, role_users["manager"].employee.pk, "no_answer"),
        (3, role_users["hr"].employee.pk, "answered"),
    ]
    call.refresh_from_db()
    assert (call.status, call.answered_by) == (Call.Status.ANSWERED, role_users["hr"].employee)
    assert call.history.first().history_user == clerk


def test_an_answered_call_can_no_longer_be_transferred(call, role_users):
    calls_services.call_answer(call=call, by=role_users["clerk"])
    with pytest.raises(CallError, match="call is over"):
        calls_services.call_transfer(
            call=call, to=role_users["hr"].employee, by=role_users["clerk"]
        )
    assert call.transfers.count() == 1


@pytest.mark.parametrize("smtp_server", [0], indirect=True)
def test_a_message_reaches_its_person_in_the_app_and_by_email_at_once(
    call, role_users, smtp_server, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        message = messages_services.message_take(
            by=role_users["clerk"],
            recipient=call.for_employee,
            call=call,
            body="Delivery is late, call back.",
            urgency=PhoneMessage.Urgency.URGENT,
            call_back_by=timezone.now() + timedelta(hours=2),
        )
    call.refresh_from_db()
    assert call.status == Call.Status.MESSAGE
    assert call.transfers.get().outcome == "no_answer"
    assert (message.caller, message.caller_number) == ("Supplier +40215550000", "+40215550000")
    notification = Notification.objects.get(recipient=role_users["employee"])
    assert notification.url == reverse("clerical:message-detail", args=[message.pk])
    [mail] = smtp_server.messages()
    assert mail["To"] == role_users["employee"].email
    assert "Supplier" in mail["Subject"]


def test_marking_a_message_done_keeps_history_and_is_refused_twice(role_users):
    message = messages_services.message_take(
        by=role_users["clerk"],
        recipient=role_users["employee"].employee,
        caller="Ana",
        body="Call back",
    )
    messages_services.message_done(message=message, by=role_users["employee"])
    message.refresh_from_db()
    assert (message.status, message.done_by) == ("done", role_users["employee"])
    assert message.history.first().history_change_reason == "open -> done"
    with pytest.raises(MessageError, match="already done"):
        messages_services.message_done(message=message, by=role_users["employee"])


def test_a_message_with_a_bad_number_or_no_text_stores_nothing(call, role_users):
    for bad in ({"caller_number": "call me maybe", "body": "x"}, {"body": "  "}):
        with pytest.raises(MessageError):
            messages_services.message_take(
                by=role_users["clerk"], recipient=call.for_employee, call=call, **bad
            )
    call.refresh_from_db()
    assert call.status == Call.Status.OPEN
    assert not PhoneMessage.objects.exists()


def test_the_clerk_transfers_and_takes_a_message_through_the_pages(client, call, role_users):
    client.force_login(role_users["clerk"])
    transfer = client.post(
        reverse("clerical:call-transfer", args=[call.pk]), {"to": role_users["manager"].employee.pk}
    )
    assert transfer.status_code == 302
    taken = client.post(
        reverse("clerical:call-message", args=[call.pk]),
        {"body": "Please ring back", "urgency": "normal", "caller_number": ""},
    )
    assert taken.status_code == 302
    message = PhoneMessage.objects.get()
    assert (message.recipient, message.call) == (role_users["employee"].employee, call)
