"""A check-in held for the office, end to end: the device checks in someone who resembles a
listed person, polls the visit, and gets the badge once an official answers "Not this person"."""

from datetime import date

from tests.api.conftest import check_in_url, on_site_url, visit_url
from threshold.testing import factories
from threshold.visitors.models import Visit
from threshold.watchlists import alerts
from threshold.watchlists.models import Alert

BORN = date(1979, 4, 2)


def held_check_in(world, api):
    factories.watchlist_entry(
        world.north, family_name="Smith", given_name="Bob", date_of_birth=BORN, reason="custody"
    )
    person = {"family_name": "Smith", "given_names": "Robert J.", "date_of_birth": BORN.isoformat()}
    response = api.post(check_in_url(world.lincoln), {"visitor_type": "parent", "person": person})
    assert response.status_code == 201
    return response.json()


def test_a_possible_match_is_held_and_the_officials_alerted(world, devices, api_as):
    body = held_check_in(world, api_as("lincoln"))
    assert (body["state"], body["screening"], body["badge_code"]) == (
        "held",
        "possible_match",
        None,
    )
    assert body["message"] == "Please wait, the office will be with you shortly."
    alert = Alert.objects.get()
    assert str(alert.visit_id) == body["id"]
    # Nothing about the listed person reaches the device.
    assert "Bob" not in str(body) and "custody" not in str(body)


def test_the_device_gets_the_badge_once_an_official_releases_the_check_in(world, devices, api_as):
    api = api_as("lincoln")
    body = held_check_in(world, api)
    visit = Visit.objects.get(pk=body["id"])
    assert api.get(visit_url(visit)).json()["state"] == "held"
    alerts.answer(alert=Alert.objects.get(), actor=world.olga, given=alerts.Answer.NOT_THIS_PERSON)
    released = api.get(visit_url(visit)).json()
    assert (released["state"], released["screening"]) == ("admitted", "clear")
    assert released["badge_code"] == visit.badge_code
    assert released["message"] is None


def test_a_held_visitor_is_on_the_roster(world, devices, api_as):
    body = held_check_in(world, api_as("lincoln"))
    roster = api_as("lincoln").get(on_site_url(world.lincoln)).json()
    assert [(v["id"], v["held"]) for v in roster["visits"]] == [(body["id"], True)]


def test_it_stays_held_while_an_official_is_coming(world, devices, api_as):
    api = api_as("lincoln")
    body = held_check_in(world, api)
    alerts.answer(alert=Alert.objects.get(), actor=world.olga, given=alerts.Answer.COMING)
    assert api.get(f"/api/v1/visits/{body['id']}/").json()["state"] == "held"
