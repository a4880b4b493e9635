"""Which document is this? Rules over features of the text, each one explainable.

A file may hold several documents (a subpoena with its cover letter or its court order, an I-205
with an immigration judge's order). It is split into segments; each segment is scored against
every class by the features it shows (titles, form numbers, headers, stock phrases), with gates
for who can issue what (a search warrant needs a court; a Form I-200 comes from DHS). The
principal document is then chosen, and anything that cannot be placed confidently is UNKNOWN.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from threshold.protocol.documents.text import Folded
from threshold.protocol.vocab import DocType

# ---------------------------------------------------------------------------------------------
# Issuers: who a segment comes from.

FED_CAPTIONS = ("UNITED STATES DISTRICT COURT", "U S DISTRICT COURT")
STATE_CAPTIONS = (
    "SUPERIOR COURT",
    "CIRCUIT COURT",
    "JUVENILE COURT",
    "FAMILY COURT",
    "PROBATE COURT",
    "COUNTY COURT",
    "COURT OF COMMON PLEAS",
    "SUPREME COURT OF THE STATE",
    "JUSTICE COURT",
    "MUNICIPAL COURT",
)
DHS_HEADERS = (
    "DEPARTMENT OF HOMELAND SECURITY",
    "IMMIGRATION AND CUSTOMS ENFORCEMENT",
    "CUSTOMS AND BORDER PROTECTION",
    "HOMELAND SECURITY INVESTIGATIONS",
    "ENFORCEMENT AND REMOVAL OPERATIONS",
)
EOIR_HEADERS = (
    "EXECUTIVE OFFICE FOR IMMIGRATION REVIEW",
    "IMMIGRATION COURT",
    "ORDER OF THE IMMIGRATION JUDGE",
)
_AO_FORM = re.compile(r"\bA[O0Q]\s?[-]?\s?(93C?|442|88[AB]?|89[AB]?|110)\b", re.IGNORECASE)
_DHS_FORM = re.compile(
    r"(?:\bFORM\s+|\b|DHS\s+)[I1l|]\s?[-.]?\s?(200|205|138|247[A-Z]?|862)\b", re.IGNORECASE
)
_FED_RULES = re.compile(r"FED\.?\s*R\.?\s*(CRIM|CIV)\.?\s*P", re.IGNORECASE)
_STATE_OF = re.compile(r"\bSTATE\s+[O0]F\s+([A-Z]{4,}(?:\s+[A-Z]{4,})?)", re.IGNORECASE)


@dataclass
class Issuer:
    federal_court: bool
    state_court: bool
    state: str | None
    dhs: bool
    eoir: bool
    ao_forms: set[str]
    dhs_forms: set[str]
    evidence: list[str]

    @property
    def court(self) -> bool:
        return self.federal_court or self.state_court


_STATES = {
    "CONNECTICUT": "CT",
    "CALIFORNIA": "CA",
    "NEW YORK": "NY",
    "NEW JERSEY": "NJ",
    "MASSACHUSETTS": "MA",
    "ILLINOIS": "IL",
    "OREGON": "OR",
    "WASHINGTON": "WA",
    "RHODE ISLAND": "RI",
    "TEXAS": "TX",
    "FLORIDA": "FL",
}


HEADER_LINES = 15
CAPTION_WORDS = 12


def _caption(lines: list[str], phrases: tuple[str, ...]) -> str | None:
    """A caption phrase standing as a caption: alone on a short line, at the start of a line, or
    set off in its own column; not a phrase inside a sentence."""
    for line in lines:
        folded = Folded.of(line)
        for phrase in phrases:
            hits = folded.find(phrase)
            if not hits:
                continue
            column = re.search(r"\S\s{3,}\S", line) is not None
            if len(folded.words) <= CAPTION_WORDS or hits[0] == 0 or column:
                return phrase
    return None


def issuer_of(text: str, folded: Folded) -> Issuer:
    """Who issued a segment, from its captions and letterhead (first lines) and form numbers."""
    evidence: list[str] = []
    head_lines = [line for line in text.split("\n") if line.strip()][:HEADER_LINES]
    head = Folded.of("\n".join(head_lines))
    ao_forms = {m.group(1).upper() for m in _AO_FORM.finditer(text)}
    dhs_forms = {m.group(1).upper()[:3] for m in _DHS_FORM.finditer(text)}
    federal = _caption(head_lines, FED_CAPTIONS) is not None
    if federal:
        evidence.append("caption: United States District Court")
    if ao_forms:
        evidence.append("federal court form AO " + ", ".join(sorted(ao_forms)))
    if _FED_RULES.search(text):
        evidence.append("cites the Federal Rules of Procedure")
    state_caption = _caption(head_lines, STATE_CAPTIONS)
    state = None
    for match in _STATE_OF.finditer("\n".join(head_lines).upper().replace("0F", "OF")):
        name = match.group(1).strip()
        for full, code in _STATES.items():
            if name.startswith(full):
                state = code
                break
        if state:
            break
    if state is None and state_caption and folded.has("CONNECTICUT"):
        state = "CT"
    state_court = bool(state_caption) or (state is not None and head.has("COURT"))
    if state_court:
        evidence.append(f"caption: {(state_caption or 'state court').title()}")
    eoir = _caption(head_lines, EOIR_HEADERS) is not None or folded.has(
        "ORDER OF THE IMMIGRATION JUDGE"
    )
    if eoir:
        evidence.append("Executive Office for Immigration Review / Immigration Court")
    dhs = _caption(head_lines, DHS_HEADERS) is not None or bool(dhs_forms)
    if dhs:
        evidence.append("Department of Homeland Security header or form")
    return Issuer(
        federal_court=federal or bool(ao_forms),
        state_court=state_court and not federal and not ao_forms,
        state=state,
        dhs=dhs,
        eoir=eoir,
        ao_forms=ao_forms,
        dhs_forms=dhs_forms,
        evidence=evidence,
    )


# ---------------------------------------------------------------------------------------------
# Features per class: (description, phrase or regex, weight). Phrases are matched word by word,
# allowing text-recognition slips; regexes on the normalised text.


@dataclass(frozen=True)
class Feature:
    label: str
    phrase: str | None = None
    regex: re.Pattern[str] | None = None
    weight: int = 1
    case_sensitive: bool = False


def _p(phrase: str, weight: int) -> Feature:
    return Feature(f"'{phrase.lower()}'", phrase=phrase, weight=weight)


def _r(label: str, pattern: str, weight: int) -> Feature:
    return Feature(label, regex=re.compile(pattern, re.IGNORECASE | re.MULTILINE), weight=weight)


def _title(label: str, pattern: str, weight: int) -> Feature:
    """A title: a short line in capitals (matched case-sensitively)."""
    return Feature(
        label, regex=re.compile(pattern, re.MULTILINE), weight=weight, case_sensitive=True
    )


# A short line in capitals that is, or contains, the word ORDER (not a sentence that mentions one).
_ORDER_TITLE = r"^[ \t]*(?:[A-Z][A-Z,'-]*[ \t]+){0,4}ORDER(?:[ \t]+[A-Z][A-Z,'-]*){0,5}[ \t]*$"

FEATURES: dict[DocType, tuple[Feature, ...]] = {
    DocType.ADMIN_WARRANT_I200: (
        _p("WARRANT FOR ARREST OF ALIEN", 6),
        _r("form number I-200", r"[I1l|]\s?-\s?2[0O][0O]\b", 6),
        _p("AUTHORIZED IMMIGRATION OFFICER", 2),
        _p("SECTIONS 236 AND 287", 2),
        _p("TAKE INTO CUSTODY FOR REMOVAL PROCEEDINGS", 3),
        _p("IS REMOVABLE FROM THE UNITED STATES", 1),
    ),
    DocType.ADMIN_WARRANT_I205: (
        _p("WARRANT OF REMOVAL", 6),
        _p("REMOVAL DEPORTATION", 3),
        _r("form number I-205", r"[I1l|]\s?-\s?2[0O]5\b", 6),
        _p("TAKE INTO CUSTODY AND REMOVE", 3),
        _p("BASED UPON A FINAL ORDER BY", 2),
        _p("ALIEN TO BE REMOVED", 2),
    ),
    DocType.EOIR_ORDER: (
        _p("ORDER OF THE IMMIGRATION JUDGE", 6),
        _p("EXECUTIVE OFFICE FOR IMMIGRATION REVIEW", 4),
        _p("IMMIGRATION COURT", 3),
        _p("IN REMOVAL PROCEEDINGS", 1),
        _p("RESPONDENT", 1),
        _r("signed by an immigration judge", r"^\s*IMMIGRATION\s+JUDGE\s*$", 3),
    ),
    DocType.ADMIN_SUBPOENA_I138: (
        _r("form number I-138", r"[I1l|]\s?-\s?[1I]38\b", 6),
        _p("SUBPOENA", 3),
        _r("cites 8 CFR 287.4", r"287\.4", 2),
        _r("cites INA 235(d)(4)", r"235\s*\(d\)\s*\(4\)|1225\s*\(d\)", 2),
        _p("ISSUING OFFICER", 1),
        _p("COMMANDED AND REQUIRED TO APPEAR BEFORE", 2),
    ),
    DocType.DETAINER_I247A: (
        _p("IMMIGRATION DETAINER", 6),
        _r("form number I-247", r"[I1l|]\s?-\s?247", 6),
        _p("NOTICE OF ACTION", 3),
        _p("MAINTAIN CUSTODY", 2),
        _p("NOT TO EXCEED 48 HOURS", 1),
    ),
    DocType.NOTICE_TO_APPEAR_I862: (
        _p("NOTICE TO APPEAR", 6),
        _r("form number I-862", r"[I1l|]\s?-\s?862", 6),
        _p("REMOVAL PROCEEDINGS UNDER SECTION 240", 3),
        _p("APPEAR BEFORE AN IMMIGRATION JUDGE", 2),
        _p("ARRIVING ALIEN", 1),
    ),
    DocType.JUDICIAL_SEARCH_WARRANT: (
        _p("SEARCH AND SEIZURE WARRANT", 5),
        _p("WARRANT BY TELEPHONE OR OTHER RELIABLE ELECTRONIC MEANS", 5),
        _p("SEARCH WARRANT", 3),
        _p("WARRANT TO SEARCH", 4),
        _p("SEARCH AND SEIZE", 2),
        _r(
            "authorizes or commands a search",
            r"\b(?:AUTHORIZES?|COMMANDED)\b.{0,80}\bTO\s+SEARCH\b",
            2,
        ),
        _r("form AO 93", r"\bA[O0Q]\s?93", 5),
        _p("IN THE MATTER OF THE SEARCH OF", 3),
        _p("PROBABLE CAUSE TO SEARCH", 1),
        _p("NOT TO EXCEED 14 DAYS", 2),
        _p("ANY AUTHORIZED LAW ENFORCEMENT OFFICER", 1),
    ),
    DocType.STATE_COURT_SEARCH_WARRANT: (
        _p("SEARCH AND SEIZURE WARRANT", 5),
        _p("SEARCH WARRANT", 3),
        _p("WARRANT TO SEARCH", 4),
        _r(
            "authorizes or commands a search",
            r"\b(?:AUTHORIZES?|COMMAND(?:ED)?)\b.{0,80}\bTO\s+SEARCH\b",
            2,
        ),
        _p("ENTER INTO OR UPON AND SEARCH", 2),
        _p("WITHIN TEN DAYS", 2),
        _p("AFFIDAVIT AND APPLICATION", 1),
        _p("ANY POLICE OFFICER", 1),
    ),
    DocType.JUDICIAL_ARREST_WARRANT: (
        _p("ARREST WARRANT", 5),
        _r("titled warrant for arrest", r"WARRANT\s+FOR\s+(?:THE\s+)?ARREST\b(?!\s+OF\s+ALIEN)", 5),
        _p("COMMANDED TO ARREST", 2),
        _r("form AO 442", r"\bA[O0Q]\s?442", 5),
        _p("COMMANDED TO ARREST AND BRING BEFORE A UNITED STATES MAGISTRATE JUDGE", 4),
        _p("ACCUSED OF AN OFFENSE", 2),
        _p("UNITED STATES OF AMERICA V", 1),
    ),
    DocType.STATE_COURT_ARREST_WARRANT: (
        _p("ARREST WARRANT", 5),
        _r("titled warrant for arrest", r"WARRANT\s+FOR\s+(?:THE\s+)?ARREST\b(?!\s+OF\s+ALIEN)", 5),
        _p("COMMANDED TO ARREST", 2),
        _p("ARREST THE BODY OF", 3),
        _p("NAME AND ADDRESS OF ACCUSED", 2),
        _p("TO ANY PROPER OFFICER", 2),
        _p("BENCH WARRANT", 4),
    ),
    DocType.JUDICIAL_SUBPOENA: (
        _p("SUBPOENA", 4),
        _p("SUBPOENA TO PRODUCE DOCUMENTS", 3),
        _r("form AO 88/89", r"\bA[O0Q]\s?8[89]", 5),
        _p("SUBPOENA DUCES TECUM", 3),
        _p("COMMISSIONER OF THE SUPERIOR COURT", 2),
        _p("YOU ARE COMMANDED TO PRODUCE", 2),
        _p("HEREBY COMMANDED TO APPEAR", 2),
    ),
    DocType.GRAND_JURY_SUBPOENA: (
        _p("SUBPOENA TO TESTIFY BEFORE A GRAND JURY", 7),
        _r("form AO 110", r"\bA[O0Q]\s?11[0O]\b", 5),
        _p("GRAND JURY", 3),
        _p("SUBPOENA", 2),
        _p("TESTIFY BEFORE THE COURT'S GRAND JURY", 2),
    ),
    DocType.COURT_ORDER: (
        _title("titled ORDER", _ORDER_TITLE, 4),
        _p("IT IS HEREBY ORDERED", 4),
        _p("IT IS ORDERED", 3),
        _p("SO ORDERED", 3),
        _p("IT IS FURTHER ORDERED", 1),
    ),
    DocType.LETTER_OR_REQUEST: (
        _r("a greeting ('Dear ...')", r"^\s*DEAR\b", 3),
        _p("SINCERELY", 3),
        _p("VERY TRULY YOURS", 3),
        _r(
            "a closing ('Respectfully', 'Regards')",
            r"^\s*(?:RESPECTFULLY|(?:BEST\s+|KIND\s+)?REGARDS|YOURS\s+TRULY|THANK\s+YOU)\s*,",
            3,
        ),
        _r("addressed to the principal", r"^\s*(?:TO\s+THE\s+)?PRINCIPAL\b", 1),
        _r(
            "a letter's first person ('we are writing', 'we ask')",
            r"\bWE\s+(?:ARE\s+WRITING|ASK|REQUEST|WOULD)\b|\bI\s+AM\s+WRITING\b",
            2,
        ),
        _r("asks for help", r"\b(?:KINDLY|WOULD\s+BE\s+GRATEFUL|YOUR\s+(?:HELP|ASSISTANCE))\b", 2),
        _r("a subject line ('Re:')", r"^\s*RE\s*:", 2),
        _p("REQUEST FOR INFORMATION", 3),
        _p("RESPECTFULLY REQUESTS", 2),
        _p("PLEASE PROVIDE", 2),
        _p("YOUR COOPERATION", 2),
        _p("THANK YOU", 1),
        _r("asks for something ('need')", r"\bNEED(S|ED)?\b", 2),
        _r("asks for something ('please')", r"\b(PLS|PLEASE)\b", 2),
        _r(
            "asks for a call back", r"\bCALL\s+(ME|US)\b|\bCONTACT\s+(ME|US|THE\s+UNDERSIGNED)\b", 2
        ),
        _r("a note ('have him/her ready')", r"\bHAVE\s+(HIM|HER|THEM)\s+READY\b", 2),
        _r("addressed to the school office", r"\b(FRONT\s+OFFICE|MAIN\s+OFFICE|PRINCIPAL)\b", 1),
        _r("an e-mail header", r"^\s*FROM\s*:.*\n(?:.*\n){0,3}\s*(?:SENT|DATE|TO|SUBJECT)\s*:", 4),
        _r("a greeting", r"^\s*(?:GOOD\s+(?:MORNING|AFTERNOON)|HELLO|HI)\b", 2),
        _r("asks to confirm", r"\b(?:PLEASE\s+)?CONFIRM\s+(?:WHETHER|THAT|IF)\b", 1),
    ),
}

# Who can issue each class. A class whose gate fails scores nothing.
COURT_CLASSES = {
    DocType.JUDICIAL_SEARCH_WARRANT,
    DocType.STATE_COURT_SEARCH_WARRANT,
    DocType.JUDICIAL_ARREST_WARRANT,
    DocType.STATE_COURT_ARREST_WARRANT,
    DocType.JUDICIAL_SUBPOENA,
    DocType.GRAND_JURY_SUBPOENA,
    DocType.COURT_ORDER,
}
DHS_CLASSES = {
    DocType.ADMIN_WARRANT_I200,
    DocType.ADMIN_WARRANT_I205,
    DocType.ADMIN_SUBPOENA_I138,
    DocType.DETAINER_I247A,
    DocType.NOTICE_TO_APPEAR_I862,
}
_FORM_OF = {"200": DocType.ADMIN_WARRANT_I200, "205": DocType.ADMIN_WARRANT_I205}

MIN_SCORE = 6
MIN_MARGIN = 3


@dataclass
class Classification:
    type: DocType
    score: int
    runner_up: tuple[DocType, int] | None
    features: list[str]
    issuer: Issuer
    confidence: float
    reasons: list[str] = field(default_factory=list)


def _gate(doc_type: DocType, issuer: Issuer) -> bool:
    if doc_type in (DocType.JUDICIAL_SEARCH_WARRANT, DocType.JUDICIAL_ARREST_WARRANT):
        return issuer.federal_court
    if doc_type in (DocType.STATE_COURT_SEARCH_WARRANT, DocType.STATE_COURT_ARREST_WARRANT):
        return issuer.state_court
    if doc_type in (DocType.JUDICIAL_SUBPOENA, DocType.COURT_ORDER, DocType.GRAND_JURY_SUBPOENA):
        return issuer.court and not issuer.eoir
    if doc_type is DocType.ADMIN_SUBPOENA_I138:
        return issuer.dhs and not issuer.court
    if doc_type in DHS_CLASSES:
        return not issuer.court or bool(issuer.dhs_forms)
    if doc_type is DocType.EOIR_ORDER:
        return issuer.eoir
    if doc_type is DocType.LETTER_OR_REQUEST:
        return not issuer.court
    return True


def classify_segment(text: str, folded: Folded) -> Classification:
    issuer = issuer_of(text, folded)
    upper = text.upper()
    scores: dict[DocType, tuple[int, list[str]]] = {}
    for doc_type, features in FEATURES.items():
        total = 0
        found: list[str] = []
        for feature in features:
            if feature.phrase is not None:
                hit = folded.has(feature.phrase)
            else:
                target = text if feature.case_sensitive else upper
                hit = bool(feature.regex and feature.regex.search(target))
            if hit:
                total += feature.weight
                found.append(feature.label)
        if not _gate(doc_type, issuer):
            total = 0
        elif total:
            if doc_type in COURT_CLASSES:
                total += 3
            elif doc_type in DHS_CLASSES and issuer.dhs:
                total += 2
        scores[doc_type] = (total, found)
    # A subpoena or order title elsewhere in a letter does not make it legal process.
    ranked = sorted(scores.items(), key=lambda item: item[1][0], reverse=True)
    (best, (best_score, best_found)), second = ranked[0], ranked[1]
    reasons: list[str] = []
    runner_up = (second[0], second[1][0]) if second[1][0] else None
    margin = best_score - (runner_up[1] if runner_up else 0)
    confidence = min(1.0, best_score / 16) * min(1.0, 0.5 + margin / 10)
    chosen = best
    if best_score < MIN_SCORE:
        reasons.append("no class is recognised with enough evidence")
        chosen = DocType.UNKNOWN
    elif margin < MIN_MARGIN and runner_up is not None and not _compatible(best, runner_up[0]):
        reasons.append(
            f"the text fits both {best.value} and {runner_up[0].value}: it cannot be placed safely"
        )
        chosen = DocType.UNKNOWN
    if chosen is DocType.UNKNOWN:
        confidence = min(confidence, 0.4)
    return Classification(
        type=chosen,
        score=best_score,
        runner_up=runner_up,
        features=best_found,
        issuer=issuer,
        confidence=round(confidence, 2),
        reasons=reasons,
    )


def _compatible(a: DocType, b: DocType) -> bool:
    """Two close classes whose tie is resolved by the stronger features already (the same
    document family); a tie across families is a real ambiguity."""
    pairs = {
        frozenset({DocType.GRAND_JURY_SUBPOENA, DocType.JUDICIAL_SUBPOENA}),
        frozenset({DocType.JUDICIAL_SEARCH_WARRANT, DocType.STATE_COURT_SEARCH_WARRANT}),
        frozenset({DocType.JUDICIAL_ARREST_WARRANT, DocType.STATE_COURT_ARREST_WARRANT}),
    }
    return frozenset({a, b}) in pairs


# ---------------------------------------------------------------------------------------------
# Segments


_SEPARATOR = re.compile(r"^\s*(?:[=#*~]{8,}|-{8,}\s*(?:END|NEXT)\b.*)\s*$", re.IGNORECASE)
_HEADER = re.compile(
    r"^\s*(?:U\.?\s?S\.?\s+|UNITED\s+STATES\s+)?(?:DEPARTMENT\s+OF\s+(?:HOMELAND\s+SECURITY|JUSTICE)"
    r"|UNITED\s+STATES\s+DISTRICT\s+COURT|STATE\s+OF\s+[A-Z]+|SUPERIOR\s+COURT"
    r"|EXECUTIVE\s+OFFICE\s+FOR\s+IMMIGRATION\s+REVIEW)\b",
    re.IGNORECASE,
)
_SIGNED = re.compile(
    r"(/s/|\bs/\s|SIGNATURE|SINCERELY|VERY TRULY YOURS|SO ORDERED|DIGITALLY SIGNED)", re.I
)


_FORM_LINE = re.compile(r"^\W*(?:A[O0Q]\s?\d{2,3}|(?:DHS\s+)?FORM\s+[I1l]-\d)", re.IGNORECASE)


def _is_separator(line: str) -> bool:
    """A rule between documents: a line of = # * ~, or what text recognition makes of one (a
    long line of a few letters repeated, no digits)."""
    if _SEPARATOR.match(line):
        return True
    ink = [c for c in line if not c.isspace()]
    letters = {c.lower() for c in ink if c.isalpha()}
    rules = sum(1 for c in ink if c in "-_.")
    return (
        len(ink) >= 20
        and not any(c.isdigit() for c in ink)
        and len(letters) <= 4
        and rules < len(ink) / 2
        and sum(1 for c in ink if c.isalpha() or c in "=~#*") >= 0.8 * len(ink)
    )


def split_segments(text: str) -> list[str]:
    """Split a file into its documents: at separator lines, and where a new letterhead or
    caption starts after the previous document was signed."""
    lines = text.split("\n")
    segments: list[list[str]] = [[]]
    signed = False
    for line in lines:
        if _is_separator(line):
            if any(item.strip() for item in segments[-1]):
                segments.append([])
            signed = False
            continue
        if _HEADER.match(line) and signed and sum(1 for x in segments[-1] if x.strip()) >= 8:
            # A form-number line just above the caption belongs to the new document.
            carried: list[str] = []
            while segments[-1] and (
                not segments[-1][-1].strip() or _FORM_LINE.match(segments[-1][-1])
            ):
                carried.insert(0, segments[-1].pop())
            segments.append([x for x in carried if x.strip()])
            signed = False
        segments[-1].append(line)
        if _SIGNED.search(line):
            signed = True
    return ["\n".join(seg).strip("\n") for seg in segments if any(x.strip() for x in seg)]


PRINCIPAL_ORDER = (
    DocType.JUDICIAL_SEARCH_WARRANT,
    DocType.STATE_COURT_SEARCH_WARRANT,
    DocType.JUDICIAL_ARREST_WARRANT,
    DocType.STATE_COURT_ARREST_WARRANT,
    DocType.GRAND_JURY_SUBPOENA,
    DocType.JUDICIAL_SUBPOENA,
    DocType.COURT_ORDER,
    DocType.UNKNOWN,
    DocType.ADMIN_SUBPOENA_I138,
    DocType.ADMIN_WARRANT_I205,
    DocType.ADMIN_WARRANT_I200,
    DocType.EOIR_ORDER,
    DocType.DETAINER_I247A,
    DocType.NOTICE_TO_APPEAR_I862,
    DocType.LETTER_OR_REQUEST,
)
