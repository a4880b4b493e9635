"""Does a search warrant describe this school's premises?

The premises a warrant describes (its caption, Attachment A, or the Connecticut form's "to wit")
are compared with the school's name and street address, despite abbreviations (St./Street,
Ave/Avenue), letter case and text-recognition noise. Any element that conflicts (another school's
name, another street or street number, another town or ZIP code) means other premises.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from threshold.protocol.documents.text import same_word, words_of

STREET_TYPES = {
    "STREET": "ST",
    "ST": "ST",
    "AVENUE": "AVE",
    "AVE": "AVE",
    "AV": "AVE",
    "ROAD": "RD",
    "RD": "RD",
    "LANE": "LN",
    "LN": "LN",
    "TERRACE": "TER",
    "TER": "TER",
    "TERR": "TER",
    "BOULEVARD": "BLVD",
    "BLVD": "BLVD",
    "DRIVE": "DR",
    "DR": "DR",
    "PLACE": "PL",
    "PL": "PL",
    "COURT": "CT",
    "HIGHWAY": "HWY",
    "HWY": "HWY",
    "PARKWAY": "PKWY",
    "PKWY": "PKWY",
    "CIRCLE": "CIR",
    "CIR": "CIR",
    "SQUARE": "SQ",
    "SQ": "SQ",
    "TURNPIKE": "TPKE",
    "TPKE": "TPKE",
    "WAY": "WAY",
    "PIKE": "PIKE",
}
STATES = {
    "CONNECTICUT",
    "CT",
    "CALIFORNIA",
    "CA",
    "NY",
    "NJ",
    "MASSACHUSETTS",
    "MA",
    "RI",
    "ILLINOIS",
    "IL",
    "OREGON",
    "WASHINGTON",
    "WA",
}
SCHOOL_KINDS = {
    "ELEMENTARY",
    "MIDDLE",
    "HIGH",
    "MAGNET",
    "INTERMEDIATE",
    "PRIMARY",
    "ACADEMY",
    "JUNIOR",
    "SENIOR",
    "UPPER",
    "LOWER",
    "CHARTER",
    "MONTESSORI",
    "PREPARATORY",
    "TECHNICAL",
    "VOCATIONAL",
}
# Words that end a school's name when reading backwards from "School".
_BOUNDARY = {
    "A",
    "AN",
    "OF",
    "AT",
    "THE",
    "IN",
    "AND",
    "FOR",
    "ON",
    "TO",
    "FROM",
    "BY",
    "ROOM",
    "OFFICE",
    "OFFICES",
    "RECORDS",
    "RECORD",
    "BUILDING",
    "CAMPUS",
    "GYMNASIUM",
    "LIBRARY",
    "CAFETERIA",
    "FILES",
    "STUDENT",
    "STUDENTS",
    "PREMISES",
    "MAINTAINED",
    "LOCATED",
    "SEARCH",
    "PROPERTY",
    "DISTRICT",
    "PUBLIC",
    "SCHOOLS",
    "CUSTODIAN",
    "RE",
    "WIT",
    "NAMELY",
    "SPECIFICALLY",
}


def _canon(word: str, vocabulary: set[str] | dict[str, str]) -> str | None:
    for known in vocabulary:
        if same_word(word, known):
            return known
    return None


@dataclass(frozen=True)
class Address:
    number: str
    street: str
    type: str
    town: str | None
    zip: str | None

    def describe(self) -> str:
        town = f", {self.town.title()}" if self.town else ""
        kind = f" {self.type.title()}" if self.type else ""
        return f"{self.number} {self.street.title()}{kind}{town}"


@dataclass(frozen=True)
class SchoolName:
    words: tuple[str, ...]
    kinds: frozenset[str]

    def describe(self) -> str:
        kinds = " ".join(k.title() for k in sorted(self.kinds))
        return " ".join([*(w.title() for w in self.words), kinds, "School"]).replace("  ", " ")


@dataclass
class PremisesResult:
    status: str  # MATCH, CONFLICT, NOT_DESCRIBED
    reasons: list[str]


def _tokens(text: str) -> list[str]:
    return words_of(text.replace("/", " "))


def parse_addresses(text: str) -> list[Address]:
    tokens = _tokens(text)
    found: list[Address] = []
    for i, token in enumerate(tokens):
        if not token.isdigit() or len(token) > 6:
            continue
        # Up to four street-name words, then a street type.
        for j in range(i + 2, min(len(tokens), i + 6)):
            kind = _canon(tokens[j], STREET_TYPES) if len(tokens[j]) > 1 else None
            if kind is None or any(t.isdigit() for t in tokens[i + 1 : j]):
                continue
            street = " ".join(tokens[i + 1 : j])
            town_words: list[str] = []
            k = j + 1
            while k < len(tokens) and len(town_words) < 3:
                word = tokens[k]
                if word.isdigit() or _canon(word, STATES) or word in STATES:
                    break
                town_words.append(word)
                k += 1
            state_next = k < len(tokens) and (tokens[k] in STATES or _canon(tokens[k], STATES))
            town = " ".join(town_words) if town_words and state_next else None
            if state_next:
                k += 1
            zip_code = tokens[k] if k < len(tokens) and re.fullmatch(r"\d{5}", tokens[k]) else None
            found.append(Address(token, street, STREET_TYPES[kind], town, zip_code))
            break
    return found


def parse_school_address(address: str) -> Address | None:
    found = parse_addresses(address)
    if found:
        return found[0]
    tokens = _tokens(address)
    if len(tokens) >= 2 and tokens[0].isdigit():
        return Address(tokens[0], tokens[1], "", None, None)
    return None


def school_names(text: str) -> list[SchoolName]:
    tokens = _tokens(text)
    names: list[SchoolName] = []
    i = 0
    while i < len(tokens):
        is_school = same_word(tokens[i], "SCHOOL") or _canon(tokens[i], SCHOOL_KINDS) is not None
        if not is_school or (tokens[i] in {"HIGH"} and i == 0):
            i += 1
            continue
        start = i
        kinds: set[str] = set()
        while i < len(tokens) and (
            same_word(tokens[i], "SCHOOL") or _canon(tokens[i], SCHOOL_KINDS) is not None
        ):
            kind = _canon(tokens[i], SCHOOL_KINDS)
            if kind:
                kinds.add(kind)
            i += 1
        words: list[str] = []
        j = start - 1
        while j >= 0 and len(words) < 4 and tokens[j] not in _BOUNDARY and not tokens[j].isdigit():
            words.insert(0, tokens[j])
            j -= 1
        if words:
            names.append(SchoolName(tuple(words), frozenset(kinds)))
    return names


def school_of(name: str) -> SchoolName | None:
    names = school_names(name)
    if names:
        return names[0]
    words = tuple(w for w in _tokens(name) if w not in _BOUNDARY)
    return SchoolName(words, frozenset()) if words else None


def _name_match(theirs: SchoolName, ours: SchoolName) -> str:
    """SAME, PREFIXED (our name with more words before it: North Lincoln, or text-recognition
    debris), or OTHER."""
    a, b = " ".join(theirs.words), " ".join(ours.words)
    if fuzz.ratio(a, b) >= 85:
        result = "SAME"
    elif (
        len(theirs.words) > len(ours.words)
        and fuzz.ratio(" ".join(theirs.words[-len(ours.words) :]), b) >= 85
    ):
        result = "PREFIXED"
    else:
        return "OTHER"
    if (
        theirs.kinds
        and ours.kinds
        and not (theirs.kinds <= ours.kinds or ours.kinds <= theirs.kinds)
    ):
        return "OTHER"
    return result


def compare(premises: str, school: str | None, address: str | None) -> PremisesResult:
    reasons: list[str] = []
    conflict = False
    matched = False
    address_matched = False
    weak: list[str] = []
    ours = school_of(school) if school else None
    if ours is not None:
        for name in school_names(premises):
            match = _name_match(name, ours)
            if match == "SAME":
                matched = True
            elif match == "PREFIXED" and name.kinds:
                # Our name with more words before it: another school, unless the address is
                # ours (then the extra words are debris of text recognition).
                weak.append(f"it names another school ({name.describe()}), not {school}")
            elif name.kinds:
                # "X School" without a kind word may be a description ("a brick school
                # building"); only a named elementary/middle/high ... school can conflict.
                conflict = True
                reasons.append(f"it names another school ({name.describe()}), not {school}")
    ours_address = parse_school_address(address) if address else None
    if ours_address is not None:
        for found in parse_addresses(premises):
            problems = []
            if found.number != ours_address.number:
                problems.append(f"street number {found.number}, not {ours_address.number}")
            if fuzz.ratio(found.street, ours_address.street) < 80:
                problems.append(f"{found.street.title()}, not {ours_address.street.title()}")
            elif ours_address.type and found.type != ours_address.type:
                problems.append(f"{found.type.title()}, not {ours_address.type.title()}")
            if found.town and ours_address.town and fuzz.ratio(found.town, ours_address.town) < 85:
                problems.append(f"the town {found.town.title()}, not {ours_address.town.title()}")
            if found.zip and ours_address.zip and found.zip != ours_address.zip:
                problems.append(f"ZIP code {found.zip}, not {ours_address.zip}")
            if problems:
                conflict = True
                reasons.append(f"the address {found.describe()} differs: " + "; ".join(problems))
            else:
                matched = address_matched = True
    if weak and not address_matched:
        conflict = True
        reasons.extend(weak)
    if conflict:
        return PremisesResult("CONFLICT", reasons)
    if matched:
        return PremisesResult("MATCH", ["the premises described are this school's"])
    return PremisesResult(
        "NOT_DESCRIBED", ["the premises described do not name this school or its address"]
    )
