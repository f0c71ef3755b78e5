"""The admin lists every IT support model of the helpdesk."""

import pytest
from django.urls import reverse

from tests.it_support.factories import TicketFactory


@pytest.mark.parametrize(
    "model",
    [
        "ticket",
        "ticketmessage",
        "ticketattachment",
        "slapolicy",
        "offboardingticketitem",
        "savedqueuefilter",
    ],
)
def test_each_model_has_a_working_admin_list(admin_client, model):
    TicketFactory()
    response = admin_client.get(reverse(f"admin:it_support_{model}_changelist"), {"q": "x"})
    assert response.status_code == 200
