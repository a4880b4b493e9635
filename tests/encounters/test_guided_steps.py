"""The guided steps: identification (given and refused), what is asked, whom it concerns, an
emergency; each recorded from either screen, audited, fed to the engine, and shown on the other
screen by its next refresh. The official's screen shows the pack's decision card."""

from __future__ import annotations

import pytest
from django.urls import reverse

from threshold.audit.models import AuditEvent
from threshold.encounters import guidance
from threshold.encounters.services import (
    EncounterClosed,
    close_encounter,
    record_step,
    start_encounter,
)
from threshold.notify.models import Notification


def step_url(encounter, step):
    return reverse("encounters-record", kwargs={"encounter_id": encounter.pk, "step": step})


def live_url(encounter, view="desk"):
    return reverse(f"encounters-{view}-hx", kwargs={"encounter_id": encounter.pk})


@pytest.fixture
def encounter(world):
    return start_encounter(school=world.lincoln, actor=world.alice)


def test_the_desk_records_the_identification_with_what_was_refused(world, client_for, encounter):
    response = client_for(world.alice).post(
        step_url(encounter, "identification"),
        {
            "agency": "IMMIGRATION",
            "officer_name": "D. Agent",
            "officer_badge": "4471",
            "refused": ["PHONE", "BUSINESS_CARD"],
        },
    )
    assert response.status_code == 302
    assert response.url.endswith("/desk/#step-identification")
    encounter.refresh_from_db()
    assert (encounter.agency, encounter.officer_name, encounter.officer_badge) == (
        "IMMIGRATION",
        "D. Agent",
        "4471",
    )
    assert encounter.refused == ["PHONE", "BUSINESS_CARD"]
    assert encounter.facts["requester"] == {
        "agency": "IMMIGRATION",
        "identification": ["NAME", "BADGE_OR_ID_NUMBER"],
    }
    event = AuditEvent.objects.get(action="encounter.identification_recorded")
    assert event.data["given"] == ["NAME", "BADGE_OR_ID_NUMBER"]
    assert event.data["refused"] == ["PHONE", "BUSINESS_CARD"]
    # The officer's details stay in the encounter's row, never in the audit trail.
    assert "Agent" not in str(event.data) and "4471" not in str(event.data)
    # The pack's steps now name what is still missing.
    steps = " ".join(guidance.decision_for(encounter).steps)
    assert "telephone number and business card" in steps


def test_given_and_refused_at_once_is_refused_plainly(world, client_for, encounter):
    response = client_for(world.alice).post(
        step_url(encounter, "identification"),
        {"agency": "IMMIGRATION", "officer_name": "D. Agent", "refused": ["NAME"]},
    )
    assert response.status_code == 422
    page = response.content.decode()
    assert "This was given, but is also marked as refused: choose one." in page
    assert 'value="D. Agent"' in page  # nothing typed is lost
    encounter.refresh_from_db()
    assert encounter.officer_name == ""
    assert not AuditEvent.objects.filter(action="encounter.identification_recorded").exists()


def test_a_request_brings_in_counsel_and_the_superintendent_as_the_pack_says(
    world, client_for, encounter
):
    from tests.notify.helpers import superintendent

    superintendent(world)
    client_for(world.alice).post(
        step_url(encounter, "request"),
        {"requests": ["ACCESS_STUDENT"], "place": "NONPUBLIC_AREA", "purpose": "See a pupil"},
    )
    encounter.refresh_from_db()
    assert encounter.facts["requests"] == ["ACCESS_STUDENT"]
    informed = sorted(
        n.recipient.email for n in Notification.objects.filter(encounter=encounter, kind="inform")
    )
    assert informed == ["carl@north.example", "suzy@north.example"]
    assert AuditEvent.objects.filter(action="notify.informed").count() == 2


def test_the_official_sees_the_decision_card_with_its_sources(world, client_for, encounter):
    record_step(
        encounter=encounter,
        actor=world.alice,
        step="identification",
        values={"agency": "IMMIGRATION"},
    )
    record_step(
        encounter=encounter,
        actor=world.alice,
        step="request",
        values={"requests": ["ACCESS_STUDENT"], "place": "NONPUBLIC_AREA", "purpose": ""},
    )
    record_step(
        encounter=encounter, actor=world.alice, step="subject", values={"subject": "STUDENT"}
    )
    page = (
        client_for(world.olga)
        .get(reverse("encounters-official", kwargs={"encounter_id": encounter.pk}))
        .content.decode()
    )
    assert 'class="decision-card"' in page
    assert "Public areas only, like any visitor" in page
    assert "Call counsel now." in page
    assert "Why: the rules and their sources" in page
    assert "I can&#x27;t bring any student to you" in page or "I can't bring any student" in page
    # The desk records and reads the words; it is not shown a decision.
    desk_page = (
        client_for(world.alice)
        .get(reverse("encounters-desk", kwargs={"encounter_id": encounter.pk}))
        .content.decode()
    )
    assert 'class="decision-card"' not in desk_page


def test_an_emergency_needs_the_reason_given(world, client_for, encounter):
    response = client_for(world.alice).post(
        step_url(encounter, "exigency"), {"exigency": "IMMINENT_DANGER", "exigency_basis": ""}
    )
    assert response.status_code == 422
    assert "Write down the reason the officer gives." in response.content.decode()
    client_for(world.alice).post(
        step_url(encounter, "exigency"),
        {"exigency": "IMMINENT_DANGER", "exigency_basis": "Says a man with a knife ran in"},
    )
    encounter.refresh_from_db()
    assert encounter.facts["exigency"] == "IMMINENT_DANGER"
    event = AuditEvent.objects.get(action="encounter.exigency_recorded")
    assert event.data == {
        "changed": ["exigency", "exigency_basis"],
        "exigency": "IMMINENT_DANGER",
        "reason_given": True,
    }


def test_what_one_screen_records_reaches_the_other_on_its_next_refresh(
    world, client_for, encounter
):
    official = client_for(world.olga)
    first = official.get(live_url(encounter, "official"))
    version = first.content.decode().split('data-version="')[1].split('"')[0]
    # Nothing changed: the refresh sends nothing, and an open "Why" stays open.
    assert official.get(live_url(encounter, "official"), {"v": version}).status_code == 204

    record_step(
        encounter=encounter,
        actor=world.alice,
        step="identification",
        values={"agency": "STATE_OR_LOCAL_POLICE", "officer_name": "Sgt. Lee"},
    )
    after = official.get(live_url(encounter, "official"), {"v": version})
    assert after.status_code == 200
    page = after.content.decode()
    assert "Sgt. Lee" in page and "State or local police" in page
    assert "Last recorded by Alice Adams" in page


def test_nothing_is_recorded_on_a_closed_encounter(world, encounter):
    close_encounter(encounter=encounter, actor=world.alice)
    with pytest.raises(EncounterClosed):
        record_step(
            encounter=encounter, actor=world.alice, step="subject", values={"subject": "STAFF"}
        )


@pytest.mark.parametrize("person", ["bob", "sam", "oscar"])
def test_no_one_else_records_a_step(world, client_for, encounter, person):
    response = client_for(getattr(world, person)).post(
        step_url(encounter, "subject"), {"subject": "STAFF"}
    )
    assert response.status_code in (403, 404)
    encounter.refresh_from_db()
    assert encounter.subject == ""


def test_an_unknown_step_is_not_found(world, client_for, encounter):
    assert client_for(world.alice).post(step_url(encounter, "outcome"), {}).status_code == 404
