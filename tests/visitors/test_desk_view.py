"""The front-desk home and its scanner field: search as you type, scans, badges and names."""

import re
from datetime import date, timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from tests.idscan.images import encoded, pdf417
from tests.idscan.payloads import Person, card
from tests.visitors.helpers import MARIA, desk_url, scan_url, typed_payload
from threshold.audit.models import AuditEvent
from threshold.testing import factories
from threshold.visitors import identity
from threshold.visitors.models import Visit, Visitor


def search_url(school):
    return reverse("visitors-search-hx", kwargs={"school_id": school.pk})


def test_it_shows_the_desk_with_the_field_focused_and_the_count(world, client_for):
    factories.visit(world.lincoln, checked_in_by=world.alice)
    response = client_for(world.alice).get(desk_url(world.lincoln))
    page = response.content.decode()
    assert response.status_code == 200
    assert 'name="entry"' in page and "autofocus" in page
    assert "data-on-campus>1<" in page
    assert "Officer at the door" in page


def test_it_links_the_officer_button_to_an_official_check_in(world, client_for):
    page = client_for(world.alice).get(desk_url(world.lincoln)).content.decode()
    url = reverse("visitors-check-in", kwargs={"school_id": world.lincoln.pk})
    assert f'href="{url}?type=official"' in page


def test_it_lists_todays_visits_with_check_out_for_those_on_site(world, client_for):
    here = factories.visit(
        world.lincoln,
        checked_in_by=world.alice,
        visitor=factories.visitor(world.north, family_name="Alvarez", given_names="Marta"),
    )
    page = client_for(world.alice).get(desk_url(world.lincoln)).content.decode()
    assert "Marta Alvarez" in page
    assert reverse("visitors-check-out", kwargs={"visit_id": here.pk}) in page


def test_it_refreshes_the_count_and_list_as_a_partial(world, client_for):
    factories.visit(world.lincoln, checked_in_by=world.alice)
    url = reverse("visitors-desk-hx", kwargs={"school_id": world.lincoln.pk})
    response = client_for(world.alice).get(url, headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert b"<html" not in response.content
    assert b"data-on-campus>1<" in response.content


def test_it_finds_returning_visitors_of_the_district_as_the_name_is_typed(world, client_for):
    factories.visitor(world.north, family_name="Núñez", given_names="José")
    factories.visitor(world.south, family_name="Nunez", given_names="Josefina")
    response = client_for(world.bob).post(search_url(world.washington), {"entry": "jose nun"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "José Núñez" in page  # a visitor of North, whichever school they visited
    assert "Josefina" not in page  # never another district's
    assert "as a new visitor" in page


def test_it_does_not_search_while_a_licence_is_being_typed(world, client_for):
    factories.visitor(world.north, family_name="Ansi", given_names="Al")
    response = client_for(world.alice).post(search_url(world.lincoln), {"entry": "@|ANSI 6360"})
    assert b"Ansi" not in response.content


def test_it_opens_the_confirmation_for_a_scanned_licence(world, client_for):
    response = client_for(world.alice).post(scan_url(world.lincoln), {"entry": typed_payload()})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Maria Elena Rivera-Castillo" in page
    assert "ID scanned" in page
    assert "First visit" in page
    assert "EVERGREEN" not in page.upper()  # the address on the card never reaches the page
    assert "ANSI" not in page  # nor the payload


def test_it_recognises_a_returning_visitor_from_their_licence(world, client_for):
    maria = factories.visitor(
        world.north,
        family_name="Rivera-Castillo",
        given_names="Maria Elena",
        date_of_birth=date(1987, 9, 14),
    )
    factories.visit(
        world.lincoln,
        checked_in_by=world.alice,
        visitor=maria,
        visitor_type="volunteer",
        host="Library",
        checked_out_at=timezone.now() - timedelta(days=3),
        departure=Visit.Departure.DESK,
    )
    response = client_for(world.alice).post(scan_url(world.lincoln), {"entry": typed_payload()})
    page = response.content.decode()
    assert "Returning visitor" in page
    token = re.search(r'name="scan" value="([^"]+)"', page).group(1)
    assert identity.unsign(token)[1] == str(maria.pk)
    assert re.search(r'value="volunteer"[^>]*checked', page)
    assert 'value="Library"' in page


def test_it_warns_of_an_expired_licence_but_still_checks_in(world, client_for):
    expired = Person(expires=(2020, 1, 31))
    response = client_for(world.alice).post(
        scan_url(world.lincoln), {"entry": typed_payload(expired)}
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "This ID expired on" in page
    assert "Check in and print the badge" in page


def test_it_says_plainly_when_the_card_cannot_be_read(world, client_for):
    response = client_for(world.alice).post(scan_url(world.lincoln), {"entry": "@|ANSI garbage"})
    assert response.status_code == 422
    assert "could not be read" in response.content.decode()
    assert "garbage" not in response.content.decode()


def test_it_reads_a_photo_of_the_barcode(world, client_for):
    image = SimpleUploadedFile("back.png", encoded(pdf417(card(10))), "image/png")
    response = client_for(world.alice).post(scan_url(world.lincoln), {"entry": "", "image": image})
    assert response.status_code == 200
    assert "Rivera-Castillo" in response.content.decode()


def test_it_checks_a_visitor_out_when_their_badge_is_scanned(world, client_for):
    visit = factories.visit(world.lincoln, checked_in_by=world.alice)
    response = client_for(world.alice).post(
        scan_url(world.lincoln), {"entry": visit.badge_code.lower() + "\n"}
    )
    assert response.status_code == 302
    assert response.url == desk_url(world.lincoln)
    visit.refresh_from_db()
    assert visit.departure == Visit.Departure.BADGE
    assert visit.checked_out_by == world.alice


def test_it_refuses_a_badge_of_another_school(world, client_for):
    visit = factories.visit(world.washington, checked_in_by=world.bob)
    response = client_for(world.alice).post(scan_url(world.lincoln), {"entry": visit.badge_code})
    assert response.status_code == 422
    visit.refresh_from_db()
    assert visit.on_site


def test_it_says_so_when_a_badge_is_scanned_twice(world, client_for):
    visit = factories.visit(world.lincoln, checked_in_by=world.alice)
    client = client_for(world.alice)
    client.post(scan_url(world.lincoln), {"entry": visit.badge_code})
    response = client.post(scan_url(world.lincoln), {"entry": visit.badge_code}, follow=True)
    assert "had already checked out" in response.content.decode()
    assert AuditEvent.objects.filter(action="visit.checked_out").count() == 1


def test_it_shows_matches_for_a_typed_name_without_script(world, client_for):
    factories.visitor(world.north, family_name="Chen", given_names="Jia")
    response = client_for(world.alice).post(scan_url(world.lincoln), {"entry": "chen"})
    assert response.status_code == 200
    assert "Jia Chen" in response.content.decode()


def test_it_opens_the_new_visitor_form_with_the_typed_name(world, client_for):
    response = client_for(world.alice).post(
        scan_url(world.lincoln), {"entry": "Rosa María López", "action": "new"}
    )
    page = response.content.decode()
    assert "Check in a visitor by hand" in page
    assert 'value="Rosa María"' in page and 'value="López"' in page


def test_it_keeps_no_visitor_or_visit_from_a_scan_until_confirmed(world, client_for):
    client_for(world.alice).post(scan_url(world.lincoln), {"entry": typed_payload(MARIA)})
    assert not Visitor.objects.exists()
    assert not Visit.objects.exists()


def test_it_goes_straight_to_the_new_visitor_form_when_nobody_has_that_name(world, client_for):
    response = client_for(world.alice).post(scan_url(world.lincoln), {"entry": "Ade Okafor"})
    page = response.content.decode()
    assert "Check in a visitor by hand" in page
    assert 'value="Ade"' in page and 'value="Okafor"' in page


def test_it_opens_the_hand_form_when_check_in_is_pressed_on_an_empty_field(world, client_for):
    response = client_for(world.alice).post(scan_url(world.lincoln), {"entry": ""})
    assert response.status_code == 302
    assert response.url == reverse("visitors-check-in", kwargs={"school_id": world.lincoln.pk})
