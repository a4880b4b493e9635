"""In the browser: the records officer records a court subpoena for a student's records, sends
the parent's notice (in Spanish), is refused a release before the notice period ends, records the
release after it, and downloads the parent's copy of the student's record of disclosures."""

from datetime import timedelta

import pytest
from django.utils import timezone

from threshold.accounts.roles import Role
from threshold.notices import services as notices
from threshold.records import services
from threshold.records.models import DisclosureEntry, Notice, RecordsRequest
from threshold.testing import factories
from threshold.testing.factories import PASSWORD

from .conftest import guardian, student

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_in(page, base_url, email):
    page.goto(f"{base_url}/sign-in/")
    page.get_by_label("E-mail address").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{base_url}/")


def test_a_subpoena_goes_from_intake_to_the_recorded_release_and_the_parent_export(
    live_server, page, tmp_path
):
    district = factories.district(name="Browser District")
    school = factories.school(district, name="Browser Elementary")
    officer = factories.staff_with_role(
        district, Role.RECORDS_OFFICER, email="records@browser.example"
    )
    admin = factories.staff_with_role(district, Role.DISTRICT_ADMIN, email="admin@browser.example")
    notices.add_defaults(district=district, actor=admin, reviewed=True)
    child = student(school, local_id="40021", given_name="Lucia", family_name="Morales")
    guardian(child, name="Rosa Morales", email="rosa@family.example", preferred_language="es")
    sign_in(page, live_server.url, officer.email)

    page.get_by_role("link", name="Records", exact=True).click()
    page.get_by_role("link", name="Record a request").click()
    page.get_by_label("In person").check()
    page.get_by_label("Who is asking?").select_option("STATE_OR_LOCAL_POLICE")
    page.get_by_label("Their name").fill("Det. Ruiz")
    page.get_by_label("Agency, office or company").fill("Hartford Police Department")
    page.get_by_label("Student records").check()
    page.get_by_label("Student number").fill("40021")
    page.get_by_label("Why they say they need it").fill("Criminal case HHD-CR26-0001")
    page.get_by_label("Document presented").select_option("JUDICIAL_SUBPOENA")
    page.get_by_label("Court, case or document number").fill("HHD-CR26-0001")
    page.get_by_label("Surface checks of the document").select_option("PASS")
    page.get_by_role("button", name="Record and decide").click()

    page.get_by_role("heading", name="Parent notice to send").wait_for()
    assert page.get_by_text("May be released after notice to the parent").is_visible()
    page.get_by_role("button", name="Send the notice").click()
    page.get_by_text("No release before").first.wait_for()
    notice = Notice.objects.get()
    assert notice.language == "es" and notice.recipient_email == "rosa@family.example"

    # Too early: the notice has not even left yet.
    page.get_by_label("What was released").fill("Attendance record, 2025-26")
    page.get_by_role("button", name="Record the release").click()
    page.get_by_text("not been delivered").wait_for()
    assert RecordsRequest.objects.get().status == "notice_sent"

    # The worker delivered it, and the notice period has passed since.
    services.notice_deliver(notice_id=str(notice.pk), now=timezone.now() - timedelta(days=10))
    page.goto(live_server.url + f"/records/requests/{notice.request_id}/")
    page.get_by_label("What was released").fill("Attendance record, 2025-26")
    page.get_by_label("Conditions on redisclosure told to the recipient").fill(
        "Only for case HHD-CR26-0001"
    )
    page.get_by_role("button", name="Record the release").click()
    page.get_by_text("The release is recorded.").wait_for()
    assert RecordsRequest.objects.get().status == "disclosed"
    assert list(DisclosureEntry.objects.values_list("kind", flat=True).order_by("recorded_at")) == [
        "request",
        "disclosure",
    ]

    page.get_by_role("link", name="Lucia Morales").click()
    page.get_by_text("Attendance record, 2025-26").wait_for()
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Record for the parent (PDF)").click()
    download = download_info.value
    assert download.suggested_filename == "record-of-disclosures-40021.pdf"
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    assert saved.read_bytes().startswith(b"%PDF")
    # The only error is the refused early release's 422 answer.
    assert [e for e in page.console_errors if "422" not in e] == []
