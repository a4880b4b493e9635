"""The public page of a district: no sign-in, only reviewed texts, every reviewed language,
readable on a phone, and no serious or critical accessibility violation (axe-core in Chromium)."""

import pytest
from django.urls import reverse

from threshold.notices import services
from threshold.notices.models import Kind, NoticeText
from threshold.notices.texts import LANGUAGES


def publish(world, *, reviewed=True):
    services.contact_update(
        district=world.north,
        actor=world.dana,
        public_slug="north",
        contact_name="Office of the Superintendent",
        contact_phone="(860) 555-0100",
        contact_email="families@north.example",
    )
    services.add_defaults(district=world.north, actor=world.dana, reviewed=reviewed)


def test_there_is_no_page_until_a_text_is_reviewed(world, client):
    publish(world, reviewed=False)
    assert client.get(reverse("families", kwargs={"slug": "north"})).status_code == 404
    assert client.get(reverse("families", kwargs={"slug": "nobody"})).status_code == 404


def test_anyone_reads_the_letter_and_procedures_without_signing_in(world, client):
    publish(world)
    response = client.get(reverse("families", kwargs={"slug": "north"}))
    text = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="en">' in text
    assert "Every child is welcome in our schools" in text
    assert "What our schools do when a visitor or an officer comes" in text
    assert "(860) 555-0100" in text and "North" in text
    # Notices to one family never appear on the public page.
    assert "Notice before the release of student records" not in text
    for name in LANGUAGES.values():
        assert name in text


def test_an_unreviewed_translation_is_not_published(world, client):
    publish(world)
    polish = NoticeText.objects.get(district=world.north, kind=Kind.LETTER, language="pl")
    services.text_update(text=polish, actor=world.dana, subject="Witamy", body="Nowy tekst.")
    page = client.get(reverse("families", kwargs={"slug": "north"})).content.decode()
    assert "Polski" in page  # the procedures are still reviewed in Polish

    procedures = NoticeText.objects.get(district=world.north, kind=Kind.PROCEDURES, language="pl")
    services.text_update(text=procedures, actor=world.dana, subject="Procedury", body="Nowe.")
    page = client.get(reverse("families", kwargs={"slug": "north"})).content.decode()
    assert "Polski" not in page
    url = reverse("families-language", kwargs={"slug": "north", "language": "pl"})
    assert client.get(url).status_code == 404


def test_the_printable_letter_downloads_in_each_language(world, client):
    publish(world)
    for language in LANGUAGES:
        url = reverse(
            "families-pdf", kwargs={"slug": "north", "language": language, "kind": "letter"}
        )
        response = client.get(url)
        assert response.status_code == 200, language
        assert response.content.startswith(b"%PDF")
    url = reverse(
        "families-pdf", kwargs={"slug": "north", "language": "en", "kind": "records_notice"}
    )
    assert client.get(url).status_code == 404


@pytest.mark.django_db(transaction=True)
def test_every_language_renders_and_passes_axe_on_a_phone(live_server, chromium):
    from axe_playwright_python.sync_playwright import Axe

    from threshold.testing import factories

    district = factories.district(name="Riverside Public Schools")
    admin = factories.staff_with_role(district, "district_admin", email="admin@riverside.example")
    services.contact_update(
        district=district,
        actor=admin,
        public_slug="riverside",
        contact_name="Office of the Superintendent",
        contact_phone="(860) 555-0100",
        contact_email="families@riverside.example",
    )
    services.add_defaults(district=district, actor=admin, reviewed=True)

    context = chromium.new_context(viewport={"width": 390, "height": 844}, locale="en-US")
    page = context.new_page()
    axe = Axe()
    try:
        for language in LANGUAGES:
            page.goto(f"{live_server.url}/families/riverside/{language}/")
            assert page.locator("html").get_attribute("lang") == language
            assert page.locator("h1").count() == 1
            width = page.evaluate("document.documentElement.scrollWidth")
            assert width <= 390, f"{language}: the page is wider than the phone ({width}px)"
            results = axe.run(page)
            assert results.response["passes"], "axe-core checked nothing"
            serious = [
                violation
                for violation in results.response["violations"]
                if violation["impact"] in ("serious", "critical")
            ]
            assert serious == [], f"{language}: {results.generate_report()}"
    finally:
        context.close()
