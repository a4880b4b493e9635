"""In the browser: every role signs in through the form and reaches its home page."""

import pytest

from threshold.accounts.roles import Role
from threshold.testing import factories
from threshold.testing.factories import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_in(page, base_url, email):
    page.goto(f"{base_url}/")
    page.get_by_label("E-mail address").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{base_url}/")


@pytest.mark.parametrize("role", list(Role))
def test_each_role_signs_in_and_reaches_home(live_server, page, role):
    district = factories.district(name="Browser District")
    school = factories.school(district, name="Browser Elementary")
    where = (
        school
        if role in {Role.FRONT_OFFICE, Role.DESIGNATED_OFFICIAL, Role.PRINCIPAL, Role.STAFF}
        else None
    )
    person = factories.staff_with_role(
        district, role, school=where, email=f"{role.value}@browser.example", full_name="Pat Doe"
    )
    sign_in(page, live_server.url, person.email)
    assert page.get_by_role("heading", name="Hello, Pat").is_visible()
    assert page.locator("main").get_by_text(str(role.label)).first.is_visible()
    assert page.console_errors == []


def test_the_language_switch_turns_the_page_to_spanish(live_server, page):
    page.goto(f"{live_server.url}/sign-in/")
    page.get_by_role("button", name="Español").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "es"
    page.get_by_role("button", name="English").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "en"


def test_a_wrong_password_keeps_the_address_typed(live_server, page):
    district = factories.district()
    factories.staff_with_role(district, Role.AUDITOR, email="kim@browser.example")
    page.goto(f"{live_server.url}/sign-in/")
    page.get_by_label("E-mail address").fill("kim@browser.example")
    page.get_by_label("Password").fill("not the password")
    page.get_by_role("button", name="Sign in").click()
    assert page.get_by_role("alert").is_visible()
    assert page.get_by_label("E-mail address").input_value() == "kim@browser.example"
