"""The officials' three answers, who gave them (audited), and what each does to the held visit and
to the desk's screen."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from tests.watchlists.helpers import alert_url, answer_url, check_in, listed_bob
from threshold.audit.models import AuditEvent
from threshold.visitors.models import Visit
from threshold.watchlists import alerts
from threshold.watchlists.models import Alert, Watchlist


@pytest.fixture
def held(world):
    bob = listed_bob(world.north)
    visit = check_in(world)
    return visit, Alert.objects.get(), bob


def wait_url(visit, live=False):
    name = "watchlists-desk-wait-hx" if live else "watchlists-desk-wait"
    return reverse(name, kwargs={"visit_id": visit.pk})


def test_not_this_person_releases_the_check_in_and_the_badge_prints(world, client_for, held):
    visit, alert, _bob = held
    response = client_for(world.olga).post(answer_url(alert), {"answer": "not_this_person"})
    assert response.status_code == 302
    alert.refresh_from_db()
    visit.refresh_from_db()
    assert (alert.state, alert.answered_by) == ("released", world.olga)
    assert visit.screening == Visit.Screening.CLEAR
    event = AuditEvent.objects.get(action="watchlist.match_answered")
    assert event.actor == world.olga and event.school == world.lincoln
    assert event.data == {"answer": "not_this_person", "visit": str(visit.pk), "was": "waiting"}
    badge = client_for(world.alice).get(reverse("visitors-badge", kwargs={"visit_id": visit.pk}))
    assert badge.status_code == 200


def test_released_from_an_old_list_the_visit_says_so_rather_than_clear(world, held):
    visit, alert, _bob = held
    Watchlist.objects.update(current_as_of=timezone.now() - timedelta(days=60))
    alerts.answer(alert=alert, actor=world.olga, given="not_this_person")
    visit.refresh_from_db()
    assert visit.screening == Visit.Screening.LIST_STALE


def test_it_is_this_person_keeps_the_visit_held_and_shows_the_next_steps(world, client_for, held):
    visit, alert, bob = held
    client = client_for(world.olga)
    response = client.post(answer_url(alert), {"answer": "this_person", "entry": str(bob.pk)})
    assert response.status_code == 302
    alert.refresh_from_db()
    visit.refresh_from_db()
    assert (alert.state, alert.confirmed_entry, alert.answered_by) == ("confirmed", bob, world.olga)
    assert visit.screening == Visit.Screening.POSSIBLE_MATCH  # no badge
    event = AuditEvent.objects.get(action="watchlist.match_answered")
    assert event.data["answer"] == "this_person" and event.data["entry"] == str(bob.pk)
    text = client.get(alert_url(alert)).content.decode()
    assert "What to do now" in text
    assert "Do not confront the visitor" in text
    assert "Keep the child in class" in text
    assert "Call the custodial parent" in text
    badge = client_for(world.alice).get(reverse("visitors-badge", kwargs={"visit_id": visit.pk}))
    assert badge.status_code == 410


def test_the_next_steps_follow_the_reason_a_person_is_listed(world, client_for):
    trespass = listed_bob(world.north, reason="trespass")
    check_in(world)
    alert = Alert.objects.get()
    alerts.answer(alert=alert, actor=world.olga, given="this_person", entry=trespass)
    text = client_for(world.olga).get(alert_url(alert)).content.decode()
    assert "leave the school grounds" in text and "call the police" in text
    assert "custodial parent" not in text


def test_every_reason_has_its_steps():
    from threshold.watchlists.models import Reason
    from threshold.watchlists.procedures import NEXT_STEPS, steps_for

    assert set(NEXT_STEPS) == set(Reason.values)
    for reason in Reason.values:
        steps = steps_for(reason)
        assert steps[0].startswith("Do not confront")
        assert len(steps) >= 4


def test_not_sure_keeps_it_pending_with_the_official_on_the_way(world, client_for, held):
    visit, alert, _bob = held
    client_for(world.olga).post(answer_url(alert), {"answer": "coming"})
    alert.refresh_from_db()
    visit.refresh_from_db()
    assert (alert.state, alert.coming_by, alert.answered_by) == ("coming", world.olga, None)
    assert visit.screening == Visit.Screening.POSSIBLE_MATCH
    assert AuditEvent.objects.get(action="watchlist.match_answered").data["answer"] == "coming"
    # The principal, who also answers for Lincoln, sees who is on the way.
    text = client_for(world.pete).get(alert_url(alert, "watchlists-alert-hx")).content.decode()
    assert "Olga Ortiz is on the way" in text


def test_an_official_on_the_way_may_then_answer(world, held):
    visit, alert, _bob = held
    alerts.answer(alert=alert, actor=world.olga, given="coming")
    alerts.answer(alert=alert, actor=world.olga, given="not_this_person")
    visit.refresh_from_db()
    assert visit.screening == Visit.Screening.CLEAR
    answers = AuditEvent.objects.filter(action="watchlist.match_answered").order_by("seq")
    assert [(e.data["answer"], e.data["was"]) for e in answers] == [
        ("coming", "waiting"),
        ("not_this_person", "coming"),
    ]


def test_a_confirmed_match_can_still_be_released_after_meeting_the_visitor(world, held):
    visit, alert, bob = held
    alerts.answer(alert=alert, actor=world.olga, given="this_person", entry=bob)
    alerts.answer(alert=alert, actor=world.pete, given="not_this_person")
    alert.refresh_from_db()
    visit.refresh_from_db()
    assert (alert.state, alert.answered_by, alert.confirmed_entry) == ("released", world.pete, None)
    assert visit.screening == Visit.Screening.CLEAR


def test_a_released_check_in_takes_no_further_answer(world, client_for, held):
    _visit, alert, bob = held
    alerts.answer(alert=alert, actor=world.olga, given="not_this_person")
    with pytest.raises(alerts.AlreadyReleased):
        alerts.answer(alert=alert, actor=world.pete, given="this_person", entry=bob)
    response = client_for(world.pete).post(
        answer_url(alert), {"answer": "this_person", "entry": str(bob.pk)}
    )
    assert response.status_code == 422
    assert "already released" in response.content.decode()
    assert AuditEvent.objects.filter(action="watchlist.match_answered").count() == 1


def test_it_is_this_person_must_name_a_candidate_of_the_alert(world, client_for, held):
    _visit, alert, _bob = held
    stranger = listed_bob(world.north, family_name="Unrelated")
    with pytest.raises(ValidationError):
        alerts.answer(alert=alert, actor=world.olga, given="this_person", entry=stranger)
    client = client_for(world.olga)
    for data in (
        {"answer": "this_person", "entry": str(stranger.pk)},
        {"answer": "this_person", "entry": "not-an-id"},
        {"answer": "maybe"},
    ):
        assert client.post(answer_url(alert), data).status_code == 422
    alert.refresh_from_db()
    assert alert.state == "waiting"


def test_the_desk_waits_with_a_neutral_message_until_released(world, client_for, held):
    visit, alert, _bob = held
    client = client_for(world.alice)
    page = client.get(wait_url(visit))
    assert page.status_code == 200
    text = page.content.decode()
    assert "Please wait, the office will be with you shortly." in text
    for telling in ("watchlist", "Watchlist", "match", "custody", "Custody", "list", "Bob Smith"):
        assert telling not in text.split("<main", 1)[1].split("</main>")[0]
    live = client.get(wait_url(visit, live=True), HTTP_HX_REQUEST="true")
    assert live.status_code == 204 and "HX-Redirect" not in live
    alerts.answer(alert=alert, actor=world.olga, given="not_this_person")
    live = client.get(wait_url(visit, live=True), HTTP_HX_REQUEST="true")
    badge = reverse("visitors-badge", kwargs={"visit_id": visit.pk})
    assert live["HX-Redirect"] == f"{badge}?print=1"
    assert client.get(wait_url(visit)).url == f"{badge}?print=1"


def test_the_desk_keeps_waiting_when_it_is_the_listed_person(world, client_for, held):
    visit, alert, bob = held
    alerts.answer(alert=alert, actor=world.olga, given="this_person", entry=bob)
    live = client_for(world.alice).get(wait_url(visit, live=True), HTTP_HX_REQUEST="true")
    assert live.status_code == 204


def test_the_desk_goes_back_to_its_home_once_the_visitor_has_left(world, client_for, held):
    visit, _alert, _bob = held
    from threshold.visitors import services

    services.visit_check_out(visit=visit, actor=world.alice)
    live = client_for(world.alice).get(wait_url(visit, live=True), HTTP_HX_REQUEST="true")
    assert live["HX-Redirect"] == reverse("visitors-desk", kwargs={"school_id": world.lincoln.pk})


def test_the_desk_check_in_form_leads_to_the_waiting_screen(world, client_for):
    listed_bob(world.north)
    url = reverse("visitors-check-in", kwargs={"school_id": world.lincoln.pk})
    form = {
        "family_name": "Smith",
        "given_names": "Robert",
        "date_of_birth": "1979-04-02",
        "visitor_type": "parent",
    }
    response = client_for(world.alice).post(url, form)
    visit = Visit.objects.get()
    assert response.status_code == 302
    assert response.url == wait_url(visit)
