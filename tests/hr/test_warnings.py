from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from hr.models.discipline import DisciplineProposal, EscalationRule, Warning
from hr.selectors import discipline as discipline_selectors
from hr.services import discipline as discipline_services
from tests.factories import EmployeeFactory, UserFactory

TODAY = timezone.localdate


def issue(hr, employee, *, level="written", issued_ago=10, lasts=180, **kwargs):
    issued_on = TODAY() - timedelta(days=issued_ago)
    return discipline_services.warning_issue(
        by=hr,
        employee=employee,
        level=level,
        reason=kwargs.pop("reason", "Till short by 200 lei twice"),
        expected_change="Count the till at each shift change",
        issued_on=issued_on,
        expires_on=issued_on + timedelta(days=lasts),
        **kwargs,
    )


def incident(hr, employee, text="Late again"):
    return discipline_services.incident_record(
        by=hr, employee=employee, occurred_on=TODAY(), description=text
    )


def test_an_expiry_not_after_the_issue_date_is_refused_and_nothing_is_written(role_users):
    with pytest.raises(discipline_services.DisciplineError, match="expiry date must be after"):
        discipline_services.warning_issue(
            by=role_users["hr"],
            employee=role_users["employee"].employee,
            level="verbal",
            reason="x",
            expected_change="y",
            issued_on=TODAY(),
            expires_on=TODAY(),
        )
    assert not Warning.objects.exists()


def test_the_warning_page_shows_the_bad_dates_message_and_writes_nothing(role_users, client):
    employee = role_users["employee"].employee
    client.force_login(role_users["hr"])
    response = client.post(
        reverse("hr:warning-create", args=[employee.pk]),
        {
            "level": "written",
            "reason": "r",
            "expected_change": "c",
            "issued_on": "2026-06-10",
            "expires_on": "2026-06-01",
        },
    )
    assert response.status_code == 200
    assert "The expiry date must be after the issue date." in response.content.decode()
    assert not Warning.objects.exists()


def test_expired_warnings_stop_counting_in_sql(role_users):
    hr, employee = role_users["hr"], role_users["employee"].employee
    expired = issue(hr, employee, issued_ago=400, lasts=180)
    active = issue(hr, employee, issued_ago=10, lasts=180)
    assert list(Warning.objects.active()) == [active]
    flags = dict(Warning.objects.with_is_active().values_list("pk", "is_active"))
    assert flags == {expired.pk: False, active.pk: True}


def test_the_employee_sees_and_acknowledges_their_own_warning(role_users, client):
    warning = issue(role_users["hr"], role_users["employee"].employee)
    client.force_login(role_users["employee"])
    assert client.get(reverse("hr:warning-mine")).context["warnings"][0] == warning
    page = client.get(reverse("hr:warning-detail", args=[warning.pk]))
    assert "Till short by 200 lei" in page.content.decode()
    client.post(reverse("hr:warning-acknowledge", args=[warning.pk]))
    warning.refresh_from_db()
    assert warning.acknowledged_at is not None
    stamped = warning.acknowledged_at
    client.post(reverse("hr:warning-acknowledge", args=[warning.pk]))  # twice: refused
    warning.refresh_from_db()
    assert warning.acknowledged_at == stamped


def test_nobody_else_acknowledges_a_warning(role_users):
    warning = issue(role_users["hr"], role_users["employee"].employee)
    with pytest.raises(discipline_services.DisciplineError, match="Only the employee"):
        discipline_services.warning_acknowledge(by=role_users["hr"], warning=warning)
    warning.refresh_from_db()
    assert warning.acknowledged_at is None


def test_another_employee_cannot_open_a_warning(role_users, client):
    warning = issue(role_users["hr"], role_users["employee"].employee)
    other = UserFactory(username="other")
    EmployeeFactory(user=other)
    client.force_login(other)
    assert client.get(reverse("hr:warning-detail", args=[warning.pk])).status_code == 404
    assert client.post(reverse("hr:warning-acknowledge", args=[warning.pk])).status_code == 404


def test_a_manager_sees_only_shared_warnings_and_only_their_level_and_dates(role_users, client):
    hr, employee = role_users["hr"], role_users["employee"].employee
    shared = issue(hr, employee, reason="SHARED-DETAIL", shared_with_manager=True)
    hidden = issue(hr, employee, level="verbal", reason="HIDDEN-DETAIL")
    manager = role_users["manager"]

    rows = list(discipline_selectors.team_warnings_shared_with(manager))
    assert len(rows) == 1
    assert set(rows[0]) == {
        "employee__first_name",
        "employee__last_name",
        "level",
        "issued_on",
        "expires_on",
        "is_active",
    }
    assert rows[0]["level"] == "written"

    client.force_login(manager)
    body = client.get(reverse("hr:warning-team")).content.decode()
    assert employee.last_name in body
    assert shared.issued_on.isoformat() in body or str(shared.issued_on.year) in body
    assert "SHARED-DETAIL" not in body
    assert "HIDDEN-DETAIL" not in body
    assert "Till short" not in body
    for warning in (shared, hidden):
        assert client.get(reverse("hr:warning-detail", args=[warning.pk])).status_code == 404


def test_a_manager_sees_nothing_of_another_teams_warnings(role_users):
    outsider = EmployeeFactory()
    issue(role_users["hr"], outsider, shared_with_manager=True)
    assert list(discipline_selectors.team_warnings_shared_with(role_users["manager"])) == []


def test_unsharing_hides_the_warning_from_the_manager_again(role_users):
    warning = issue(role_users["hr"], role_users["employee"].employee, shared_with_manager=True)
    discipline_services.warning_share(by=role_users["hr"], warning=warning, shared=False)
    assert list(discipline_selectors.team_warnings_shared_with(role_users["manager"])) == []
    assert warning.history.count() == 2


def test_an_incident_while_a_final_warning_is_active_proposes_dismissal(role_users):
    hr, employee = role_users["hr"], role_users["employee"].employee
    issue(hr, employee, level="final")
    _incident, proposals = incident(hr, employee)
    assert [p.proposes for p in proposals] == ["dismissal"]
    # Another incident does not propose it twice while the first is open.
    _incident, proposals = incident(hr, employee, "And again")
    assert proposals == []
    assert DisciplineProposal.objects.filter(status="open").count() == 1


def test_an_expired_final_warning_proposes_nothing(role_users):
    hr, employee = role_users["hr"], role_users["employee"].employee
    issue(hr, employee, level="final", issued_ago=400, lasts=180)
    assert incident(hr, employee)[1] == []


def test_active_written_warnings_up_to_the_threshold_propose_a_final_warning(role_users):
    hr, employee = role_users["hr"], role_users["employee"].employee
    issue(hr, employee)
    assert incident(hr, employee)[1] == []
    issue(hr, employee)
    assert [p.proposes for p in incident(hr, employee)[1]] == ["final_warning"]
    # Issuing the final warning acts on the proposal.
    issue(hr, employee, level="final")
    assert DisciplineProposal.objects.get(proposes="final_warning").status == "acted_on"


def test_the_threshold_is_configurable(role_users):
    hr, employee = role_users["hr"], role_users["employee"].employee
    EscalationRule.objects.filter(condition="written_count").update(threshold=1)
    issue(hr, employee)
    assert [p.proposes for p in incident(hr, employee)[1]] == ["final_warning"]


def test_a_rule_out_of_use_proposes_nothing(role_users):
    hr, employee = role_users["hr"], role_users["employee"].employee
    EscalationRule.objects.update(is_active=False)
    issue(hr, employee, level="final")
    assert incident(hr, employee)[1] == []


def test_proposals_show_on_the_hr_index_and_can_be_declined(role_users, client):
    hr, employee = role_users["hr"], role_users["employee"].employee
    issue(hr, employee, level="final")
    proposal = incident(hr, employee)[1][0]
    client.force_login(hr)
    response = client.get(reverse("hr:index"))
    assert list(response.context["proposals"]) == [proposal]
    client.post(reverse("hr:proposal-decline", args=[proposal.pk]))
    proposal.refresh_from_db()
    assert proposal.status == "declined"


def test_an_incident_in_the_future_is_refused(role_users):
    with pytest.raises(discipline_services.DisciplineError, match="future"):
        discipline_services.incident_record(
            by=role_users["hr"],
            employee=role_users["employee"].employee,
            occurred_on=TODAY() + timedelta(days=1),
            description="x",
        )


def test_the_discipline_pages_take_a_bounded_number_of_queries(
    role_users, client, django_assert_max_num_queries
):
    hr, employee = role_users["hr"], role_users["employee"].employee
    for n in range(25):
        issue(hr, employee, level="verbal", issued_ago=n + 1, shared_with_manager=True)
        incident(hr, employee, f"Incident {n}")
    client.force_login(hr)
    with django_assert_max_num_queries(14):
        client.get(reverse("hr:employee-discipline", args=[employee.pk]))
    client.force_login(role_users["manager"])
    with django_assert_max_num_queries(8):
        response = client.get(reverse("hr:warning-team"))
    assert len(response.context["rows"]) == 25
    client.force_login(role_users["employee"])
    with django_assert_max_num_queries(8):
        client.get(reverse("hr:warning-mine"))


def test_an_emptied_rule_table_gets_the_default_rules_back_and_a_kept_one_stays(db):
    EscalationRule.objects.all().delete()
    discipline_services.escalation_rules_ensure_defaults()
    assert sorted(EscalationRule.objects.values_list("proposes", flat=True)) == [
        "dismissal",
        "final_warning",
    ]
    EscalationRule.objects.filter(proposes="dismissal").delete()
    discipline_services.escalation_rules_ensure_defaults()
    assert list(EscalationRule.objects.values_list("proposes", flat=True)) == ["final_warning"]
