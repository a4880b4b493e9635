"""In two browsers at once: the front desk presses "Officer at the door"; the designated official's
open page shows the summons banner (and sounds it), and the official acknowledges; the desk sees
it. And when nobody acknowledges, the backup official is summoned after the district's time."""

from __future__ import annotations

import time

import pytest

from threshold.accounts.models import Membership
from threshold.accounts.roles import Role
from threshold.encounters.models import Encounter
from threshold.notify.models import Notification, NotifySettings
from threshold.testing import factories
from threshold.testing.factories import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def new_page(chromium, viewport):
    context = chromium.new_context(viewport=viewport, locale="en-US")
    page = context.new_page()
    page.set_default_timeout(15_000)
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    return context, page, errors


def sign_in(page, base_url, email):
    page.goto(f"{base_url}/sign-in/")
    page.get_by_label("E-mail address").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{base_url}/")


def school_with_staff():
    district = factories.district(name="Browser District")
    school = factories.school(district, name="Browser Elementary")
    desk = factories.staff_with_role(
        district, Role.FRONT_OFFICE, school=school, email="desk@browser.example"
    )
    official = factories.staff_with_role(
        district,
        Role.DESIGNATED_OFFICIAL,
        school=school,
        email="official@browser.example",
        full_name="Olga Ortiz",
    )
    backup = factories.user(district, email="backup@browser.example", full_name="Bea Backup")
    factories.membership(
        backup, Role.DESIGNATED_OFFICIAL, school=school, rank=Membership.Rank.BACKUP
    )
    return district, school, desk, official, backup


def test_the_desk_summons_the_official_who_acknowledges(live_server, chromium, run_worker, smtp):
    _district, school, desk_person, official, _backup = school_with_staff()
    desk_context, desk, desk_errors = new_page(chromium, {"width": 1024, "height": 768})
    phone_context, phone, phone_errors = new_page(chromium, {"width": 390, "height": 844})
    try:
        sign_in(desk, live_server.url, desk_person.email)
        sign_in(phone, live_server.url, official.email)
        # The official's page is open on something else entirely: their home page.
        phone.get_by_role("heading", name="Hello, Olga").wait_for()

        desk.goto(f"{live_server.url}/schools/{school.pk}/desk/")
        officer = desk.get_by_role("button", name="Officer at the door")
        officer.focus()  # keyboard reachable: Enter on the focused button starts it
        desk.keyboard.press("Enter")
        desk.get_by_role("heading", name="Officer at the door").wait_for()
        desk.get_by_text("Keep the officer in the lobby or reception area.").wait_for()
        assert "/encounters/" in desk.url and desk.url.endswith("/desk/")
        desk.get_by_text("Waiting for the official to acknowledge").wait_for()

        banner = phone.get_by_role("alert").filter(has_text="you are needed now")
        banner.wait_for()
        assert "Officer at the door of Browser Elementary" in banner.inner_text()
        # The sound was tried: played, or (where the browser refuses) a button to play it.
        phone.wait_for_function("document.body.dataset.alertSound !== undefined")
        sound = phone.evaluate("document.body.dataset.alertSound")
        if sound == "blocked":
            assert phone.get_by_role("button", name="Play the alert sound").is_visible()
        else:
            assert sound == "played"

        run_worker()  # the e-mail goes out through the worker
        assert [m["To"] for m in smtp.messages] == [official.email]

        banner.get_by_role("link", name="Open the encounter").click()
        phone.get_by_role("button", name="Acknowledge: I am on my way").click()
        phone.get_by_text("Olga Ortiz acknowledged at").wait_for()
        # The desk's screen shows it by itself within its refresh.
        desk.get_by_text("Olga Ortiz acknowledged at").wait_for(timeout=5_000)
        encounter = Encounter.objects.get()
        assert encounter.acknowledged_by == official
        assert phone.get_by_role("alert").filter(has_text="you are needed now").count() == 0
        assert desk_errors == [] and phone_errors == []
    finally:
        desk_context.close()
        phone_context.close()


def test_nobody_acknowledges_so_the_backup_is_summoned(live_server, chromium, run_worker, smtp):
    district, school, desk_person, official, backup = school_with_staff()
    # A short time for the test (the settings page allows 30 seconds and up).
    NotifySettings.objects.create(district=district, escalate_after_seconds=2)
    desk_context, desk, desk_errors = new_page(chromium, {"width": 1024, "height": 768})
    backup_context, backup_page, backup_errors = new_page(chromium, {"width": 390, "height": 844})
    try:
        sign_in(desk, live_server.url, desk_person.email)
        sign_in(backup_page, live_server.url, backup.email)
        desk.goto(f"{live_server.url}/schools/{school.pk}/desk/")
        desk.get_by_role("button", name="Officer at the door").click()
        desk.get_by_text("Waiting for the official to acknowledge").wait_for()
        run_worker()
        time.sleep(1)
        # Before the time is up, the backup is not called.
        assert backup_page.get_by_role("alert").count() == 0
        assert not Notification.objects.filter(recipient=backup).exists()

        time.sleep(1.5)
        run_worker()  # the escalation timer is due: the worker summons the next stage
        banner = backup_page.get_by_role("alert").filter(has_text="you are needed now")
        banner.wait_for()
        assert "Backup designated official" in banner.inner_text()
        desk.get_by_text("Bea Backup").wait_for(timeout=5_000)
        encounter = Encounter.objects.get()
        assert encounter.escalation_stage == 2 and encounter.acknowledged_at is None
        assert backup.email in [m["To"] for m in smtp.messages]
        assert official.email in [m["To"] for m in smtp.messages]
        assert desk_errors == [] and backup_errors == []
    finally:
        desk_context.close()
        backup_context.close()


def test_what_the_desk_records_appears_on_the_officials_screen(live_server, chromium):
    _district, school, desk_person, official, _backup = school_with_staff()
    desk_context, desk, desk_errors = new_page(chromium, {"width": 1024, "height": 768})
    phone_context, phone, phone_errors = new_page(chromium, {"width": 390, "height": 844})
    try:
        sign_in(desk, live_server.url, desk_person.email)
        sign_in(phone, live_server.url, official.email)
        desk.goto(f"{live_server.url}/schools/{school.pk}/desk/")
        desk.get_by_role("button", name="Officer at the door").click()
        desk.get_by_role("heading", name="Record, step by step").wait_for()

        phone.get_by_role("alert").get_by_role("link", name="Open the encounter").click()
        phone.get_by_role("button", name="Acknowledge: I am on my way").click()
        card = phone.locator("article.decision-card")
        card.wait_for()

        # The desk: an immigration officer, name and badge given, phone number refused.
        identification = desk.locator("#step-identification")
        identification.get_by_label("Who is asking").select_option("IMMIGRATION")
        identification.get_by_label("Officer's name").fill("D. Agent")
        identification.get_by_label("Officer's badge or ID number").fill("4471")
        identification.get_by_role("checkbox", name="Telephone number").check()
        identification.get_by_role("button", name="Record the identification").click()
        request = desk.locator("#step-request")
        request.get_by_label("To see or speak with a student").check()
        request.get_by_label("Where it would happen").select_option("NONPUBLIC_AREA")
        recorded_at = time.monotonic()
        request.get_by_role("button", name="Record the request").click()

        # The official's screen shows both, and the pack's decision, within two seconds.
        record = phone.locator(".encounter-record")
        record.get_by_text("D. Agent").wait_for(timeout=2_500)
        record.get_by_text("To see or speak with a student").wait_for(timeout=2_500)
        assert time.monotonic() - recorded_at < 3.0
        assert "Immigration (ICE, CBP, HSI)" in record.inner_text()
        assert "Telephone number" in record.locator("[data-recorded=refused]").inner_text()
        card.get_by_text("Public areas only, like any visitor").wait_for(timeout=2_500)
        card.get_by_text("Call counsel now.").wait_for()
        card.get_by_text("Why: the rules and their sources").click()
        assert card.locator("ul.rules li").count() > 0

        # The official records whom it concerns; the desk sees it.
        phone.locator("#step-subject").get_by_label("A student", exact=True).check()
        phone.locator("#step-subject").get_by_role("button", name="Record whom it concerns").click()
        desk.locator(".encounter-record").get_by_text("A student", exact=True).wait_for(
            timeout=2_500
        )
        assert desk.locator("article.decision-card").count() == 0
        assert desk_errors == [] and phone_errors == []
    finally:
        desk_context.close()
        phone_context.close()
