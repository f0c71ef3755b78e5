"""The clerk's call log: a call logged through one service call, from the keyboard page."""

import pytest
from django.urls import reverse

from clerical.models.phones import Call, CallTransfer
from clerical.services.calls import CallError, call_log
from tests.factories import EmployeeFactory


def test_a_call_from_outside_is_logged_with_its_number_normalised(role_users):
    wanted = role_users["employee"].employee
    call = call_log(
        by=role_users["clerk"],
        for_employee=wanted,
        caller_name="Ana Client",
        caller_number="0721 000 111",
        subject="Invoice 42",
        put_through=True,
    )
    assert (call.caller_number, call.department, call.status) == (
        "+40721000111",
        wanted.department,
        Call.Status.OPEN,
    )
    assert list(call.transfers.values_list("to_employee", "outcome")) == [
        (wanted.pk, CallTransfer.Outcome.RINGING)
    ]


def test_a_call_without_a_caller_or_with_letters_in_the_number_stores_nothing(role_users):
    wanted = role_users["employee"].employee
    with pytest.raises(CallError, match="Say who called"):
        call_log(by=role_users["clerk"], for_employee=wanted)
    with pytest.raises(CallError, match="digits only"):
        call_log(by=role_users["clerk"], for_employee=wanted, caller_number="07ab")
    assert not Call.objects.exists()


def test_the_clerk_logs_a_colleagues_call_from_the_page(client, role_users):
    client.force_login(role_users["clerk"])
    caller = role_users["hr"].employee
    wanted = role_users["employee"].employee
    response = client.post(
        reverse("clerical:call-log"),
        {"caller_employee": caller.pk, "for_employee": wanted.pk, "subject": "Payslip"},
    )
    call = Call.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("clerical:call-detail", args=[call.pk])
    assert (call.caller_employee, call.for_employee, call.taken_by) == (
        caller,
        wanted,
        role_users["clerk"],
    )


def test_the_page_says_what_is_wrong_and_logs_nothing(client, role_users):
    client.force_login(role_users["clerk"])
    response = client.post(
        reverse("clerical:call-log"), {"for_employee": "", "caller_number": "call me"}
    )
    assert response.status_code == 200
    assert "Say who the call is for." in response.content.decode()
    assert not Call.objects.exists()


def test_the_typeahead_finds_colleagues_by_name_or_extension(client, role_users):
    EmployeeFactory(first_name="Mirela", last_name="Popescu", extension="431")
    client.force_login(role_users["clerk"])
    url = reverse("clerical:employee-search")
    by_name = client.get(url, {"target": "to", "to_q": "pope"}).content.decode()
    by_extension = client.get(url, {"target": "for_employee", "for_employee_q": "43"})
    assert 'data-pick-target="to"' in by_name and "Mirela Popescu" in by_name
    assert "Mirela Popescu" in by_extension.content.decode()


def test_the_call_log_page_runs_a_bounded_number_of_queries(
    client, role_users, django_assert_max_num_queries
):
    for _ in range(25):
        call_log(
            by=role_users["clerk"],
            for_employee=role_users["employee"].employee,
            caller_employee=role_users["hr"].employee,
            put_through=True,
        )
    client.force_login(role_users["clerk"])
    with django_assert_max_num_queries(10):
        assert client.get(reverse("clerical:call-log")).status_code == 200
