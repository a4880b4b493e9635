"""Issuer identification numbers (IIN) of the AAMVA member jurisdictions.

The IIN in a barcode's header names the jurisdiction that issued the card. It is the source of
`jurisdiction` and, when the card carries no country element (`DCG`), of `country`.
Source: AAMVA's published IIN list (the same numbers appear in the DL/ID Card Design Standard).
"""

from __future__ import annotations

from typing import NamedTuple


class Issuer(NamedTuple):
    code: str  # two-letter postal code of the jurisdiction
    country: str  # USA or CAN


_US = "USA"
_CA = "CAN"

ISSUERS: dict[str, Issuer] = {
    "636000": Issuer("VA", _US),
    "636001": Issuer("NY", _US),
    "636002": Issuer("MA", _US),
    "636003": Issuer("MD", _US),
    "636004": Issuer("NC", _US),
    "636005": Issuer("SC", _US),
    "636006": Issuer("CT", _US),
    "636007": Issuer("LA", _US),
    "636008": Issuer("MT", _US),
    "636009": Issuer("NM", _US),
    "636010": Issuer("FL", _US),
    "636011": Issuer("DE", _US),
    "636012": Issuer("ON", _CA),
    "636013": Issuer("NS", _CA),
    "636014": Issuer("CA", _US),
    "636015": Issuer("TX", _US),
    "636016": Issuer("NL", _CA),
    "636017": Issuer("NB", _CA),
    "636018": Issuer("IA", _US),
    "636019": Issuer("GU", _US),
    "636020": Issuer("CO", _US),
    "636021": Issuer("AR", _US),
    "636022": Issuer("KS", _US),
    "636023": Issuer("OH", _US),
    "636024": Issuer("VT", _US),
    "636025": Issuer("PA", _US),
    "636026": Issuer("AZ", _US),
    "636028": Issuer("BC", _CA),
    "636029": Issuer("OR", _US),
    "636030": Issuer("MO", _US),
    "636031": Issuer("WI", _US),
    "636032": Issuer("MI", _US),
    "636033": Issuer("AL", _US),
    "636034": Issuer("ND", _US),
    "636035": Issuer("IL", _US),
    "636036": Issuer("NJ", _US),
    "636037": Issuer("IN", _US),
    "636038": Issuer("MN", _US),
    "636039": Issuer("NH", _US),
    "636040": Issuer("UT", _US),
    "636041": Issuer("ME", _US),
    "636042": Issuer("SD", _US),
    "636043": Issuer("DC", _US),
    "636044": Issuer("SK", _CA),
    "636045": Issuer("WA", _US),
    "636046": Issuer("KY", _US),
    "636047": Issuer("HI", _US),
    "636048": Issuer("MB", _CA),
    "636049": Issuer("NV", _US),
    "636050": Issuer("ID", _US),
    "636051": Issuer("MS", _US),
    "636052": Issuer("RI", _US),
    "636053": Issuer("TN", _US),
    "636054": Issuer("NE", _US),
    "636055": Issuer("GA", _US),
    "636058": Issuer("OK", _US),
    "636059": Issuer("AK", _US),
    "636060": Issuer("WY", _US),
    "636061": Issuer("WV", _US),
    "636062": Issuer("VI", _US),
    "604426": Issuer("PE", _CA),
    "604427": Issuer("AS", _US),
    "604428": Issuer("QC", _CA),
    "604429": Issuer("YT", _CA),
    "604430": Issuer("MP", _US),
    "604431": Issuer("PR", _US),
    "604432": Issuer("AB", _CA),
    "604433": Issuer("NU", _CA),
    "604434": Issuer("NT", _CA),
    "990876": Issuer("AB", _CA),  # Alberta's older, non-ISO number
}


def words(text: str) -> frozenset[str]:
    """The set of the whitespace-separated words in `text` (for tables of codes)."""
    return frozenset(text.split())


US_CODES = words(
    """AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH
    NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY AS GU MP PR VI"""
)
CANADIAN_CODES = words("AB BC MB NB NL NS NT NU ON PE QC SK YT")
