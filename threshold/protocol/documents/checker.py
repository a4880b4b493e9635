"""The document checker: from a presented document's text (or image) to its class, signer, court,
case number, dates and surface checks, each finding in plain words.

When unsure, the answer is UNKNOWN (and the decision engine holds for counsel); a surface check
that cannot be read counts as failing, with a finding that says so: a warrant passes only when
its face shows that it is valid.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

from threshold.protocol.documents import fields, ocr, premises
from threshold.protocol.documents.classify import (
    COURT_CLASSES,
    DHS_CLASSES,
    PRINCIPAL_ORDER,
    Classification,
    classify_segment,
    split_segments,
)
from threshold.protocol.documents.text import Folded, normalise
from threshold.protocol.vocab import (
    FACIAL_FAILURE_ORDER,
    DocType,
    FacialCheck,
    Nondisclosure,
    SignedBy,
)

RULES_FILE = Path(__file__).resolve().parent / "rules.toml"
MAX_TEXT_CHARS = 200_000

LABELS = {
    DocType.ADMIN_WARRANT_I200: "Administrative warrant for arrest (DHS Form I-200)",
    DocType.ADMIN_WARRANT_I205: "Administrative warrant of removal (DHS Form I-205)",
    DocType.EOIR_ORDER: "Order of an immigration judge (EOIR)",
    DocType.ADMIN_SUBPOENA_I138: "Administrative subpoena (DHS Form I-138)",
    DocType.DETAINER_I247A: "Immigration detainer (DHS Form I-247A)",
    DocType.NOTICE_TO_APPEAR_I862: "Notice to Appear (DHS Form I-862)",
    DocType.JUDICIAL_SEARCH_WARRANT: "Federal search and seizure warrant",
    DocType.JUDICIAL_ARREST_WARRANT: "Federal arrest warrant",
    DocType.STATE_COURT_SEARCH_WARRANT: "State court search warrant",
    DocType.STATE_COURT_ARREST_WARRANT: "State court arrest warrant",
    DocType.JUDICIAL_SUBPOENA: "Court subpoena",
    DocType.GRAND_JURY_SUBPOENA: "Federal grand jury subpoena",
    DocType.COURT_ORDER: "Court order",
    DocType.LETTER_OR_REQUEST: "Letter or written request",
    DocType.UNKNOWN: "Unclassified document",
}
SEARCH_WARRANTS = {DocType.JUDICIAL_SEARCH_WARRANT, DocType.STATE_COURT_SEARCH_WARRANT}


@dataclass
class Finding:
    check: str
    result: str  # PASS, FAIL, UNKNOWN, INFO
    text: str

    def as_dict(self) -> dict[str, str]:
        return {"check": self.check, "result": self.result, "text": self.text}


@dataclass
class Attachment:
    type: DocType
    signed_by: SignedBy

    def as_dict(self) -> dict[str, str]:
        return {"type": self.type.value, "label": LABELS[self.type], "signed_by": self.signed_by}


@dataclass
class Findings:
    type: DocType
    facial_check: FacialCheck
    signed_by: SignedBy
    expires: date | None
    court: str | None
    case_number: str | None
    nondisclosure: Nondisclosure
    issued: date | None
    jurisdiction: str | None
    time_window: str | None
    premises: str | None
    findings: list[Finding]
    confidence: float
    attachments: list[Attachment] = field(default_factory=list)
    source: str = "text"

    @property
    def route_to_counsel(self) -> bool:
        return (
            self.type is DocType.UNKNOWN
            or self.confidence < 0.6
            or any(f.result == "UNKNOWN" for f in self.findings)
        )

    def as_fact(self) -> dict[str, str]:
        """The document as the decision engine takes it (`facts.documents[]`)."""
        return {
            "type": self.type.value,
            "facial_check": self.facial_check.value,
            "nondisclosure": self.nondisclosure.value,
        }

    def as_dict(self) -> dict[str, Any]:
        return {
            "type": self.type.value,
            "label": LABELS[self.type],
            "facial_check": self.facial_check.value,
            "signed_by": self.signed_by.value,
            "expires": self.expires.isoformat() if self.expires else None,
            "court": self.court,
            "case_number": self.case_number,
            "nondisclosure": self.nondisclosure.value,
            "issued": self.issued.isoformat() if self.issued else None,
            "jurisdiction": self.jurisdiction,
            "time_window": self.time_window,
            "premises": self.premises,
            "findings": [f.as_dict() for f in self.findings],
            "confidence": self.confidence,
            "route_to_counsel": self.route_to_counsel,
            "attachments": [a.as_dict() for a in self.attachments],
            "source": self.source,
        }


@lru_cache(maxsize=1)
def _rules() -> dict[str, Any]:
    return tomllib.loads(RULES_FILE.read_text(encoding="utf-8"))


# ---------------------------------------------------------------------------------------------
# Entry points


def check_document(
    source: str | bytes | Path,
    *,
    school: str | None = None,
    address: str | None = None,
    now: datetime | date | None = None,
) -> Findings:
    """Check a document given as text (str), raw bytes (text or image) or a file path."""
    if isinstance(source, Path):
        return check_document_bytes(source.read_bytes(), school=school, address=address, now=now)
    if isinstance(source, bytes):
        return check_document_bytes(source, school=school, address=address, now=now)
    return check_document_text(source, school=school, address=address, now=now)


def check_document_bytes(
    data: bytes,
    *,
    school: str | None = None,
    address: str | None = None,
    now: datetime | date | None = None,
) -> Findings:
    """Bytes of a text file or of an image; images go through text recognition."""
    if ocr.is_image(data):
        result = ocr.read_image(data)
        findings = check_document_text(
            result.text, school=school, address=address, now=now, source="image"
        )
        note = "read from an image by text recognition"
        if abs(result.angle) >= 0.3:
            note += f" (straightened by {result.angle:+.1f} degrees)"
        findings.findings.insert(0, Finding("source", "INFO", note + "; check the original"))
        findings.confidence = round(findings.confidence * 0.95, 2)
        return findings
    text = data.decode("utf-8-sig", errors="replace")
    return check_document_text(text, school=school, address=address, now=now)


def check_document_text(
    text: str,
    *,
    school: str | None = None,
    address: str | None = None,
    now: datetime | date | None = None,
    source: str = "text",
) -> Findings:
    # A date without a time: the dates are checked, the hours cannot be.
    time_known = not (isinstance(now, date) and not isinstance(now, datetime))
    if now is None:
        now = datetime.now()
    elif not isinstance(now, datetime):
        now = datetime(now.year, now.month, now.day, 12, 0)
    text = normalise(text[:MAX_TEXT_CHARS])
    found: list[Finding] = []
    if len(re.findall(r"[A-Za-z]{3,}", text)) < 5:
        found.append(Finding("text", "UNKNOWN", "there is too little readable text to classify"))
        return Findings(
            DocType.UNKNOWN,
            FacialCheck.NOT_APPLICABLE,
            SignedBy.UNKNOWN,
            None,
            None,
            None,
            Nondisclosure.NONE,
            None,
            None,
            None,
            None,
            found,
            0.0,
            source=source,
        )

    parts = _segments(text)
    principal_index = _principal(parts)
    seg_text, cls = parts[principal_index]
    doc_type = cls.type
    dhs = cls.issuer.dhs and not cls.issuer.court

    found.append(_class_finding(cls))
    signer = fields.find_signer(seg_text, doc_type, dhs)
    found.extend(_trap_findings(seg_text, cls, signer))

    attachments = []
    for index, (other_text, other) in enumerate(parts):
        if index == principal_index:
            continue
        other_signer = fields.find_signer(
            other_text, other.type, other.issuer.dhs and not other.issuer.court
        )
        attachments.append(Attachment(other.type, other_signer.capacity))
        found.append(
            Finding(
                "attachment",
                "INFO",
                f"the file also holds: {LABELS[other.type].lower()} "
                f"(signed by: {other_signer.capacity.value.lower().replace('_', ' ')})",
            )
        )

    nondisclosure, _evidence = fields.nondisclosure([(c.type, t, c.issuer.court) for t, c in parts])
    if nondisclosure is not Nondisclosure.NONE:
        found.append(Finding("confidentiality", "INFO", _nondisclosure_words(nondisclosure)))

    court = None
    case_number = None
    if doc_type in COURT_CLASSES or doc_type is DocType.EOIR_ORDER:
        court = fields.court_name(seg_text, doc_type, cls.issuer.federal_court, cls.issuer.state)
        if doc_type in COURT_CLASSES:
            case_number = fields.case_number(seg_text)

    facial = FacialCheck.NOT_APPLICABLE
    expires = None
    issued = None
    jurisdiction = _jurisdiction(cls)
    window = None
    premises_status = None
    if doc_type in COURT_CLASSES:
        failures: list[FacialCheck] = []
        failures += _signature_check(seg_text, doc_type, cls, signer, found)
        if doc_type in SEARCH_WARRANTS:
            status, fails = _premises_check(seg_text, school, address, found)
            premises_status = status
            failures += fails
            dates = fields.read_dates(seg_text)
            issued = dates.issued
            expires, fails = _expiry_check(dates, jurisdiction, now, found)
            failures += fails
            window, fails = _window_check(seg_text, jurisdiction, now, time_known, found)
            failures += fails
        else:
            issued = fields.read_dates(seg_text).issued
        failures = [f for f in FACIAL_FAILURE_ORDER if f in failures]
        facial = failures[0] if failures else FacialCheck.PASS
    elif doc_type is not DocType.UNKNOWN:
        found.append(
            Finding(
                "surface checks",
                "INFO",
                "not applicable: this is not a court document, so it is no judicial warrant or "
                "court order whatever it says",
            )
        )

    confidence = cls.confidence
    if source == "image":
        confidence *= 0.95
    if any(f.result == "UNKNOWN" for f in found):
        confidence *= 0.8
    return Findings(
        type=doc_type,
        facial_check=facial,
        signed_by=signer.capacity,
        expires=expires,
        court=court,
        case_number=case_number,
        nondisclosure=nondisclosure,
        issued=issued,
        jurisdiction=jurisdiction,
        time_window=window,
        premises=premises_status,
        findings=found,
        confidence=round(confidence, 2),
        attachments=attachments,
        source=source,
    )


# ---------------------------------------------------------------------------------------------
# Steps


def _segments(text: str) -> list[tuple[str, Classification]]:
    raw = split_segments(text)
    parts: list[tuple[str, Classification]] = []
    for seg in raw:
        cls = classify_segment(seg, Folded.of(seg))
        short = sum(1 for line in seg.split("\n") if line.strip()) < 6
        if parts and cls.type is DocType.UNKNOWN and short:
            merged = parts[-1][0] + "\n" + seg
            parts[-1] = (merged, classify_segment(merged, Folded.of(merged)))
            continue
        parts.append((seg, cls))
    if len(parts) > 1 and parts[0][1].type is DocType.UNKNOWN:
        first = parts[0][0].split("\n")
        if sum(1 for line in first if line.strip()) < 6:
            merged = parts[0][0] + "\n" + parts[1][0]
            parts[1] = (merged, classify_segment(merged, Folded.of(merged)))
            parts.pop(0)
    return parts


def _principal(parts: list[tuple[str, Classification]]) -> int:
    """The principal document: the strongest class (a warrant over a subpoena over an order over
    a letter), and within a class the one with the most evidence."""
    return min(
        range(len(parts)),
        key=lambda i: (PRINCIPAL_ORDER.index(parts[i][1].type), -parts[i][1].score, i),
    )


def _class_finding(cls: Classification) -> Finding:
    if cls.type is DocType.UNKNOWN:
        why = "; ".join(cls.reasons) or "it fits no class"
        return Finding(
            "class",
            "UNKNOWN",
            f"could not be placed in a class ({why}); treat it as unknown and send it to counsel",
        )
    evidence = ", ".join(cls.issuer.evidence + cls.features[:4])
    return Finding("class", "INFO", f"{LABELS[cls.type]}: recognised by {evidence}")


def _trap_findings(text: str, cls: Classification, signer: fields.Signer) -> list[Finding]:
    out = []
    upper = " ".join(text.upper().split())
    if cls.type is DocType.ADMIN_WARRANT_I205 and re.search(r"DISTRICT\s+OR\s+MAGISTRATE", upper):
        out.append(
            Finding(
                "trap",
                "INFO",
                "a box on the form names a United States District or Magistrate Court Judge as "
                "the source of the removal order; that does not make this a judicial warrant: "
                "it is signed by an immigration officer (8 CFR 241.2(a)(1))",
            )
        )
    if cls.type is DocType.EOIR_ORDER:
        out.append(
            Finding(
                "trap",
                "INFO",
                "an immigration judge belongs to the Executive Office for Immigration Review, an "
                "agency of the Department of Justice: not a court, so this is not a judicial "
                "warrant or court order",
            )
        )
    if cls.type in DHS_CLASSES:
        out.append(
            Finding(
                "issuer",
                "INFO",
                "issued by the Department of Homeland Security and signed by an immigration "
                "officer, not by a judge",
            )
        )
    if cls.type is DocType.LETTER_OR_REQUEST:
        out.append(Finding("issuer", "INFO", "a letter or note is a request, not legal process"))
    return out


def _jurisdiction(cls: Classification) -> str | None:
    if cls.type in COURT_CLASSES:
        if cls.issuer.federal_court:
            return "FEDERAL"
        return cls.issuer.state or "STATE"
    if cls.type in DHS_CLASSES or cls.type is DocType.EOIR_ORDER:
        return "FEDERAL_AGENCY"
    return None


def _is_civil(text: str) -> bool:
    return bool(
        re.search(
            r"CIVIL\s+ACTION|IN\s+A\s+CIVIL|SUBPOENA\s*-\s*CIVIL|FED\.?\s*R\.?\s*CIV|\bA[O0]\s?88|"
            r"\bPLAINTIFF\b",
            text,
            re.IGNORECASE,
        )
    )


def _signature_check(
    text: str,
    doc_type: DocType,
    cls: Classification,
    signer: fields.Signer,
    found: list[Finding],
) -> list[FacialCheck]:
    rule = _rules()["signers"][doc_type.value]
    allowed = set(rule["allowed"])
    capacity = signer.capacity
    cite = rule["cite"]
    if not signer.signed:
        found.append(
            Finding(
                "signature",
                "FAIL",
                f"the signature block is blank: {rule['reason']} ({cite})",
            )
        )
        return [FacialCheck.NO_JUDGE_SIGNATURE]
    if capacity.value in allowed:
        found.append(
            Finding("signature", "PASS", f"signed by a {_capacity_words(capacity)} ({cite})")
        )
        return []
    if capacity is SignedBy.CLERK and "clerk_when_based_on" in rule:
        basis = fields.arrest_basis(text)
        if basis is None:
            found.append(
                Finding(
                    "signature",
                    "UNKNOWN",
                    "signed by a clerk, but the boxes saying whether the warrant rests on an "
                    "indictment or information (where a clerk may sign) cannot be read: "
                    f"treated as lacking a judge's signature until checked ({cite})",
                )
            )
            return [FacialCheck.NO_JUDGE_SIGNATURE]
        if basis and basis <= set(rule["clerk_when_based_on"]):
            found.append(
                Finding(
                    "signature",
                    "PASS",
                    "signed by the clerk on an indictment or information: that is how such a "
                    f"warrant is issued, and it is a judicial warrant ({cite})",
                )
            )
            return []
        named = ", ".join(sorted(b.lower().replace("_", " ") for b in basis)) or "nothing ticked"
        found.append(
            Finding(
                "signature",
                "FAIL",
                f"signed by a clerk, but based on: {named}; a warrant on a complaint must be "
                f"signed by a judge ({cite})",
            )
        )
        return [FacialCheck.NO_JUDGE_SIGNATURE]
    if capacity is SignedBy.ATTORNEY and "attorney_when" in rule:
        reasons = set(rule["attorney_when"])
        if "CONNECTICUT" in reasons and cls.issuer.state == "CT":
            found.append(
                Finding(
                    "signature",
                    "PASS",
                    "signed by an attorney as a commissioner of the Superior Court: proper for "
                    f"a Connecticut subpoena ({cite})",
                )
            )
            return []
        if "CIVIL" in reasons and _is_civil(text):
            found.append(
                Finding(
                    "signature",
                    "PASS",
                    f"signed by an attorney: proper for a civil subpoena ({cite})",
                )
            )
            return []
    found.append(
        Finding(
            "signature",
            "FAIL",
            f"the signature block names {_capacity_words(capacity)}: {rule['reason']} ({cite})",
        )
    )
    return [FacialCheck.NO_JUDGE_SIGNATURE]


def _capacity_words(capacity: SignedBy) -> str:
    return {
        SignedBy.JUDGE: "judge",
        SignedBy.MAGISTRATE_JUDGE: "magistrate judge",
        SignedBy.CLERK: "clerk",
        SignedBy.ATTORNEY: "attorney",
        SignedBy.IMMIGRATION_OFFICER: "an immigration officer",
        SignedBy.IMMIGRATION_JUDGE: "an immigration judge",
        SignedBy.UNKNOWN: "no judge or clerk",
    }[capacity]


_CAPTION = re.compile(
    r"IN\s+THE\s+MATTER\s+OF\s+THE\s+SEARCH\s+OF(?P<body>.*?)(?:SEARCH\s+AND\s+SEIZURE\s+WARRANT|"
    r"WARRANT\s+BY\s+TELEPHONE|TO\s*:?\s+ANY\s+AUTHORIZED)",
    re.IGNORECASE | re.DOTALL,
)
_ATTACHMENT_A = re.compile(
    r"ATTACHMENT\s+A\b(?P<body>.*?)(?:ATTACHMENT\s+B\b|\bRETURN\b\s*\n|$)",
    re.IGNORECASE | re.DOTALL,
)
_TO_WIT = re.compile(
    r"SEARCH\s+THE\s+PLACE.{0,200}?TO\s+WIT\s*:?(?P<body>.*?)"
    r"(?:FOR\s+THE\s+PROPERTY|AND\s+UPON\s+FINDING|$)",
    re.IGNORECASE | re.DOTALL,
)
_BOILERPLATE = re.compile(
    r"\(?\s*BRIEFLY\s+DESCRIBE\s+THE\s+PROPERTY\s+TO\s+BE\s+SEARCHED\s*\)?|\(?\s*OR\s+IDENTIFY\s+"
    r"THE\s+PERSON\s+BY\s+NAME\s+AND\s+ADDRESS\s*\)?|CASE\s+N[O0]\.?\s*:?\s*\S+(?:\s*\([A-Z]+\))?",
    re.IGNORECASE,
)


def _premises_check(
    text: str, school: str | None, address: str | None, found: list[Finding]
) -> tuple[str | None, list[FacialCheck]]:
    if not school and not address:
        found.append(
            Finding(
                "premises",
                "INFO",
                "not compared: give the school's name and address (--school, --address)",
            )
        )
        return "NOT_CHECKED", []
    regions = []
    for pattern in (_CAPTION, _ATTACHMENT_A, _TO_WIT):
        for match in pattern.finditer(text):
            body = match.group("body")
            if len(body.strip()) > 10:
                regions.append(_BOILERPLATE.sub(" ", body))
    region = "\n".join(regions)
    whole = False
    if not region.strip():
        whole = True
        region = "\n".join(
            line
            for line in text.split("\n")
            if not re.search(r"COURT|CLERK|ATTORNEY|PLACE\s*:", line, re.IGNORECASE)
        )
    result = premises.compare(region, school, address)
    if result.status == "MATCH":
        note = " (found in the text; the premises description itself could not be located)"
        found.append(
            Finding(
                "premises",
                "UNKNOWN" if whole else "PASS",
                "the premises described are this school's" + (note if whole else ""),
            )
        )
        return "MATCH", []
    if result.status == "CONFLICT":
        found.append(
            Finding(
                "premises",
                "FAIL",
                "the warrant describes other premises: "
                + "; ".join(result.reasons)
                + " (a warrant covers only the place it particularly describes)",
            )
        )
        return "CONFLICT", [FacialCheck.WRONG_PREMISES]
    found.append(
        Finding(
            "premises",
            "FAIL",
            "the premises described do not name this school or its address: the warrant shows "
            "no authority here on its face",
        )
    )
    return "NOT_DESCRIBED", [FacialCheck.WRONG_PREMISES]


def _expiry_check(
    dates: fields.Dates, jurisdiction: str | None, now: datetime, found: list[Finding]
) -> tuple[date | None, list[FacialCheck]]:
    rule = _rules()["search_warrants"].get(jurisdiction or "", {})
    days = dates.statutory_days or rule.get("days")
    cite = rule.get("cite", "")
    statutory = dates.issued + timedelta(days=days) if dates.issued and days else None
    expires = dates.on_or_before or statutory
    if expires is None:
        found.append(
            Finding(
                "date",
                "UNKNOWN",
                "neither an 'on or before' date nor the date of issue could be read: treat the "
                "warrant as past its date until someone checks it by hand",
            )
        )
        return None, [FacialCheck.EXPIRED]
    if dates.on_or_before and statutory and dates.on_or_before > statutory:
        found.append(
            Finding(
                "date",
                "UNKNOWN",
                f"the date written ({dates.on_or_before.isoformat()}) is later than the "
                f"{days}-day limit from issue ({statutory.isoformat()}); counsel should check it",
            )
        )
    how = (
        "the 'on or before' date written on it"
        if dates.on_or_before
        else f"{days} days from issue on {dates.issued.isoformat() if dates.issued else '?'}"
        + (f" ({cite})" if cite else "")
    )
    if dates.issued and now.date() < dates.issued:
        found.append(
            Finding("date", "UNKNOWN", "the date of issue is later than today; check the dates")
        )
    if now.date() > expires:
        found.append(
            Finding(
                "date",
                "FAIL",
                f"past its date: it had to be executed by {expires.isoformat()} ({how})",
            )
        )
        return expires, [FacialCheck.EXPIRED]
    found.append(
        Finding(
            "date", "PASS", f"within its date: may be executed until {expires.isoformat()} ({how})"
        )
    )
    return expires, []


def _window_check(
    text: str, jurisdiction: str | None, now: datetime, time_known: bool, found: list[Finding]
) -> tuple[str | None, list[FacialCheck]]:
    rule = _rules()["search_warrants"].get(jurisdiction or "", {})
    mentions_daytime = bool(re.search(r"IN\s+THE\s+DAYTIME|DAYTIME", text, re.IGNORECASE))
    if not rule.get("daytime_unless_authorized") and not mentions_daytime:
        return None, []
    night = fields.night_authorised(text)
    start = time.fromisoformat(rule.get("daytime_start", "06:00"))
    end = time.fromisoformat(rule.get("daytime_end", "22:00"))
    moment = now.time().replace(tzinfo=None)
    daytime_now = start <= moment <= end
    if night is True:
        found.append(
            Finding("hours", "PASS", "execution at any time of day or night is authorised")
        )
        return "ANY_TIME", []
    window = "DAYTIME"
    if not time_known:
        found.append(
            Finding(
                "hours",
                "UNKNOWN",
                "daytime only (6:00 a.m. to 10:00 p.m.) unless authorised; no time of "
                "presentation was given, so the hours were not checked",
            )
        )
        return window, []
    if night is None:
        note = (
            "whether night-time execution is authorised cannot be read; by law it is daytime "
            "only (6:00 a.m. to 10:00 p.m.) unless the judge authorises otherwise"
        )
        if daytime_now:
            found.append(Finding("hours", "PASS", note + "; it is daytime now"))
            return window, []
        found.append(Finding("hours", "FAIL", note + "; it is not daytime now"))
        return window, [FacialCheck.OUTSIDE_TIME_WINDOW]
    if daytime_now:
        found.append(
            Finding("hours", "PASS", "daytime only (6:00 a.m. to 10:00 p.m.), and it is daytime")
        )
        return window, []
    found.append(
        Finding(
            "hours",
            "FAIL",
            f"daytime only (6:00 a.m. to 10:00 p.m.), and it is {moment.strftime('%H:%M')} now: "
            "the warrant gives no authority at this hour",
        )
    )
    return window, [FacialCheck.OUTSIDE_TIME_WINDOW]


def _nondisclosure_words(value: Nondisclosure) -> str:
    return {
        Nondisclosure.REQUESTED: (
            "a letter asks for confidentiality; a request is not an order, so FERPA's advance "
            "notice still applies"
        ),
        Nondisclosure.ORDERED_BY_COURT: (
            "a court has ordered that the document or the records furnished not be disclosed"
        ),
        Nondisclosure.ORDERED_BY_AGENCY: (
            "the issuing agency orders non-disclosure; whether that qualifies under FERPA is "
            "counsel's call"
        ),
        Nondisclosure.NONE: "no confidentiality terms",
    }[value]
