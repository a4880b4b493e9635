"""`expired` is decided against the date given, and an expired card carries a warning."""

from __future__ import annotations

from datetime import date

import pytest

from tests.idscan.payloads import Person, build, card
from threshold.idscan import WARNING_EXPIRED, WARNING_NO_EXPIRY_DATE, parse_aamva

EXPIRES = (2025, 1, 15)


@pytest.mark.parametrize(
    ("today", "expired"),
    [
        (date(2024, 12, 31), False),
        (date(2025, 1, 15), False),  # valid through its expiry date
        (date(2025, 1, 16), True),
        (date(2025, 6, 1), True),
    ],
)
@pytest.mark.parametrize("version", [1, 3, 8])
def test_it_decides_expiry_against_today(version: int, today: date, expired: bool) -> None:
    fields = parse_aamva(card(version, Person(expires=EXPIRES)), today=today)

    assert fields.expiry_date == date(*EXPIRES)
    assert fields.expired is expired
    assert (WARNING_EXPIRED in fields.warnings) is expired


def test_it_warns_when_the_card_has_no_readable_expiry_date() -> None:
    payload = build(
        [("DAQ", "1"), ("DCS", "LEE"), ("DAC", "AMY"), ("DBB", "02271990"), ("DBA", "99999999")],
        version=8,
    )

    fields = parse_aamva(payload, today=date(2025, 6, 1))

    assert fields.expiry_date is None
    assert fields.expired is False
    assert fields.warnings == (WARNING_NO_EXPIRY_DATE,)
