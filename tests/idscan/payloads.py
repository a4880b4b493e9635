"""Build AAMVA DL/ID payloads for the tests, the way a card's barcode encodes them.

`build()` lays out a correct header (compliance indicator, separators, file type, issuer number,
version, jurisdiction version, number of entries, subfile designators with true offsets and
lengths); the tests then damage it the way scanners and old cards do.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

Elements = Sequence[tuple[str, str]]

# Values that must never come out of the parser (address, sex, eyes, height, status elements).
ADDRESS_STREET = "742 EVERGREEN TER"
ADDRESS_CITY = "SPRINGFIELD"
ADDRESS_POSTAL = "065109999"
PRIVATE_ELEMENTS: Elements = (
    ("DAG", ADDRESS_STREET),
    ("DAH", "APT 12B"),
    ("DAI", ADDRESS_CITY),
    ("DAJ", "CT"),
    ("DAK", ADDRESS_POSTAL + "  "),
    ("DBC", "2"),
    ("DAY", "HAZ"),
    ("DAU", "066 IN"),
)
STATUS_ELEMENTS: Elements = (("DDA", "N"), ("DDD", "1"))


def build(
    elements: Elements,
    *,
    version: int,
    iin: str = "636006",
    file_type: str = "ANSI ",
    subfile_type: str = "DL",
    jurisdiction_version: str = "00",
    jurisdiction_subfile: Elements = (),
) -> bytes:
    """A payload as the standard lays it out (version 01 has no jurisdiction version field)."""
    subfiles = [(subfile_type, subfile_type + "\n".join(i + v for i, v in elements) + "\r")]
    if jurisdiction_subfile:
        z_type = jurisdiction_subfile[0][0][:2]
        body = z_type + "\n".join(i + v for i, v in jurisdiction_subfile) + "\r"
        subfiles.append((z_type, body))
    fixed = "@\n\x1e\r" + file_type + iin + f"{version:02d}"
    if version > 1:
        fixed += jurisdiction_version
    fixed += f"{len(subfiles):02d}"
    offset = len(fixed) + 10 * len(subfiles)
    designators = ""
    for kind, body in subfiles:
        designators += f"{kind}{offset:04d}{len(body):04d}"
        offset += len(body)
    return (fixed + designators + "".join(body for _, body in subfiles)).encode("latin-1")


@dataclass(frozen=True)
class Person:
    family: str = "RIVERA-CASTILLO"
    given: str = "MARIA"
    middle: str | None = "ELENA"
    born: tuple[int, int, int] = (1987, 9, 14)
    expires: tuple[int, int, int] = (2030, 9, 14)
    issued: tuple[int, int, int] = (2022, 9, 14)
    number: str = "170045982"


def mdy(day: tuple[int, int, int]) -> str:
    year, month, date = day
    return f"{month:02d}{date:02d}{year:04d}"


def ymd(day: tuple[int, int, int]) -> str:
    year, month, date = day
    return f"{year:04d}{month:02d}{date:02d}"


def card(
    version: int,
    person: Person = Person(),
    *,
    canadian: bool = False,
    iin: str | None = None,
    extra: Elements = (),
) -> bytes:
    """A complete card of the given version, with the name and date elements that version uses."""
    on_date = ymd if canadian or version == 1 else mdy
    country = "CAN" if canadian else "USA"
    iin = iin or ("636012" if canadian else "636006")
    dates: Elements = (
        ("DBA", on_date(person.expires)),
        ("DBB", on_date(person.born)),
        ("DBD", on_date(person.issued)),
    )
    names: Elements
    if version == 1:
        full = ",".join(n for n in (person.family, person.given, person.middle) if n)
        names = (("DAA", full),)
        return build(
            [("DAQ", person.number), *names, *PRIVATE_ELEMENTS, *dates, *extra],
            version=1,
            iin=iin,
        )
    if version in (2, 3):
        given = person.given + (f",{person.middle}" if person.middle else "")
        names = (("DCS", person.family), ("DCT", given), ("DCU", ""))
        elements = [("DCA", "C"), ("DCB", "NONE"), ("DCD", "NONE"), *dates[:1], *names]
        elements += [*dates[1:], *PRIVATE_ELEMENTS, ("DAQ", person.number), ("DCG", country)]
        return build([*elements, *extra], version=version, iin=iin)
    names = (
        ("DCS", person.family),
        ("DDE", "N"),
        ("DAC", person.given),
        ("DDF", "N"),
        ("DAD", person.middle or "NONE"),
        ("DDG", "N"),
    )
    elements = [("DAQ", person.number), *names, ("DCA", "D"), *dates, *PRIVATE_ELEMENTS]
    elements += [("DCF", "0123456789"), ("DCG", country)]
    if version >= 5:
        elements += STATUS_ELEMENTS
    return build([*elements, *extra], version=version, iin=iin, jurisdiction_version="01")
