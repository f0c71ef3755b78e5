from datetime import date

import pytest
from django.urls import reverse

from accounting.models.pay import Timesheet
from tests.accounting.pay import profile, timesheet


@pytest.fixture
def admin_client(client, role_users):
    client.force_login(role_users["admin"])
    return client


MODELS = [
    "payprofile",
    "payitem",
    "timesheet",
    "timesheetday",
    "timesheetreminder",
]


def test_every_pay_model_has_a_searchable_admin_list(admin_client, role_users):
    profile(role_users["employee"].employee)
    timesheet(role_users["employee"].employee)
    for model in MODELS:
        url = reverse(f"admin:accounting_{model}_changelist")
        assert admin_client.get(url, {"q": "a"}).status_code == 200, model
    holidays = reverse("admin:backoffice_publicholiday_changelist")
    assert admin_client.get(holidays, {"q": "a"}).status_code == 200


def test_an_approved_timesheet_is_read_only_in_the_admin(admin_client, role_users):
    draft = timesheet(role_users["employee"].employee, month=date(2026, 2, 1))
    approved = timesheet(
        role_users["employee"].employee, month=date(2026, 3, 1), status=Timesheet.Status.APPROVED
    )
    draft_page = admin_client.get(reverse("admin:accounting_timesheet_change", args=[draft.pk]))
    approved_page = admin_client.get(
        reverse("admin:accounting_timesheet_change", args=[approved.pk])
    )
    assert 'name="_save"' in draft_page.content.decode()
    assert approved_page.status_code == 200
    assert 'name="_save"' not in approved_page.content.decode()
    delete = reverse("admin:accounting_timesheet_delete", args=[approved.pk])
    assert admin_client.post(delete, {"post": "yes"}).status_code == 403
    assert Timesheet.objects.filter(pk=approved.pk).exists()
