"""Checking an officer's identity by telephone: the school's numbers (kept by the district), the
official's call and its result, which the engine reads (not confirmed: unverified requester)."""

from __future__ import annotations

from django.urls import reverse

from threshold.audit.models import AuditEvent
from threshold.encounters import guidance
from threshold.encounters.models import VerificationNumber
from threshold.encounters.services import record_step, start_encounter


def numbers_url(school):
    return reverse("encounters-verification-numbers", kwargs={"school_id": school.pk})


def test_the_district_keeps_each_schools_numbers(world, client_for):
    client = client_for(world.dana)
    response = client.post(
        numbers_url(world.lincoln),
        {"label": "Hartford Police, non-emergency", "phone": "(860) 555-0300"},
    )
    assert response.status_code == 302
    number = VerificationNumber.objects.get()
    assert (number.school, number.phone) == (world.lincoln, "(860) 555-0300")
    assert AuditEvent.objects.filter(action="encounters.verification_number_added").exists()
    again = client.post(
        numbers_url(world.lincoln),
        {"label": "hartford police, non-emergency", "phone": "(860) 555-0301"},
    )
    assert again.status_code == 422
    assert "already has a number with that name" in again.content.decode()
    short = client.post(numbers_url(world.lincoln), {"label": "ICE", "phone": "555"})
    assert short.status_code == 422
    remove = reverse("encounters-verification-number-remove", kwargs={"number_id": number.pk})
    client.post(remove)
    assert not VerificationNumber.objects.exists()


def test_only_the_districts_administrator_keeps_them(world, client_for):
    assert client_for(world.olga).get(numbers_url(world.lincoln)).status_code == 403
    assert client_for(world.sue).get(numbers_url(world.lincoln)).status_code == 404
    number = VerificationNumber.objects.create(school=world.lincoln, label="PD", phone="8605550300")
    remove = reverse("encounters-verification-number-remove", kwargs={"number_id": number.pk})
    assert client_for(world.sue).post(remove).status_code == 404
    assert VerificationNumber.objects.exists()


def test_the_official_calls_and_records_the_result(world, client_for):
    VerificationNumber.objects.create(
        school=world.lincoln, label="Hartford Police, non-emergency", phone="(860) 555-0300"
    )
    encounter = start_encounter(school=world.lincoln, actor=world.alice)
    record_step(
        encounter=encounter,
        actor=world.alice,
        step="identification",
        values={"agency": "IMMIGRATION", "officer_name": "D. Agent"},
    )
    client = client_for(world.olga)
    url = reverse("encounters-official", kwargs={"encounter_id": encounter.pk})
    page = client.get(url).content.decode()
    assert 'href="tel:+18605550300"' in page and "Verify the officer by telephone" in page
    step = reverse(
        "encounters-record", kwargs={"encounter_id": encounter.pk, "step": "verification"}
    )
    response = client.post(
        step,
        {
            "back": "official",
            "verification_called": "Hartford Police, Sgt. Diaz",
            "verification_result": "not_confirmed",
        },
    )
    assert response.status_code == 302
    encounter.refresh_from_db()
    assert encounter.verification_result == "not_confirmed"
    # The officer could not be confirmed: the pack's unverified-requester rules apply.
    assert encounter.facts["requester"]["agency"] == "UNVERIFIED"
    steps = " ".join(guidance.decision_for(encounter).steps)
    assert "identity and agency cannot be verified" in steps
    event = AuditEvent.objects.get(action="encounter.verification_recorded")
    assert event.data["result"] == "not_confirmed"
    desk_page = (
        client_for(world.alice)
        .get(reverse("encounters-desk", kwargs={"encounter_id": encounter.pk}))
        .content.decode()
    )
    assert "Not confirmed: they do not know this officer" in desk_page
    assert "Verify the officer by telephone" not in desk_page


def test_the_desk_does_not_record_the_verification(world, client_for):
    encounter = start_encounter(school=world.lincoln, actor=world.alice)
    step = reverse(
        "encounters-record", kwargs={"encounter_id": encounter.pk, "step": "verification"}
    )
    response = client_for(world.alice).post(
        step, {"verification_called": "PD", "verification_result": "confirmed"}
    )
    assert response.status_code == 403
    encounter.refresh_from_db()
    assert encounter.verification_result == ""
