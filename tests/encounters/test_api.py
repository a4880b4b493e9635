"""The officer-visit operations of the API: a front-desk device starts an encounter at its school
and reads its own; staff sessions record the steps, the outcome and close, as on the pages."""

from __future__ import annotations

import json

from django.test import Client

from threshold.api.api import api
from threshold.api.models import Scope
from threshold.audit.models import AuditEvent
from threshold.encounters.models import Encounter, EncounterReport
from threshold.encounters.services import start_encounter
from threshold.testing import factories


def post(client, url, body=None):
    return client.post(url, json.dumps(body or {}), content_type="application/json")


def test_a_desk_device_starts_at_its_school_and_reads_only_its_own(world):
    _device, token = factories.device(world.lincoln, scopes=[Scope.OFFICER.value])
    client = Client(headers={"authorization": f"Bearer {token}"})
    response = post(client, f"/api/v1/schools/{world.lincoln.pk}/encounters/")
    assert response.status_code == 201, response.content
    body = response.json()
    encounter = Encounter.objects.get(pk=body["id"])
    assert encounter.school == world.lincoln and encounter.is_open
    assert body["access"] == "PUBLIC_ONLY" and body["say"] and body["say_other"]
    assert body["other_language"] == "es"
    assert AuditEvent.objects.filter(action="encounter.started").count() == 1
    assert client.get(f"/api/v1/encounters/{encounter.pk}/").status_code == 200
    # Another school's: not found; one the desk's person started: not the device's.
    assert post(client, f"/api/v1/schools/{world.washington.pk}/encounters/").status_code == 404
    theirs = start_encounter(school=world.lincoln, actor=world.alice)
    assert client.get(f"/api/v1/encounters/{theirs.pk}/").status_code == 404
    # It records nothing else.
    step = f"/api/v1/encounters/{encounter.pk}/steps/"
    assert (
        post(client, step, {"step": "request", "requests": ["ACCESS_STUDENT"]}).status_code == 401
    )
    assert post(client, f"/api/v1/encounters/{encounter.pk}/close/").status_code == 401


def test_a_device_without_the_officer_scope_is_refused(world):
    _device, token = factories.device(world.lincoln, scopes=[Scope.CHECK_IN.value])
    client = Client(headers={"authorization": f"Bearer {token}"})
    assert post(client, f"/api/v1/schools/{world.lincoln.pk}/encounters/").status_code == 403
    assert not Encounter.objects.exists()


def test_staff_run_the_lifecycle_over_the_api(world, client_for):
    desk = client_for(world.alice)
    started = post(desk, f"/api/v1/schools/{world.lincoln.pk}/encounters/")
    assert started.status_code == 201
    encounter_id = started.json()["id"]
    url = f"/api/v1/encounters/{encounter_id}"
    ident = post(
        desk,
        f"{url}/steps/",
        {
            "step": "identification",
            "agency": "IMMIGRATION",
            "officer_name": "D. Agent",
            "refused": ["BADGE_OR_ID_NUMBER"],
        },
    )
    assert ident.status_code == 200, ident.content
    assert ident.json()["unidentified"] is True
    bad = post(desk, f"{url}/steps/", {"step": "request", "requests": ["FLY"]})
    assert bad.status_code == 422
    assert bad.json()["detail"][0]["loc"][-1] == "requests"
    assert (
        post(desk, f"{url}/steps/", {"step": "request", "requests": ["ACCESS_STUDENT"]}).status_code
        == 200
    )
    # The desk neither verifies nor records the outcome.
    assert post(desk, f"{url}/steps/", {"step": "verification"}).status_code in (401, 403)
    assert post(desk, f"{url}/outcome/", {"results": {}}).status_code == 401
    official = Client()
    official.force_login(world.olga)
    refused = post(official, f"{url}/outcome/", {"results": {"ACCESS_STUDENT": "granted"}})
    assert refused.status_code == 422
    done = post(official, f"{url}/outcome/", {"results": {"ACCESS_STUDENT": "denied"}})
    assert done.status_code == 200 and done.json()["outcome"] == "denied"
    closed = post(official, f"{url}/close/")
    assert closed.status_code == 200 and closed.json()["state"] == "closed"
    assert EncounterReport.objects.filter(encounter_id=encounter_id).exists()
    assert post(official, f"{url}/close/").status_code == 409
    # Another district's staff: not found.
    other = Client()
    other.force_login(world.sue)
    assert other.get(f"{url}/").status_code in (401, 404)


def test_unsafe_methods_need_the_csrf_token(world):
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.alice)
    response = post(client, f"/api/v1/schools/{world.lincoln.pk}/encounters/")
    assert response.status_code in (401, 403)
    assert not Encounter.objects.exists()


def test_the_operations_are_in_the_openapi_document():
    document = api.get_openapi_schema()
    operations = {op["operationId"] for path in document["paths"].values() for op in path.values()}
    assert {
        "startEncounter",
        "getEncounter",
        "recordEncounterStep",
        "recordEncounterOutcome",
        "closeEncounter",
    } <= operations
