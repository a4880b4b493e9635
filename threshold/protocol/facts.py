"""Encounter facts: the input of the decision engine, read strictly from JSON-like data.

The schema is the contract's (conformance README, section 1). Omitted keys take their defaults; an
unknown key or value, or a value of the wrong type, raises `FactsError` with one line that names
it. The facts hold no personal data at all: no names, no status, only what kind of thing happened.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, TypeVar

from threshold.protocol.vocab import (
    Agency,
    Channel,
    DocType,
    Exigency,
    FacialCheck,
    Identification,
    Nondisclosure,
    Place,
    Request,
    Subject,
)

E = TypeVar("E", bound=StrEnum)


class FactsError(ValueError):
    """The facts are not valid input; the message is one line naming the problem."""


@dataclass(frozen=True)
class Document:
    type: DocType
    facial_check: FacialCheck = FacialCheck.NOT_APPLICABLE
    nondisclosure: Nondisclosure = Nondisclosure.NONE

    def as_dict(self) -> dict[str, str]:
        return {
            "type": self.type.value,
            "facial_check": self.facial_check.value,
            "nondisclosure": self.nondisclosure.value,
        }


@dataclass(frozen=True)
class Facts:
    agency: Agency = Agency.UNVERIFIED
    identification: frozenset[Identification] = frozenset()
    channel: Channel = Channel.IN_PERSON
    place: Place = Place.NOT_APPLICABLE
    requests: frozenset[Request] = frozenset()
    subject: Subject = Subject.NONE
    documents: tuple[Document, ...] = ()
    exigency: Exigency = Exigency.NONE
    proceeds_without_consent: bool = False
    directory_opt_out: bool = False
    identified_by_non_directory_info: bool = False
    # The district's directory-information notice (34 CFR 99.37), as it stands today. Each is
    # a reason directory information may not go out; omitted, none applies.
    directory: frozenset[str] = frozenset()
    # The order in which requests were given, for readable explanations.
    request_order: tuple[Request, ...] = field(default=(), compare=False)

    def as_dict(self) -> dict[str, Any]:
        """The facts in the contract's JSON shape, every key present."""
        return {
            "requester": {
                "agency": self.agency.value,
                "identification": [i.value for i in Identification if i in self.identification],
            },
            "channel": self.channel.value,
            "place": self.place.value,
            "requests": [r.value for r in self.ordered_requests()],
            "subject": self.subject.value,
            "documents": [d.as_dict() for d in self.documents],
            "exigency": self.exigency.value,
            "proceeds_without_consent": self.proceeds_without_consent,
            "student": {
                "directory_opt_out": self.directory_opt_out,
                "identified_by_non_directory_info": self.identified_by_non_directory_info,
            },
            "directory": {key: key in self.directory for key in DIRECTORY_KEYS},
        }

    def ordered_requests(self) -> tuple[Request, ...]:
        seen = [r for r in self.request_order if r in self.requests]
        rest = [r for r in Request if r in self.requests and r not in seen]
        return tuple(dict.fromkeys([*seen, *rest]))


_TOP_KEYS = {
    "requester",
    "channel",
    "place",
    "requests",
    "subject",
    "documents",
    "exigency",
    "proceeds_without_consent",
    "student",
    "directory",
}
# Reasons under 34 CFR 99.37 that directory information may not go out, all false by default:
# no annual notice given yet; the parents' opt-out window still open; an item asked for that the
# notice does not designate; a party or a purpose the notice does not allow (99.37(d)); a
# request naming no student that does not leave out the students who opted out.
DIRECTORY_KEYS = (
    "annual_notice_missing",
    "opt_out_window_open",
    "items_not_designated",
    "party_not_allowed",
    "purpose_not_allowed",
    "opted_out_not_excluded",
)
_REQUESTER_KEYS = {"agency", "identification"}
_DOCUMENT_KEYS = {"type", "facial_check", "nondisclosure"}
_STUDENT_KEYS = {"directory_opt_out", "identified_by_non_directory_info"}


def parse_facts_json(text: str) -> Facts:
    """Read facts from JSON text."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise FactsError(f"facts are not valid JSON: {exc.msg} (line {exc.lineno})") from None
    return parse_facts(data)


def parse_facts(data: object) -> Facts:
    """Read facts from decoded JSON (a mapping); raise `FactsError` on anything unexpected."""
    obj = _object(data, "facts")
    _no_unknown_keys(obj, _TOP_KEYS, "")

    requester = _object(obj.get("requester", {}), "requester")
    _no_unknown_keys(requester, _REQUESTER_KEYS, "requester.")
    agency = _enum(requester.get("agency", Agency.UNVERIFIED.value), Agency, "requester.agency")
    identification = _enum_list(
        requester.get("identification", []), Identification, "requester.identification"
    )

    student = _object(obj.get("student", {}), "student")
    _no_unknown_keys(student, _STUDENT_KEYS, "student.")
    directory = _object(obj.get("directory", {}), "directory")
    _no_unknown_keys(directory, set(DIRECTORY_KEYS), "directory.")
    directory_reasons = frozenset(
        key for key in DIRECTORY_KEYS if _bool(directory.get(key, False), f"directory.{key}")
    )

    documents: list[Document] = []
    raw_documents = obj.get("documents", [])
    if not isinstance(raw_documents, list):
        raise FactsError(f"documents: expected a list, got {_kind(raw_documents)}")
    for index, raw in enumerate(raw_documents):
        where = f"documents[{index}]"
        doc = _object(raw, where)
        _no_unknown_keys(doc, _DOCUMENT_KEYS, f"{where}.")
        if "type" not in doc:
            raise FactsError(f"{where}.type is missing (every document needs its class)")
        documents.append(
            Document(
                type=_enum(doc["type"], DocType, f"{where}.type"),
                facial_check=_enum(
                    doc.get("facial_check", FacialCheck.NOT_APPLICABLE.value),
                    FacialCheck,
                    f"{where}.facial_check",
                ),
                nondisclosure=_enum(
                    doc.get("nondisclosure", Nondisclosure.NONE.value),
                    Nondisclosure,
                    f"{where}.nondisclosure",
                ),
            )
        )

    requests = _enum_list(obj.get("requests", []), Request, "requests")
    return Facts(
        agency=agency,
        identification=frozenset(identification),
        channel=_enum(obj.get("channel", Channel.IN_PERSON.value), Channel, "channel"),
        place=_enum(obj.get("place", Place.NOT_APPLICABLE.value), Place, "place"),
        requests=frozenset(requests),
        subject=_enum(obj.get("subject", Subject.NONE.value), Subject, "subject"),
        documents=tuple(documents),
        exigency=_enum(obj.get("exigency", Exigency.NONE.value), Exigency, "exigency"),
        proceeds_without_consent=_bool(
            obj.get("proceeds_without_consent", False), "proceeds_without_consent"
        ),
        directory_opt_out=_bool(
            student.get("directory_opt_out", False), "student.directory_opt_out"
        ),
        identified_by_non_directory_info=_bool(
            student.get("identified_by_non_directory_info", False),
            "student.identified_by_non_directory_info",
        ),
        directory=directory_reasons,
        request_order=tuple(requests),
    )


def _kind(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def _object(value: object, where: str) -> Mapping[str, Any]:
    if not isinstance(value, dict):
        raise FactsError(f"{where}: expected an object, got {_kind(value)}")
    return value


def _no_unknown_keys(obj: Mapping[str, Any], allowed: set[str], prefix: str) -> None:
    for key in obj:
        if key not in allowed:
            expected = ", ".join(sorted(allowed))
            raise FactsError(f"unknown key {prefix}{key!s} (expected one of: {expected})")


def _enum(value: object, enum: type[E], where: str) -> E:
    if not isinstance(value, str):
        raise FactsError(f"{where}: expected a string, got {_kind(value)}")
    try:
        return enum(value)
    except ValueError:
        expected = ", ".join(member.value for member in enum)
        raise FactsError(
            f"{where}: unknown value {value!r} (expected one of: {expected})"
        ) from None


def _enum_list(value: object, enum: type[E], where: str) -> list[E]:
    if not isinstance(value, list):
        raise FactsError(f"{where}: expected a list, got {_kind(value)}")
    items = [_enum(item, enum, f"{where}[{i}]") for i, item in enumerate(value)]
    return list(dict.fromkeys(items))


def _bool(value: object, where: str) -> bool:
    if not isinstance(value, bool):
        raise FactsError(f"{where}: expected true or false, got {_kind(value)}")
    return value
