"""Dates out of a sane range and control characters are refused with a message, never a 500."""

from datetime import date

import pytest
from django import forms
from django.urls import reverse

from backoffice.input_guards import SANE_DATE_MAX, SANE_DATE_MIN


class OneDate(forms.Form):
    day = forms.DateField()
    at = forms.DateTimeField(required=False)


@pytest.mark.parametrize("value", ["0001-01-01", "1899-12-31", "2200-01-01", "9999-12-31"])
def test_every_form_date_field_refuses_a_date_out_of_the_sane_range(value):
    form = OneDate({"day": value})
    assert not form.is_valid()
    assert "Enter a date between 1900-01-01 and 2199-12-31." in form.errors["day"]


def test_the_edges_of_the_range_are_accepted_and_date_times_are_checked_too():
    assert OneDate({"day": SANE_DATE_MIN.isoformat()}).is_valid()
    assert OneDate({"day": SANE_DATE_MAX.isoformat()}).is_valid()
    assert not OneDate({"day": "2026-01-01", "at": "9999-12-31 10:00"}).is_valid()


@pytest.fixture
def accountant_client(client, role_users):
    client.force_login(role_users["accountant"])
    return client


def test_the_trial_balance_ending_in_9999_says_why_instead_of_failing(accountant_client):
    response = accountant_client.get(
        reverse("accounting:trial-balance"), {"start": "2026-01-01", "end": "9999-12-31"}
    )
    assert response.status_code == 200
    assert "Enter a date between" in response.content.decode()


def test_the_payables_ageing_as_of_year_one_says_why_instead_of_failing(accountant_client):
    response = accountant_client.get(reverse("accounting:payables-ageing"), {"as_of": "0001-01-01"})
    assert response.status_code == 200
    assert "Enter a date between" in response.content.decode()


@pytest.mark.parametrize("q", ["a\x00b", "\x1b[31m", "x\x7f"])
def test_a_control_character_in_the_payments_search_is_refused_with_a_400_page(
    accountant_client, q
):
    response = accountant_client.get(reverse("accounting:batch-create"), {"q": q})
    assert response.status_code == 400
    assert 'data-testid="bad-input"' in response.content.decode()


def test_a_control_character_in_a_form_post_changes_nothing(client, role_users):
    client.force_login(role_users["hr"])
    employee = role_users["employee"].employee
    url = reverse("hr:employee-personal-edit", args=[employee.pk])
    response = client.post(url, {"home_address": "Str. \x00 1"})
    assert response.status_code == 400
    assert not type(employee).objects.filter(personal__home_address__startswith="Str.").exists()


def test_line_breaks_and_tabs_in_form_text_still_pass_the_guard(client, role_users):
    client.force_login(role_users["employee"])
    response = client.post(reverse("login"), {"username": "a\tb", "password": "x\r\ny"})
    assert response.status_code == 200


def test_a_plain_search_is_unaffected(accountant_client):
    from accounting.chart import chart_of_accounts_install

    chart_of_accounts_install()
    today = date.today().isoformat()
    response = accountant_client.get(reverse("accounting:batch-create"), {"q": "Acme " + today})
    assert response.status_code == 200
