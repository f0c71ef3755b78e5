"""HR exports the staff to CSV from the directory and follows the job to its file."""

import csv

import pytest
from playwright.sync_api import Page, expect

from backoffice import services
from backoffice.models import Job
from hr.models.employees import Employee
from tests.e2e.conftest import log_in

pytestmark = pytest.mark.e2e

FINISHED_JOB = "#job-progress[data-status=succeeded]"


def test_hr_exports_every_employee_to_csv_and_downloads_the_file(
    page: Page, live_server, demo_company
):
    log_in(page, "hr")
    page.goto("/hr/directory/")

    page.get_by_test_id("export-employees").click()

    expect(page.locator("#job-progress")).to_be_visible()
    assert page.url == f"{live_server.url}/jobs/{Job.objects.get().pk}/"
    expect(page.locator(FINISHED_JOB)).to_be_visible()
    with page.expect_download() as download_info:
        page.get_by_test_id("job-download").click()
    download = download_info.value
    assert download.failure() is None
    assert download.suggested_filename.endswith(".csv")
    with open(download.path(), encoding="utf-8", newline="") as file:
        header, *lines = list(csv.reader(file))
    assert header[:3] == ["Employee number", "First name", "Last name"]
    assert len(lines) == Employee.objects.count() == 28  # 8 demo users and 20 staff
    assert sorted(line[0] for line in lines) == sorted(
        Employee.objects.values_list("employee_number", flat=True)
    )


def test_the_job_page_polls_a_queued_job_until_it_succeeds(page: Page, live_server, demo_company):
    """The page of a job still waiting for a worker follows it by itself, through htmx."""
    log_in(page, "hr")
    expect(page.get_by_test_id("user-menu")).to_be_visible()
    # Recorded without enqueuing it, so the page first sees it queued.
    job = Job.objects.create(
        kind="hr.employee_export", requested_by=Employee.objects.get(user__username="hr").user
    )

    page.goto(f"/jobs/{job.pk}/")
    expect(page.locator("#job-progress")).to_have_attribute("data-status", "queued")
    expect(page.get_by_test_id("job-download")).to_have_count(0)
    with page.expect_response(lambda response: f"/jobs/{job.pk}/" in response.url) as poll:
        pass  # htmx asks again every second
    assert poll.value.ok
    assert poll.value.request.headers.get("hx-request") == "true"

    services.job_run(job_id=job.pk)

    expect(page.locator(FINISHED_JOB)).to_be_visible()
    expect(page.locator("#job-progress .progress-bar")).to_have_text("100%")
    expect(page.get_by_test_id("job-download")).to_be_visible()
    # The fragment replaced itself in place: one progress block, one top bar.
    expect(page.locator("#job-progress")).to_have_count(1)
    expect(page.locator("nav.navbar")).to_have_count(1)
