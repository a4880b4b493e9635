"""A district administrator sets up a school and its designated official, in Chromium."""

from __future__ import annotations

import pytest

from threshold.accounts.models import Membership, School, User
from threshold.accounts.roles import Role
from threshold.testing import factories
from threshold.testing.factories import PASSWORD

SMALL_TARGETS = """[...document.querySelectorAll('main button, main .button, main input, select')]
  .filter(e => e.offsetParent !== null && !['hidden', 'checkbox', 'radio'].includes(e.type))
  .filter(e => e.getBoundingClientRect().height < 44).map(e => e.outerHTML)"""
UNLABELLED = """[...document.querySelectorAll('input, select, textarea')]
  .filter(e => e.type !== 'hidden' && !(e.labels && e.labels.length) && !e.ariaLabel)
  .map(e => e.outerHTML)"""


def check_layout(page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    assert page.evaluate(SMALL_TARGETS) == []
    assert page.evaluate(UNLABELLED) == []


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_it_sets_up_a_school_an_area_and_its_designated_official(live_server, page):
    district = factories.district(name="Harbor District")
    admin = factories.staff_with_role(
        district, Role.DISTRICT_ADMIN, email="ada@harbor.example", full_name="Ada Admin"
    )
    page.goto(f"{live_server.url}/sign-in/")
    page.get_by_label("E-mail address").fill(admin.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{live_server.url}/")

    page.get_by_role("link", name="Schools and areas").click()
    page.get_by_role("link", name="Add a school").click()
    page.get_by_label("Name").fill("Harbor Elementary")
    page.get_by_label("Street address").fill("5 Dock Street")
    page.get_by_label("Town or city").fill("Mystic")
    page.get_by_label("ZIP code").fill("06355")
    check_layout(page)
    page.get_by_role("button", name="Add the school").click()
    page.get_by_role("heading", name="Harbor Elementary").wait_for()
    school = School.objects.get(name="Harbor Elementary")
    assert school.state == "CT"  # offered from the district

    page.get_by_label("Name of the area").fill("Main lobby")
    page.get_by_label("Public: any visitor may be there").check()
    page.get_by_role("button", name="Add the area").click()
    page.get_by_text("The area was added.").wait_for()
    assert school.areas.get().is_public
    check_layout(page)

    page.get_by_role("link", name="Staff", exact=True).click()
    page.get_by_role("link", name="Add a staff member").click()
    page.get_by_label("Full name").fill("Rosa Reyes")
    page.get_by_label("E-mail address").fill("rosa@harbor.example")
    page.get_by_role("button", name="Create the account").click()
    page.get_by_text("No password yet").wait_for()
    page.get_by_role("button", name="E-mail a link to set a password").click()
    page.get_by_text("A link to set a password is on its way").wait_for()

    page.get_by_label("Role").select_option("designated_official")
    page.get_by_label("School").select_option(label="Harbor Elementary")
    check_layout(page)
    page.get_by_role("button", name="Give the role").click()
    page.get_by_text("The role was given.").wait_for()
    rosa = User.objects.get(email="rosa@harbor.example")
    membership = Membership.objects.get(user=rosa)
    assert (membership.role, membership.school, membership.rank) == (
        Role.DESIGNATED_OFFICIAL,
        school,
        Membership.Rank.PRIMARY,
    )
    assert page.console_errors == []  # the strict CSP let every script and stylesheet load


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(("width", "height"), [(768, 1024), (390, 844)])
def test_the_school_and_staff_pages_fit_tablets_and_phones(live_server, chromium, width, height):
    district = factories.district()
    school = factories.school(district, name="A School With A Rather Long Name For Its Sign")
    factories.area(school, name="Hallways beyond the reception desk", is_public=False)
    admin = factories.staff_with_role(district, Role.DISTRICT_ADMIN, email="fit@example.org")
    factories.staff_with_role(
        district, Role.DESIGNATED_OFFICIAL, school=school, email="official@example.org"
    )
    context = chromium.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    page.goto(f"{live_server.url}/sign-in/")
    page.get_by_label("E-mail address").fill(admin.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{live_server.url}/")
    for path in (
        "/district/schools/",
        f"/district/schools/{school.pk}/",
        "/district/staff/",
        f"/district/staff/{admin.pk}/",
    ):
        page.goto(f"{live_server.url}{path}")
        check_layout(page)
    context.close()
