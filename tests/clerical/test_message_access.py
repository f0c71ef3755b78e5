"""A message is seen by its recipient, the clerk who took it and the clerical team only."""

import pytest
from django.urls import reverse

from clerical.selectors.phones import messages_visible_to
from tests.clerical.factories import PhoneMessageFactory
from tests.factories import UserFactory


@pytest.fixture(scope="module")
def records(module_db, module_role_users):
    with module_db.unblock():
        taker = UserFactory(username="temp-receptionist")  # took it, holds no clerk role
        message = PhoneMessageFactory(
            recipient=module_role_users["employee"].employee, taken_by=taker
        )
        return {"message": message, "taker": taker}


@pytest.mark.parametrize("who", ["employee", "clerk", "admin", "taker"])
def test_the_recipient_the_taker_and_clerks_open_it(db, client, module_role_users, records, who):
    user = records["taker"] if who == "taker" else module_role_users[who]
    client.force_login(user)
    response = client.get(reverse("clerical:message-detail", args=[records["message"].pk]))
    assert response.status_code == 200
    assert records["message"] in messages_visible_to(user)


@pytest.mark.parametrize("who", ["manager", "hr", "it", "accountant"])
def test_anybody_else_gets_404_and_an_empty_list(db, client, module_role_users, records, who):
    client.force_login(module_role_users[who])
    message = records["message"]
    assert client.get(reverse("clerical:message-detail", args=[message.pk])).status_code == 404
    assert client.post(reverse("clerical:message-done", args=[message.pk])).status_code == 404
    listing = client.get(reverse("clerical:message-list"))
    assert list(listing.context["page"].object_list) == []
