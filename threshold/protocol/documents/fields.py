"""Reading the fields a surface check needs: signer, court, case number, dates, hours, basis,
confidentiality terms. Each reader returns what it found and where, so findings can say why."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from threshold.protocol.documents.text import (
    CHECKED,
    UNCHECKED,
    FoundDate,
    first_date_after,
    phrase_regex,
)
from threshold.protocol.vocab import DocType, Nondisclosure, SignedBy

# ---------------------------------------------------------------------------------------------
# Signer

# Printed form labels that name a capacity without being anyone's signature.
_LABELS: tuple[tuple[re.Pattern[str], SignedBy], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), capacity)
    for pattern, capacity in (
        (r"JUDGE'?S\s+SIGNATURE", SignedBy.JUDGE),
        (r"SIGNATURE\s+OF\s+(?:THE\s+)?JUDGE", SignedBy.JUDGE),
        (r"SIGNED\s*\(\s*JUDGE\s*\)", SignedBy.JUDGE),
        (r"NAME\s+OF\s+JUDGE", SignedBy.JUDGE),
        (r"SIGNATURE\s+OF\s+CLERK(?:\s+OR\s+DEPUTY\s+CLERK)?", SignedBy.CLERK),
        (r"^\s*CLERK\s+OF\s+(?:THE\s+)?COURT\s*$", SignedBy.CLERK),
        (r"ATTORNEY'?S\s+SIGNATURE", SignedBy.ATTORNEY),
        (
            r"\(?\s*SIGNATURE\s+OF\s+(?:AUTHORIZED\s+)?IMMIGRATION\s+OFFICER\s*\)?",
            SignedBy.IMMIGRATION_OFFICER,
        ),
        (
            r"\(?\s*(?:PRINTED\s+)?NAME\s+AND\s+TITLE\s+OF\s+(?:AUTHORIZED\s+)?IMMIGRATION\s+OFFICER\s*\)?",
            SignedBy.IMMIGRATION_OFFICER,
        ),
        (r"\(?\s*TITLE\s+OF\s+IMMIGRATION\s+OFFICER\s*\)?", SignedBy.IMMIGRATION_OFFICER),
        (
            r"\(?\s*SIGNATURE\s+OF\s+IMMIGRATION\s+OFFICER\s*\)?(?:\s*\(SIGN IN INK\))?",
            SignedBy.IMMIGRATION_OFFICER,
        ),
        (r"\(?\s*SIGNATURE\s+(?:AND\s+TITLE\s+)?OF\s+ISSUING\s+OFFICER\s*\)?", SignedBy.UNKNOWN),
        (r"\(?\s*NAME\s+AND\s+TITLE\s+OF\s+ISSUING\s+OFFICER\s*\)?", SignedBy.UNKNOWN),
        (r"ISSUING\s+OFFICER'?S\s+SIGNATURE", SignedBy.UNKNOWN),
        (r"PRINTED\s+NAME\s+AND\s+TITLE", SignedBy.UNKNOWN),
        (r"\(\s*UNITED\s+STATES\s+MAGISTRATE\s+JUDGE\s*\)", SignedBy.MAGISTRATE_JUDGE),
    )
)
# Capacities named in a signature block, most specific first.
_CAPACITIES: tuple[tuple[re.Pattern[str], SignedBy], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), capacity)
    for pattern, capacity in (
        (r"\bIMMIGRATION\s+JUDGE\b", SignedBy.IMMIGRATION_JUDGE),
        (r"\bMAGISTRATE(?:\s+JUDGE)?\b|\bU\.?\s?S\.?\s?M\.?\s?J\b", SignedBy.MAGISTRATE_JUDGE),
        (r"\bCLERK\b", SignedBy.CLERK),
        (
            r"\bDISTRICT\s+JUDGE\b|\bU\.?\s?S\.?\s?D\.?\s?J\b|\bJUDGE\b|\bJUDGE\s+TRIAL\s+REFEREE\b"
            r"|\bJUSTICE\b",
            SignedBy.JUDGE,
        ),
        (
            r"\bATTORNEY\b|\bCOMMISSIONER\s+OF\s+THE\s+SUPERIOR\s+COURT\b|\bESQ\b|\bJURIS\s+NO\b"
            r"|\bAUSA\b|\bCOUNSEL\s+FOR\b|\bBAR\s+NO\b",
            SignedBy.ATTORNEY,
        ),
        (
            r"\bIMMIGRATION\s+OFFICER\b|\bDEPORTATION\s+OFFICER\b|\bFIELD\s+OFFICE\s+DIRECTOR\b"
            r"|\bPATROL\s+AGENT\b|\bIMMIGRATION\s+ENFORCEMENT\s+AGENT\b|\bREMOVAL\s+OPERATIONS\b",
            SignedBy.IMMIGRATION_OFFICER,
        ),
    )
)
# Titles that are immigration officers only when the document comes from DHS.
_DHS_TITLES = re.compile(
    r"\bSPECIAL\s+AGENT(?:\s+IN\s+CHARGE)?\b|\bSUPERVISORY\b.*\bOFFICER\b|\bOFFICER\b|\bHSI\b"
    r"|\bDIRECTOR\b",
    re.IGNORECASE,
)
_MARK = re.compile(
    r"(?:^|\s)(?:/s/|s/)\s*:?\s*(?P<name>[A-Z][A-Za-z.'-]*(?:\s+[A-Z][A-Za-z.'-]*){0,3})"
    r"|DIGITALLY\s+SIGNED\s+BY\s+(?P<dname>[A-Z][A-Za-z.'-]*(?:\s+[A-Z][A-Za-z.'-]*){0,3})"
    r"|\(\s*SIGNED\s*\)",
    re.IGNORECASE,
)
_STOP_BELOW = re.compile(
    r"^\s*(?:RETURN\s*$|CERTIFICATE\s+OF\s+SERVICE|PROOF\s+OF\s+SERVICE|ATTACHMENT\s+[AB]\b"
    r"|THE\s+NAME,?\s+ADDRESS|NOTICE\s+TO\s+THE\s+PERSON|TO\s+BE\s+COMPLETED\s+BY)",
    re.IGNORECASE,
)
_RETURN_TO = re.compile(r"RETURN\s+THIS\s+WARRANT|INVENTORY\s+TO\b", re.IGNORECASE)
_SIGNATURE_WORD = re.compile(r"SIGNATURE|SIGNED|/s/|\bs/\s|SINCERELY|TRULY YOURS", re.IGNORECASE)


@dataclass
class Signer:
    capacity: SignedBy
    signed: bool
    evidence: str


def find_signer(text: str, doc_type: DocType, dhs: bool) -> Signer:
    """The capacity that the signature block names, and whether it carries a signature."""
    lines = text.split("\n")
    anchors = [
        i for i, line in enumerate(lines) if _SIGNATURE_WORD.search(line) or _MARK.search(line)
    ]
    if doc_type is DocType.LETTER_OR_REQUEST or not anchors:
        # Letters and notes: the closing lines carry the signer.
        anchors = anchors or [max(0, len(lines) - 3)]
        anchors = [*anchors, len(lines) - 1]
    zone = _zone(lines, anchors)
    filled: list[tuple[SignedBy, str]] = []
    labels: list[tuple[SignedBy, int, int, str]] = []  # capacity, line, column, text
    marks: list[tuple[int, int, str]] = []  # line, column, name
    for index in zone:
        line = lines[index]
        if _RETURN_TO.search(line):
            continue
        stripped = line
        for pattern, capacity in _LABELS:
            for match in pattern.finditer(stripped):
                labels.append((capacity, index, match.start(), match.group(0).strip()))
            stripped = pattern.sub(lambda m: " " * len(m.group(0)), stripped)
        for match in _MARK.finditer(line):
            name = (match.group("name") or match.group("dname") or "").strip()
            marks.append((index, match.start(), name))
        stripped = _drop_unchecked_options(stripped)
        for pattern, capacity in _CAPACITIES:
            if pattern.search(stripped):
                filled.append((capacity, line.strip()))
                break
        else:
            if dhs and _DHS_TITLES.search(stripped) and not re.search(r"SIGNATURE", stripped, re.I):
                filled.append((SignedBy.IMMIGRATION_OFFICER, line.strip()))
    # Names of people who signed, looked up elsewhere in the document with their capacity.
    if not filled and marks:
        for _, _, name in marks:
            named = _capacity_of_name(lines, name, zone)
            if named is not None:
                filled.append((named, f"{name} ({named.value.lower().replace('_', ' ')})"))
                break
    signed = bool(marks) or bool(filled)
    if filled:
        capacity, evidence = _most_specific(filled)
        return Signer(capacity, signed, evidence)
    if marks and labels:
        capacity = _aligned_label(marks, labels)
        if capacity is not SignedBy.UNKNOWN:
            return Signer(capacity, True, f"signature over the printed label for {capacity.value}")
    officer_block = any(label[0] is SignedBy.IMMIGRATION_OFFICER for label in labels)
    if dhs and doc_type is not DocType.LETTER_OR_REQUEST and officer_block:
        return Signer(SignedBy.IMMIGRATION_OFFICER, signed, "the form's immigration-officer block")
    return Signer(SignedBy.UNKNOWN, signed, "no capacity named in the signature block")


def _zone(lines: list[str], anchors: list[int]) -> list[int]:
    chosen: set[int] = set()
    for anchor in anchors:
        for index in range(anchor, max(-1, anchor - 4), -1):
            if _RETURN_TO.search(lines[index]) and index != anchor:
                break
            chosen.add(index)
        for index in range(anchor + 1, min(len(lines), anchor + 4)):
            if _STOP_BELOW.search(lines[index]):
                break
            chosen.add(index)
    return sorted(chosen)


def _drop_unchecked_options(line: str) -> str:
    """Remove check-box options that are not ticked ("[ ] Clerk", "o Notary Public")."""
    return re.sub(r"\[ \]\s*[A-Za-z][A-Za-z ]{0,40}?(?=\s{2,}|\[|$)", " ", line)


def _capacity_of_name(lines: list[str], name: str, zone: list[int]) -> SignedBy | None:
    surname = name.split()[-1] if name.split() else ""
    if len(surname) < 3:
        return None
    for index, line in enumerate(lines):
        if index in zone and not _STOP_BELOW.search(line):
            continue
        if surname.lower() not in line.lower():
            continue
        context = " ".join(lines[max(0, index - 1) : index + 1])
        for pattern, capacity in _CAPACITIES:
            if pattern.search(context):
                return capacity
    return None


def _aligned_label(
    marks: list[tuple[int, int, str]], labels: list[tuple[SignedBy, int, int, str]]
) -> SignedBy:
    best: tuple[int, SignedBy] | None = None
    for line, column, _ in marks:
        for capacity, label_line, label_column, _text in labels:
            if capacity is SignedBy.UNKNOWN or label_line < line or label_line - line > 4:
                continue
            distance = abs(label_column - column) + 10 * (label_line - line)
            if best is None or distance < best[0]:
                best = (distance, capacity)
    return best[1] if best else SignedBy.UNKNOWN


_SPECIFICITY = (
    SignedBy.IMMIGRATION_JUDGE,
    SignedBy.MAGISTRATE_JUDGE,
    SignedBy.JUDGE,
    SignedBy.CLERK,
    SignedBy.ATTORNEY,
    SignedBy.IMMIGRATION_OFFICER,
)


def _most_specific(found: list[tuple[SignedBy, str]]) -> tuple[SignedBy, str]:
    return min(found, key=lambda item: _SPECIFICITY.index(item[0]))


# ---------------------------------------------------------------------------------------------
# Arrest-warrant basis (AO 442): what the warrant is based on, from its check boxes.

_BASES = (
    ("SUPERSEDING INDICTMENT", "INDICTMENT"),
    ("SUPERSEDING INFORMATION", "INFORMATION"),
    ("INDICTMENT", "INDICTMENT"),
    ("INFORMATION", "INFORMATION"),
    ("COMPLAINT", "COMPLAINT"),
    ("PROBATION VIOLATION PETITION", "PETITION"),
    ("SUPERVISED RELEASE VIOLATION PETITION", "PETITION"),
    ("VIOLATION NOTICE", "VIOLATION_NOTICE"),
    ("ORDER OF THE COURT", "ORDER"),
)
_BOX = r"(?P<box>\[X\]|\[ \]|[xX&%#■]|[oO0GC]+|\[\])"


def arrest_basis(text: str) -> set[str] | None:
    """The bases ticked on an arrest warrant; None when the boxes cannot be read."""
    upper = text.upper().replace("LNFORMATION", "INFORMATION").replace("1NFORMATION", "INFORMATION")
    ticked: set[str] = set()
    readable = False
    for phrase, basis in _BASES:
        for match in re.finditer(_BOX + r"\s*" + re.escape(phrase) + r"\b", upper):
            before = upper[max(0, match.start() - 12) : match.start()]
            if phrase in ("INDICTMENT", "INFORMATION") and before.rstrip().endswith("SUPERSEDING"):
                continue
            box = match.group("box")
            if box == CHECKED or box in {"X", "&", "%", "#", "■"}:
                ticked.add(basis)
                readable = True
            elif box in {UNCHECKED, "[]"} or re.fullmatch(r"[O0GC]+", box):
                readable = True
    if re.search(r"\bBASED\s+ON\s+(?:AN?\s+)?(?:THE\s+)?(INDICTMENT|INFORMATION)\b", upper):
        ticked.add("INDICTMENT")
        readable = True
    if not readable:
        return None
    return ticked


# ---------------------------------------------------------------------------------------------
# Time window (AO 93): daytime only, or any time authorised.


def night_authorised(text: str) -> bool | None:
    """True when 'at any time in the day or night' is ticked, False when clearly not (or the
    daytime box is ticked), None when the boxes cannot be read."""
    upper = text.upper()
    any_time = re.search(
        r"(?P<box>\S{1,3})?\s*AT\s+ANY\s+TIME\s+IN\s+THE\s+DAY\s+OR\s+NIGHT", upper
    )
    daytime = re.search(r"(?P<box>\S{1,3})?\s*IN\s+THE\s+DAYTIME", upper)
    any_box = any_time.group("box") if any_time else None
    day_box = daytime.group("box") if daytime else None
    if any_box == CHECKED[-3:] or (any_box and any_box.strip("[]") in {"X", "x"}):
        return True
    if any_box in {"]", "[ ]"} or (any_box and _is_unchecked(any_box)):
        return False
    if day_box and (day_box.endswith("X]") or day_box in {"X", "x"}):
        return False
    if any_time is None and daytime is None:
        return None
    if any_time is None:
        return False
    return None


def _is_unchecked(box: str) -> bool:
    return bool(re.fullmatch(r"\[?\s?\]|[oO0GCc]+|Gg|LJ|\[\]|O\)", box))


# ---------------------------------------------------------------------------------------------
# Dates


@dataclass
class Dates:
    issued: date | None
    issued_evidence: str | None
    on_or_before: date | None
    statutory_days: int | None  # a limit written on the document ("within ten days")


_ISSUED_KEYS = (
    r"DATE\s+AND\s+TIME\s+ISSUED",
    r"ISSUED\s+(?:AT\s+[A-Z ,]+?\s+)?ON",
    r"DATED\s+AT\s*:?\s*[A-Z][A-Za-z ,.]*?\bON",
    r"DATED",
    r"DIGITALLY\s+SIGNED\s+BY\s+[A-Z .'-]+DATE",
    r"\bDATE\s*:",
)
_WORDS_TO_NUMBERS = {
    "ONE": 1,
    "TWO": 2,
    "THREE": 3,
    "FOUR": 4,
    "FIVE": 5,
    "SIX": 6,
    "SEVEN": 7,
    "EIGHT": 8,
    "NINE": 9,
    "TEN": 10,
    "ELEVEN": 11,
    "TWELVE": 12,
    "THIRTEEN": 13,
    "FOURTEEN": 14,
    "FIFTEEN": 15,
}


def read_dates(text: str) -> Dates:
    issued: FoundDate | None = None
    evidence = None
    for key in _ISSUED_KEYS:
        for match in re.finditer(key, text, re.IGNORECASE):
            found = first_date_after(text, match.end(), window=60)
            if found is not None:
                issued = found
                evidence = text[match.start() : found.end].replace("\n", " ")
                break
        if issued:
            break
    before = None
    written = phrase_regex("on or before").search(text)
    if written:
        found = first_date_after(text, written.end(), window=60)
        if found is not None:
            before = found.value
    days = None
    limit = re.search(
        r"WITHIN\s+(?P<n>\d{1,2}|[A-Z]+)\s+DAYS\s+(?:AFTER|FROM|OF)\s+THE\s+DATE", text.upper()
    )
    if limit:
        value = limit.group("n")
        days = int(value) if value.isdigit() else _WORDS_TO_NUMBERS.get(value)
    return Dates(
        issued=issued.value if issued else None,
        issued_evidence=evidence,
        on_or_before=before,
        statutory_days=days,
    )


# ---------------------------------------------------------------------------------------------
# Court and case number

_CASE_PATTERNS = (
    r"(?:CASE|CIVIL\s+ACTION|CIVIL|CRIMINAL|MISC\.?|MAGISTRATE)\s+N[O0]\.?\s*:?\s*(?P<n>[0-9][0-9:\-A-Za-z]{4,}(?:\s*\([A-Z]{2,4}\))?)",
    r"DOCKET\s+N[O0]\.?\s*:?\s*(?P<n>[A-Z0-9][A-Z0-9\-]{5,})",
    r"WARRANT\s+N[O0]\.?\s*:?\s*(?P<n>[A-Z0-9][A-Z0-9\-]{5,})",
)


def case_number(text: str) -> str | None:
    for pattern in _CASE_PATTERNS:
        match = re.search(pattern, text, re.IGNORECASE)
        if match:
            value = match.group("n").strip()
            if re.fullmatch(r"A\s?\d.*", value):  # an alien registration number: never kept
                return None
            return value
    return None


def court_name(text: str, doc_type: DocType, federal: bool, state: str | None) -> str | None:
    upper = text.upper()
    if doc_type is DocType.EOIR_ORDER:
        return "Immigration Court (Executive Office for Immigration Review): not a court of law"
    if federal:
        match = re.search(
            r"\b((?:NORTHERN|SOUTHERN|EASTERN|WESTERN|CENTRAL|MIDDLE)[ \t]+)?DISTRICT[ \t]+OF[ \t]+"
            r"([A-Z][A-Z \t]{2,30}?)[ \t]*(?:$|[,)(:]|\s{2,})",
            upper,
            re.MULTILINE,
        )
        if not match:
            return "United States District Court"
        district = f"{(match.group(1) or '').strip().title()} District of {match.group(2).title()}"
        return f"United States District Court, {district.strip()}"
    line = re.search(r"^\s*COURT(?:\s+TO\s+BE\s+HELD\s+AT)?\s*:\s*(.+)$", text, re.I | re.M)
    if line:
        value = re.split(r",\s*\d", line.group(1))[0].strip()
        if "SUPERIOR COURT" not in value.upper() and state == "CT":
            value = f"Superior Court, {value}"
        return value
    if "SUPERIOR COURT" in upper:
        return "Superior Court" + (f" (State of {state})" if state else "")
    return None


# ---------------------------------------------------------------------------------------------
# Confidentiality terms

_NOT_DISCLOSE = (
    r"(?:NOT|NON)[\s-]*(?:TO\s+)?DISCLOS|NOT\s+(?:TO\s+)?(?:NOTIFY|REVEAL|INFORM)|KEEP\s+"
    r"(?:THIS|THE|IT)?\s*(?:SUBPOENA|REQUEST|MATTER)?\s*CONFIDENTIAL"
)


def nondisclosure(segments: list[tuple[DocType, str, bool]]) -> tuple[Nondisclosure, str | None]:
    """The strongest confidentiality term in the file: (DocType, text, issued by a court)."""
    best = Nondisclosure.NONE
    evidence = None
    rank = {
        Nondisclosure.NONE: 0,
        Nondisclosure.REQUESTED: 1,
        Nondisclosure.ORDERED_BY_AGENCY: 2,
        Nondisclosure.ORDERED_BY_COURT: 3,
    }
    for doc_type, text, court in segments:
        upper = " ".join(text.upper().split())
        for match in re.finditer(_NOT_DISCLOSE, upper):
            window = upper[max(0, match.start() - 220) : match.end() + 60]
            voluntary = re.search(r"NOT\s+UNDER\s+A\s+COURT\s+ORDER|VOLUNTARY", window)
            asked = re.search(r"\bREQUEST|\bASK|\bPLEASE\b|\bWOULD\s+APPRECIATE", window)
            ordered = re.search(r"\bORDERED\b|\bIT\s+IS\s+HEREBY\s+ORDERED\b", window)
            if (voluntary and not court) or (asked and not ordered):
                kind = Nondisclosure.REQUESTED
            elif re.search(r"\bORDER", window):
                if court and doc_type in (
                    DocType.COURT_ORDER,
                    DocType.GRAND_JURY_SUBPOENA,
                    DocType.JUDICIAL_SUBPOENA,
                    DocType.JUDICIAL_SEARCH_WARRANT,
                    DocType.STATE_COURT_SEARCH_WARRANT,
                ):
                    kind = Nondisclosure.ORDERED_BY_COURT
                elif doc_type in (DocType.ADMIN_SUBPOENA_I138, DocType.UNKNOWN) or not court:
                    kind = Nondisclosure.ORDERED_BY_AGENCY
                else:
                    kind = Nondisclosure.REQUESTED
            else:
                kind = Nondisclosure.REQUESTED
            if rank[kind] > rank[best]:
                best = kind
                evidence = upper[max(0, match.start() - 80) : match.end() + 40].strip()
    return best, evidence
