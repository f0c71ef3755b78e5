"""Entitlements, the balance ledger, the year end and the leave events."""

from datetime import date
from decimal import Decimal

import pytest
from django.db.models import Sum

from backoffice import events
from backoffice.models import PublicHoliday
from hr.models.leave import LeaveLedgerEntry, LeavePolicy, LeavePolicySet, LeaveType
from hr.services import leave as leave_services
from hr.services.leave_counting import balance, leave_count
from hr.services.leave_setup import entitlement, leave_accrue_year, leave_presets_install
from hr.services.leave_year_end import leave_carried_expire, leave_events_send, leave_year_end
from tests.factories import EmployeeFactory, UserFactory
from tests.hr.leave_factories import grant, leave_type

pytestmark = pytest.mark.django_db


def _romania_annual():
    return LeavePolicy.objects.get(policy_set__code="RO", leave_type__code="annual")


def test_the_romania_preset_is_installed_and_in_use_with_its_legal_sources():
    ro = LeavePolicySet.objects.get(code="RO")
    assert ro.is_active and not LeavePolicySet.objects.get(code="SIMPLE").is_active
    annual = _romania_annual()
    assert annual.days_per_year == Decimal("20") and annual.carry_over_months == 18
    assert "art. 145" in annual.legal_source and "art. 146" in annual.legal_source
    family = dict(LeaveType.objects.filter(category="family").values_list("code", "days_per_event"))
    assert family == {
        "family-marriage": Decimal("5"),
        "family-birth": Decimal("5"),
        "family-birth-course": Decimal("10"),
        "family-child-marriage": Decimal("2"),
        "family-bereavement": Decimal("3"),
    }
    assert all("art. 152" in t.legal_source for t in LeaveType.objects.filter(category="family"))


def test_installing_the_presets_again_changes_nothing():
    before = LeaveType.objects.count(), LeavePolicy.objects.count()
    leave_presets_install()
    assert (LeaveType.objects.count(), LeavePolicy.objects.count()) == before


def test_a_joiners_first_year_is_pro_rata_to_the_day():
    joiner = EmployeeFactory(hire_date=date(2026, 7, 1))
    # 184 of 365 days at 20 days a year = 10.0822 -> 10.08
    assert entitlement(joiner, _romania_annual(), 2026) == Decimal("10.08")


def test_a_leaver_is_pro_rata_and_part_time_keeps_full_days_in_romania():
    leaver = EmployeeFactory(hire_date=date(2020, 1, 1), termination_date=date(2026, 3, 31))
    assert entitlement(leaver, _romania_annual(), 2026) == Decimal("4.93")  # 90/365*20
    part = EmployeeFactory(contract_type="part_time", weekly_hours=Decimal("20"))
    assert entitlement(part, _romania_annual(), 2026) == Decimal("20.00")


def test_the_simple_preset_scales_part_time_hours_and_adds_seniority_days():
    simple = LeavePolicy.objects.get(policy_set__code="SIMPLE", leave_type__code="annual")
    part = EmployeeFactory(
        hire_date=date(2015, 1, 1), contract_type="part_time", weekly_hours=Decimal("20")
    )
    assert entitlement(part, simple, 2026) == Decimal("13.50")  # (25 + 2) * 20/40


def test_the_accrual_is_written_once_however_often_it_runs():
    person = EmployeeFactory(hire_date=date(2026, 7, 1))
    assert leave_accrue_year(year=2026, employees=[person]) == 1
    leave_accrue_year(year=2026, employees=[person])
    assert balance(person, leave_type()) == Decimal("10.08")
    assert LeaveLedgerEntry.objects.filter(employee=person).count() == 1


def test_ten_carried_eight_used_and_only_two_expire():
    person = EmployeeFactory(hire_date=date(2020, 1, 1))
    hr = UserFactory(username="hr-ledger", roles=["HR"])
    grant(person, "10", year=2026)
    leave_year_end(year=2026)
    leave_year_end(year=2026)  # run twice: same rows
    carried = LeaveLedgerEntry.objects.filter(employee=person, kind="carry_over")
    assert sorted(carried.values_list("days", flat=True)) == [Decimal("-10"), Decimal("10")]
    assert carried.get(days=10).usable_until == date(2028, 6, 30)
    assert balance(person, leave_type()) == Decimal("30.00")  # 10 carried + 20 for 2027
    request = leave_services.leave_request(
        by=hr,
        employee=person,
        leave_type=leave_type(),
        start=date(2027, 2, 1),
        end=date(2027, 2, 10),
    )
    leave_services.leave_decide(by=hr, request=request, approve=True)
    uses = LeaveLedgerEntry.objects.filter(request=request)
    assert list(uses.values_list("usable_until", "days")) == [(date(2028, 6, 30), Decimal("-8"))]
    assert leave_carried_expire(today=date(2028, 7, 1)) == 1
    assert leave_carried_expire(today=date(2028, 7, 2)) == 0
    expiry = LeaveLedgerEntry.objects.get(employee=person, kind="expiry")
    assert expiry.days == Decimal("-2")
    total = LeaveLedgerEntry.objects.filter(employee=person).aggregate(s=Sum("days"))["s"]
    assert balance(person, leave_type()) == total == Decimal("20.00")


def test_the_simple_preset_expires_unused_days_at_the_year_end():
    LeavePolicySet.objects.filter(code="RO").update(is_active=False)
    LeavePolicySet.objects.filter(code="SIMPLE").update(is_active=True)
    person = EmployeeFactory(hire_date=date(2026, 1, 1))
    grant(person, "3", year=2026)
    result = leave_year_end(year=2026)
    assert result["expired"] == 1
    assert LeaveLedgerEntry.objects.get(employee=person, kind="expiry").days == Decimal("-3")
    assert balance(person, leave_type()) == Decimal("25.00")


def test_two_half_days_on_one_date_count_as_one_day():
    hr = UserFactory(username="hr-half", roles=["HR"])
    person = EmployeeFactory()
    grant(person, "5")
    day = date(2026, 3, 4)
    morning = leave_services.leave_request(
        by=hr, employee=person, leave_type=leave_type(), start=day, end=day, half="am"
    )
    afternoon = leave_services.leave_request(
        by=hr, employee=person, leave_type=leave_type(), start=day, end=day, half="pm"
    )
    assert morning.days + afternoon.days == Decimal("1")
    with pytest.raises(leave_services.LeaveError, match="overlap"):
        leave_services.leave_request(
            by=hr, employee=person, leave_type=leave_type(), start=day, end=day
        )


def test_counting_skips_weekends_and_public_holidays():
    PublicHoliday.objects.get_or_create(date=date(2026, 6, 1), defaults={"name": "Whit Monday"})
    person = EmployeeFactory(weekly_hours=Decimal("20"), contract_type="part_time")
    count = leave_count(
        employee=person, leave_type=leave_type(), start=date(2026, 5, 29), end=date(2026, 6, 5)
    )
    assert count.days == Decimal("5") and count.hours == Decimal("20.00")


def test_requests_before_hire_after_the_last_day_or_beyond_the_balance_are_refused():
    hr = UserFactory(username="hr-refuse", roles=["HR"])
    person = EmployeeFactory(hire_date=date(2026, 3, 2), termination_date=date(2026, 9, 30))
    grant(person, "3")
    cases = [
        (date(2026, 2, 23), date(2026, 3, 3), "starts work"),
        (date(2026, 9, 28), date(2026, 10, 2), "last working day"),
        (date(2026, 4, 6), date(2026, 4, 10), "only 3 are free"),
    ]
    for start, end, message in cases:
        with pytest.raises(leave_services.LeaveError, match=message):
            leave_services.leave_request(
                by=hr, employee=person, leave_type=leave_type(), start=start, end=end
            )
    assert not person.leave_requests.exists()


def test_pending_requests_together_cannot_overbook_the_balance():
    hr = UserFactory(username="hr-pending", roles=["HR"])
    person = EmployeeFactory()
    grant(person, "5")
    leave_services.leave_request(
        by=hr,
        employee=person,
        leave_type=leave_type(),
        start=date(2026, 4, 6),
        end=date(2026, 4, 8),
    )
    with pytest.raises(leave_services.LeaveError, match="only 2 are free"):
        leave_services.leave_request(
            by=hr,
            employee=person,
            leave_type=leave_type(),
            start=date(2026, 5, 4),
            end=date(2026, 5, 6),
        )


def test_a_holiday_added_after_booking_recounts_it_with_a_visible_correction():
    hr = UserFactory(username="hr-recount", roles=["HR"])
    person = EmployeeFactory(hire_date=date(2020, 1, 1))
    grant(person, "10", year=2026)
    leave_year_end(year=2026)
    request = leave_services.leave_request(
        by=hr,
        employee=person,
        leave_type=leave_type(),
        start=date(2027, 3, 1),
        end=date(2027, 3, 5),
    )
    leave_services.leave_decide(by=hr, request=request, approve=True)
    PublicHoliday.objects.create(date=date(2027, 3, 3), name="New holiday")
    events.public_holidays_changed.send(sender=PublicHoliday, dates=[date(2027, 3, 3)], by=hr)
    request.refresh_from_db()
    assert request.days == Decimal("4")
    correction = LeaveLedgerEntry.objects.get(request=request, kind="correction")
    assert correction.days == Decimal("1") and "recounted from 5 to 4" in correction.reason
    carry = LeaveLedgerEntry.objects.filter(employee=person, kind="carry_over")
    assert sorted(carry.values_list("days", flat=True)) == [Decimal("-10"), Decimal("10")]
    assert request.history.first().history_change_reason.startswith("Public holidays changed")


def test_leave_events_are_sent_once_each():
    hr = UserFactory(username="hr-events", roles=["HR"])
    person = EmployeeFactory()
    grant(person, "5")
    request = leave_services.leave_request(
        by=hr,
        employee=person,
        leave_type=leave_type(),
        start=date(2026, 4, 6),
        end=date(2026, 4, 7),
    )
    leave_services.leave_decide(by=hr, request=request, approve=True)
    heard = []

    def listen(signal_name):
        return lambda sender, **kw: heard.append((signal_name, kw["employee"].pk))

    started, ended = listen("started"), listen("ended")
    events.leave_started.connect(started)
    events.leave_ended.connect(ended)
    try:
        leave_events_send(today=date(2026, 4, 6))
        leave_events_send(today=date(2026, 4, 7))
        leave_events_send(today=date(2026, 4, 8))
        leave_events_send(today=date(2026, 4, 9))
    finally:
        events.leave_started.disconnect(started)
        events.leave_ended.disconnect(ended)
    assert heard == [("started", person.pk), ("ended", person.pk)]


def test_the_year_end_job_run_twice_writes_the_rows_once():
    from backoffice.models import Job
    from backoffice.services import job_run

    hr = UserFactory(username="hr-job", roles=["HR"])
    person = EmployeeFactory(hire_date=date(2020, 1, 1))
    grant(person, "4", year=2026)
    first = Job.objects.create(kind="hr.leave_year_end", requested_by=hr, params={"year": 2026})
    job_run(job_id=first.pk)
    again = Job.objects.create(kind="hr.leave_year_end", requested_by=hr, params={"year": 2026})
    job_run(job_id=again.pk)
    first.refresh_from_db()
    again.refresh_from_db()
    assert first.status == again.status == "succeeded"
    assert again.result == {"carried": 0, "expired": 0, "accrued": 0}
    assert balance(person, leave_type()) == Decimal("24.00")  # 4 carried + 20 for 2027


def test_a_leavers_entitlement_is_corrected_to_the_last_day():
    hr = UserFactory(username="hr-leaver", roles=["HR"])
    person = EmployeeFactory(hire_date=date(2020, 1, 1))
    leave_accrue_year(year=2026, employees=[person])
    events.employee_dismissed.send(
        sender=type(person),
        employee=person,
        by=hr,
        reason="",
        last_day=date(2026, 3, 31),
        kind="resignation",
    )
    correction = LeaveLedgerEntry.objects.get(employee=person, kind="correction")
    assert correction.days == Decimal("-15.07")  # 20 -> 90/365 * 20 = 4.93
    assert balance(person, leave_type()) == Decimal("4.93")
