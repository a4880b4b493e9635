"""Who stands at the desk: read from a licence barcode, or typed in by hand.

What a scan yields travels from the scan to the confirmation as a signed token in the form (so that
the confirmation cannot claim "scanned" for typed data), and holds only what is kept: the name, the
date of birth and the last four characters of the document number. The payload is never kept.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.core import signing

from threshold.idscan import AamvaError, LicenceFields, read_licence

SCAN_SALT = "threshold.visitors.scan"
# A scan is confirmed within minutes; an older token is asked for again.
SCAN_MAX_AGE = 30 * 60
# What a badge's QR code holds (see Visit.badge_code); scanners may change the letter case.
BADGE_CODE = re.compile(r"^\s*THOUT-([A-Z2-7]{16})\s*$", re.IGNORECASE)
# The start of a licence payload as a keyboard wedge types it: the compliance indicator "@", an
# AIM symbology prefix, or the file type when the scanner dropped the header's first characters.
PAYLOAD_START = re.compile(r"^\s*(@|\]L|ANSI ?\d|AAMVA\d)", re.IGNORECASE)


@dataclass(frozen=True)
class Identity:
    """What the desk keeps of a person's ID."""

    family_name: str
    given_names: str
    date_of_birth: date | None
    document_last4: str = ""

    @property
    def full_name(self) -> str:
        return f"{self.given_names} {self.family_name}".strip()


@dataclass(frozen=True)
class Scan:
    """A licence read at the desk: the identity kept, and whether the card has expired."""

    identity: Identity
    expired: bool
    expiry_date: date | None


class UnreadableCard(ValueError):
    """The scanner's text or the photo did not hold a readable licence barcode."""


def fold(text: str) -> str:
    """Lower case without accents, single spaces: how names are compared and searched."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(bare.casefold().replace("-", " ").split())


def _title(name: str | None) -> str:
    """Cards print names in capitals; the desk shows "Rivera-Castillo" rather than shouting."""
    if not name:
        return ""
    if name.isupper():
        return re.sub(r"[^\W\d_]+", lambda m: m.group().capitalize(), name.lower())
    return name


def from_licence(fields: LicenceFields) -> Scan:
    given = " ".join(n for n in (_title(fields.given_name), _title(fields.middle_name)) if n)
    identity = Identity(
        family_name=_title(fields.family_name),
        given_names=given,
        date_of_birth=fields.date_of_birth,
        document_last4=fields.document_number_last4,
    )
    return Scan(identity=identity, expired=fields.expired, expiry_date=fields.expiry_date)


def read(data: bytes, *, today: date) -> Scan:
    """Read scanner text or a barcode photo; the payload goes no further than this function."""
    try:
        return from_licence(read_licence(data, today=today))
    except AamvaError:
        raise UnreadableCard from None


def looks_like_payload(text: str) -> bool:
    return bool(PAYLOAD_START.match(text))


def badge_code(text: str) -> str | None:
    """The check-out code, when the text is what a badge's QR code holds."""
    match = BADGE_CODE.match(text)
    return match.group(1).upper() if match else None


def split_typed_name(text: str) -> tuple[str, str]:
    """(given names, family name) from a name typed at the desk: "Rivera, Maria" or "Maria
    Rivera". A first guess for the form, which the desk corrects."""
    text = " ".join(text.split())
    if "," in text:
        family, _, given = text.partition(",")
        return given.strip(), family.strip()
    given, _, family = text.rpartition(" ")
    return given, family


def sign(scan: Scan, *, visitor_id: Any = None) -> str:
    """The scan, and the returning visitor it was matched to, as a token for the form."""
    person = scan.identity
    born = person.date_of_birth.isoformat() if person.date_of_birth else None
    payload: dict[str, Any] = {
        "f": person.family_name,
        "g": person.given_names,
        "b": born,
        "d": person.document_last4,
        "x": scan.expired,
        "e": scan.expiry_date.isoformat() if scan.expiry_date else None,
        "v": str(visitor_id) if visitor_id else None,
    }
    return signing.dumps(payload, salt=SCAN_SALT, compress=True)


def unsign(token: str) -> tuple[Scan, str | None] | None:
    """The scan a token carries and the visitor it matched, or None when the token is forged,
    altered or too old."""
    try:
        payload = signing.loads(token, salt=SCAN_SALT, max_age=SCAN_MAX_AGE)
    except signing.BadSignature:
        return None
    identity = Identity(
        family_name=payload["f"],
        given_names=payload["g"],
        date_of_birth=date.fromisoformat(payload["b"]) if payload["b"] else None,
        document_last4=payload["d"],
    )
    expiry = date.fromisoformat(payload["e"]) if payload["e"] else None
    scan = Scan(identity=identity, expired=payload["x"], expiry_date=expiry)
    return scan, payload.get("v")
