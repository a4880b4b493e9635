"""Parse an AAMVA DL/ID card barcode payload (versions 01 to 10) into the few fields we keep.

Input is what a 2-D scanner emits, either straight from its serial/USB port or typed by a
keyboard-wedge scanner into a field, or what `barcode_image` decodes from a photo. The parser
tolerates what real scanners and older cards do to the payload:

- the separators declared in the header (LF, RS, CR) turned into other characters, doubled
  (CR LF), or dropped, including between elements;
- caps lock on a keyboard wedge, which inverts the letter case of everything typed (the file type
  `ansi` and element ids such as `dcs` come out in lower case): undone before parsing;
- `ANSI` without its trailing space, version 01 cards with file type `AAMVA`, a subfile without its
  `DL`/`ID` type prefix, subfile designators whose offsets and lengths are wrong (they are never
  trusted: elements are found by their ids), space padding of fixed-width fields;
- dates as MMDDCCYY (US cards from version 02) or CCYYMMDD (version 01 and Canadian cards), with
  the other order tried when the expected one is not a date;
- names as one full-name element (`DAA`, version 01), family name with all given names
  (`DCS` + `DCT`, versions 02-03), or family, first and middle names (`DCS`, `DAC`, `DAD`, 04+).

Least data: only the elements in `_KEPT` are read out of the payload; everything else (the
address, sex, eye colour, height, and the elements that reveal immigration status, `DDA` compliance
type and `DDD` limited-duration document) is dropped while the payload is split and never reaches
a `LicenceFields`. `document_number` is returned whole because `threshold id parse` reports it; the
app keeps only `document_number_last4`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date

from threshold.idscan.jurisdictions import CANADIAN_CODES, ISSUERS, US_CODES, words

# A PDF417 symbol holds at most about 1.8 kB of bytes; anything far larger is not a licence.
MAX_PAYLOAD_BYTES = 16_384

# Warning codes carried by `LicenceFields.warnings` (the app renders them in the user's language).
WARNING_EXPIRED = "expired"
WARNING_NO_EXPIRY_DATE = "no_expiry_date"
WARNING_NAME_TRUNCATED = "name_truncated"


class AamvaError(ValueError):
    """The input is not a readable AAMVA DL/ID payload.

    Messages describe what is wrong, never the payload's content (it is personal data).
    """


@dataclass(frozen=True, slots=True)
class LicenceFields:
    """What Threshold may learn from a licence barcode; nothing else is parsed out of it."""

    family_name: str
    given_name: str | None
    middle_name: str | None
    date_of_birth: date
    expiry_date: date | None
    issue_date: date | None
    # Reported whole by `threshold id parse`; the app stores `document_number_last4` only.
    document_number: str = field(repr=False)
    jurisdiction: str | None  # two-letter code of the issuing jurisdiction
    country: str  # USA or CAN
    aamva_version: int
    expired: bool  # relative to the `today` given to the parser
    truncated: tuple[str, ...] = ()  # names of name fields the card marks as truncated
    warnings: tuple[str, ...] = ()  # WARNING_* codes

    @property
    def document_number_last4(self) -> str:
        """The last four characters of the document number: all the app keeps of it."""
        return self.document_number[-4:]

    def as_dict(self) -> dict[str, object]:
        """The fields as JSON-ready values (ISO dates)."""
        return {
            "family_name": self.family_name,
            "given_name": self.given_name,
            "middle_name": self.middle_name,
            "date_of_birth": self.date_of_birth.isoformat(),
            "expiry_date": _iso(self.expiry_date),
            "issue_date": _iso(self.issue_date),
            "document_number": self.document_number,
            "document_number_last4": self.document_number_last4,
            "jurisdiction": self.jurisdiction,
            "country": self.country,
            "aamva_version": self.aamva_version,
            "expired": self.expired,
            "truncated": list(self.truncated),
            "warnings": list(self.warnings),
        }


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


# Every data element id the standard defines in versions 01 to 10 (DL/ID subfile). They are
# used to find element boundaries when a scanner mangles the separators.
_KNOWN_IDS = words(
    """DAA DAB DAC DAD DAE DAF DAG DAH DAI DAJ DAK DAL DAM DAN DAO DAP DAQ DAR DAS DAT DAU DAV DAW
    DAX DAY DAZ DBA DBB DBC DBD DBE DBF DBG DBH DBI DBJ DBK DBL DBM DBN DBO DBP DBQ DBR DBS DCA DCB
    DCD DCE DCF DCG DCH DCI DCJ DCK DCL DCM DCN DCO DCP DCQ DCR DCS DCT DCU DDA DDB DDC DDD DDE DDF
    DDG DDH DDI DDJ DDK DDL"""
)

# The only elements read out of a payload. DAJ (the address's jurisdiction code) is read only to
# name the issuing jurisdiction when the header's issuer number is unknown, then discarded.
_KEPT = words("DAA DAB DAC DAD DCS DCT DAQ DBA DBB DBD DCG DAJ DDE DDF DDG")

# What must follow an element id for it to count as one inside run-together text.
_DATE = r"\d{8}"
_VALUE_SHAPES: dict[str, re.Pattern[str]] = {
    key: re.compile(shape)
    for key, shape in {
        **dict.fromkeys(words("DBA DBB DBD DDB DDC DDH DDI DDJ"), _DATE),
        "DBC": r"[0-9MFUX]",
        "DAU": r" ?\d",
        "DAV": r"\d",
        "DAW": r"\d",
        "DAX": r"\d",
        "DAY": r"[A-Z]{3}",
        "DAZ": r"[A-Z]{3}",
        "DDA": r"[FN]",
        "DDD": r"[01]",
        "DDE": r"[TNU]",
        "DDF": r"[TNU]",
        "DDG": r"[TNU]",
        "DDK": r"1",
        "DDL": r"1",
        "DCG": r"USA|CAN",
        "DAJ": r"[A-Z]{2}",
    }.items()
}
# A date value: eight digits, or with separators (01/31/2025, 2025-01-31) on a few older cards.
_DATE_VALUE = re.compile(
    r"\s*(?:(\d{4})[/.-]?(\d{2})[/.-]?(\d{2})|(\d{2})[/.-]?(\d{2})[/.-]?(\d{4}))(?!\d)"
)
_ANY_VALUE = re.compile(r"[^\x00-\x1f]")

_HEADER = re.compile(r"(ANSI|AAMVA)[^A-Z0-9]{0,2}(\d{6})(\d{2})(\d*)", re.IGNORECASE)
_DESIGNATOR = re.compile(r"[A-Z]{2}\d{8}")
_CONTROL = re.compile(r"[\x00-\x1f]+")
# Ids of version 01 alone: once the names and dates moved (02), they are unlikely on later cards,
# and leaving them out of run-together splitting avoids false cuts inside names (ADAEZE).
_VERSION_01_IDS = words(
    "DAA DAB DAE DAF DAL DAM DAN DAO DAP DAR DAS DAT DAV DBE DBF DBH DBI DBJ DBK DBL DBM DBO DBP"
    " DBQ DBR"
)


def _id_lookahead(ids: Iterable[str]) -> str:
    return "(?=(?:DL|ID)?(?:" + "|".join(sorted(ids)) + "))"


_ID_AHEAD = _id_lookahead(_KNOWN_IDS)
_ID_POSITIONS = re.compile(_ID_AHEAD)
_LATER_ID_POSITIONS = re.compile(_id_lookahead(_KNOWN_IDS - _VERSION_01_IDS))
_UPPER_ID = re.compile(r"(?:DL|ID)?D[A-Z]{2}")
_LOWER_ID = re.compile(r"(?:dl|id)?d[a-z]{2}")
_JURISDICTION_CODES = US_CODES | CANADIAN_CODES
_OFTEN_EMPTY = words("DAD DAE DAF DAH DCU DCH")
_EMPTY_NAMES = frozenset({"", "NONE", "UNAVL", "UNAVAIL", "N/A"})
_NAME_SUFFIXES = frozenset({"JR", "SR", "II", "III", "IV", "V", "JR.", "SR."})


def parse_aamva(data: bytes | str, *, today: date) -> LicenceFields:
    """Parse a scanned AAMVA payload; raise AamvaError when it is not one or lacks a needed field.

    `today` decides `expired` (a card is valid through its expiry date).
    """
    text = _decode(data)
    header = _HEADER.search(text)
    if header is None:
        raise AamvaError("not an AAMVA licence or ID payload (no ANSI/AAMVA header)")
    if _caps_lock_inverted(text, header.group(1)):
        text = text.swapcase()
        header = _HEADER.search(text)
        if header is None:  # pragma: no cover - swapcase keeps an ASCII header intact
            raise AamvaError("not an AAMVA licence or ID payload (no ANSI/AAMVA header)")

    iin, version = header.group(2), int(header.group(3))
    body, subfile_types = _skip_designators(text[header.end() :])
    elements = _read_elements(body, subfile_types, version)

    issuer = ISSUERS.get(iin)
    address_jurisdiction = elements.get("DAJ", "").strip().upper()
    jurisdiction = issuer.code if issuer else None
    if jurisdiction is None and address_jurisdiction in _JURISDICTION_CODES:
        jurisdiction = address_jurisdiction
    country = _country(elements.get("DCG", ""), issuer_country=issuer.country if issuer else None)
    if country is None:
        country = "CAN" if jurisdiction in CANADIAN_CODES else "USA"

    year_first = version <= 1 or country == "CAN"
    date_of_birth = _parse_date(elements.get("DBB", ""), year_first=year_first)
    if date_of_birth is None:
        raise AamvaError("the payload has no readable date of birth")
    document_number = elements.get("DAQ", "").strip()
    if not document_number:
        raise AamvaError("the payload has no document number")
    family_name, given_name, middle_name = _names(elements, version)
    if not family_name:
        raise AamvaError("the payload has no family name")

    expiry_date = _parse_date(elements.get("DBA", ""), year_first=year_first)
    issue_date = _parse_date(elements.get("DBD", ""), year_first=year_first)
    expired = expiry_date is not None and expiry_date < today
    truncated = tuple(
        name
        for key, name in (("DDE", "family_name"), ("DDF", "given_name"), ("DDG", "middle_name"))
        if elements.get(key, "").strip() == "T"
    )
    warnings: list[str] = []
    if expired:
        warnings.append(WARNING_EXPIRED)
    if expiry_date is None:
        warnings.append(WARNING_NO_EXPIRY_DATE)
    if truncated:
        warnings.append(WARNING_NAME_TRUNCATED)

    return LicenceFields(
        family_name=family_name,
        given_name=given_name,
        middle_name=middle_name,
        date_of_birth=date_of_birth,
        expiry_date=expiry_date,
        issue_date=issue_date,
        document_number=document_number,
        jurisdiction=jurisdiction,
        country=country,
        aamva_version=version,
        expired=expired,
        truncated=truncated,
        warnings=tuple(warnings),
    )


def is_aamva_payload(data: bytes | str) -> bool:
    """Whether the data parses as a licence or ID payload (used to reject misread barcodes)."""
    try:
        parse_aamva(data, today=date(2000, 1, 1))
    except AamvaError:
        return False
    return True


def _decode(data: bytes | str) -> str:
    if len(data) > MAX_PAYLOAD_BYTES:
        raise AamvaError("the input is far too long for a licence barcode")
    if isinstance(data, str):
        return data
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        # The standard's character set is ISO 8859-1; every byte decodes.
        return data.decode("latin-1")


def _caps_lock_inverted(text: str, file_type: str) -> bool:
    """A keyboard wedge typing with caps lock on turns `ANSI` and the element ids to lower case."""
    votes = 0
    for chunk in _CONTROL.split(text):
        if _LOWER_ID.match(chunk):
            votes += 1
        elif _UPPER_ID.match(chunk):
            votes -= 1
    if file_type.islower():
        votes += 1
    elif file_type.isupper():
        votes -= 1
    return votes > 0


def _skip_designators(rest: str) -> tuple[str, frozenset[str]]:
    """Return the text after the subfile designators, and the subfile types they declare.

    `rest` starts after the header's version digits and whatever digits follow (the jurisdiction
    version from 02 on, and the number of entries). Designators' offsets are not used.
    """
    types = {"DL", "ID"}
    position = 0
    while designator := _DESIGNATOR.match(rest, position):
        types.add(designator.group()[:2])
        position = designator.end()
    return rest[position:], frozenset(types)


def _read_elements(body: str, subfile_types: frozenset[str], version: int) -> dict[str, str]:
    """Split the subfile text into the kept elements, however the separators were mangled."""
    best: dict[str, str] = {}
    for chunks in _chunkings(body, version):
        elements = _kept_elements(chunks, subfile_types)
        if _has_required(elements):
            return elements
        if len(elements) > len(best):
            best = elements
    return best


def _chunkings(body: str, version: int) -> Iterator[list[str]]:
    """Ways to split the body into one-element chunks, the most literal first."""
    yield _CONTROL.split(body)
    separator = _infer_separator(body)
    if separator:
        yield re.split(f"{re.escape(separator)}{_ID_AHEAD}|[\\x00-\\x1f]+", body)
    yield list(_split_run_together(body, version))


def _kept_elements(chunks: Iterable[str], subfile_types: frozenset[str]) -> dict[str, str]:
    elements: dict[str, str] = {}
    for raw in chunks:
        chunk = raw.lstrip()
        # A subfile starts with its type (`DLDAQ…`, `IDDAQ…`); no element id starts with one.
        if chunk[:2] in subfile_types and chunk[2:5] in _KNOWN_IDS:
            chunk = chunk[2:]
        element_id = chunk[:3]
        if element_id in _KEPT and element_id not in elements:
            elements[element_id] = chunk[3:]
    return elements


def _has_required(elements: dict[str, str]) -> bool:
    has_name = any(elements.get(key, "").strip() for key in ("DCS", "DAB", "DAA"))
    return has_name and bool(elements.get("DAQ", "").strip()) and "DBB" in elements


def _infer_separator(body: str) -> str | None:
    """Find the string a scanner put in place of LF: the one that precedes most element ids."""
    counts: Counter[str] = Counter()
    starts = [match.start() for match in _ID_POSITIONS.finditer(body)]
    for start in starts:
        for width in range(1, 9):
            if start >= width:
                counts[body[start - width : start]] += 1
    candidates = [
        (count, len(token), token)
        for token, count in counts.items()
        if count >= max(3, len(starts) // 2) and not token.isalnum()
    ]
    return max(candidates)[2] if candidates else None


def _split_run_together(body: str, version: int) -> Iterator[str]:
    """Split text with no separators at all at the element ids whose value looks right.

    A best effort: each id is taken once, at its first plausible place.
    """
    seen: set[str] = set()
    cuts: list[int] = []
    positions = _ID_POSITIONS if version <= 1 else _LATER_ID_POSITIONS
    for match in positions.finditer(body):
        start = match.start()
        offset = 2 if body[start : start + 2] in ("DL", "ID") and body[start + 2] == "D" else 0
        element_id = body[start + offset : start + offset + 3]
        if (
            element_id in seen
            or _VALUE_SHAPES.get(element_id, _ANY_VALUE).match(body, start + offset + 3) is None
        ):
            continue
        if cuts:
            previous = body[cuts[-1] : start].removeprefix("DL").removeprefix("ID")[:3]
            least_end = cuts[-1] + (3 if previous in _OFTEN_EMPTY else 4)
            if start < least_end:
                continue
        seen.add(element_id)
        cuts.append(start)
    if not cuts:
        return
    for begin, end in zip(cuts, [*cuts[1:], len(body)], strict=True):
        yield body[begin:end]


def _country(value: str, *, issuer_country: str | None) -> str | None:
    code = value.strip().upper()
    if code in ("USA", "US"):
        return "USA"
    if code in ("CAN", "CA"):
        return "CAN"
    return issuer_country


def _parse_date(value: str, *, year_first: bool) -> date | None:
    found = _DATE_VALUE.match(value)
    if found is None:
        return None
    digits = "".join(group for group in found.groups() if group)
    ymd = (int(digits[0:4]), int(digits[4:6]), int(digits[6:8]))
    mdy = (int(digits[4:8]), int(digits[0:2]), int(digits[2:4]))
    for year, month, day in (ymd, mdy) if year_first else (mdy, ymd):
        if 1900 <= year <= 2199:
            try:
                return date(year, month, day)
            except ValueError:
                continue
    return None


def _clean(value: str | None) -> str | None:
    """A name element trimmed of padding; None when empty or marked as absent (`NONE`)."""
    if value is None:
        return None
    name = value.strip(" \t,")
    return None if name.upper() in _EMPTY_NAMES else name


def _names(elements: dict[str, str], version: int) -> tuple[str | None, str | None, str | None]:
    """(family, given, middle) from whichever name elements the card uses."""
    family = _clean(elements.get("DCS")) or _clean(elements.get("DAB"))
    full_name = _split_full_name(elements.get("DAA", ""))
    given_names = _split_given_names(elements.get("DCT", ""))
    first = (_clean(elements.get("DAC")), _clean(elements.get("DAD")))
    # Versions 02-03 put every given name in DCT; later versions use DAC and DAD.
    choices = [given_names, first] if version <= 3 else [first, given_names]
    for given, middle in [*choices, full_name[1:]]:
        if given:
            return family or full_name[0], given, middle
    return family or full_name[0], None, None


def _split_given_names(value: str) -> tuple[str | None, str | None]:
    """DCT: the first given name (up to a comma or space), then the rest as the middle name."""
    names = _clean(value)
    if names is None:
        return None, None
    given, *rest = re.split(r"[,\s]+", names, maxsplit=1)
    return given, _clean(rest[0]) if rest else None


def _split_full_name(value: str) -> tuple[str | None, str | None, str | None]:
    """DAA (version 01): `FAMILY,GIVEN,MIDDLE` (commas, or `$` on some cards)."""
    name = _clean(value)
    if name is None:
        return None, None, None
    parts = [part.strip() for part in re.split(r"[,$]", name)]
    if len(parts) == 1:
        parts = name.split()
    elif len(parts) == 2 and " " in parts[1]:
        parts = [parts[0], *parts[1].split(None, 1)]
    if len(parts) > 3 and parts[-1].upper() in _NAME_SUFFIXES:
        parts = parts[:-1]
    family = _clean(parts[0])
    given = _clean(parts[1]) if len(parts) > 1 else None
    middle = _clean(" ".join(part for part in parts[2:] if part)) if len(parts) > 2 else None
    return family, given, middle
