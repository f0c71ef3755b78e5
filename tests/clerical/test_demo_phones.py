"""The demo's day at the switchboard: made once, however often seed_demo runs."""

from backoffice.registry import Demo
from clerical.demo.phones import CALLS, seed_phones
from clerical.models.phones import Call, CallTransfer, PhoneMessage
from clerical.models.requests import OfficeRequest
from hr.demo.people import people_install
from tests.conftest import make_role_users


def test_the_demo_day_is_made_once_with_transfers_and_messages(db):
    users = make_role_users()
    people_install(users=users, employees=0)
    demo = Demo(employees=0, users=users)
    assert seed_phones(users=demo.users)
    assert seed_phones(users=demo.users) is None
    assert Call.objects.count() == len(CALLS)
    assert CallTransfer.objects.filter(position=2).count() == 3
    assert PhoneMessage.objects.filter(status="open").count() == 3
    assert OfficeRequest.objects.filter(status="done").count() == 1
