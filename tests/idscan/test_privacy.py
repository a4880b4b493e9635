"""Least data: the address, sex, eyes, height and the status elements never leave the parser."""

from __future__ import annotations

import dataclasses
import json
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from tests.idscan.payloads import ADDRESS_CITY, ADDRESS_POSTAL, ADDRESS_STREET, card
from threshold.idscan import LicenceFields, parse_aamva
from threshold.idscan.aamva import _KEPT

KEPT_FIELDS = {
    "family_name",
    "given_name",
    "middle_name",
    "date_of_birth",
    "expiry_date",
    "issue_date",
    "document_number",
    "jurisdiction",
    "country",
    "aamva_version",
    "expired",
    "truncated",
    "warnings",
}
PACKAGE = Path(__file__).resolve().parents[2] / "threshold" / "idscan"


def test_the_result_has_no_field_for_anything_else() -> None:
    assert {f.name for f in dataclasses.fields(LicenceFields)} == KEPT_FIELDS


def test_the_parser_reads_no_address_sex_eye_height_or_status_element() -> None:
    never = {"DAG", "DAH", "DAI", "DAK", "DBC", "DAY", "DAU", "DAV", "DAW", "DDA", "DDD", "DCF"}

    assert not never & _KEPT


@pytest.mark.parametrize("version", range(1, 11))
def test_the_output_shows_no_address_or_status(version: int) -> None:
    fields = parse_aamva(card(version), today=date(2025, 6, 1))
    output = json.dumps(fields.as_dict())

    for secret in (ADDRESS_STREET, ADDRESS_CITY, ADDRESS_POSTAL, "APT 12B", "HAZ", "066 IN"):
        assert secret not in output
    assert set(fields.as_dict()) == KEPT_FIELDS | {"document_number_last4"}
    for key in ("address", "sex", "eye_color", "height", "compliance_type", "limited_duration"):
        assert not hasattr(fields, key)


def test_the_repr_hides_the_document_number() -> None:
    fields = parse_aamva(card(8), today=date(2025, 6, 1))

    assert "170045982" not in repr(fields)
    assert fields.document_number_last4 == "5982"


def test_errors_do_not_repeat_the_payload() -> None:
    payload = card(8).replace(b"DBB09141987", b"DBBXXXXXXXX")

    with pytest.raises(ValueError) as caught:
        parse_aamva(payload, today=date(2025, 6, 1))

    assert "RIVERA" not in str(caught.value) and "170045982" not in str(caught.value)


def test_the_package_never_imports_django() -> None:
    imports = re.compile(r"^\s*(?:import|from)\s+django", re.MULTILINE)
    for source in PACKAGE.glob("*.py"):
        assert not imports.search(source.read_text(encoding="utf-8")), source.name
    code = (
        "import sys, threshold.idscan.cli\n"
        "assert not any(name.startswith('django') for name in sys.modules)"
    )

    subprocess.run([sys.executable, "-c", code], check=True)
