"""The printable badge, its QR code for check-out, and reprints."""

import base64
import re
import urllib.parse

from django.urls import reverse

from threshold.audit.models import AuditEvent
from threshold.testing import factories
from threshold.visitors.models import Visit, VisitorSettings


def badge_url(visit):
    return reverse("visitors-badge", kwargs={"visit_id": visit.pk})


def qr_svg(page: str) -> str:
    uri = re.search(r'class="badge-qr" src="([^"]+)"', page).group(1)
    assert uri.startswith("data:image/svg+xml")
    header, _, data = uri.partition(",")
    return base64.b64decode(data).decode() if "base64" in header else urllib.parse.unquote(data)


def test_it_prints_name_destination_date_expiry_and_a_qr_code(world, client_for):
    visit = factories.visit(
        world.lincoln,
        checked_in_by=world.alice,
        visitor=factories.visitor(world.north, family_name="Alvarez", given_names="Marta"),
        destination="Library",
        host="Ms. Lee",
    )
    response = client_for(world.alice).get(badge_url(visit))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Marta Alvarez" in page
    assert "Library" in page and "Ms. Lee" in page
    assert "Valid until" in page
    assert "<svg" in qr_svg(page)
    assert "size-label-2x4" in page  # the default label


def test_its_qr_code_holds_the_check_out_code_and_no_personal_data(world, client_for):
    import segno

    visit = factories.visit(world.lincoln, checked_in_by=world.alice)
    page = client_for(world.alice).get(badge_url(visit)).content.decode()
    expected = segno.make(visit.badge_code, error="m").svg_data_uri(scale=4, border=2, dark="#000")
    assert f'src="{expected}"' in page
    assert re.fullmatch(r"THOUT-[A-Z2-7]{16}", visit.badge_code)


def test_it_prints_on_arrival_from_check_in(world, client_for):
    visit = factories.visit(world.lincoln, checked_in_by=world.alice)
    page = client_for(world.alice).get(badge_url(visit) + "?print=1").content.decode()
    assert "data-autoprint" in page


def test_it_uses_the_districts_label_size(world, client_for):
    VisitorSettings.objects.create(district=world.north, badge_size="label-4x3")
    visit = factories.visit(world.lincoln, checked_in_by=world.alice)
    assert b"size-label-4x3" in client_for(world.alice).get(badge_url(visit)).content


def test_it_prints_no_badge_for_a_visit_that_ended(world, client_for):
    visit = factories.visit(world.lincoln, checked_in_by=world.alice)
    Visit.objects.filter(pk=visit.pk).update(checked_out_at=visit.checked_in_at, departure="desk")
    response = client_for(world.alice).get(badge_url(visit))
    assert response.status_code == 410
    assert b"badge-qr" not in response.content


def test_it_prints_no_badge_while_the_office_checks_a_possible_match(world, client_for):
    visit = factories.visit(world.lincoln, checked_in_by=world.alice, screening="possible_match")
    response = client_for(world.alice).get(badge_url(visit))
    assert b"badge-qr" not in response.content
    assert b"Please wait, the office will be with you shortly." in response.content


def test_it_records_each_reprint(world, client_for):
    visit = factories.visit(world.lincoln, checked_in_by=world.alice)
    url = reverse("visitors-reprint", kwargs={"visit_id": visit.pk})
    client = client_for(world.alice)
    response = client.post(url)
    client.post(url)
    assert response.status_code == 302
    assert response.url == badge_url(visit) + "?print=1"
    visit.refresh_from_db()
    assert visit.badge_reprints == 2
    events = AuditEvent.objects.filter(action="badge.reprinted").order_by("seq")
    assert [e.data for e in events] == [{"reprints": 1}, {"reprints": 2}]
    assert all(e.subject_id == str(visit.pk) for e in events)


def test_it_refuses_to_reprint_the_badge_of_a_visitor_who_left(world, client_for):
    visit = factories.visit(world.lincoln, checked_in_by=world.alice)
    Visit.objects.filter(pk=visit.pk).update(checked_out_at=visit.checked_in_at, departure="desk")
    client_for(world.alice).post(reverse("visitors-reprint", kwargs={"visit_id": visit.pk}))
    assert not AuditEvent.objects.filter(action="badge.reprinted").exists()


def test_it_shows_the_photo_only_where_the_district_takes_photos(world, client_for):
    from threshold.visitors.models import VisitorPhoto

    visit = factories.visit(world.lincoln, checked_in_by=world.alice)
    VisitorPhoto.objects.create(visitor=visit.visitor, jpeg=b"\xff\xd8 jpeg")
    photo_url = reverse("visitors-photo", kwargs={"visitor_id": visit.visitor_id})
    client = client_for(world.alice)
    assert photo_url not in client.get(badge_url(visit)).content.decode()
    assert client.get(photo_url).status_code == 404

    VisitorSettings.objects.create(district=world.north, photos=True)
    assert photo_url in client.get(badge_url(visit)).content.decode()
    response = client.get(photo_url)
    assert response["Content-Type"] == "image/jpeg"
    assert response["Cache-Control"] == "private, no-store"
