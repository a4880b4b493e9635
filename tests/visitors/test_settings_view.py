"""The district's front-desk settings, for its administrator."""

from django.urls import reverse

from threshold.audit.models import AuditEvent
from threshold.testing import factories
from threshold.visitors.models import VisitorPhoto, VisitorSettings

URL = reverse("visitors-settings")
FORM = {
    "time_zone": "America/Chicago",
    "end_of_day": "17:30",
    "badge_hours": "8",
    "badge_size": "label-4x3",
    "retention_days": "180",
}


def test_it_shows_the_defaults_to_the_district_administrator(world, client_for):
    response = client_for(world.dana).get(URL)
    page = response.content.decode()
    assert response.status_code == 200
    assert 'value="18:00"' in page
    assert 'value="12"' in page
    assert "(365 days)" in page


def test_it_saves_the_settings_and_records_what_changed(world, client_for):
    response = client_for(world.dana).post(URL, {**FORM, "photos": "on"})
    assert response.status_code == 302
    desk = VisitorSettings.objects.get(district=world.north)
    assert (desk.time_zone, desk.badge_hours, desk.badge_size) == (
        "America/Chicago",
        8,
        "label-4x3",
    )
    assert desk.photos and desk.retention_days == 180
    event = AuditEvent.objects.get(action="visitors.settings_changed")
    assert event.data["fields"] == [
        "badge_hours",
        "badge_size",
        "end_of_day",
        "photos",
        "retention_days",
        "time_zone",
    ]


def test_turning_photos_off_removes_the_photos_taken(world, client_for):
    VisitorSettings.objects.create(district=world.north, photos=True)
    here = factories.visitor(world.north)
    there = factories.visitor(world.south)
    VisitorPhoto.objects.create(visitor=here, jpeg=b"x")
    VisitorPhoto.objects.create(visitor=there, jpeg=b"y")
    client_for(world.dana).post(URL, FORM)
    assert list(VisitorPhoto.objects.values_list("visitor", flat=True)) == [there.pk]
    assert AuditEvent.objects.get(action="visitors.settings_changed").data["photos_removed"] == 1


def test_it_answers_422_to_a_bad_value(world, client_for):
    response = client_for(world.dana).post(URL, {**FORM, "badge_hours": "48"})
    assert response.status_code == 422
    assert not VisitorSettings.objects.exists()


def test_it_is_for_district_administrators_only(world, client_for):
    assert client_for(world.alice).get(URL).status_code == 403
    assert client_for(world.pete).post(URL, FORM).status_code == 403
    assert not VisitorSettings.objects.exists()
