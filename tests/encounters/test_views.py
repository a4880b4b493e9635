"""Officer at the door on the front desk, the desk's encounter screen, the offer after an official
is checked in, the official's screen, and closing. Every URL refuses other schools (404) and
people without the capability (403)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from threshold.audit.models import AuditEvent
from threshold.encounters.models import Encounter
from threshold.encounters.services import start_encounter
from threshold.notify.models import Notification
from threshold.testing import factories
from threshold.visitors.models import Visit


def start_url(school):
    return reverse("encounters-start", kwargs={"school_id": school.pk})


def desk_url(encounter):
    return reverse("encounters-desk", kwargs={"encounter_id": encounter.pk})


def official_url(encounter):
    return reverse("encounters-official", kwargs={"encounter_id": encounter.pk})


def test_the_desk_shows_a_big_officer_button_that_starts_the_protocol(world, client_for):
    page = client_for(world.alice).get(f"/schools/{world.lincoln.pk}/desk/").content.decode()
    assert f'action="{start_url(world.lincoln)}"' in page
    assert 'class="officer-button"' in page and 'accesskey="o"' in page


def test_pressing_it_opens_the_encounter_and_summons_the_official(world, client_for):
    response = client_for(world.alice).post(start_url(world.lincoln))
    encounter = Encounter.objects.get()
    assert response.status_code == 302 and response.url == desk_url(encounter)
    assert (encounter.school, encounter.started_by, encounter.state) == (
        world.lincoln,
        world.alice,
        "open",
    )
    assert encounter.pack_id == "ct-2025"
    assert Notification.objects.get().recipient == world.olga
    event = AuditEvent.objects.get(action="encounter.started")
    assert event.subject_id == str(encounter.pk)
    assert event.data["from"] == "desk"


def test_the_desk_screen_shows_the_timer_the_packs_first_steps_and_who_is_called(world, client_for):
    encounter = start_encounter(school=world.lincoln, actor=world.alice)
    page = client_for(world.alice).get(desk_url(encounter)).content.decode()
    assert "data-timer" in page
    # The pack's own words (ct-2025), not text of this app.
    assert "Keep the officer in the lobby or reception area." in page
    assert "Call the designated official now" in page
    assert "Ask each officer for name, agency, badge or ID number" in page
    assert "Please wait here. Our designated official is on the way to speak with you." in page
    assert "Olga Ortiz" in page
    assert "Waiting for the official to acknowledge" in page
    # The desk never sees a decision button.
    assert "Acknowledge" not in page


def test_the_status_refreshes_without_counting_as_activity(world, client_for):
    encounter = start_encounter(school=world.lincoln, actor=world.alice)
    url = reverse("encounters-desk-hx", kwargs={"encounter_id": encounter.pk})
    response = client_for(world.alice).get(url)
    assert response.status_code == 200
    assert 'id="encounter-status"' in response.content.decode()


def test_checking_in_an_official_offers_the_protocol(world, client_for):
    client = client_for(world.alice)
    response = client.post(
        f"/schools/{world.lincoln.pk}/desk/check-in/",
        {"given_names": "Dan", "family_name": "Agent", "visitor_type": "official"},
    )
    visit = Visit.objects.get()
    offer = reverse("encounters-offer", kwargs={"visit_id": visit.pk})
    assert response.status_code == 302 and response.url == offer
    page = client.get(offer).content.decode()
    assert "Start the officer protocol" in page and "Only print the badge" in page

    started = client.post(offer)
    encounter = Encounter.objects.get()
    assert started.url == desk_url(encounter)
    assert encounter.visit == visit
    assert AuditEvent.objects.get(action="encounter.started").data["from"] == "check_in"
    # Pressing again does not start a second encounter for the same visit.
    client.post(offer)
    assert Encounter.objects.count() == 1


def test_a_parents_check_in_is_not_offered_the_protocol(world, client_for):
    visit = factories.visit(world.lincoln, checked_in_by=world.alice)
    offer = reverse("encounters-offer", kwargs={"visit_id": visit.pk})
    response = client_for(world.alice).get(offer)
    assert response.status_code == 302 and "/badge/" in response.url


def test_the_official_sees_the_encounter_and_acknowledges(world, client_for):
    encounter = start_encounter(school=world.lincoln, actor=world.alice)
    client = client_for(world.olga)
    page = client.get(official_url(encounter)).content.decode()
    assert "Acknowledge: I am on my way" in page
    assert "Keep the officer in the lobby or reception area." in page
    assert AuditEvent.objects.filter(action="encounter.viewed").count() == 1

    summons = Notification.objects.get()
    response = client.post(reverse("notify-acknowledge", kwargs={"notification_id": summons.pk}))
    assert response.status_code == 302 and response.url == official_url(encounter)
    encounter.refresh_from_db()
    assert encounter.acknowledged_by == world.olga
    desk_page = client_for(world.alice).get(desk_url(encounter)).content.decode()
    assert "Olga Ortiz acknowledged at" in desk_page


def test_closing_ends_the_encounter_once(world, client_for):
    encounter = start_encounter(school=world.lincoln, actor=world.alice)
    url = reverse("encounters-close", kwargs={"encounter_id": encounter.pk})
    client = client_for(world.alice)
    assert client.post(url).status_code == 302
    encounter.refresh_from_db()
    assert (encounter.state, encounter.closed_by) == ("closed", world.alice)
    client.post(url)
    assert AuditEvent.objects.filter(action="encounter.closed").count() == 1


@pytest.mark.parametrize("person", ["bob", "sam"])
def test_another_schools_desk_gets_404(world, client_for, person):
    encounter = start_encounter(school=world.lincoln, actor=world.alice)
    client = client_for(getattr(world, person))
    assert client.post(start_url(world.lincoln)).status_code == 404
    assert client.get(desk_url(encounter)).status_code == 404
    close = reverse("encounters-close", kwargs={"encounter_id": encounter.pk})
    assert client.post(close).status_code == 404
    assert Encounter.objects.count() == 1


def test_the_front_desk_cannot_open_the_officials_screen(world, client_for):
    encounter = start_encounter(school=world.lincoln, actor=world.alice)
    assert client_for(world.alice).get(official_url(encounter)).status_code == 403


def test_an_official_of_another_district_gets_404(world, client_for):
    from threshold.accounts.roles import Role

    other = factories.staff_with_role(
        world.south, Role.DESIGNATED_OFFICIAL, school=world.jefferson, email="jo@south.example"
    )
    encounter = start_encounter(school=world.lincoln, actor=world.alice)
    assert client_for(other).get(official_url(encounter)).status_code == 404


def test_district_counsel_can_follow_the_encounter(world, client_for):
    encounter = start_encounter(school=world.lincoln, actor=world.alice)
    assert client_for(world.carl).get(official_url(encounter)).status_code == 200


def test_the_official_calls_counsel_in_one_tap(world, client_for):
    world.carl.phone = "(860) 555-0177"
    world.carl.save(update_fields=["phone"])
    encounter = start_encounter(school=world.lincoln, actor=world.alice)
    page = client_for(world.olga).get(official_url(encounter)).content.decode()
    assert 'href="tel:+18605550177"' in page
    assert "Call counsel: Carl Counsel, (860) 555-0177" in page
