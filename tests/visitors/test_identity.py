"""What the desk keeps of an ID, the badge code and payload detection, the signed scan."""

from datetime import date

import pytest
from django.core import signing

from tests.idscan.payloads import Person
from tests.visitors.helpers import typed_payload
from threshold.visitors import identity

TODAY = date(2025, 6, 1)


def test_it_keeps_only_name_birth_date_and_last_four():
    scan = identity.read(typed_payload().encode(), today=TODAY)
    assert scan.identity == identity.Identity(
        family_name="Rivera-Castillo",
        given_names="Maria Elena",
        date_of_birth=date(1987, 9, 14),
        document_last4="5982",
    )
    assert not scan.expired


def test_it_reads_an_expired_card_and_says_so():
    scan = identity.read(typed_payload(Person(expires=(2024, 1, 1))).encode(), today=TODAY)
    assert scan.expired and scan.expiry_date == date(2024, 1, 1)


def test_it_keeps_mixed_case_names_as_printed():
    scan = identity.read(
        typed_payload(Person(family="McDonald", given="Fiona")).encode(), today=TODAY
    )
    assert scan.identity.family_name == "McDonald"


def test_it_refuses_what_is_not_a_licence():
    with pytest.raises(identity.UnreadableCard):
        identity.read(b"@ not a licence", today=TODAY)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("THOUT-ABCDEFGHIJKLMNOP", "ABCDEFGHIJKLMNOP"),
        ("thout-abcdefghijklmnop\n", "ABCDEFGHIJKLMNOP"),  # caps lock, Enter suffix
        ("THOUT-ABC", None),
        ("Maria", None),
    ],
)
def test_it_recognises_a_badge_code(text, expected):
    assert identity.badge_code(text) == expected


@pytest.mark.parametrize(
    ("text", "payload"),
    [
        ("@|", True),
        ("@", True),
        ("]L2@", True),
        ("ANSI 636", True),
        ("ansi 6", True),
        ("Ansel", False),
        ("maria", False),
        ("", False),
    ],
)
def test_it_tells_a_licence_being_typed_from_a_name(text, payload):
    assert identity.looks_like_payload(text) is payload


def test_a_scan_travels_signed_and_cannot_be_altered():
    scan = identity.read(typed_payload().encode(), today=TODAY)
    token = identity.sign(scan, visitor_id="3b0c")
    assert identity.unsign(token) == (scan, "3b0c")
    assert identity.unsign(identity.sign(scan)) == (scan, None)
    assert identity.unsign(token[:-2] + "xx") is None
    assert identity.unsign(signing.dumps({"f": "X"}, salt="elsewhere")) is None


@pytest.mark.parametrize(
    ("typed", "given", "family"),
    [
        ("Maria Rivera", "Maria", "Rivera"),
        ("Rivera, Maria", "Maria", "Rivera"),
        ("Cher", "", "Cher"),
        ("  Ana  de la  Cruz ", "Ana de la", "Cruz"),
    ],
)
def test_it_guesses_given_and_family_names_from_a_typed_name(typed, given, family):
    assert identity.split_typed_name(typed) == (given, family)


def test_it_folds_names_for_search():
    assert identity.fold("José  NÚÑEZ-Ortiz") == "jose nunez ortiz"
