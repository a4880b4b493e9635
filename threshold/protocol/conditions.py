"""The small condition language of policy packs: `when = { key = value, ... }`.

A condition is a table of tests that must all hold. Each key comes from the closed registry below,
so that a pack can say *when* a rule applies without any code, and a misspelt key is an error at
load time, not a silent no-op. For "or", a pack writes two rules.

Keys test the facts (`agency`, `requests_any`, `subject_not` ...), facts derived with the pack's
own settings (`authenticated`, `place_public`, `exigency_recognized`), the district's options
(`option`, `option_off`), the document being read (`this_nondisclosure`) or, in rules that run after
the outcomes are known (notifications, logs, steps), the outcomes themselves (`records`, `access`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import Enum, StrEnum
from typing import Protocol

from threshold.protocol.vocab import (
    Access,
    Agency,
    Channel,
    DocType,
    Exigency,
    FacialCheck,
    Nondisclosure,
    Place,
    Records,
    Request,
    StudentContact,
    Subject,
)


class Stage(Enum):
    """When a condition is evaluated; later stages may test more."""

    FACTS = 1  # rules over the facts only (no-document rules)
    DOCUMENT = 2  # choosing a document's rule for one request: the facts and that document
    OUTCOME = 3  # overrides, counsel, notifications, logs: the outcomes are known
    TEXT = 4  # steps and words: the notifications and log entries are known too


class Context(Protocol):
    """What a condition can see. The engine provides it."""

    def fact_values(self, key: str) -> frozenset[str]: ...

    def flag(self, key: str) -> bool | None: ...

    def option(self, name: str) -> object: ...


@dataclass(frozen=True)
class KeySpec:
    kind: str  # "values" (any-of list), "values_not" (none-of list), "flag" (bool), "option"
    source: str  # the fact or flag the key reads
    enum: type[StrEnum] | None
    stage: Stage
    help: str


def _values(source: str, enum: type[StrEnum], stage: Stage, help: str) -> KeySpec:
    return KeySpec("values", source, enum, stage, help)


def _not(source: str, enum: type[StrEnum], stage: Stage, help: str) -> KeySpec:
    return KeySpec("values_not", source, enum, stage, help)


def _flag(source: str, stage: Stage, help: str) -> KeySpec:
    return KeySpec("flag", source, None, stage, help)


F, D, OUT, T = Stage.FACTS, Stage.DOCUMENT, Stage.OUTCOME, Stage.TEXT

KEYS: dict[str, KeySpec] = {
    "agency": _values("agency", Agency, F, "the requester's agency is one of (or in a group)"),
    "agency_not": _not("agency", Agency, F, "the requester's agency is none of"),
    "channel": _values("channel", Channel, F, "the request came by one of"),
    "channel_not": _not("channel", Channel, F, "the request did not come by any of"),
    "place": _values("place", Place, F, "the requested action would happen at one of"),
    "place_not": _not("place", Place, F, "the place is none of"),
    "subject": _values("subject", Subject, F, "the request concerns one of"),
    "subject_not": _not("subject", Subject, F, "the request concerns none of"),
    "exigency": _values("exigency", Exigency, F, "the officer states one of"),
    "exigency_not": _not("exigency", Exigency, F, "the officer states none of"),
    "requests_any": _values("requests", Request, F, "at least one of these is asked for"),
    "requests_none": _not("requests", Request, F, "none of these is asked for"),
    "info_requests_only": _values(
        "info_requests_only", Request, F, "information is asked for, and only these kinds"
    ),
    "documents_any": _values("documents", DocType, F, "at least one document of these classes"),
    "documents_none": _not("documents", DocType, F, "no document of these classes"),
    "nondisclosure_any": _values(
        "nondisclosure", Nondisclosure, F, "some document carries one of these terms"
    ),
    "nondisclosure_not": _not(
        "nondisclosure", Nondisclosure, F, "no document carries any of these terms"
    ),
    "this_nondisclosure": _values(
        "this_nondisclosure", Nondisclosure, D, "the document being read carries one of"
    ),
    "this_facial_check": _values(
        "this_facial_check", FacialCheck, D, "the document being read has one of these results"
    ),
    "access": _values("access", Access, OUT, "the access outcome is one of"),
    "access_not": _not("access", Access, OUT, "the access outcome is none of"),
    "student_contact": _values(
        "student_contact", StudentContact, OUT, "the student-contact outcome is one of"
    ),
    "student_contact_not": _not(
        "student_contact", StudentContact, OUT, "the student-contact outcome is none of"
    ),
    "records": _values("records", Records, OUT, "the records outcome is one of"),
    "records_not": _not("records", Records, OUT, "the records outcome is none of"),
    "notify_any": KeySpec("values", "notify", None, T, "one of these is to be told"),
    "log_any": KeySpec("values", "log", None, T, "one of these is to be written"),
    "in_person": _flag("in_person", F, "the requester is at the school in person"),
    "physical_sought": _flag(
        "physical_sought", F, "someone is on site or asks for physical access"
    ),
    "info_sought": _flag("info_sought", F, "any information about students is asked for"),
    "student_sought": _flag("student_sought", F, "a student is sought in person"),
    "specific_student": _flag(
        "specific_student", F, "a specific student is sought or named (the subject, or one sought)"
    ),
    "has_requests": _flag("has_requests", F, "anything at all is asked for"),
    "has_documents": _flag("has_documents", F, "at least one document is presented"),
    "proceeds_without_consent": _flag(
        "proceeds_without_consent", F, "the officer goes on after consent was refused"
    ),
    "directory_opt_out": _flag("directory_opt_out", F, "the parent opted out of directory info"),
    "identified_by_non_directory_info": _flag(
        "identified_by_non_directory_info",
        F,
        "the requester identifies the student by SSN or other non-directory data",
    ),
    "directory_annual_notice_missing": _flag(
        "directory_annual_notice_missing", F, "no annual directory-information notice was given"
    ),
    "directory_opt_out_window_open": _flag(
        "directory_opt_out_window_open", F, "the parents' time to opt out has not ended"
    ),
    "directory_items_not_designated": _flag(
        "directory_items_not_designated", F, "an item asked for is not designated directory info"
    ),
    "directory_party_not_allowed": _flag(
        "directory_party_not_allowed", F, "the notice does not allow this party (99.37(d))"
    ),
    "directory_purpose_not_allowed": _flag(
        "directory_purpose_not_allowed", F, "the notice does not allow this purpose (99.37(d))"
    ),
    "directory_opted_out_not_excluded": _flag(
        "directory_opted_out_not_excluded",
        F,
        "a request naming no student does not leave out those who opted out",
    ),
    "authenticated": _flag(
        "authenticated", F, "the requester can be identified and authenticated (pack setting)"
    ),
    "place_public": _flag("place_public", F, "the place is public under the pack and options"),
    "exigency_recognized": _flag(
        "exigency_recognized", F, "a recognised emergency is stated by a requester it may come from"
    ),
    "valid_judicial_document": _flag(
        "valid_judicial_document", F, "a court document that passed its surface checks"
    ),
    "failed_judicial_document": _flag(
        "failed_judicial_document", F, "a court document that failed a surface check"
    ),
    "unchecked_judicial_document": _flag(
        "unchecked_judicial_document", F, "a court document whose surface checks were not done"
    ),
    "fully_identified": _flag(
        "fully_identified", F, "name, badge or ID number, phone and business card were all given"
    ),
    "consult_counsel": _flag("consult_counsel", OUT, "counsel is to be consulted"),
    "option": KeySpec("option", "", None, F, "these district options are on"),
    "option_off": KeySpec("option_off", "", None, F, "these district options are off"),
}


@dataclass(frozen=True)
class Condition:
    """A validated `when` table. Empty: always holds."""

    tests: tuple[tuple[str, object], ...] = ()

    @property
    def stage(self) -> Stage:
        stages = [KEYS[key].stage for key, _ in self.tests]
        return max(stages, key=lambda s: s.value) if stages else Stage.FACTS

    def holds(self, ctx: Context) -> bool:
        return all(_test(key, value, ctx) for key, value in self.tests)

    def describe(self) -> str:
        """Plain words for the condition (for explanations and diffs)."""
        if not self.tests:
            return "always"
        parts = []
        for key, value in self.tests:
            spec = KEYS[key]
            if isinstance(value, frozenset):
                shown = ", ".join(sorted(str(v) for v in value))
                parts.append(f"{spec.help}: {shown}")
            elif isinstance(value, bool):
                parts.append(spec.help if value else f"not: {spec.help}")
            else:
                parts.append(f"{spec.help}: {value}")
        return "; ".join(parts)

    def as_dict(self) -> dict[str, object]:
        out: dict[str, object] = {}
        for key, value in self.tests:
            out[key] = sorted(str(v) for v in value) if isinstance(value, frozenset) else value
        return out


def _test(key: str, value: object, ctx: Context) -> bool:
    spec = KEYS[key]
    if spec.kind == "values":
        assert isinstance(value, frozenset)
        return bool(ctx.fact_values(spec.source) & value)
    if spec.kind == "values_not":
        assert isinstance(value, frozenset)
        return not (ctx.fact_values(spec.source) & value)
    if spec.kind == "flag":
        return ctx.flag(spec.source) is value
    names = value if isinstance(value, frozenset) else frozenset()
    wanted = spec.kind == "option"
    return all(bool(ctx.option(name)) is wanted for name in names)


def parse_condition(
    raw: object,
    *,
    groups: Mapping[str, frozenset[str]],
    options: Mapping[str, object],
    max_stage: Stage,
    report: Callable[[str, str], None],
    outputs: Mapping[str, frozenset[str]] | None = None,
) -> Condition:
    """Validate a `when` table; problems go to `report(key, message)`; bad tests are dropped."""
    if raw is None:
        return Condition()
    if not isinstance(raw, dict):
        report("when", 'must be a table of tests, e.g. when = { agency = ["IMMIGRATION"] }')
        return Condition()
    tests: list[tuple[str, object]] = []
    for key, value in raw.items():
        spec = KEYS.get(key)
        if spec is None:
            report(f"when.{key}", f"unknown test (known: {', '.join(sorted(KEYS))})")
            continue
        if spec.stage.value > max_stage.value:
            report(f"when.{key}", "cannot be tested here (the outcomes are not known yet)")
            continue
        if spec.kind == "flag":
            if not isinstance(value, bool):
                report(f"when.{key}", "must be true or false")
                continue
            tests.append((key, value))
            continue
        if spec.kind in {"option", "option_off"}:
            names = [value] if isinstance(value, str) else value
            if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
                report(f"when.{key}", "must be an option name or a list of option names")
                continue
            unknown = [n for n in names if n not in options]
            if unknown:
                report(f"when.{key}", f"unknown option {', '.join(unknown)}")
                continue
            tests.append((key, frozenset(names)))
            continue
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            report(f"when.{key}", "must be a list of values")
            continue
        if spec.enum is None:
            allowed_out = (outputs or {}).get(spec.source, frozenset())
            bad = [v for v in value if v not in allowed_out]
            if bad:
                report(f"when.{key}", f"unknown values {bad}")
                continue
            tests.append((key, frozenset(value)))
            continue
        allowed = {member.value for member in spec.enum}
        expanded: set[str] = set()
        for item in value:
            if item in allowed:
                expanded.add(item)
            elif spec.enum is Agency and item in groups:
                expanded |= groups[item]
            else:
                hint = " or an agency group" if spec.enum is Agency else ""
                report(
                    f"when.{key}",
                    f"unknown value {item!r} (expected {spec.enum.__name__} values{hint})",
                )
        if value and not expanded:
            continue
        tests.append((key, frozenset(expanded)))
    return Condition(tuple(tests))
