"""In the browser: an administrator adopts the pack, counsel signs it off, and the decision card
stops saying "not reviewed"."""

import pytest
from django.utils import timezone

from threshold.accounts.roles import Role
from threshold.testing import factories
from threshold.testing.factories import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_in(page, base_url, email):
    page.context.clear_cookies()
    page.goto(f"{base_url}/sign-in/")
    page.get_by_label("E-mail address").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{base_url}/")


def test_adopt_sign_off_and_read_a_decision(live_server, page):
    district = factories.district(name="Pack District", state="CT")
    school = factories.school(district)
    admin = factories.staff_with_role(district, Role.DISTRICT_ADMIN, email="adm@pack.example")
    counsel = factories.staff_with_role(
        district, Role.DISTRICT_COUNSEL, email="law@pack.example", full_name="Lee Law"
    )
    factories.staff_with_role(
        district, Role.DESIGNATED_OFFICIAL, school=school, email="do@pack.example"
    )

    sign_in(page, live_server.url, admin.email)
    page.get_by_role("link", name="Policy", exact=True).click()
    assert page.get_by_text("Not yet reviewed by your district's counsel.").is_visible()
    page.get_by_role("link", name="Adopt this pack").click()
    page.get_by_label("Treat school buses as public areas").check()
    page.get_by_role("button", name="Adopt for the district").click()
    assert page.get_by_text("is now the district's policy").is_visible()

    sign_in(page, live_server.url, counsel.email)
    page.goto(f"{live_server.url}/district/policy/")
    assert page.get_by_label("Counsel's name").input_value() == "Lee Law"
    page.get_by_label("Date of the review").fill(timezone.localdate().isoformat())
    page.get_by_role("button", name="Record the sign-off").click()
    assert page.get_by_text("Signed off by Lee Law").is_visible()

    sign_in(page, live_server.url, "do@pack.example")
    page.goto(f"{live_server.url}/district/policy/scenario/")
    page.get_by_label("Who is asking").select_option("IMMIGRATION")
    page.get_by_label("Where it would happen").select_option("NONPUBLIC_AREA")
    page.get_by_label("To go into areas closed to the public").check()
    page.get_by_label("Document shown").select_option("ADMIN_WARRANT_I200")
    page.get_by_role("button", name="Show the decision").click()
    card = page.locator(".decision-card")
    assert card.get_by_text("Public areas only, like any visitor").is_visible()
    assert card.get_by_text("reviewed by district counsel").is_visible()
    assert not page.get_by_text("Not yet reviewed").is_visible()
    assert page.console_errors == []
