"""Reading the fields a surface check needs: signer, court, case number, dates, hours, basis,
confidentiality terms. Each reader returns what it found and where, so findings can say why."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from threshold.protocol.documents.text import (
    CHECKED,
    UNCHECKED,
    Folded,
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
        (r"SIGNED\W{0,3}JUDGE\W{0,3}", SignedBy.JUDGE),
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
# Capacities named in a signature block (matched word by word, allowing OCR slips).
_CAPACITY_PHRASES: tuple[tuple[SignedBy, tuple[str, ...]], ...] = (
    (SignedBy.IMMIGRATION_JUDGE, ("IMMIGRATION JUDGE",)),
    (SignedBy.MAGISTRATE_JUDGE, ("MAGISTRATE JUDGE", "MAGISTRATE", "U S M J", "USMJ")),
    (SignedBy.CLERK, ("DEPUTY CLERK", "ASSISTANT CLERK", "CLERK OF COURT", "CLERK")),
    (
        SignedBy.JUDGE,
        ("DISTRICT JUDGE", "U S D J", "USDJ", "JUDGE TRIAL REFEREE", "JUDGE", "JUSTICE"),
    ),
    (
        SignedBy.ATTORNEY,
        (
            "ATTORNEY",
            "COMMISSIONER OF THE SUPERIOR COURT",
            "ESQ",
            "JURIS NO",
            "AUSA",
            "COUNSEL FOR",
            "BAR NO",
        ),
    ),
    (
        SignedBy.IMMIGRATION_OFFICER,
        (
            "IMMIGRATION OFFICER",
            "DEPORTATION OFFICER",
            "DETENTION AND DEPORTATION",
            "FIELD OFFICE DIRECTOR",
            "PATROL AGENT",
            "IMMIGRATION ENFORCEMENT AGENT",
            "REMOVAL OPERATIONS",
        ),
    ),
)
# Titles that are immigration officers only when the document comes from DHS.
_DHS_TITLES = ("SPECIAL AGENT", "OFFICER", "DIRECTOR", "HSI", "AGENT")
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
_SIGNATURE_WORD = re.compile(
    r"SIGNATURE|\bSIGNED\b|/s/|(?:^|\s)s/\s|SINCERELY|TRULY\s+YOURS|RESPECTFULLY,|REGARDS,",
    re.IGNORECASE,
)
_SENTENCE_WORDS = 14


@dataclass
class Signer:
    capacity: SignedBy
    signed: bool
    evidence: str


def capacity_in(line: str, dhs: bool) -> SignedBy | None:
    """The capacity a line of a signature block names, if any."""
    folded = Folded.of(line)
    for capacity, phrases in _CAPACITY_PHRASES:
        if any(folded.has(phrase) for phrase in phrases):
            return capacity
    if dhs and any(folded.has(title) for title in _DHS_TITLES):
        return SignedBy.IMMIGRATION_OFFICER
    return None


def find_signer(text: str, doc_type: DocType, dhs: bool) -> Signer:
    """The capacity that the signature block names, and whether it carries a signature.

    Capacities are read from the lines around signature marks and labels; the nearest wins
    (the title printed under a name is nearest), and long lines (sentences) are not signature
    blocks. A mark whose block names no capacity is matched with the label printed under it, or
    with the same name elsewhere in the document."""
    lines = text.split("\n")
    anchors = [i for i, line in enumerate(lines) if _SIGNATURE_WORD.search(line)]
    if doc_type is DocType.LETTER_OR_REQUEST or not anchors:
        # Letters and notes: the closing lines carry the signer.
        anchors = [*anchors, *range(max(0, len(lines) - 3), len(lines))]
    zone = _zone(lines, anchors)
    candidates: list[tuple[float, int, SignedBy, str]] = []
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
        line_marks = list(_MARK.finditer(line))
        for match in line_marks:
            name = (match.group("name") or match.group("dname") or "").strip()
            marks.append((index, match.start(), name))
        stripped = _drop_unchecked_options(stripped)
        if len(stripped.split()) > _SENTENCE_WORDS and not line_marks:
            continue
        capacity_found = capacity_in(stripped, dhs)
        if capacity_found is None:
            continue
        distance = min(
            (index - anchor) if index >= anchor else (anchor - index) + 1.5 for anchor in anchors
        )
        candidates.append(
            (distance, _SPECIFICITY.index(capacity_found), capacity_found, line.strip())
        )
    # Names of people who signed, looked up elsewhere in the document with their capacity.
    if not candidates and marks:
        for _, _, name in marks:
            named = _capacity_of_name(lines, name, zone, dhs)
            if named is not None:
                candidates.append((9.0, 0, named, f"{name} ({named.value.lower()})"))
                break
    signed = bool(marks) or bool(candidates)
    if marks and labels and not any(c[0] <= 3 for c in candidates):
        capacity, distance = _aligned_label(marks, labels)
        # Trust the label under the mark when the columns survive; else the name's capacity.
        if capacity is not SignedBy.UNKNOWN and (distance <= 15 or not candidates):
            return Signer(capacity, True, f"signature over the printed label for {capacity.value}")
    if candidates:
        _, _, capacity, evidence = min(candidates)
        return Signer(capacity, signed, evidence)
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


def _capacity_of_name(lines: list[str], name: str, zone: list[int], dhs: bool) -> SignedBy | None:
    surname = name.split()[-1] if name.split() else ""
    if len(surname) < 3:
        return None
    for index, line in enumerate(lines):
        if index in zone and not _STOP_BELOW.search(line):
            continue
        if surname.lower() not in line.lower():
            continue
        context = " ".join(lines[max(0, index - 2) : index + 1])
        capacity = capacity_in(context, dhs)
        if capacity is None and re.search(r"\bL\.?L\.?P\b|\bLAW\s+(?:FIRM|OFFICES?)\b", line, re.I):
            capacity = SignedBy.ATTORNEY
        if capacity is not None:
            return capacity
    return None


def _aligned_label(
    marks: list[tuple[int, int, str]], labels: list[tuple[SignedBy, int, int, str]]
) -> tuple[SignedBy, int]:
    """The printed label nearest below a signature mark, and how far (columns + 3 per line)."""
    best: tuple[int, SignedBy] | None = None
    for line, column, _ in marks:
        for capacity, label_line, label_column, _text in labels:
            if capacity is SignedBy.UNKNOWN or label_line < line or label_line - line > 4:
                continue
            distance = abs(label_column - column) + 3 * (label_line - line)
            if best is None or distance < best[0]:
                best = (distance, capacity)
    return (best[1], best[0]) if best else (SignedBy.UNKNOWN, 999)


_SPECIFICITY = (
    SignedBy.IMMIGRATION_JUDGE,
    SignedBy.MAGISTRATE_JUDGE,
    SignedBy.JUDGE,
    SignedBy.CLERK,
    SignedBy.ATTORNEY,
    SignedBy.IMMIGRATION_OFFICER,
)


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
    if not readable:
        # No boxes: the charging document named in the prose ("to answer an Indictment").
        indictment = re.search(
            r"\b(?:AN|THE|UPON|ON)\s+(?:SUPERSEDING\s+)?(?:INDICTMENT|(?:CRIMINAL\s+)?INFORMATION)\b"
            r"|\b(?:INDICTMENT|INFORMATION)\s+(?:CHARGING|FILED|RETURNED)\b",
            upper,
        )
        complaint = re.search(r"\b(?:A|THE|CRIMINAL)\s+COMPLAINT\b", upper)
        if indictment and not complaint:
            return {"INDICTMENT"}
        if complaint and not indictment:
            return {"COMPLAINT"}
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
    r"DATE\s+OF\s+(?:THE\s+|THIS\s+)?WARRANT",
    r"SIGNED\s+(?:AND\s+ISSUED\s+)?ON",
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
    r"(?:[NH][O0]T|N[O0]N)[\s-]*(?:T[O0]\s+)?D[I1L]SC[L1I][O0]S|N[O0]T\s+(?:T[O0]\s+)?"
    r"(?:N[O0]T[I1L]FY|REVEAL|INF[O0]RM)|KEEP\s+(?:THIS|THE|IT)?\s*(?:SUBP[O0]ENA|REQUEST|MATTER)?"
    r"\s*C[O0]NF[I1L]DENT[I1L]AL"
)


_COURT_ISSUED = (
    DocType.COURT_ORDER,
    DocType.GRAND_JURY_SUBPOENA,
    DocType.JUDICIAL_SUBPOENA,
    DocType.JUDICIAL_SEARCH_WARRANT,
    DocType.STATE_COURT_SEARCH_WARRANT,
)


def nondisclosure(
    segments: list[tuple[DocType, str, bool]], court_file: bool = False
) -> tuple[Nondisclosure, str | None]:
    """The strongest confidentiality term in the file: (DocType, text, issued by a court).

    `court_file`: the principal document is a court's, so an order attached to it that the text
    recognition left unplaced is taken as the court's."""
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
            voluntary = re.search(r"N[O0]T\s+UNDER\s+A\s+C[O0]URT\s+[O0]RDER|V[O0]LUNTARY", window)
            asked = re.search(r"\bREQUEST|\bASK|\bPLEASE\b|\bWOULD\s+APPRECIATE", window)
            ordered = re.search(r"\b[O0]RDERED\b", window)
            if (voluntary and not court) or (asked and not ordered):
                kind = Nondisclosure.REQUESTED
            elif re.search(r"\b[O0]RDER", window):
                attached = court_file and doc_type in (DocType.UNKNOWN, DocType.COURT_ORDER)
                if attached or (court and doc_type in _COURT_ISSUED):
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
