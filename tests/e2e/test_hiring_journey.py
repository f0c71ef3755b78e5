"""From a candidate's application on the careers page to a new employee with onboarding."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import Page, expect

from tests.e2e.conftest import log_in
from tests.hr.hiring_factories import PDF_BYTES

pytestmark = pytest.mark.e2e

CANDIDATE = "Ana Candidată"


def apply_on_the_careers_page(page: Page, cv_path) -> None:
    page.goto("/careers/")
    page.get_by_test_id("careers-openings").get_by_role("link", name=re.compile("Cashier")).click()
    expect(page.get_by_role("heading", name="Cashier")).to_be_visible()
    # A file that only pretends to be a PDF is refused, and the form says why.
    fake = cv_path.with_name("fake.pdf")
    fake.write_bytes(b"MZ this is a program, not a CV")
    page.get_by_label("First name").fill("Ana")
    page.get_by_label("Last name").fill("Candidată")
    page.get_by_label("Email").fill("ana.candidata@example.net")
    page.get_by_label("Phone").fill("+40 744 555 000")
    page.get_by_label("CV").set_input_files(str(fake))
    page.get_by_label("A short letter").fill("I would love to work at your tills.")
    page.get_by_role("button", name="Send my application").click()
    expect(page.get_by_text("not a PDF document")).to_be_visible()
    page.get_by_label("CV").set_input_files(str(cv_path))
    page.get_by_role("button", name="Send my application").click()
    expect(page.get_by_role("alert")).to_contain_text("your application has reached us")


def move_on_the_board(page: Page, stage: str) -> None:
    page.goto("/hr/hiring/board/")
    card = page.locator("[data-testid^=card-]", has_text=CANDIDATE)
    card.get_by_role("button", name=re.compile(stage)).click()
    expect(page.get_by_role("alert")).to_contain_text(f"moved to {stage}")
    column = page.locator(f"[data-stage={stage.lower()}]")
    expect(column.locator("[data-testid^=card-]", has_text=CANDIDATE)).to_be_visible()


def schedule_and_give_feedback(page: Page) -> None:
    page.locator("[data-testid^=card-]", has_text=CANDIDATE).get_by_role(
        "link", name=CANDIDATE
    ).click()
    page.get_by_role("link", name="Schedule an interview").click()
    when = timezone.localtime() - timedelta(hours=2)
    page.get_by_label("Date and time").fill(when.strftime("%Y-%m-%dT%H:%M"))
    page.get_by_label("Location or link").fill("Meeting room 1")
    page.get_by_label("Interviewers").select_option(label="Elena Dumitru")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("alert")).to_contain_text("interview is scheduled")

    page.get_by_test_id("give-feedback").click()
    for name, score in {"skills": 4, "experience": 3, "communication": 5, "culture": 4}.items():
        page.locator(f"input[name={name}][value='{score}']").check()
    page.get_by_label("Recommendation").select_option("strong_yes")
    page.get_by_label("Comments").fill("Quick with numbers, kind with people.")
    page.get_by_role("button", name="Save my feedback").click()
    feedback = page.get_by_test_id("feedback")
    expect(feedback).to_contain_text("Strong yes")
    expect(feedback).to_contain_text("Quick with numbers")


def make_an_accepted_offer(page: Page) -> None:
    page.get_by_test_id("move-offer").click()
    expect(page.get_by_test_id("applicant-stage")).to_have_text("Offer")
    page.get_by_role("link", name="Make an offer").click()
    today = timezone.localdate()
    page.get_by_label("Monthly gross salary").fill("4500.00")
    # Dates in the wrong order are refused first.
    page.get_by_label("Start date").fill((today + timedelta(days=5)).isoformat())
    page.get_by_label("Offer expires on").fill((today + timedelta(days=9)).isoformat())
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("must expire on or before the start date")).to_be_visible()
    page.get_by_label("Start date").fill((today + timedelta(days=14)).isoformat())
    page.get_by_role("button", name="Save").click()
    offers = page.get_by_test_id("offers")
    expect(offers).to_contain_text("4500.00")
    offers.get_by_role("button", name="Mark sent").click()
    page.get_by_test_id("offers").get_by_role("button", name="Accepted").click()
    expect(page.get_by_test_id("offers")).to_contain_text("Accepted")


def test_a_candidate_applies_and_hr_takes_them_all_the_way_to_onboarding(
    page: Page, live_server, demo_company, tmp_path
):
    cv = tmp_path / "Ana CV.pdf"
    cv.write_bytes(PDF_BYTES)
    apply_on_the_careers_page(page, cv)

    log_in(page, "hr")
    move_on_the_board(page, "Screening")
    move_on_the_board(page, "Interview")
    schedule_and_give_feedback(page)
    expect(page.get_by_test_id("cv-link")).to_have_text("Ana CV.pdf")
    with page.expect_download() as download:
        page.get_by_test_id("cv-link").click()
    assert download.value.suggested_filename == "Ana CV.pdf"
    make_an_accepted_offer(page)

    page.get_by_test_id("hire").click()
    page.get_by_label("Employee number").fill("N-0100")
    page.get_by_label("Username").fill("ana.candidata")
    page.get_by_role("button", name="Hire").click()
    expect(page.get_by_role("heading", name=f"Onboarding of {CANDIDATE}")).to_be_visible()
    expect(page.get_by_test_id("onboarding-tasks")).to_contain_text("Sign the employment contract")
    page.get_by_test_id("onboarding-tasks").get_by_role("button", name="Mark done").first.click()
    expect(page.get_by_role("alert")).to_contain_text("Done: Sign the employment contract")

    # The new employee is in the directory, with their onboarding checklist.
    page.goto("/hr/directory/?q=Candidat")
    directory = page.get_by_test_id("directory")
    expect(directory).to_contain_text(CANDIDATE)
    expect(directory).to_contain_text("Cashier")
    directory.get_by_role("link", name=CANDIDATE).click()
    page.get_by_test_id("onboarding-link").click()
    expect(page.get_by_test_id("onboarding-tasks")).to_contain_text("Workplace tour")

    # They set a password from the emailed link and see their own checklist.
    # (the demo's own notifications, change requests and phone messages, went before)
    welcome = [m for m in mail.outbox if "ana.candidata@example.net" in m.to]
    assert len(welcome) == 1
    link = re.search(r"http\S+/accounts/reset/\S+", welcome[0].body).group(0)
    page.context.clear_cookies()
    page.goto(link)
    expect(page.get_by_role("heading", name="Choose a new password")).to_be_visible()
    page.locator("#id_new_password1").fill("Tills-and-smiles-2026")
    page.locator("#id_new_password2").fill("Tills-and-smiles-2026")
    page.get_by_role("button", name="Save").click()
    log_in(page, "ana.candidata", "Tills-and-smiles-2026")
    page.goto("/hr/hiring/mine/")
    page.get_by_test_id("my-onboarding").get_by_role("link", name=CANDIDATE).click()
    tasks = page.get_by_test_id("onboarding-tasks")
    expect(tasks).to_contain_text("First-week check-in")
    expect(tasks.get_by_role("button")).to_have_count(0)  # the newcomer reads, others tick
