"""In the browser: the words to say in the other language are one tap away on the card."""

import pytest

from threshold.accounts.roles import Role
from threshold.testing import factories
from threshold.testing.factories import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_words_to_say_open_in_spanish(live_server, page):
    district = factories.district(name="Words District", state="CT")
    school = factories.school(district)
    factories.staff_with_role(
        district, Role.DESIGNATED_OFFICIAL, school=school, email="do@words.example"
    )
    page.goto(f"{live_server.url}/sign-in/")
    page.get_by_label("E-mail address").fill("do@words.example")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{live_server.url}/")

    page.goto(f"{live_server.url}/district/policy/scenario/")
    page.get_by_label("Who is asking").select_option("IMMIGRATION")
    page.get_by_label("Where it would happen").select_option("NONPUBLIC_AREA")
    page.get_by_label("To go into areas closed to the public").check()
    page.get_by_label("Document shown").select_option("ADMIN_WARRANT_I200")
    page.get_by_role("button", name="Show the decision").click()

    card = page.locator(".decision-card")
    english = card.get_by_text("This is not a warrant signed by a judge.")
    spanish = card.get_by_text("Esta no es una orden firmada por un juez.")
    assert english.is_visible()
    assert not spanish.is_visible()
    card.get_by_text("In Spanish").click()
    assert spanish.is_visible()
    assert page.console_errors == []
