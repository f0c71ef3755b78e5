"""The payroll rules pages: list, a set, edits through the checks, try it, admin."""

from decimal import Decimal

import pytest
from django.urls import reverse

from accounting.models.payroll_rules import PayrollParameter, PayrollRule, PayrollRuleSet
from accounting.services.payroll_rules import payroll_rule_sets_install

pytestmark = pytest.mark.django_db


@pytest.fixture
def romania():
    payroll_rule_sets_install()  # a flush by a transactional test removes them
    return PayrollRuleSet.objects.get(code="RO")


@pytest.fixture
def accountant_client(client, role_users):
    client.force_login(role_users["accountant"])
    return client


def test_the_rule_set_page_lists_rules_and_legal_sources_in_bounded_queries(
    accountant_client, romania, django_assert_max_num_queries
):
    url = reverse("accounting:payrollruleset-detail", args=[romania.pk])
    with django_assert_max_num_queries(15):
        response = accountant_client.get(url)
    text = response.content.decode()
    assert "INCOME_TAX" in text
    assert "art. 138" in text
    assert "Verify against the law in force" in text
    rules = list(response.context["rules"])
    assert [r.code for r in rules][:2] == ["SALARY", "NORMAL_HOURS"]


def test_the_list_page_counts_rules_in_one_query(
    accountant_client, romania, django_assert_max_num_queries
):
    with django_assert_max_num_queries(8):
        response = accountant_client.get(reverse("accounting:payrollruleset-list"))
    assert "Romania" in response.content.decode()


def test_trying_the_minimum_wage_shows_the_hand_computed_net(
    accountant_client, romania, django_assert_max_num_queries
):
    url = reverse("accounting:payrollruleset-try", args=[romania.pk])
    params = {
        "on": "2026-03-31",
        "base_salary": "4050",
        "hourly_rate": "0",
        "dependants": "0",
        **dict.fromkeys(["normal", "overtime", "night", "weekend", "holiday"], "0"),
    }
    with django_assert_max_num_queries(12):
        response = accountant_client.get(url, params)
    assert response.context["result"].net == Decimal("2574.00")
    assert 'data-testid="net">2,574.00' in response.content.decode()


def test_bad_try_inputs_show_errors_not_a_500(accountant_client, romania):
    url = reverse("accounting:payrollruleset-try", args=[romania.pk])
    response = accountant_client.get(url, {"on": "not a date", "base_salary": "-5"})
    assert response.status_code == 200
    assert response.context["result"] is None
    assert response.context["form"].errors


def test_editing_a_rule_into_a_cycle_shows_the_error_and_changes_nothing(
    accountant_client, romania
):
    cas = romania.rules.get(code="CAS")
    url = reverse("accounting:payrollrule-edit", args=[cas.pk])
    form = accountant_client.get(url).context["form"]
    data = {k: v for k, v in form.initial.items() if v is not None}
    data |= {
        "effective_from": "2026-01-01",
        "base_kind": "line",
        "base_codes": "INCOME_TAX",
        "less_codes": "",
        "bracket_table": "",
    }
    response = accountant_client.post(url, data)
    assert response.status_code == 200
    assert "cycle" in response.content.decode()
    cas.refresh_from_db()
    assert cas.base_kind == "taxable"


def test_an_accountant_adds_a_dated_parameter(accountant_client, romania):
    url = reverse("accounting:payrollparameter-create", args=[romania.pk])
    response = accountant_client.post(
        url,
        {
            "code": "MEAL_VOUCHER",
            "name": "Meal voucher value",
            "value": "40",
            "effective_from": "2026-01-01",
            "legal_source": "Legea 165/2018. Verify against the law in force.",
        },
    )
    assert response.status_code == 302
    assert PayrollParameter.objects.get(rule_set=romania, code="MEAL_VOUCHER").value == 40


def test_the_payroll_approver_reads_but_cannot_edit(client, role_users, romania):
    client.force_login(role_users["controller"])
    rule = romania.rules.first()
    assert (
        client.get(reverse("accounting:payrollruleset-detail", args=[romania.pk])).status_code
        == 200
    )
    assert client.get(reverse("accounting:payrollrule-edit", args=[rule.pk])).status_code == 403


def test_every_payroll_rules_model_has_an_admin_page(client, role_users, romania):
    client.force_login(role_users["admin"])
    for model in (
        "payrollruleset",
        "payrollrule",
        "payrollparameter",
        "payrollbrackettable",
        "payrollbracketrow",
    ):
        response = client.get(reverse(f"admin:accounting_{model}_changelist"), {"q": "CAS"})
        assert response.status_code == 200
    rule = PayrollRule.objects.get(rule_set=romania, code="CAS")
    assert (
        client.get(reverse("admin:accounting_payrollrule_change", args=[rule.pk])).status_code
        == 200
    )
    assert client.get(reverse("admin:accounting_payrollrule_add")).status_code == 403


def test_rules_are_never_evaluated_from_text():
    # The only inputs the engine reads are choices and codes; no eval anywhere.
    import inspect

    from accounting.payroll import engine

    source = inspect.getsource(engine)
    assert "eval(" not in source
    assert "exec(" not in source


def test_bracket_rows_with_a_gap_are_refused_and_the_table_kept(accountant_client, romania):
    table = romania.bracket_tables.get(code="YOUNG_DEDUCTION")
    url = reverse("accounting:payrollbrackettable-edit", args=[table.pk])
    assert "1; 0.00; 2000.00; 15" in accountant_client.get(url).content.decode()
    response = accountant_client.post(
        url, {"rows": "1; 0.00; 1000.00; 15\n1; 1000.05; 2000.00; 10"}
    )
    assert "gap between 1000.00 and 1000.05" in response.content.decode()
    assert list(table.rows.values_list("upper", flat=True)) == [Decimal("2000.00")]


def test_unreadable_bracket_rows_name_their_line(accountant_client, romania):
    table = romania.bracket_tables.get(code="YOUNG_DEDUCTION")
    url = reverse("accounting:payrollbrackettable-edit", args=[table.pk])
    response = accountant_client.post(url, {"rows": "1; 0.00; 2000.00; 15\nten; x"})
    assert "Line 2: expected key; from; to; value" in response.content.decode()
    assert table.rows.count() == 1


def test_an_accountant_replaces_bracket_rows(accountant_client, romania):
    table = romania.bracket_tables.get(code="YOUNG_DEDUCTION")
    url = reverse("accounting:payrollbrackettable-edit", args=[table.pk])
    response = accountant_client.post(url, {"rows": "1; 0.00; 1000.00; 15\n1; 1000.01; -; 10"})
    assert response.status_code == 302
    assert list(table.rows.values_list("upper", "value")) == [
        (Decimal("1000.00"), Decimal("15.0000")),
        (None, Decimal("10.0000")),
    ]
