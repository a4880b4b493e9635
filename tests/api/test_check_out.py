"""POST /api/v1/visits/{visit}/check-out/ and /api/v1/schools/{school}/badge-check-out/."""

from tests.api.conftest import badge_check_out_url, check_out_url
from threshold.audit.models import AuditEvent
from threshold.testing import factories
from threshold.visitors.models import Visit


def test_it_checks_a_visitor_out(world, devices, api_as):
    visit = factories.visit(world.lincoln, checked_in_by=world.alice)
    response = api_as("lincoln").post(check_out_url(visit))
    assert response.status_code == 200
    body = response.json()
    assert body["state"] == "checked_out"
    assert body["departure"] == "desk"
    assert body["badge_code"] is None
    visit.refresh_from_db()
    assert not visit.on_site
    assert visit.checked_out_by == devices.lincoln.account
    event = AuditEvent.objects.get(action="visit.checked_out")
    assert event.actor == devices.lincoln.account
    assert event.data == {"how": "desk"}


def test_it_answers_409_for_a_visit_already_ended(world, devices, api_as):
    visit = factories.visit(world.lincoln, checked_in_by=world.alice)
    api = api_as("lincoln")
    api.post(check_out_url(visit))
    response = api.post(check_out_url(visit))
    assert response.status_code == 409
    assert response.json() == {"detail": "This visitor had already checked out."}
    assert AuditEvent.objects.filter(action="visit.checked_out").count() == 1


def test_it_checks_a_visitor_out_by_their_badge(world, devices, api_as):
    visit = factories.visit(world.lincoln, checked_in_by=world.alice)
    code = visit.badge_code.lower()  # scanners may change the letter case
    response = api_as("lincoln").post(badge_check_out_url(world.lincoln), {"code": code})
    assert response.status_code == 200
    assert response.json()["id"] == str(visit.pk)
    assert response.json()["departure"] == "badge"
    visit.refresh_from_db()
    assert visit.departure == Visit.Departure.BADGE
    assert visit.checked_out_by == devices.lincoln.account


def test_it_answers_409_for_a_badge_already_used(world, devices, api_as):
    visit = factories.visit(world.lincoln, checked_in_by=world.alice)
    api = api_as("lincoln")
    api.post(badge_check_out_url(world.lincoln), {"code": visit.badge_code})
    response = api.post(badge_check_out_url(world.lincoln), {"code": visit.badge_code})
    assert response.status_code == 409


def test_it_refuses_what_is_not_a_badge_code_by_field(world, devices, api_as):
    response = api_as("lincoln").post(badge_check_out_url(world.lincoln), {"code": "hello"})
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "payload", "code"]
    response = api_as("lincoln").post(badge_check_out_url(world.lincoln), {})
    assert response.status_code == 422


def test_it_answers_404_for_a_badge_of_another_school(world, devices, api_as):
    elsewhere = factories.visit(world.washington, checked_in_by=world.bob)
    response = api_as("lincoln").post(
        badge_check_out_url(world.lincoln), {"code": elsewhere.badge_code}
    )
    assert response.status_code == 404
    elsewhere.refresh_from_db()
    assert elsewhere.on_site
