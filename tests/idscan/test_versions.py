"""Each AAMVA version (01-10) is read with the name and date elements that version uses."""

from __future__ import annotations

from datetime import date

import pytest

from tests.idscan.payloads import Person, build, card
from threshold.idscan import AamvaError, is_aamva_payload, parse_aamva, read_licence

TODAY = date(2025, 6, 1)


@pytest.mark.parametrize("version", range(1, 11))
def test_it_reads_every_version(version: int) -> None:
    fields = parse_aamva(card(version), today=TODAY)

    assert fields.aamva_version == version
    assert (fields.family_name, fields.given_name, fields.middle_name) == (
        "RIVERA-CASTILLO",
        "MARIA",
        "ELENA",
    )
    assert fields.date_of_birth == date(1987, 9, 14)
    assert fields.expiry_date == date(2030, 9, 14)
    assert fields.issue_date == date(2022, 9, 14)
    assert fields.document_number == "170045982"
    assert fields.document_number_last4 == "5982"
    assert (fields.jurisdiction, fields.country) == ("CT", "USA")
    assert fields.expired is False
    assert fields.warnings == ()


@pytest.mark.parametrize("version", range(1, 11))
def test_it_reads_a_missing_middle_name_as_none(version: int) -> None:
    fields = parse_aamva(card(version, Person(middle=None)), today=TODAY)

    assert fields.given_name == "MARIA"
    assert fields.middle_name is None


def test_it_reads_a_version_01_card_with_the_aamva_file_type() -> None:
    payload = build(
        [("DAQ", "990311457"), ("DAA", "KOWALCZYK,ANNA,MARIE"), ("DBB", "19850514")],
        version=1,
        file_type="AAMVA",
    )

    fields = parse_aamva(payload, today=TODAY)

    assert (fields.family_name, fields.given_name, fields.middle_name) == (
        "KOWALCZYK",
        "ANNA",
        "MARIE",
    )
    assert fields.date_of_birth == date(1985, 5, 14)
    assert fields.aamva_version == 1


@pytest.mark.parametrize(
    ("full_name", "expected"),
    [
        ("O'CONNOR,SEAN,PATRICK", ("O'CONNOR", "SEAN", "PATRICK")),
        ("O'CONNOR$SEAN$PATRICK", ("O'CONNOR", "SEAN", "PATRICK")),
        ("VAN DER BERG,PIETER JAN", ("VAN DER BERG", "PIETER", "JAN")),
        ("SMITH,JOHN", ("SMITH", "JOHN", None)),
        ("SMITH,JOHN,ALLEN,JR", ("SMITH", "JOHN", "ALLEN")),
        ("SMITH,JOHN,NONE", ("SMITH", "JOHN", None)),
    ],
)
def test_it_splits_the_version_01_full_name(
    full_name: str, expected: tuple[str, str | None, str | None]
) -> None:
    payload = build([("DAQ", "1"), ("DAA", full_name), ("DBB", "19790207")], version=1)

    fields = parse_aamva(payload, today=TODAY)

    assert (fields.family_name, fields.given_name, fields.middle_name) == expected


def test_it_prefers_separate_name_elements_on_a_version_01_card() -> None:
    payload = build(
        [("DAQ", "1"), ("DAB", "MURPHY"), ("DAC", "KATHLEEN"), ("DAD", "ANN"), ("DBB", "19721002")],
        version=1,
    )

    fields = parse_aamva(payload, today=TODAY)

    assert (fields.family_name, fields.given_name, fields.middle_name) == (
        "MURPHY",
        "KATHLEEN",
        "ANN",
    )


@pytest.mark.parametrize(
    ("given_names", "given", "middle"),
    [
        ("JAMES,EARL", "JAMES", "EARL"),
        ("ROBERT JAMES", "ROBERT", "JAMES"),
        ("ROBERT JAMES                         ", "ROBERT", "JAMES"),
        ("ADAEZE", "ADAEZE", None),
        ("ADAEZE,", "ADAEZE", None),
        ("JEAN-FRANCOIS,MARIE CLAUDE", "JEAN-FRANCOIS", "MARIE CLAUDE"),
    ],
)
@pytest.mark.parametrize("version", [2, 3])
def test_it_splits_dct_into_given_and_middle_names(
    version: int, given_names: str, given: str, middle: str | None
) -> None:
    payload = build(
        [("DCS", "HOLLOWAY"), ("DCT", given_names), ("DBB", "03221990"), ("DAQ", "28841937")],
        version=version,
    )

    fields = parse_aamva(payload, today=TODAY)

    assert (fields.given_name, fields.middle_name) == (given, middle)


def test_it_reads_dct_on_a_later_card_that_still_uses_it() -> None:
    payload = build(
        [("DAQ", "1"), ("DCS", "HOLLOWAY"), ("DCT", "JAMES EARL"), ("DBB", "03221990")],
        version=5,
    )

    fields = parse_aamva(payload, today=TODAY)

    assert (fields.given_name, fields.middle_name) == ("JAMES", "EARL")


def test_it_reads_an_id_card_subfile() -> None:
    payload = card(9).replace(b"DL0031", b"ID0031").replace(b"DLDAQ", b"IDDAQ")

    fields = parse_aamva(payload, today=TODAY)

    assert fields.document_number == "170045982"


def test_it_ignores_a_jurisdiction_subfile() -> None:
    elements = [("DAQ", "Y7730218"), ("DCS", "TRAN"), ("DAC", "MINH"), ("DBB", "11301996")]
    z_elements = [("ZCA", "BRN"), ("ZCB", "DAQ999"), ("ZCC", "")]
    plain = build(elements, version=10, iin="636014")
    with_z = build(elements, version=10, iin="636014", jurisdiction_subfile=z_elements)

    assert parse_aamva(with_z, today=TODAY) == parse_aamva(plain, today=TODAY)


def test_it_names_the_issuer_from_the_header() -> None:
    fields = parse_aamva(card(8, iin="636015"), today=TODAY)

    assert (fields.jurisdiction, fields.country) == ("TX", "USA")


def test_it_falls_back_to_the_address_state_for_an_unknown_issuer() -> None:
    fields = parse_aamva(card(8, iin="123456"), today=TODAY)

    assert fields.jurisdiction == "CT"


@pytest.mark.parametrize(
    ("missing", "message"),
    [("DBB", "date of birth"), ("DAQ", "document number"), ("DCS", "family name")],
)
def test_it_rejects_a_payload_without_a_needed_field(missing: str, message: str) -> None:
    elements = [("DAQ", "1"), ("DCS", "SMITH"), ("DAC", "JO"), ("DBB", "01011990")]
    payload = build([e for e in elements if e[0] != missing], version=8)

    with pytest.raises(AamvaError, match=message):
        parse_aamva(payload, today=TODAY)


def test_it_takes_text_as_well_as_bytes() -> None:
    payload = card(8)

    assert parse_aamva(payload.decode("ascii"), today=TODAY) == parse_aamva(payload, today=TODAY)


def test_read_licence_takes_scanner_bytes() -> None:
    assert read_licence(card(6), today=TODAY) == parse_aamva(card(6), today=TODAY)


def test_is_aamva_payload_tells_a_licence_from_other_barcodes() -> None:
    assert is_aamva_payload(card(4))
    assert not is_aamva_payload(b"https://example.org/ticket/42")
    assert not is_aamva_payload(b"@\n\x1e\rANSI 6360")
