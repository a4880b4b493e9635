"""The OpenAPI document at /api/v1/openapi.json: served to devices, and whole enough for a generic
client (every operation named, typed in and out, its security declared, every reference found).
Checked here by structure, offline, without a validator package."""

import re

import pytest
from django.urls import Resolver404, resolve

OPERATIONS = {"checkIn", "getVisit", "checkOut", "checkOutByBadge", "getOnSite"}
# Student records take a staff session, never a device token (threshold/records/api.py).
RECORDS_OPERATIONS = {
    "listRecordsRequests",
    "recordRecordsRequest",
    "readRecordsRequest",
    "readRecordOfDisclosures",
}
RECORDS_PREFIX = "/api/v1/records/"
# Officer visits: staff sessions, and a front-desk device for starting and reading
# (threshold/encounters/api.py).
ENCOUNTER_OPERATIONS = {
    "startEncounter",
    "getEncounter",
    "recordEncounterStep",
    "recordEncounterOutcome",
    "closeEncounter",
}
SESSION = {"type": "apiKey", "in": "cookie", "name": "sessionid"}
BEARER = {"type": "http", "scheme": "bearer"}


def is_encounter_path(path):
    return "/encounters/" in path


METHODS = {"get", "put", "post", "delete", "options", "head", "patch", "trace"}


@pytest.fixture
def document(world, devices, api_as):
    response = api_as("lincoln_roster").get("/api/v1/openapi.json")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    return response.json()


def refs(value):
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "$ref":
                yield item
            else:
                yield from refs(item)
    elif isinstance(value, list):
        for item in value:
            yield from refs(item)


def operations(document):
    for path, item in document["paths"].items():
        for method, operation in item.items():
            assert method in METHODS, (path, method)
            yield path, method, operation


def has_schema(media):
    return set(media) == {"application/json"} and isinstance(
        media["application/json"].get("schema"), dict
    )


def test_it_is_openapi_3_with_title_and_version(document):
    assert re.fullmatch(r"3\.\d+\.\d+", document["openapi"])
    assert document["info"]["title"] == "Threshold"
    assert document["info"]["version"] == "1"


def test_it_names_every_operation_once(document):
    ids = [op["operationId"] for _, _, op in operations(document)]
    assert len(ids) == len(set(ids))
    assert set(ids) == OPERATIONS | RECORDS_OPERATIONS | ENCOUNTER_OPERATIONS
    assert all(op.get("summary") for _, _, op in operations(document))


def test_every_path_is_versioned_and_served(document):
    for path in document["paths"]:
        assert path.startswith("/api/v1/"), path
        concrete = re.sub(r"\{[^}]+\}", "00000000-0000-0000-0000-000000000000", path)
        try:
            resolve(concrete)
        except Resolver404:
            pytest.fail(f"{path} is in the document but not served")


def test_every_input_has_a_schema(document):
    for path, method, operation in operations(document):
        named = set(re.findall(r"\{([^}]+)\}", path))
        parameters = operation.get("parameters", [])
        assert {p["name"] for p in parameters if p["in"] == "path"} == named, path
        for parameter in parameters:
            assert parameter["in"] in {"path", "query", "header", "cookie"}
            assert isinstance(parameter.get("schema"), dict), (path, parameter)
            if parameter["in"] == "path":
                assert parameter["required"] is True
                assert parameter["schema"].get("format") == "uuid", (path, parameter)
        if "requestBody" in operation:
            assert method == "post"
            assert has_schema(operation["requestBody"]["content"]), path
        assert parameters or "requestBody" in operation, path


def test_every_response_has_a_description_and_a_schema(document):
    for path, _method, operation in operations(document):
        responses = operation["responses"]
        assert any(code.startswith("2") for code in responses), path
        # Devices are rate-limited (429); staff sessions are not.
        codes = (
            ("401", "403", "404")
            if path.startswith(RECORDS_PREFIX)
            else ("401", "403", "404", "429")
        )
        for code in codes:
            assert code in responses, (path, code)
        if "requestBody" in operation:
            assert "422" in responses, path
        for code, response in responses.items():
            assert re.fullmatch(r"[1-5]\d\d", code), (path, code)
            assert isinstance(response["description"], str)
            assert has_schema(response["content"]), (path, code)


def test_every_operation_requires_the_bearer_token(document):
    schemes = document["components"]["securitySchemes"]
    for path, _method, operation in operations(document):
        assert operation["security"], path
        for requirement in operation["security"]:
            for name in requirement:
                if path.startswith(RECORDS_PREFIX):
                    assert schemes[name] == SESSION
                elif is_encounter_path(path):
                    assert schemes[name] in (SESSION, BEARER), path
                else:
                    assert schemes[name] == {"type": "http", "scheme": "bearer"}


def test_every_reference_is_found(document):
    schemas = document["components"]["schemas"]
    found = list(refs(document))
    assert found
    for ref in found:
        assert ref.startswith("#/components/schemas/"), ref
        assert ref.removeprefix("#/components/schemas/") in schemas, ref
    for name, schema in schemas.items():
        assert {"type", "enum", "anyOf", "oneOf", "allOf", "$ref"} & set(schema), name


def test_no_schema_offers_what_is_never_kept(document):
    text = str(document).lower()
    for word in ("citizen", "immigra", "passport", "social_security", "ssn", "birthplace"):
        assert word not in text
    # A date of birth goes in (to record a new visitor) but never comes out.
    outputs = {k: v for k, v in document["components"]["schemas"].items() if k.endswith("Out")}
    assert "date_of_birth" not in str(outputs)
    assert "document_last4" not in text


def test_it_is_served_only_with_a_token(world, devices, api_as, client_for):
    assert api_as(None).get("/api/v1/openapi.json").status_code == 401
    assert api_as("lincoln_revoked").get("/api/v1/openapi.json").status_code == 401
    assert client_for(world.dana).get("/api/v1/openapi.json").status_code == 401


def test_it_serves_no_documentation_page_under_the_strict_csp(world, devices, api_as):
    assert api_as("lincoln").get("/api/v1/docs").status_code == 404
    # The API's root answers like the rest: JSON, and only with a token.
    assert api_as(None).get("/api/v1/").status_code == 401
    response = api_as("lincoln").get("/api/v1/")
    assert response.status_code == 404
    assert response.json() == {"detail": "Not found"}
