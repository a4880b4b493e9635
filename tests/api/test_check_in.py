"""POST /api/v1/schools/{school}/check-in/: the desk's check-in service, called by a device."""

from datetime import date, datetime

import pytest

from tests.api.conftest import check_in_url
from tests.visitors.helpers import typed_payload
from threshold.audit.models import AuditEvent
from threshold.testing import factories
from threshold.visitors import screening, services
from threshold.visitors.models import Visit, Visitor


def returning_maria(world):
    return factories.visitor(
        world.north,
        family_name="Rivera-Castillo",
        given_names="Maria Elena",
        date_of_birth=date(1987, 9, 14),
        document_last4="5982",
    )


def test_it_checks_a_returning_visitor_in(world, devices, api_as):
    maria = returning_maria(world)
    response = api_as("lincoln").post(
        check_in_url(world.lincoln),
        {"visitor_id": str(maria.pk), "visitor_type": "parent", "host": "Ms. Diaz"},
    )
    assert response.status_code == 201
    body = response.json()
    visit = Visit.objects.get()
    assert body["id"] == str(visit.pk)
    assert body["visitor"] == {
        "id": str(maria.pk),
        "family_name": "Rivera-Castillo",
        "given_names": "Maria Elena",
    }
    assert body["state"] == "admitted"
    assert body["badge_code"] == visit.badge_code
    assert body["message"] is None
    assert body["id_check"] == "by_hand"
    assert visit.school == world.lincoln
    assert visit.host == "Ms. Diaz"


def test_it_names_the_devices_account_as_who_checked_the_visitor_in(world, devices, api_as):
    maria = returning_maria(world)
    api_as("lincoln").post(
        check_in_url(world.lincoln), {"visitor_id": str(maria.pk), "visitor_type": "parent"}
    )
    visit = Visit.objects.get()
    assert visit.checked_in_by == devices.lincoln.account
    event = AuditEvent.objects.get(action="visit.checked_in")
    assert event.actor == devices.lincoln.account
    assert event.school == world.lincoln
    assert event.subject_id == str(visit.pk)


def test_it_records_a_new_visitor_typed_by_hand(world, devices, api_as):
    response = api_as("lincoln").post(
        check_in_url(world.lincoln),
        {
            "visitor_type": "volunteer",
            "person": {
                "family_name": "López",
                "given_names": "Rosa",
                "date_of_birth": "1990-02-03",
            },
        },
    )
    assert response.status_code == 201
    visitor = Visitor.objects.get()
    assert (visitor.given_names, visitor.family_name) == ("Rosa", "López")
    assert visitor.district == world.north
    assert response.json()["id_check"] == "by_hand"
    assert AuditEvent.objects.get(action="visitor.created").actor == devices.lincoln.account


def test_it_checks_in_whoever_a_scanned_licence_names(world, devices, api_as):
    maria = returning_maria(world)
    response = api_as("lincoln").post(
        check_in_url(world.lincoln), {"visitor_type": "parent", "scan": typed_payload()}
    )
    assert response.status_code == 201
    assert response.json()["visitor"]["id"] == str(maria.pk)
    assert response.json()["id_check"] == "scanned"
    assert Visitor.objects.count() == 1


def test_it_records_a_new_visitor_from_a_scan_with_only_what_is_kept(world, devices, api_as):
    api_as("lincoln").post(
        check_in_url(world.lincoln), {"visitor_type": "parent", "scan": typed_payload()}
    )
    visitor = Visitor.objects.get()
    assert (visitor.given_names, visitor.family_name) == ("Maria Elena", "Rivera-Castillo")
    assert visitor.date_of_birth == date(1987, 9, 14)
    assert visitor.document_last4 == "5982"


def test_it_records_the_area_of_the_school(world, devices, api_as):
    area = factories.area(world.lincoln, name="Classrooms", is_public=False)
    maria = returning_maria(world)
    response = api_as("lincoln").post(
        check_in_url(world.lincoln),
        {"visitor_id": str(maria.pk), "visitor_type": "parent", "area_id": str(area.pk)},
    )
    assert response.status_code == 201
    assert response.json()["destination"] == "Classrooms"
    assert Visit.objects.get().area == area


def test_it_refuses_an_area_of_another_school_by_field(world, devices, api_as):
    elsewhere = factories.area(world.washington, name="Gym")
    maria = returning_maria(world)
    response = api_as("lincoln").post(
        check_in_url(world.lincoln),
        {"visitor_id": str(maria.pk), "visitor_type": "parent", "area_id": str(elsewhere.pk)},
    )
    assert response.status_code == 422
    assert response.json()["detail"] == [
        {
            "loc": ["body", "payload", "area_id"],
            "msg": "Choose an area of this school.",
            "type": "refused",
        }
    ]
    assert not Visit.objects.exists()


@pytest.mark.parametrize(
    ("body", "where"),
    [
        ({"visitor_type": "ghost", "person": {"family_name": "X"}}, "visitor_type"),
        ({"person": {"family_name": "X"}}, "visitor_type"),
        ({"visitor_type": "parent", "person": {"family_name": ""}}, "family_name"),
        ({"visitor_type": "parent", "visitor_id": "not-a-uuid"}, "visitor_id"),
        ({"visitor_type": "parent", "person": {"family_name": "X"}, "host": "h" * 201}, "host"),
        ({"visitor_type": "parent"}, None),
    ],
)
def test_it_answers_422_with_field_errors_for_invalid_input(world, devices, api_as, body, where):
    response = api_as("lincoln").post(check_in_url(world.lincoln), body)
    assert response.status_code == 422
    problems = response.json()["detail"]
    assert problems and all(set(p) == {"loc", "msg", "type"} for p in problems)
    assert all(p["loc"][:2] == ["body", "payload"] for p in problems)
    if where:
        assert any(p["loc"][-1] == where for p in problems), problems
    assert not Visit.objects.exists()


def test_it_wants_exactly_one_way_of_naming_the_visitor(world, devices, api_as):
    maria = returning_maria(world)
    response = api_as("lincoln").post(
        check_in_url(world.lincoln),
        {"visitor_type": "parent", "visitor_id": str(maria.pk), "person": {"family_name": "X"}},
    )
    assert response.status_code == 422
    assert "exactly one" in response.json()["detail"][0]["msg"]


def test_it_answers_400_for_a_body_that_is_not_json(world, devices, api_as):
    api = api_as("lincoln")
    response = api.client.post(
        check_in_url(world.lincoln),
        data="visitor_type=parent",
        content_type="application/json",
        headers={"Authorization": f"Bearer {api.token}"},
    )
    assert response.status_code == 400
    assert response.json() == {"detail": "Cannot parse request body"}


def test_it_never_echoes_a_licence_payload(world, devices, api_as):
    payload = typed_payload()
    unreadable = "@ANSI 636000" + "Z" * 40
    for body in (
        {"visitor_type": "ghost", "scan": payload},
        {"visitor_type": "parent", "scan": payload + "x" * 4000},
        {"visitor_type": "parent", "scan": unreadable},
    ):
        response = api_as("lincoln").post(check_in_url(world.lincoln), body)
        assert response.status_code == 422
        text = response.content.decode()
        assert "RIVERA" not in text.upper() and "5982" not in text and "ZZZZ" not in text


def test_it_says_plainly_when_a_scan_cannot_be_read(world, devices, api_as):
    response = api_as("lincoln").post(
        check_in_url(world.lincoln), {"visitor_type": "parent", "scan": "@ANSI garbage"}
    )
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "payload", "scan"]


def test_it_holds_a_possible_match_without_a_badge(world, devices, api_as, monkeypatch):
    monkeypatch.setattr(screening, "SCREENER", lambda visitor, school: "possible_match")
    maria = returning_maria(world)
    response = api_as("lincoln").post(
        check_in_url(world.lincoln), {"visitor_id": str(maria.pk), "visitor_type": "parent"}
    )
    assert response.status_code == 201
    body = response.json()
    assert body["state"] == "held"
    assert body["badge_code"] is None
    assert body["message"] == "Please wait, the office will be with you shortly."
    assert Visit.objects.get().screening == "possible_match"


def test_it_answers_in_the_language_asked_for(world, devices, api_as, monkeypatch):
    monkeypatch.setattr(screening, "SCREENER", lambda visitor, school: "possible_match")
    maria = returning_maria(world)
    response = api_as("lincoln").post(
        check_in_url(world.lincoln),
        {"visitor_id": str(maria.pk), "visitor_type": "parent"},
        headers={"Accept-Language": "es"},
    )
    assert response.json()["message"] == "Por favor, espere; la oficina lo atenderá en breve."


def test_it_keeps_a_check_in_to_a_few_queries(
    world, devices, api_as, django_assert_max_num_queries
):
    maria = returning_maria(world)
    area = factories.area(world.lincoln, name="Lobby")
    services.roster_viewed(school=world.lincoln, actor=world.alice)  # the district's chain exists
    api = api_as("lincoln")
    api.get(f"/api/v1/schools/{world.lincoln.pk}/on-site/")  # "last used" was just written
    body = {"visitor_id": str(maria.pk), "visitor_type": "parent", "area_id": str(area.pk)}
    # 12: the device with its school, district, the district's desk settings and account; the
    # area; the visitor; the visitor's update, the earlier visit still open; screening (the
    # district's watchlists: none here); the visit; the audit chain's lock, event and head; and,
    # inside the test's transaction, a savepoint and its release. One to spare for screening.
    with django_assert_max_num_queries(13):
        response = api.post(check_in_url(world.lincoln), body)
    assert response.status_code == 201


def test_the_badge_follows_the_districts_own_desk_settings(world, devices, api_as):
    services.visitor_settings_update(district=world.north, actor=world.dana, badge_hours=2)
    maria = returning_maria(world)
    body = {"visitor_id": str(maria.pk), "visitor_type": "parent"}
    response = api_as("lincoln").post(check_in_url(world.lincoln), body)
    assert response.status_code == 201
    visit = response.json()
    checked_in = datetime.fromisoformat(visit["checked_in_at"].replace("Z", "+00:00"))
    expires = datetime.fromisoformat(visit["badge_expires_at"].replace("Z", "+00:00"))
    assert (expires - checked_in).total_seconds() <= 2 * 3600
