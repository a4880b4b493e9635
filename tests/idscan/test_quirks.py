"""What scanners, keyboard wedges and older cards do to a payload, and how it is undone."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

import pytest

from tests.idscan.payloads import Person, build, card
from threshold.idscan import parse_aamva

TODAY = date(2025, 6, 1)
Damage = Callable[[bytes], bytes]


def _drop_header_record_separator(payload: bytes) -> bytes:
    return payload.replace(b"@\n\x1e\r", b"@\n\r", 1)


def _wrong_designators(payload: bytes) -> bytes:
    return re.sub(rb"DL\d{8}", b"DL00420301", payload, count=1)


def _no_subfile_prefix(payload: bytes) -> bytes:
    return re.sub(rb"(DL\d{8})DL", rb"\1", payload, count=1)


def _ansi_without_space(payload: bytes) -> bytes:
    return payload.replace(b"ANSI ", b"ANSI", 1)


def _line_feed_after_subfile_type(payload: bytes) -> bytes:
    return re.sub(rb"(DL\d{8})DL", rb"\1DL\n", payload, count=1)


def _header_only(damage: Damage) -> Damage:
    """Apply the damage to the elements only, leaving the header's separators alone."""

    def apply(payload: bytes) -> bytes:
        return payload[:4] + damage(payload[4:])

    return apply


DAMAGES: dict[str, Damage] = {
    "crlf between elements": lambda p: p.replace(b"\n", b"\r\n"),
    "cr for lf": lambda p: p.replace(b"\n", b"\r"),
    "extra line feeds": lambda p: p.replace(b"\n", b"\n\n").replace(b"\r", b"\n\r"),
    "record separator dropped": _drop_header_record_separator,
    "all header separators dropped": lambda p: p.replace(b"@\n\x1e\r", b"@", 1),
    "no compliance indicator": lambda p: p[4:],
    "scanner prefix": lambda p: b"]L2" + p,
    "lf as pipe": lambda p: p.replace(b"\n", b"|"),
    "lf as tab": lambda p: p.replace(b"\n", b"\t"),
    "lf spelled out": lambda p: p.replace(b"\n", b"<LF>").replace(b"\r", b"<CR>"),
    "lf as caret notation": _header_only(lambda p: p.replace(b"\n", b"^J")),
    "lf dropped": lambda p: p.replace(b"\n", b""),
    "every separator dropped": lambda p: re.sub(rb"[\n\r\x1e]", b"", p),
    "designator offsets wrong": _wrong_designators,
    "subfile type missing": _no_subfile_prefix,
    "ansi without space": _ansi_without_space,
    "line feed after subfile type": _line_feed_after_subfile_type,
    "caps lock": lambda p: p.swapcase(),
    "caps lock and crlf": lambda p: p.swapcase().replace(b"\n", b"\r\n"),
}


@pytest.mark.parametrize("version", [1, 3, 8, 10])
@pytest.mark.parametrize("damage", DAMAGES.values(), ids=DAMAGES.keys())
def test_it_reads_a_damaged_payload_as_the_clean_one(version: int, damage: Damage) -> None:
    clean = card(version)

    assert parse_aamva(damage(clean), today=TODAY) == parse_aamva(clean, today=TODAY)


def test_it_undoes_caps_lock_for_names_and_the_document_number() -> None:
    person = Person(family="McDonald", given="Fiona", middle=None, number="m027141a")
    payload = card(8, person).swapcase()
    assert b"ansi " in payload and b"dcsmCdONALD" in payload

    fields = parse_aamva(payload, today=TODAY)

    assert (fields.family_name, fields.given_name) == ("McDonald", "Fiona")
    assert fields.document_number == "m027141a"


def test_it_keeps_the_card_letter_case_without_caps_lock() -> None:
    fields = parse_aamva(card(8, Person(family="McDonald")), today=TODAY)

    assert fields.family_name == "McDonald"


def test_it_trims_space_padding_of_fixed_width_fields() -> None:
    payload = build(
        [
            ("DCS", "NAKAMURA" + " " * 32),
            ("DCT", "ROBERT JAMES" + " " * 60),
            ("DBB", "07111983"),
            ("DBA", "07112027"),
            ("DAQ", "D4471920" + " " * 17),
        ],
        version=3,
        iin="636014",
    )

    fields = parse_aamva(payload, today=TODAY)

    assert (fields.family_name, fields.given_name, fields.middle_name) == (
        "NAKAMURA",
        "ROBERT",
        "JAMES",
    )
    assert fields.document_number == "D4471920"


@pytest.mark.parametrize("middle", ["NONE", "", "   ", "none"])
def test_it_reads_an_absent_middle_name_as_none(middle: str) -> None:
    payload = build(
        [("DAQ", "1"), ("DCS", "TRAN"), ("DAC", "MINH"), ("DAD", middle), ("DBB", "11301996")],
        version=10,
    )

    assert parse_aamva(payload, today=TODAY).middle_name is None


def test_it_keeps_names_with_apostrophes_hyphens_and_spaces() -> None:
    person = Person(family="VAN DER BERG", given="D'ARCY", middle="ANNE-MARIE")

    fields = parse_aamva(card(9, person), today=TODAY)

    assert (fields.family_name, fields.given_name, fields.middle_name) == (
        "VAN DER BERG",
        "D'ARCY",
        "ANNE-MARIE",
    )


def test_it_reports_names_the_card_truncated() -> None:
    payload = build(
        [
            ("DAQ", "40918833"),
            ("DCS", "BARTHOLOMEW-WINTERBOTTOM-FITZWILLIAMSO"),
            ("DDE", "T"),
            ("DAC", "GEOFFREY"),
            ("DDF", "N"),
            ("DDG", "U"),
            ("DBB", "05061975"),
            ("DBA", "05062029"),
        ],
        version=7,
    )

    fields = parse_aamva(payload, today=TODAY)

    assert fields.family_name == "BARTHOLOMEW-WINTERBOTTOM-FITZWILLIAMSO"
    assert fields.truncated == ("family_name",)
    assert "name_truncated" in fields.warnings


def test_it_reads_latin_1_names() -> None:
    payload = card(9, Person(family="GAGNÉ")).decode("latin-1").encode("latin-1")

    assert parse_aamva(payload, today=TODAY).family_name == "GAGNÉ"
