"""The decision engine: encounter facts in, decision out, under a policy pack.

The engine is an interpreter: every outcome comes from the pack. For each request it finds the
document that governs it (the highest-ranked presented document whose rule for that request does
not defer; with none, the pack's no-document rule), combines the per-request outcomes by the
pack's precedence, applies the pack's overrides (an emergency, an officer going on without
consent ...), then the pack's rules for counsel, obstruction, notification, logging, steps and
words. It is deterministic and total: every combination of facts gets a decision.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any, TypeVar

from threshold.protocol.facts import DIRECTORY_KEYS, Document, Facts, parse_facts
from threshold.protocol.pack import FlagRule, ListRule, Outcome, Pack, RequestRules, TextRule
from threshold.protocol.vocab import (
    INFORMATION_REQUESTS,
    PHRASES,
    PHYSICAL_REQUESTS,
    Access,
    Channel,
    Identification,
    Log,
    Notify,
    Records,
    Request,
    StudentContact,
    Subject,
    concerns_student,
    join_words,
    words,
)

T = TypeVar("T")


@dataclass(frozen=True)
class SignOff:
    """Counsel's sign-off of a pack version for a district, as recorded in the app."""

    name: str
    signed_on: date
    scope: str


@dataclass(frozen=True)
class AppliedRule:
    id: str
    title: str
    text: str
    tag: str
    domain: str | None
    citations: tuple[dict[str, object], ...]

    def as_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "title": self.title,
            "text": self.text,
            "tag": self.tag,
            "domain": self.domain,
            "citations": list(self.citations),
        }


@dataclass(frozen=True)
class RequestDecision:
    """How one request was decided: the governing document (if any) and its rule."""

    request: Request
    document: Document | None
    outcome: Outcome
    deferred: tuple[str, ...] = ()  # rules of documents that add nothing for this request

    def as_dict(self) -> dict[str, object]:
        return {
            "request": self.request.value,
            "governed_by": self.document.type.value if self.document else None,
            "access": self.outcome.access.value if self.outcome.access else None,
            "student_contact": (
                self.outcome.student_contact.value if self.outcome.student_contact else None
            ),
            "records": self.outcome.records.value if self.outcome.records else None,
            "rule": self.outcome.rule,
        }


@dataclass(frozen=True)
class Decision:
    access: Access
    student_contact: StudentContact
    records: Records
    notify: tuple[str, ...]
    log: tuple[str, ...]
    consult_counsel: bool
    do_not_obstruct: bool
    steps: tuple[str, ...]
    say: tuple[str, ...]
    rules: tuple[AppliedRule, ...]
    headline: str
    per_request: tuple[RequestDecision, ...]
    facts: Facts
    pack_id: str
    pack_version: str
    pack_digest: str
    review_notice: str | None
    options: Mapping[str, bool] = field(default_factory=dict)
    language: str = "en"  # of the headline, steps, words, rule texts and notice
    # The ids of the pack's overrides that applied, in order (what changed an outcome after the
    # requests were combined); for explaining which rule decided each outcome.
    overrides: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        """The decision in the contract's JSON shape, plus what a person needs."""
        return {
            "access": self.access.value,
            "student_contact": self.student_contact.value,
            "records": self.records.value,
            "notify": list(self.notify),
            "log": list(self.log),
            "consult_counsel": self.consult_counsel,
            "do_not_obstruct": self.do_not_obstruct,
            "headline": self.headline,
            "steps": list(self.steps),
            "say": list(self.say),
            "rules": [rule.as_dict() for rule in self.rules],
            "requests": [item.as_dict() for item in self.per_request],
            "pack": {
                "id": self.pack_id,
                "version": self.pack_version,
                "digest": self.pack_digest,
                "reviewed": self.review_notice is None,
                "notice": self.review_notice,
                "options": dict(self.options),
            },
        }


class _Context:
    """What the pack's conditions see: the facts, derived facts, options and outcomes so far."""

    def __init__(self, facts: Facts, pack: Pack, options: Mapping[str, bool]) -> None:
        self.facts = facts
        self.pack = pack
        self.options = options
        self.document: Document | None = None
        self.outputs: dict[str, str] = {}
        self.lists: dict[str, frozenset[str]] = {}
        self.consult: bool | None = None
        requests = facts.requests
        info = requests & INFORMATION_REQUESTS
        self.values: dict[str, frozenset[str]] = {
            "agency": frozenset({facts.agency.value}),
            "channel": frozenset({facts.channel.value}),
            "place": frozenset({facts.place.value}),
            "subject": frozenset({facts.subject.value}),
            "exigency": frozenset({facts.exigency.value}),
            "requests": frozenset(r.value for r in requests),
            "info_requests_only": frozenset(r.value for r in info),
            "documents": frozenset(d.type.value for d in facts.documents),
            "nondisclosure": frozenset(d.nondisclosure.value for d in facts.documents),
        }
        student_sought = any(concerns_student(r, facts.subject) for r in requests)
        self.flags: dict[str, bool | None] = {
            "in_person": facts.channel is Channel.IN_PERSON,
            "physical_sought": (
                facts.channel is Channel.IN_PERSON
                or bool(requests & PHYSICAL_REQUESTS)
                or facts.proceeds_without_consent
            ),
            "info_sought": bool(info),
            "student_sought": student_sought,
            "specific_student": student_sought
            or facts.subject in (Subject.STUDENT, Subject.ELIGIBLE_STUDENT),
            "has_requests": bool(requests),
            "has_documents": bool(facts.documents),
            "proceeds_without_consent": facts.proceeds_without_consent,
            "directory_opt_out": facts.directory_opt_out,
            "identified_by_non_directory_info": facts.identified_by_non_directory_info,
            **{f"directory_{key}": key in facts.directory for key in DIRECTORY_KEYS},
            "authenticated": self._authenticated(),
            "place_public": self._place_public(),
            "exigency_recognized": (
                facts.exigency.value in pack.exigency.recognized
                and facts.agency.value in pack.exigency.recognized_from
            ),
            "valid_judicial_document": self._judicial_in_group("valid"),
            "failed_judicial_document": self._judicial_in_group("failed"),
            "unchecked_judicial_document": self._judicial_in_group("unchecked"),
            "fully_identified": facts.identification == frozenset(Identification),
        }

    def _judicial_in_group(self, group: str) -> bool:
        members = self.pack.facial_groups[group]
        return any(
            self.pack.documents[d.type].checks_apply and d.facial_check.value in members
            for d in self.facts.documents
        )

    def _authenticated(self) -> bool:
        auth = self.pack.authentication
        facts = self.facts
        if facts.agency.value in auth.unverifiable_agencies:
            return False
        if facts.channel.value in auth.unverifiable_channels:
            return False
        given = {i.value for i in facts.identification}
        if not auth.required_identification <= given:
            return False
        return len(given) >= auth.minimum_identification

    def _place_public(self) -> bool | None:
        spec = self.pack.places[self.facts.place]
        if spec.public_option is not None:
            return bool(self.options[spec.public_option])
        return spec.public

    # -- the Context protocol

    def fact_values(self, key: str) -> frozenset[str]:
        if key == "this_nondisclosure":
            return frozenset({self.document.nondisclosure.value}) if self.document else frozenset()
        if key == "this_facial_check":
            return frozenset({self.document.facial_check.value}) if self.document else frozenset()
        if key == "info_requests_only":
            info = self.values["info_requests_only"]
            return info if info else frozenset({"<none>"})
        if key in {"access", "student_contact", "records"}:
            return frozenset({self.outputs[key]}) if key in self.outputs else frozenset()
        if key in {"notify", "log"}:
            return self.lists.get(key, frozenset())
        return self.values.get(key, frozenset())

    def flag(self, key: str) -> bool | None:
        if key == "consult_counsel":
            return self.consult
        return self.flags.get(key)

    def option(self, name: str) -> object:
        return self.options.get(name)


def decide(
    facts: Facts | Mapping[str, Any],
    pack: Pack,
    options: Mapping[str, object] | None = None,
    *,
    signoff: SignOff | None = None,
    with_text: bool = True,
    language: str = "en",
) -> Decision:
    """Decide what the facts permit under the pack and the district's options.

    `language` is that of the person-readable texts (headline, steps, words to say, rule titles
    and texts, the review notice): one of the pack's `languages`; any other raises
    `LanguageError`. The outcome codes are the same in every language.
    `with_text=False` skips the steps and words (for bulk comparisons such as pack diffs)."""
    pack = pack.in_language(language)
    if not isinstance(facts, Facts):
        facts = parse_facts(dict(facts))
    resolved = pack.resolve_options(options)
    ctx = _Context(facts, pack, resolved)
    applied: list[str] = []

    # Each presented document's class rule explains what it is.
    for doc in facts.documents:
        applied.append(pack.documents[doc.type].rule)

    # 1. Each request, under the document that governs it.
    per_request: list[RequestDecision] = []
    for request in facts.ordered_requests():
        decision = _decide_request(request, facts, pack, ctx)
        per_request.append(decision)
        applied.extend(decision.deferred)
        applied.append(decision.outcome.rule)

    # 2. Combine per dimension.
    combine = pack.combine
    access: Access
    if ctx.flags["physical_sought"]:
        candidates = [d.outcome.access for d in per_request if d.outcome.access is not None]
        if facts.channel is Channel.IN_PERSON or not candidates:
            candidates.append(combine.access_baseline)
        access = _strongest(candidates, combine.access)
    else:
        access = Access.NOT_APPLICABLE
    contact_values = [
        d.outcome.student_contact or combine.student_contact_baseline
        for d in per_request
        if d.request in PHYSICAL_REQUESTS and concerns_student(d.request, facts.subject)
    ]
    student_contact = (
        _strongest(contact_values, combine.student_contact)
        if contact_values
        else StudentContact.NOT_APPLICABLE
    )
    record_values = [
        d.outcome.records
        for d in per_request
        if d.request in INFORMATION_REQUESTS and d.outcome.records is not None
    ]
    records = (
        _strongest(record_values, combine.records) if record_values else Records.NOT_APPLICABLE
    )
    ctx.outputs = {
        "access": access.value,
        "student_contact": student_contact.value,
        "records": records.value,
    }

    # 3. Overrides (an emergency, an officer going on, a mixed directory request ...), in order.
    fired: list[str] = []
    for override in pack.overrides:
        if not override.when.holds(ctx):
            continue
        fired.append(override.id)
        if override.access is not None and access is not Access.NOT_APPLICABLE:
            access = override.access
        if override.student_contact is not None and student_contact is not (
            StudentContact.NOT_APPLICABLE
        ):
            student_contact = override.student_contact
        if override.records is not None and records is not Records.NOT_APPLICABLE:
            records = override.records
        ctx.outputs = {
            "access": access.value,
            "student_contact": student_contact.value,
            "records": records.value,
        }
        applied.append(override.rule)

    if facts.exigency.value != "NONE":
        applied.append(pack.exigency.rules[facts.exigency])

    # 4. Counsel and obstruction: the first rule that applies decides.
    consult = _first_flag(pack.consult_counsel, ctx, applied)
    ctx.consult = consult
    obstruct = _first_flag(pack.do_not_obstruct, ctx, applied)

    # 5. Notifications and logs: every rule that applies adds its members.
    notify_order = [n.value for n in Notify] + list(pack.recipients)
    notify = _collect(pack.notify, ctx, applied, notify_order)
    log = _collect(pack.log, ctx, applied, [entry.value for entry in Log])
    ctx.lists = {"notify": frozenset(notify), "log": frozenset(log)}

    # 6. Steps and words, in the pack's order.
    steps: list[str] = []
    say: list[str] = []
    if with_text:
        placeholders = _placeholders(facts, pack, language)
        steps = _texts(pack.steps, ctx, applied, placeholders)
        say = _texts(pack.say, ctx, applied, placeholders)

    rules = tuple(_applied_rule(pack, rule_id) for rule_id in dict.fromkeys(applied))
    return Decision(
        access=access,
        student_contact=student_contact,
        records=records,
        notify=tuple(notify),
        log=tuple(log),
        consult_counsel=consult,
        do_not_obstruct=obstruct,
        steps=tuple(steps),
        say=tuple(say),
        rules=rules,
        headline=_headline(facts, pack, language),
        per_request=tuple(per_request),
        facts=facts,
        pack_id=pack.id,
        pack_version=pack.version,
        pack_digest=pack.digest,
        review_notice=_review_notice(pack, signoff),
        options=dict(resolved),
        language=language,
        overrides=tuple(fired),
    )


def _decide_request(request: Request, facts: Facts, pack: Pack, ctx: _Context) -> RequestDecision:
    best: tuple[int, int, Outcome, Document] | None = None
    deferred: list[str] = []
    for index, doc in enumerate(facts.documents):
        doc_class = pack.documents[doc.type]
        group = doc_class.groups[doc_class.group_name(doc.facial_check, pack.facial_groups)]
        ctx.document = doc
        outcome = _first_case(group, request, ctx)
        ctx.document = None
        if outcome.defer:
            deferred.append(outcome.rule)
            continue
        key = (group.rank, -index)
        if best is None or key > (best[0], best[1]):
            best = (group.rank, -index, outcome, doc)
    if best is not None:
        return RequestDecision(request, best[3], best[2], tuple(deferred))
    outcome = _first_case(pack.no_document, request, ctx)
    return RequestDecision(request, None, outcome, tuple(deferred))


def _first_case(rules: RequestRules, request: Request, ctx: _Context) -> Outcome:
    for outcome in rules.cases[request]:
        if outcome.when.holds(ctx):
            return outcome
    raise AssertionError("the last case always applies")  # guaranteed by pack validation


def _strongest(values: list[T], order: tuple[T, ...]) -> T:
    return min(values, key=order.index)


def _first_flag(rules: tuple[FlagRule, ...], ctx: _Context, applied: list[str]) -> bool:
    for rule in rules:
        if rule.when.holds(ctx):
            if rule.value:
                applied.append(rule.rule)
            return rule.value
    raise AssertionError("the last rule always applies")  # guaranteed by pack validation


def _collect(
    rules: tuple[ListRule, ...], ctx: _Context, applied: list[str], order: list[str]
) -> list[str]:
    members: set[str] = set()
    for rule in rules:
        if rule.when.holds(ctx):
            members.update(rule.add)
            applied.append(rule.rule)
    return [m for m in order if m in members]


def _texts(
    rules: tuple[TextRule, ...], ctx: _Context, applied: list[str], values: Mapping[str, str]
) -> list[str]:
    chosen = sorted(
        (rule for rule in rules if rule.when.holds(ctx)), key=lambda rule: (rule.order, rule.id)
    )
    texts = []
    for rule in chosen:
        applied.append(rule.rule)
        texts.append(" ".join(rule.text.format_map(values).split()))
    return list(dict.fromkeys(texts))


def fill_text(rule: TextRule, facts: Facts, pack: Pack, language: str = "en") -> str:
    """One step or word-to-say text of `pack` filled in for `facts`, exactly as `decide` writes
    it, in `language` (one of the pack's languages)."""
    localized = pack.in_language(language)
    if localized is not pack:
        table = localized.steps if rule in pack.steps else localized.say
        rule = next(r for r in table if r.id == rule.id)
    return " ".join(rule.text.format_map(_placeholders(facts, localized, language)).split())


def _placeholders(facts: Facts, pack: Pack, language: str) -> dict[str, str]:
    """The values filled into step and say texts, in the language (`pack` is in it already)."""

    def say(dimension: str, value: str) -> str:
        return words(dimension, value, language)

    def join(items: list[str]) -> str:
        return join_words(items, language)

    phrase = PHRASES[language]
    labels = [pack.documents[d.type].label for d in facts.documents]
    given = facts.identification
    missing = [say("identification", i.value) for i in Identification if i not in given]
    checks = [
        f"{pack.documents[d.type].label}: {say('facial_check', d.facial_check.value)}"
        for d in facts.documents
        if pack.documents[d.type].checks_apply
    ]
    return {
        "documents": join(list(dict.fromkeys(labels))) or phrase["no_document"],
        "document_checks": join(list(dict.fromkeys(checks))) or phrase["no_court_document"],
        "place": pack.places[facts.place].label,
        "missing_identification": join(missing) or phrase["nothing"],
        "requests": join([say("request", r.value) for r in facts.ordered_requests()])
        or phrase["nothing"],
        "exigency": say("exigency", facts.exigency.value),
        "agency": say("agency", facts.agency.value),
    }


def _headline(facts: Facts, pack: Pack, language: str) -> str:
    if not facts.documents:
        return pack.no_document_label
    parts = []
    for doc in facts.documents:
        doc_class = pack.documents[doc.type]
        text = f"{doc_class.label} · {doc_class.summary}"
        if doc_class.checks_apply:
            text += f" · {words('facial_check', doc.facial_check.value, language)}"
        parts.append(text)
    return " + ".join(dict.fromkeys(parts))


def _applied_rule(pack: Pack, rule_id: str) -> AppliedRule:
    rule = pack.rules[rule_id]
    return AppliedRule(
        id=rule.id,
        title=rule.title,
        text=rule.text,
        tag=rule.tag,
        domain=rule.domain,
        citations=tuple(pack.citations[c].as_dict() for c in rule.cites),
    )


def _review_notice(pack: Pack, signoff: SignOff | None) -> str | None:
    if signoff is not None:
        return None
    return pack.review.notice
