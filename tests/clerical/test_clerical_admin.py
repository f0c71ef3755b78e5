"""Every clerical model of the phone side has a working admin list, search and change page."""

import pytest
from django.urls import reverse

from tests.clerical.factories import CallFactory, OfficeRequestFactory, PhoneMessageFactory

MODELS = ["presence", "call", "calltransfer", "phonemessage", "officerequest"]


@pytest.mark.parametrize("model", MODELS)
def test_the_admin_lists_and_searches_each_model(client, role_users, model):
    CallFactory()
    client.force_login(role_users["admin"])
    url = reverse(f"admin:clerical_{model}_changelist")
    assert client.get(url).status_code == 200
    assert client.get(url, {"q": "Ion"}).status_code == 200


def test_the_admin_opens_a_call_a_message_and_a_request(client, role_users):
    client.force_login(role_users["admin"])
    for obj, name in [
        (CallFactory(), "call"),
        (PhoneMessageFactory(), "phonemessage"),
        (OfficeRequestFactory(), "officerequest"),
    ]:
        response = client.get(reverse(f"admin:clerical_{name}_change", args=[obj.pk]))
        assert response.status_code == 200, name
