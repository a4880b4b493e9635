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

    page.get_by_role("link", name="Front desk", exact=True).click()
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


def test_a_returning_visitor_is_checked_in_by_name_with_the_keyboard(live_server, page):
    district = factories.district(name="Browser District")
    school = factories.school(district, name="Browser Elementary")
    lobby = factories.area(school, name="Lobby", is_public=True)
    person = factories.staff_with_role(
        district, Role.FRONT_OFFICE, school=school, email="desk@browser.example"
    )
    marta = factories.visitor(district, family_name="Alvarez", given_names="Marta")
    earlier = factories.visit(school, checked_in_by=person, visitor=marta, area=lobby)
    Visit.objects.filter(pk=earlier.pk).update(
        checked_out_at=earlier.checked_in_at, departure="desk"
    )
    sign_in(page, live_server.url, person.email)
    page.goto(f"{live_server.url}/schools/{school.pk}/desk/")

    page.keyboard.type("alva")
    page.get_by_role("link", name="Marta Alvarez").wait_for()
    page.keyboard.press("ArrowDown")  # to the first returning visitor found
    page.keyboard.press("Enter")  # pick
    page.get_by_role("button", name="Check in and print the badge").wait_for()
    assert page.evaluate("document.activeElement.textContent").strip() == (
        "Check in and print the badge"
    )
    page.keyboard.press("Enter")  # confirm, as last time
    page.wait_for_url("**/badge/?print=1")
    visit = Visit.objects.get(checked_out_at__isnull=True)
    assert (visit.visitor, visit.area, visit.id_check) == (marta, lobby, "by_hand")
    assert page.console_errors == []


@pytest.mark.parametrize(("width", "height"), [(1024, 768), (768, 1024), (390, 844)])
def test_the_desk_fits_tablets_and_phones_with_large_labelled_targets(
    live_server, chromium, width, height
):
    district = factories.district()
    school = factories.school(district, name="A School With A Rather Long Name For Its Sign")
    person = factories.staff_with_role(
        district, Role.FRONT_OFFICE, school=school, email="fit@example.org"
    )
    factories.visit(school, checked_in_by=person)
    context = chromium.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    sign_in(page, live_server.url, person.email)
    page.goto(f"{live_server.url}/schools/{school.pk}/desk/")
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    small = page.evaluate(
        """[...document.querySelectorAll('main button, main .button, main input, main a.match')]
           .filter(e => e.offsetParent !== null && e.type !== 'hidden')
           .filter(e => !e.classList.contains('visually-hidden'))
           .filter(e => e.getBoundingClientRect().height < 44).map(e => e.outerHTML)"""
    )
    assert small == []
    unlabelled = page.evaluate(
        """[...document.querySelectorAll('input, select, textarea')]
           .filter(e => e.type !== 'hidden' && !(e.labels && e.labels.length) && !e.ariaLabel)
           .map(e => e.outerHTML)"""
    )
    assert unlabelled == []
    # The officer button is in view without scrolling on the tablet.
    if width == 1024:
        box = page.get_by_role("button", name="Officer at the door").bounding_box()
        assert box["y"] + box["height"] <= height
    context.close()
