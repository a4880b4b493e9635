"""Canadian cards write dates as CCYYMMDD and are issued by a province."""

from __future__ import annotations

from datetime import date

import pytest

from tests.idscan.payloads import Person, build, card
from threshold.idscan import parse_aamva

TODAY = date(2025, 6, 1)


@pytest.mark.parametrize("version", range(1, 11))
def test_it_reads_canadian_dates_year_first(version: int) -> None:
    person = Person(born=(1991, 3, 12), expires=(2028, 3, 12), issued=(2023, 3, 1))

    fields = parse_aamva(card(version, person, canadian=True), today=TODAY)

    assert fields.date_of_birth == date(1991, 3, 12)
    assert fields.expiry_date == date(2028, 3, 12)
    assert fields.issue_date == date(2023, 3, 1)
    assert (fields.jurisdiction, fields.country) == ("ON", "CAN")


@pytest.mark.parametrize(
    ("iin", "province"),
    [("604428", "QC"), ("636028", "BC"), ("604432", "AB"), ("636013", "NS"), ("636048", "MB")],
)
def test_it_knows_canadian_issuers_without_a_country_element(iin: str, province: str) -> None:
    payload = build(
        [
            ("DAQ", "G265311068908"),
            ("DCS", "GAGNON"),
            ("DAC", "JEAN-FRANCOIS"),
            ("DAD", ""),
            ("DBB", "19681106"),
            ("DBA", "20261106"),
        ],
        version=9,
        iin=iin,
    )

    fields = parse_aamva(payload, today=TODAY)

    assert (fields.jurisdiction, fields.country) == (province, "CAN")
    assert fields.date_of_birth == date(1968, 11, 6)
    assert fields.given_name == "JEAN-FRANCOIS"
    assert fields.middle_name is None


def test_it_reads_the_other_date_order_when_a_card_breaks_the_rule() -> None:
    # A US card from a jurisdiction that writes CCYYMMDD anyway.
    payload = build([("DAQ", "1"), ("DCS", "LEE"), ("DAC", "AMY"), ("DBB", "19900227")], version=8)

    assert parse_aamva(payload, today=TODAY).date_of_birth == date(1990, 2, 27)
