"""GET /api/v1/visits/{visit}/: the state of a check-in, held while the office checks."""

from django.utils import timezone

from tests.api.conftest import visit_url
from threshold.testing import factories


def test_it_gives_an_admitted_visits_badge_code(world, devices, api_as):
    visit = factories.visit(world.lincoln, checked_in_by=world.alice, screening="clear")
    body = api_as("lincoln").get(visit_url(visit)).json()
    assert body["state"] == "admitted"
    assert body["screening"] == "clear"
    assert body["badge_code"] == visit.badge_code
    assert body["message"] is None


def test_it_gives_a_held_visit_no_badge_and_one_message(world, devices, api_as):
    visit = factories.visit(world.lincoln, checked_in_by=world.alice, screening="possible_match")
    response = api_as("lincoln").get(visit_url(visit))
    assert response.status_code == 200
    body = response.json()
    assert body["state"] == "held"
    assert body["badge_code"] is None
    assert body["message"] == "Please wait, the office will be with you shortly."


def test_it_never_shows_an_unscreened_or_stale_visit_as_clear(world, devices, api_as):
    for result in ("not_screened", "list_stale"):
        visit = factories.visit(world.lincoln, checked_in_by=world.alice, screening=result)
        assert api_as("lincoln").get(visit_url(visit)).json()["screening"] == result


def test_it_says_when_a_visit_has_ended(world, devices, api_as):
    visit = factories.visit(
        world.lincoln,
        checked_in_by=world.alice,
        checked_out_at=timezone.now(),
        checked_out_by=world.alice,
        departure="end_of_day",
    )
    body = api_as("lincoln").get(visit_url(visit)).json()
    assert (body["state"], body["departure"], body["badge_code"]) == (
        "checked_out",
        "end_of_day",
        None,
    )


def test_it_gives_no_date_of_birth_or_id_number(world, devices, api_as):
    from datetime import date

    visitor = factories.visitor(world.north, date_of_birth=date(1980, 1, 2), document_last4="Q7ZK")
    visit = factories.visit(world.lincoln, checked_in_by=world.alice, visitor=visitor)
    body = api_as("lincoln").get(visit_url(visit)).json()
    # Ids are random hex: look at the values that are not ids.
    text = str({key: value for key, value in body.items() if not key.endswith("id")})
    assert "1980" not in text and "Q7ZK" not in text
    assert "date_of_birth" not in body["visitor"] and "document_last4" not in body["visitor"]
