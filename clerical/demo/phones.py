"""A day at the switchboard: presence, calls put through and transferred, messages, requests."""

from datetime import datetime, time, timedelta

from django.utils import timezone

from clerical.models.phones import Call, Presence
from clerical.models.requests import OfficeRequest
from clerical.services import calls as calls_services
from clerical.services import messages as messages_services
from clerical.services import requests as requests_services
from clerical.services.presence import presence_set
from hr.models.employees import Employee

# (minute of the working day, caller name, number, subject, who it is for, what happens)
CALLS = [
    (5, "Ana Ionescu", "0721 100 200", "Invoice 2031", "accountant", "answer"),
    (22, "", "", "Payslip question", "hr", "answer"),
    (47, "Mihai Pop", "0744 555 010", "Delivery date", "manager", "transfer-answer"),
    (75, "Elena Dobre", "+49 30 123 456", "Job application", "hr", "message"),
    (110, "", "", "Laptop will not start", "it", "answer"),
    (140, "Radu Stan", "021 312 4567", "Contract renewal", "manager", "transfer-message"),
    (190, "Ioana Marin", "0733 222 333", "Price list", "employee", "message"),
    (230, "", "", "Meeting room", "clerk", "answer"),
    (260, "Sorin Vlad", "0722 987 654", "Overdue payment", "accountant", "transfer-answer"),
    (300, "Carmen Toma", "0755 444 111", "Parcel for HR", "employee", "answer"),
]
REQUESTS = [
    ("employee", OfficeRequest.Kind.COPIES, "30 copies of the safety leaflet", 30, "done"),
    ("manager", OfficeRequest.Kind.POST, "Send the signed contract by registered post", 1, "start"),
    ("hr", OfficeRequest.Kind.SUPPLIES, "Two boxes of A4 paper", 2, ""),
]


def seed_phones(*, users: dict) -> str | None:
    clerk = users["clerk"]
    if Call.objects.filter(taken_by=clerk).exists():
        return None
    people = {name: Employee.objects.get(user=user) for name, user in users.items()}
    presence_set(employee=people["manager"], status=Presence.Status.MEETING, by=users["manager"])
    presence_set(employee=people["it"], status=Presence.Status.OUT, by=clerk)
    start = timezone.make_aware(datetime.combine(timezone.localdate(), time(8, 30)))
    messages = 0
    for minute, name, number, subject, wanted, outcome in CALLS:
        call = calls_services.call_log(
            by=clerk,
            for_employee=people[wanted],
            caller_name=name,
            caller_number=number,
            caller_employee=None if number else people["employee"],
            subject=subject,
            put_through=True,
            received_at=start + timedelta(minutes=minute),
        )
        if outcome.startswith("transfer"):
            colleague = people["hr"] if wanted != "hr" else people["admin"]
            calls_services.call_transfer(call=call, to=colleague, by=clerk)
        if outcome.endswith("answer"):
            calls_services.call_answer(call=call, by=clerk)
        else:
            messages_services.message_take(
                by=clerk,
                recipient=people[wanted],
                call=call,
                body=f"Please call back about: {subject}.",
                call_back_by=timezone.now() + timedelta(hours=2 + messages),
            )
            messages += 1
    for who, kind, description, quantity, progress in REQUESTS:
        request = requests_services.office_request_create(
            by=users[who], kind=kind, description=description, quantity=quantity
        )
        if progress == "start":
            requests_services.office_request_start(request=request, by=clerk)
        if progress == "done":
            requests_services.office_request_done(request=request, by=clerk, note="On your desk")
    return f"{len(CALLS)} calls, {messages} messages, {len(REQUESTS)} office requests"
