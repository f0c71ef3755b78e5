"""My payslips: an employee sees their own published payslips and nobody
else's; the PDF goes to its owner and the payroll roles, 404 to everyone else;
pages stay bounded in queries whatever the number of payslips."""

import re
from datetime import date

import pytest
from django.contrib.messages import get_messages
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone

from accounting.models.payroll_runs import Payslip
from backoffice.models import Job
from tests.accounting.test_payslip_documents import made_payslip, made_run
from tests.factories import EmployeeFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def runs(role_users):
    by = role_users["accountant"]
    this_year = timezone.localdate().year
    return {
        "published": made_run(by, date(this_year, 1, 1), "paid"),
        "draft": made_run(by, date(this_year, 2, 1), "calculated"),
    }


@pytest.fixture
def slips(role_users, runs):
    """The employee's payslips (published and draft) and their manager's."""
    member = role_users["employee"].employee
    boss = role_users["manager"].employee
    return {
        "own": made_payslip(runs["published"], member, "5000.00", "400.00", "1250.00"),
        "own_draft": made_payslip(runs["draft"], member, "5100.00", "410.00", "1275.00"),
        "boss": made_payslip(runs["published"], boss, "9000.00", "700.00", "2250.00"),
    }


def test_an_employee_lists_their_own_published_payslips_with_the_year(client, role_users, slips):
    client.force_login(role_users["employee"])
    page = client.get(reverse("accounting:my-payslip-list")).content.decode()
    assert reverse("accounting:my-payslip-detail", args=[slips["own"].pk]) in page
    assert reverse("accounting:my-payslip-detail", args=[slips["own_draft"].pk]) not in page
    assert reverse("accounting:payslip-pdf", args=[slips["boss"].pk]) not in page
    assert 'data-testid="ytd-gross">5,000.00 RON' in page
    assert 'data-testid="ytd-net">3,350.00 RON' in page
    assert "9,000.00" not in page and "5,100.00" not in page


def test_the_detail_groups_lines_and_shows_the_year_to_date(client, role_users, slips):
    client.force_login(role_users["employee"])
    response = client.get(reverse("accounting:my-payslip-detail", args=[slips["own"].pk]))
    page = response.content.decode()
    assert response.status_code == 200
    assert page.index('data-category="earning"') < page.index('data-category="tax"')
    assert 'data-testid="net">3,350.00 RON' in page
    assert 'data-testid="ytd-income-tax">400.00 RON' in page


def test_a_manager_sees_none_of_their_teams_payslips(client, role_users, slips):
    client.force_login(role_users["manager"])
    page = client.get(reverse("accounting:my-payslip-list")).content.decode()
    assert reverse("accounting:my-payslip-detail", args=[slips["boss"].pk]) in page
    assert reverse("accounting:my-payslip-detail", args=[slips["own"].pk]) not in page
    own = slips["own"].pk
    assert client.get(reverse("accounting:my-payslip-detail", args=[own])).status_code == 404
    assert client.get(reverse("accounting:payslip-pdf", args=[own])).status_code == 404
    assert client.get(reverse("accounting:payslip-detail", args=[own])).status_code == 403


def test_another_employee_gets_404_on_someone_elses_payslip(client, slips):
    other = UserFactory(username="colleague", roles=[])
    EmployeeFactory(user=other)
    client.force_login(other)
    own = slips["own"].pk
    assert client.get(reverse("accounting:my-payslip-detail", args=[own])).status_code == 404
    assert client.get(reverse("accounting:payslip-pdf", args=[own])).status_code == 404
    page = client.get(reverse("accounting:my-payslip-list")).content.decode()
    assert "No payslips yet." in page


def test_a_draft_payslip_is_not_the_employees_yet(client, role_users, slips):
    client.force_login(role_users["employee"])
    draft = slips["own_draft"].pk
    assert client.get(reverse("accounting:my-payslip-detail", args=[draft])).status_code == 404
    assert client.get(reverse("accounting:payslip-pdf", args=[draft])).status_code == 404


def test_the_owner_downloads_the_stored_pdf(client, role_users, slips):
    slip = slips["own"]
    slip.pdf.save("stored.pdf", ContentFile(b"%PDF-1.7 stored copy"), save=True)
    client.force_login(role_users["employee"])
    response = client.get(reverse("accounting:payslip-pdf", args=[slip.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content) == b"%PDF-1.7 stored copy"
    assert f"payslip-{slip.run.period_start:%Y-%m}-" in response["Content-Disposition"]


@pytest.mark.parametrize("role", ["accountant", "controller", "admin"])
def test_payroll_roles_download_any_payslip_rendered_when_missing(client, role_users, slips, role):
    client.force_login(role_users[role])
    for slip in (slips["own"], slips["boss"], slips["own_draft"]):
        response = client.get(reverse("accounting:payslip-pdf", args=[slip.pk]))
        assert response.status_code == 200
        assert response.content.startswith(b"%PDF-")
    assert not Payslip.objects.exclude(pdf="").exists()  # a download stores nothing


def test_the_list_and_detail_are_bounded_with_many_payslips(
    client, role_users, django_assert_max_num_queries
):
    member = role_users["employee"].employee
    year = timezone.localdate().year
    for month in range(1, 13):
        run = made_run(role_users["accountant"], date(year, month, 1), "paid")
        made_payslip(run, member, "5000.00", "400.00", "1250.00")
    for year_before in range(1, 4):
        for month in range(1, 13):
            run = made_run(role_users["accountant"], date(year - year_before, month, 1), "paid")
            made_payslip(run, member, "4000.00", "300.00", "1000.00")
    client.force_login(role_users["employee"])
    with django_assert_max_num_queries(12):
        response = client.get(reverse("accounting:my-payslip-list"))
    page = response.content.decode()
    assert len(re.findall(r'href="/accounting/payroll/me/payslips/\d+/"', page)) == 24
    assert 'data-testid="ytd-gross">60,000.00 RON' in page
    with django_assert_max_num_queries(12):
        assert client.get(reverse("accounting:my-payslip-list") + "?page=2").status_code == 200
    slip = member.payslips.order_by("-run__period_start").first()
    with django_assert_max_num_queries(12):
        response = client.get(reverse("accounting:my-payslip-detail", args=[slip.pk]))
    assert 'data-testid="ytd-gross">60,000.00 RON' in response.content.decode()


def test_regenerating_documents_is_for_payroll_roles_on_approved_runs(client, role_users, runs):
    client.force_login(role_users["controller"])
    url = reverse("accounting:payrollrun-documents", args=[runs["draft"].pk])
    response = client.post(url)
    assert response.status_code == 302
    assert "once the payroll run is approved" in str(list(get_messages(response.wsgi_request))[0])
    assert not Job.objects.filter(kind="accounting.payslip_documents").exists()

    url = reverse("accounting:payrollrun-documents", args=[runs["published"].pk])
    assert client.post(url).status_code == 302
    runs["published"].refresh_from_db()
    assert runs["published"].documents_job.requested_by == role_users["controller"]
    detail = client.get(reverse("accounting:payrollrun-detail", args=[runs["published"].pk]))
    assert "Make missing PDFs and send unsent emails" in detail.content.decode()

    client.force_login(role_users["employee"])
    assert client.post(url).status_code == 403


def test_the_user_menu_links_my_payslips(client, role_users):
    client.force_login(role_users["employee"])
    page = client.get(reverse("home")).content.decode()
    assert f'href="{reverse("accounting:my-payslip-list")}"' in page
