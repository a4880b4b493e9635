"""In the browser: an administrator assigns a drill to front-office staff, a front-office user
completes it, the school report shows it done, and the certificate downloads."""

from datetime import timedelta

import pytest
from django.utils import timezone

from threshold.accounts.roles import Role
from threshold.testing import factories
from threshold.testing.factories import PASSWORD
from threshold.training.models import Attempt

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_in(page, base_url, email):
    page.context.clear_cookies()
    page.goto(f"{base_url}/sign-in/")
    page.get_by_label("E-mail address").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{base_url}/")


def test_assign_complete_report_and_certificate(live_server, page, tmp_path):
    district = factories.district(name="Drill District", state="CT")
    school = factories.school(district, name="Maple Hill Elementary")
    other = factories.school(district, name="Cedar Grove Middle")
    admin = factories.staff_with_role(
        district, Role.DISTRICT_ADMIN, email="adm@drill.example", full_name="Dana Admin"
    )
    desk = factories.staff_with_role(
        district, Role.FRONT_OFFICE, school=school, email="desk@drill.example", full_name="Fay Desk"
    )
    factories.staff_with_role(
        district, Role.FRONT_OFFICE, school=other, email="far@drill.example", full_name="Far Away"
    )

    # The administrator assigns the front-office drill to front-office staff at one school.
    sign_in(page, live_server.url, admin.email)
    page.get_by_role("link", name="Training", exact=True).click()
    page.get_by_role("link", name="Assign drills").click()
    page.get_by_label("Drill set").select_option("front_office")
    page.get_by_label("Title staff will see").fill("Officer at the desk: spring refresher")
    page.get_by_label("Front office").check()
    page.get_by_label("Maple Hill Elementary").check()
    due = (timezone.localdate() + timedelta(days=14)).isoformat()
    page.get_by_label("Due date").fill(due)
    page.get_by_label("Questions per drill").fill("5")
    page.get_by_role("button", name="Assign the drill").click()
    assert page.get_by_text("The drill is assigned: 1 person is covered.").is_visible()
    assert page.get_by_role("cell", name="0 of 1").is_visible()

    # The front-office user sees it due on the home page and takes it.
    sign_in(page, live_server.url, desk.email)
    page.get_by_role("link", name="Training: 1 drill due").click()
    page.get_by_role("button", name="Start the drill").click()
    page.wait_for_url("**/training/drills/**")
    attempt = Attempt.objects.get(user=desk)
    assert len(attempt.questions) == 5
    # One question per page; the answers are kept as the user goes.
    for index, question in enumerate(attempt.questions):
        page.locator(f'input[name="answer"][value="{question["correct"]}"]').check()
        if index < len(attempt.questions) - 1:
            page.get_by_role("button", name="Save and go on").click()
            page.wait_for_url(f"**?q={index + 2}")
    page.get_by_role("button", name="Send my answers").click()
    assert page.get_by_text("5 of 5 right (100%)").is_visible()
    assert page.get_by_text("Passed").first.is_visible()

    # The certificate downloads as a PDF.
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download the certificate (PDF)").click()
    download = download_info.value
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    assert saved.read_bytes().startswith(b"%PDF")

    # The administrator's report for the school shows the drill done.
    sign_in(page, live_server.url, admin.email)
    page.goto(f"{live_server.url}/training/report/?school={school.pk}")
    row = page.get_by_role("row", name="Fay Desk")
    assert row.get_by_text("Current").is_visible()
    assert row.get_by_text("100%").is_visible()
    assert not page.get_by_text("Far Away").is_visible()
    assert page.console_errors == []
