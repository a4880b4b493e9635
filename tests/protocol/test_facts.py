"""Encounter facts: the contract's schema, its defaults, and one-line errors for bad input."""

from __future__ import annotations

import pytest

from threshold.protocol import FactsError, parse_facts, parse_facts_json
from threshold.protocol.vocab import (
    Agency,
    Channel,
    DocType,
    FacialCheck,
    Nondisclosure,
    Place,
    Subject,
)


def test_it_applies_the_contract_defaults_to_empty_facts() -> None:
    facts = parse_facts({})

    assert facts.agency is Agency.UNVERIFIED
    assert facts.identification == frozenset()
    assert facts.channel is Channel.IN_PERSON
    assert facts.place is Place.NOT_APPLICABLE
    assert facts.requests == frozenset()
    assert facts.subject is Subject.NONE
    assert facts.documents == ()
    assert facts.proceeds_without_consent is False
    assert facts.directory_opt_out is False
    assert facts.identified_by_non_directory_info is False


def test_it_defaults_a_documents_check_and_confidentiality() -> None:
    facts = parse_facts({"documents": [{"type": "ADMIN_WARRANT_I200"}]})

    assert facts.documents[0].type is DocType.ADMIN_WARRANT_I200
    assert facts.documents[0].facial_check is FacialCheck.NOT_APPLICABLE
    assert facts.documents[0].nondisclosure is Nondisclosure.NONE


def test_it_round_trips_through_as_dict() -> None:
    raw = {
        "requester": {"agency": "FEDERAL_LAW_ENFORCEMENT", "identification": ["NAME", "PHONE"]},
        "channel": "MAIL_OR_FAX",
        "place": "NOT_APPLICABLE",
        "requests": ["STUDENT_RECORDS", "DIRECTORY_INFORMATION"],
        "subject": "ELIGIBLE_STUDENT",
        "documents": [
            {"type": "GRAND_JURY_SUBPOENA", "facial_check": "PASS", "nondisclosure": "REQUESTED"}
        ],
        "exigency": "NONE",
        "proceeds_without_consent": False,
        "student": {"directory_opt_out": True, "identified_by_non_directory_info": False},
    }

    assert parse_facts(parse_facts(raw).as_dict()) == parse_facts(raw)
    assert parse_facts(raw).as_dict()["requests"] == ["STUDENT_RECORDS", "DIRECTORY_INFORMATION"]


@pytest.mark.parametrize(
    ("data", "named"),
    [
        ({"urgency": "HIGH"}, "urgency"),
        ({"requester": {"agency": "ICE"}}, "requester.agency"),
        ({"requester": {"badge": "123"}}, "requester.badge"),
        ({"requests": "ACCESS_STUDENT"}, "requests"),
        ({"requests": ["ACCESS_STUDENT", "LUNCH_MENU"]}, "requests[1]"),
        ({"documents": {"type": "UNKNOWN"}}, "documents"),
        ({"documents": [{"facial_check": "PASS"}]}, "documents[0].type"),
        ({"documents": [{"type": "I200"}]}, "documents[0].type"),
        ({"documents": [{"type": "UNKNOWN", "stamp": "x"}]}, "documents[0].stamp"),
        ({"documents": [{"type": "UNKNOWN", "nondisclosure": "SECRET"}]}, "nondisclosure"),
        ({"proceeds_without_consent": 1}, "proceeds_without_consent"),
        ({"proceeds_without_consent": "true"}, "proceeds_without_consent"),
        ({"student": {"directory_opt_out": None}}, "student.directory_opt_out"),
        ({"student": {"ssn": "123"}}, "student.ssn"),
        ({"channel": None}, "channel"),
        ({"exigency": ["HOT_PURSUIT"]}, "exigency"),
        ([], "facts"),
    ],
)
def test_it_refuses_bad_input_with_a_one_line_error_naming_it(data: object, named: str) -> None:
    with pytest.raises(FactsError) as caught:
        parse_facts(data)

    message = str(caught.value)
    assert named in message
    assert "\n" not in message


def test_it_refuses_text_that_is_not_json() -> None:
    with pytest.raises(FactsError, match="not valid JSON"):
        parse_facts_json('{"requester": {"agency": "IMMIGRATION",}')


def test_it_has_no_field_for_immigration_status_or_identity_numbers() -> None:
    for key in ("immigration_status", "citizenship", "ssn", "alien_number", "visa"):
        with pytest.raises(FactsError, match=key):
            parse_facts({key: "x"})
