"""In two browsers at once: the front desk checks in a visitor whose name resembles a person on the
list; the desk sees only "Please wait"; the designated official, on their own device, sees the
visitor and the listed person side by side and answers "Not this person"; the desk's screen moves
on to the badge by itself."""

from datetime import date

import pytest

from threshold.accounts.roles import Role
from threshold.testing import factories
from threshold.testing.factories import PASSWORD
from threshold.visitors.models import Visit
from threshold.watchlists.models import Alert

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


def test_a_possible_match_goes_from_the_desk_to_the_official_and_back(live_server, chromium):
    district = factories.district(name="Browser District")
    school = factories.school(district, name="Browser Elementary")
    desk_person = factories.staff_with_role(
        district, Role.FRONT_OFFICE, school=school, email="desk@browser.example"
    )
    official = factories.staff_with_role(
        district,
        Role.DESIGNATED_OFFICIAL,
        school=school,
        email="official@browser.example",
        full_name="Olga Ortiz",
    )
    factories.watchlist_entry(
        district,
        family_name="Smith",
        given_name="Bob",
        date_of_birth=date(1979, 4, 2),
        reason="custody",
        reference="Smith v. Smith, 2024",
    )
    desk_context, desk, desk_errors = new_page(chromium, {"width": 1024, "height": 768})
    phone_context, phone, phone_errors = new_page(chromium, {"width": 390, "height": 844})
    try:
        sign_in(desk, live_server.url, desk_person.email)
        sign_in(phone, live_server.url, official.email)
        phone.get_by_role("link", name="Alerts", exact=True).click()
        phone.get_by_text("Nothing is waiting.").wait_for()

        # The desk types the visitor's name: nobody of that name has visited, so the form opens.
        desk.goto(f"{live_server.url}/schools/{school.pk}/desk/")
        desk.keyboard.type("Robert Smith")
        desk.keyboard.press("Enter")
        desk.get_by_label("Date of birth").fill("1979-04-02")
        desk.get_by_label("Parent or guardian").check()
        desk.get_by_role("button", name="Check in and print the badge").click()

        desk.get_by_text("Please wait, the office will be with you shortly.").wait_for()
        assert "/please-wait/" in desk.url
        shown = desk.locator("main").inner_text()
        for telling in ("watchlist", "list", "match", "Bob", "custody", "Custody"):
            assert telling not in shown
        visit = Visit.objects.get()
        assert visit.screening == "possible_match"

        # The official's alerts page refreshes itself and shows the new alert.
        phone.get_by_role(
            "link", name="Possible match at the front desk of Browser Elementary"
        ).click()
        phone.get_by_role("heading", name="Visitor at the desk").wait_for()
        visitor_card = phone.locator("section.person").nth(0).inner_text()
        listed_card = phone.locator("section.person.listed").inner_text()
        assert "Robert Smith" in visitor_card and "1979-04-02" in visitor_card
        assert "Bob Smith" in listed_card and "1979-04-02" in listed_card
        assert "Custody restriction (Smith v. Smith, 2024)" in listed_card
        assert "nickname: Robert = Bob" in listed_card
        phone.get_by_role("button", name="Not this person").click()
        phone.get_by_text("Released: the front desk prints the visitor's badge now.").wait_for()

        # Without anyone touching the desk, its screen moves on to the badge.
        desk.wait_for_url("**/badge/?print=1")
        badge = desk.get_by_role("article", name="Visitor badge")
        assert "Robert Smith" in badge.inner_text()
        alert = Alert.objects.get()
        assert (alert.state, alert.answered_by) == ("released", official)
        visit.refresh_from_db()
        assert visit.screening == "clear"
        assert desk_errors == [] and phone_errors == []
    finally:
        desk_context.close()
        phone_context.close()
