"""Confirming a check-in: a returning visitor in two actions, a scanned licence, or by hand."""

import re
from datetime import date

from django.core import signing

from tests.visitors.helpers import check_in_url, scan_url, typed_payload
from threshold.audit.models import AuditEvent
from threshold.testing import factories
from threshold.visitors import identity, services
from threshold.visitors.models import Visit, Visitor


def scan_token(page: str) -> str:
    return re.search(r'name="scan" value="([^"]+)"', page).group(1)


def returning_maria(world):
    return factories.visitor(
        world.north,
        family_name="Rivera-Castillo",
        given_names="Maria Elena",
        date_of_birth=date(1987, 9, 14),
        document_last4="5982",
    )


def test_it_checks_a_returning_visitor_in_with_a_scan_and_a_confirmation(world, client_for):
    maria = returning_maria(world)
    client = client_for(world.alice)
    # Action 1: the scan. Action 2: confirm the form as it comes, unchanged.
    page = client.post(scan_url(world.lincoln), {"entry": typed_payload()}).content.decode()
    form = {"scan": scan_token(page), "visitor": "", "visitor_type": "parent"}
    response = client.post(check_in_url(world.lincoln), form)
    assert response.status_code == 302
    visit = Visit.objects.get(visitor=maria)
    assert response.url.endswith(f"/visits/{visit.pk}/badge/?print=1")
    assert visit.id_check == Visit.IdCheck.SCANNED
    assert visit.checked_in_by == world.alice
    assert Visitor.objects.count() == 1


def test_it_records_a_new_scanned_visitor_with_only_name_birth_date_and_last_four(
    world, client_for
):
    client = client_for(world.alice)
    page = client.post(scan_url(world.lincoln), {"entry": typed_payload()}).content.decode()
    client.post(check_in_url(world.lincoln), {"scan": scan_token(page), "visitor_type": "parent"})
    visitor = Visitor.objects.get()
    assert (visitor.given_names, visitor.family_name) == ("Maria Elena", "Rivera-Castillo")
    assert visitor.date_of_birth == date(1987, 9, 14)
    assert visitor.document_last4 == "5982"
    assert visitor.district == world.north
    assert Visit.objects.get().id_check == "scanned"


def test_it_checks_a_visitor_in_by_hand(world, client_for):
    area = factories.area(world.lincoln, name="Classrooms", is_public=False)
    response = client_for(world.alice).post(
        check_in_url(world.lincoln),
        {
            "given_names": "Rosa",
            "family_name": "López",
            "date_of_birth": "1990-02-03",
            "visitor_type": "volunteer",
            "area": str(area.pk),
            "host": "Room 12",
            "purpose": "Reading hour",
        },
    )
    assert response.status_code == 302
    visit = Visit.objects.get()
    assert visit.id_check == Visit.IdCheck.BY_HAND
    assert visit.visitor.full_name == "Rosa López"
    assert (visit.destination, visit.destination_public) == ("Classrooms", False)
    assert (visit.host, visit.purpose) == ("Room 12", "Reading hour")


def test_it_never_asks_for_the_kind_of_id(world, client_for):
    page = client_for(world.alice).get(check_in_url(world.lincoln)).content.decode().lower()
    for word in ("passport", "consular", "licence type", "id type", "kind of id"):
        assert f'name="{word}' not in page
    assert "never turn a family away" in page


def test_it_accepts_a_visitor_without_a_date_of_birth(world, client_for):
    response = client_for(world.alice).post(
        check_in_url(world.lincoln), {"family_name": "Okafor", "visitor_type": "contractor"}
    )
    assert response.status_code == 302
    assert Visitor.objects.get().date_of_birth is None


def test_it_answers_422_and_keeps_what_was_typed(world, client_for):
    response = client_for(world.alice).post(
        check_in_url(world.lincoln), {"given_names": "Rosa", "family_name": "López"}
    )
    assert response.status_code == 422
    page = response.content.decode()
    assert 'value="Rosa"' in page and 'value="López"' in page
    assert not Visit.objects.exists()


def test_it_refuses_an_area_of_another_school(world, client_for):
    elsewhere = factories.area(world.washington, name="Gym")
    response = client_for(world.alice).post(
        check_in_url(world.lincoln),
        {"family_name": "Okafor", "visitor_type": "other", "area": str(elsewhere.pk)},
    )
    assert response.status_code == 422
    assert not Visit.objects.exists()


def test_it_refuses_a_forged_scan(world, client_for):
    forged = signing.dumps(
        {"f": "Smith", "g": "Al", "b": None, "d": "", "x": False, "e": None}, salt="other"
    )
    response = client_for(world.alice).post(
        check_in_url(world.lincoln), {"scan": forged, "visitor_type": "parent"}
    )
    assert response.status_code == 422
    assert not Visit.objects.exists()


def test_it_cannot_claim_a_scan_for_typed_details(world, client_for):
    client_for(world.alice).post(
        check_in_url(world.lincoln),
        {"family_name": "Okafor", "visitor_type": "other", "id_check": "scanned"},
    )
    assert Visit.objects.get().id_check == "by_hand"


def test_it_preselects_the_official_type_for_the_officer_at_the_door(world, client_for):
    page = client_for(world.alice).get(check_in_url(world.lincoln) + "?type=official")
    assert re.search(r'value="official"[^>]*checked', page.content.decode())


def test_it_fills_the_form_from_a_returning_visitors_last_visit_here(world, client_for):
    maria = returning_maria(world)
    lobby = factories.area(world.lincoln, name="Lobby")
    factories.visit(world.lincoln, checked_in_by=world.alice, visitor=maria, area=lobby)
    page = client_for(world.alice).get(check_in_url(world.lincoln) + f"?visitor={maria.pk}")
    text = page.content.decode()
    assert "Maria Elena Rivera-Castillo" in text
    assert re.search(rf'value="{lobby.pk}"[^>]*selected', text)
    assert "Already checked in" in text


def test_it_ends_the_earlier_visit_when_someone_checks_in_again(world, client_for):
    maria = returning_maria(world)
    earlier = factories.visit(world.lincoln, checked_in_by=world.alice, visitor=maria)
    client_for(world.alice).post(
        check_in_url(world.lincoln), {"visitor": str(maria.pk), "visitor_type": "parent"}
    )
    earlier.refresh_from_db()
    assert earlier.departure == Visit.Departure.CHECKED_IN_AGAIN
    assert Visit.objects.filter(checked_out_at__isnull=True).count() == 1


def test_it_records_the_check_in_without_names(world, client_for):
    client_for(world.alice).post(
        check_in_url(world.lincoln),
        {"given_names": "Rosa", "family_name": "López", "visitor_type": "parent"},
    )
    visit = Visit.objects.get()
    event = AuditEvent.objects.get(action="visit.checked_in")
    assert event.subject_id == str(visit.pk)
    assert event.school == world.lincoln
    assert event.data["visitor"] == str(visit.visitor_id)
    assert event.data["id_check"] == "by_hand"
    assert "López" not in str(event.data) and "Rosa" not in str(event.data)
    assert AuditEvent.objects.filter(action="visitor.created").count() == 1


def test_it_keeps_a_check_in_to_a_few_queries(world, client_for, django_assert_max_num_queries):
    maria = returning_maria(world)
    area = factories.area(world.lincoln, name="Lobby")
    client = client_for(world.alice)
    scanned = identity.read(typed_payload().encode(), today=date(2025, 6, 1))
    scan = identity.sign(scanned, visitor_id=maria.pk)
    form = {"scan": scan, "visitor_type": "parent", "area": area.pk}
    services.roster_viewed(school=world.lincoln, actor=world.alice)  # the district's chain exists
    # 19: session, user, roles, school, visitor, district settings, area; the visitor's update,
    # the earlier visit still open, the watchlists' versions (screening), the visit; the audit
    # chain's lock, event and head; two savepoints; and the session saved again (three), as
    # every request does.
    with django_assert_max_num_queries(19):
        response = client.post(check_in_url(world.lincoln), form)
    assert response.status_code == 302


def test_it_takes_a_photo_only_where_the_district_takes_photos(world, client_for):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    from tests.idscan.images import encoded
    from threshold.visitors.models import VisitorPhoto, VisitorSettings

    def photo():
        return SimpleUploadedFile("me.png", encoded(Image.new("RGB", (640, 480))), "image/png")

    client = client_for(world.alice)
    form = {"family_name": "Okafor", "visitor_type": "other"}
    client.post(check_in_url(world.lincoln), {**form, "photo": photo()})
    assert not VisitorPhoto.objects.exists()  # the field is not even on the form

    VisitorSettings.objects.create(district=world.north, photos=True)
    client.post(check_in_url(world.lincoln), {**form, "family_name": "Ade", "photo": photo()})
    stored = VisitorPhoto.objects.get()
    assert stored.visitor.family_name == "Ade"
    assert bytes(stored.jpeg)[:2] == b"\xff\xd8"  # a small JPEG, not the upload


def test_a_scan_checks_in_the_visitor_it_matched_whatever_the_form_says(world, client_for):
    maria = returning_maria(world)
    other = factories.visitor(world.north, family_name="Other")
    client = client_for(world.alice)
    page = client.post(scan_url(world.lincoln), {"entry": typed_payload()}).content.decode()
    form = {"scan": scan_token(page), "visitor": str(other.pk), "visitor_type": "parent"}
    client.post(check_in_url(world.lincoln), form)
    assert Visit.objects.get().visitor == maria
    other.refresh_from_db()
    assert other.family_name == "Other"


def test_it_says_so_when_the_photo_cannot_be_read(world, client_for):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from threshold.visitors.models import VisitorSettings

    VisitorSettings.objects.create(district=world.north, photos=True)
    broken = SimpleUploadedFile("me.jpg", b"\xff\xd8\xff not really a jpeg", "image/jpeg")
    response = client_for(world.alice).post(
        check_in_url(world.lincoln),
        {"family_name": "Ade", "visitor_type": "other", "photo": broken},
    )
    assert response.status_code == 422
    assert "could not be read" in response.content.decode()
    assert not Visit.objects.exists() and not Visitor.objects.exists()
