"""The issuer table: every issuer number names a known jurisdiction of the right country."""

from __future__ import annotations

from threshold.idscan.jurisdictions import CANADIAN_CODES, ISSUERS, US_CODES


def test_every_issuer_is_a_us_or_canadian_jurisdiction() -> None:
    for iin, issuer in ISSUERS.items():
        assert len(iin) == 6 and iin.isdigit()
        expected = CANADIAN_CODES if issuer.country == "CAN" else US_CODES
        assert issuer.code in expected, iin


def test_every_state_province_and_territory_has_an_issuer() -> None:
    issued = {issuer.code for issuer in ISSUERS.values()}

    assert issued == US_CODES | CANADIAN_CODES
