"""In the browser: a visitor checked in by a scanner typing their licence, badge, roster, and
checked out by the scanner typing the badge's QR code."""

import pytest

from tests.idscan.payloads import card
from threshold.accounts.roles import Role
from threshold.testing import factories
from threshold.testing.factories import PASSWORD
from threshold.visitors.models import Visit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_in(page, base_url, email):
    page.goto(f"{base_url}/sign-in/")
    page.get_by_label("E-mail address").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{base_url}/")


def test_a_scanned_visitor_is_checked_in_badged_listed_and_checked_out(live_server, page):
    district = factories.district(name="Browser District")
    school = factories.school(district, name="Browser Elementary")
    factories.area(school, name="Main office", is_public=True)
    person = factories.staff_with_role(
        district, Role.FRONT_OFFICE, school=school, email="desk@browser.example"
    )
    sign_in(page, live_server.url, person.email)

    page.get_by_role("link", name="Front desk").click()
    page.wait_for_url(f"{live_server.url}/schools/{school.pk}/desk/")
    assert page.evaluate("document.activeElement.id") == "id_entry"

    # The scanner types the card as a keyboard would, separators and all.
    payload = card(10).decode("latin-1").replace("\x1e", "")
    page.keyboard.type(payload)
    page.get_by_text("Rivera-Castillo").first.wait_for()
    assert page.get_by_text("ID scanned").is_visible()
    page.get_by_label("Parent or guardian").check()
    page.get_by_label("Going to").select_option(label="Main office (public)")
    page.get_by_role("button", name="Check in and print the badge").click()

    # The badge page opens the print dialog (headless Chromium prints nothing and stays).
    page.wait_for_url("**/badge/?print=1")
    visit = Visit.objects.get()
    assert visit.id_check == "scanned"
    badge = page.get_by_role("article", name="Visitor badge")
    assert "Maria Elena Rivera-Castillo" in badge.inner_text()
    assert badge.get_by_role("img", name="Check-out code").is_visible()

    page.goto(f"{live_server.url}/schools/{school.pk}/on-campus/")
    assert page.get_by_role("cell", name="Maria Elena Rivera-Castillo", exact=True).is_visible()

    page.goto(f"{live_server.url}/schools/{school.pk}/desk/")
    assert page.evaluate("document.activeElement.id") == "id_entry"
    page.keyboard.type(visit.badge_code + "\n")
    page.get_by_text("Maria Elena Rivera-Castillo checked out.").wait_for()
    visit.refresh_from_db()
    assert visit.departure == "badge"
    assert page.console_errors == []
