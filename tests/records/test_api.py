"""The records API: staff sessions with a records role only; devices are refused; the district's
rows only; the same services and audit events as the pages."""

import json

from django.test import Client

from threshold.api.api import api
from threshold.audit.models import AuditEvent
from threshold.records.models import RecordsRequest
from threshold.testing import factories

from .conftest import student

BODY = {
    "channel": "MAIL_OR_FAX",
    "requester": {"agency": "STATE_OR_LOCAL_POLICE", "name": "Det. Ruiz", "badge": "H-12"},
    "requested": ["STUDENT_RECORDS"],
    "document": {"doc_class": "JUDICIAL_SUBPOENA", "facial_check": "PASS"},
    "stated_interest": "Criminal case",
}


def test_a_records_officer_records_and_reads_a_request(world, rita, maria, client_for):
    client = client_for(rita)
    response = client.post(
        "/api/v1/records/requests/",
        json.dumps({**BODY, "student_id": str(maria.pk)}),
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["records"] == "DISCLOSE_AFTER_PARENT_NOTICE"
    assert body["status"] == "awaiting_notice"
    assert "PARENT_FERPA" in body["notify"]
    listed = client.get("/api/v1/records/requests/").json()
    assert [item["id"] for item in listed] == [body["id"]]
    assert client.get(f"/api/v1/records/requests/{body['id']}/").status_code == 200
    record = client.get(f"/api/v1/records/students/{maria.pk}/disclosures/").json()
    assert [entry["entry"] for entry in record] == ["request"]
    assert AuditEvent.objects.filter(action="records.disclosures_viewed").count() == 1


def test_unsafe_methods_need_the_csrf_token(world, rita, maria):
    client = Client(enforce_csrf_checks=True)
    client.force_login(rita)
    response = client.post(
        "/api/v1/records/requests/", json.dumps(BODY), content_type="application/json"
    )
    assert response.status_code in (401, 403)
    assert not RecordsRequest.objects.exists()


def test_a_front_desk_device_cannot_read_records(world, rita, maria):
    _device, token = factories.device(world.lincoln)
    client = Client(headers={"authorization": f"Bearer {token}"})
    for url in ("/api/v1/records/requests/", f"/api/v1/records/students/{maria.pk}/disclosures/"):
        assert client.get(url).status_code == 401


def test_staff_without_a_records_role_get_401(world, maria, client_for):
    for persona in (world.alice, world.dana):
        assert client_for(persona).get("/api/v1/records/requests/").status_code == 401


def test_another_districts_rows_are_not_found(world, rita, ralph, maria, client_for):
    response = client_for(rita).post(
        "/api/v1/records/requests/",
        json.dumps({**BODY, "student_id": str(maria.pk)}),
        content_type="application/json",
    )
    request_id = response.json()["id"]
    south = client_for(ralph)
    assert south.get("/api/v1/records/requests/").json() == []
    assert south.get(f"/api/v1/records/requests/{request_id}/").status_code == 404
    assert south.get(f"/api/v1/records/students/{maria.pk}/disclosures/").status_code == 404
    other = student(world.jefferson)
    refused = client_for(rita).post(
        "/api/v1/records/requests/",
        json.dumps({**BODY, "student_id": str(other.pk)}),
        content_type="application/json",
    )
    assert refused.status_code == 404


def test_invalid_codes_are_422(world, rita, client_for):
    response = client_for(rita).post(
        "/api/v1/records/requests/",
        json.dumps({**BODY, "requested": ["EVERYTHING"]}),
        content_type="application/json",
    )
    assert response.status_code == 422


def test_the_operations_are_in_the_openapi_document():
    document = api.get_openapi_schema()
    operations = {op["operationId"] for path in document["paths"].values() for op in path.values()}
    assert {
        "listRecordsRequests",
        "recordRecordsRequest",
        "readRecordsRequest",
        "readRecordOfDisclosures",
    } <= operations
