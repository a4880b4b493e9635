"""What a pack revision changes, in plain words, for counsel's sign-off.

Two views: the rules that differ (each document class and request, the no-document rules, the
overrides, notifications, logs, steps, options, citations), each with its outcome before and
after; and the decisions that differ on a standard set of encounters, so that counsel sees the
effect as well as the text.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass, field

from threshold.protocol.conditions import Condition
from threshold.protocol.engine import decide
from threshold.protocol.facts import Document, Facts
from threshold.protocol.pack import (
    GROUP_WITHOUT_CHECKS,
    GROUPS_WITH_CHECKS,
    FlagRule,
    ListRule,
    Outcome,
    Override,
    Pack,
    TextRule,
)
from threshold.protocol.vocab import (
    Agency,
    Channel,
    DocType,
    FacialCheck,
    Identification,
    Request,
    Subject,
    words,
)

_GROUP_WORDS = {
    "valid": "that passes its surface checks",
    "failed": "that fails a surface check",
    "unchecked": "not yet checked",
    GROUP_WITHOUT_CHECKS: "",
}


@dataclass
class Change:
    topic: str
    before: str
    after: str

    def as_dict(self) -> dict[str, str]:
        return {"topic": self.topic, "before": self.before, "after": self.after}


@dataclass
class EffectChange:
    what: str
    before: str
    after: str
    count: int = 0
    examples: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        return {
            "field": self.what,
            "before": self.before,
            "after": self.after,
            "encounters": self.count,
            "examples": self.examples,
        }


@dataclass
class PackDiff:
    old: Pack
    new: Pack
    changes: list[Change]
    effects: list[EffectChange]
    scenarios: int

    def as_dict(self) -> dict[str, object]:
        return {
            "old": {"id": self.old.id, "version": self.old.version, "digest": self.old.digest},
            "new": {"id": self.new.id, "version": self.new.version, "digest": self.new.digest},
            "rule_changes": [c.as_dict() for c in self.changes],
            "decision_changes": [e.as_dict() for e in self.effects],
            "encounters_compared": self.scenarios,
        }

    def text(self) -> str:
        lines = [
            f"Policy pack changes: {self.old.id} {self.old.version} "
            f"(effective {self.old.effective}) -> {self.new.id} {self.new.version} "
            f"(effective {self.new.effective})",
            f"New pack review status: {self.new.review.status.replace('_', ' ').lower()}. "
            "Each change below needs counsel's sign-off.",
            "",
        ]
        if not self.changes:
            lines.append("No rule changes.")
        else:
            lines.append(f"RULES THAT CHANGE ({len(self.changes)})")
            for number, change in enumerate(self.changes, start=1):
                lines.append(f"{number:>3}. {change.topic}")
                lines.append(f"       before: {change.before}")
                lines.append(f"       after:  {change.after}")
        lines.append("")
        if not self.effects:
            lines.append(
                f"DECISIONS THAT CHANGE: none of {self.scenarios} standard encounters decides "
                "differently."
            )
        else:
            lines.append(
                f"DECISIONS THAT CHANGE (on {self.scenarios} standard encounters, each pack with "
                "its default options)"
            )
            for effect in self.effects:
                lines.append(
                    f"  - {effect.what}: {effect.before} -> {effect.after} "
                    f"({effect.count} encounters), e.g.:"
                )
                lines.extend(f"      {example}" for example in effect.examples)
        return "\n".join(lines) + "\n"


def diff_packs(old: Pack, new: Pack) -> PackDiff:
    changes = list(_rule_changes(old, new))
    if old.digest == new.digest:
        return PackDiff(old, new, changes, [], 0)
    effects, count = _effects(old, new)
    return PackDiff(old, new, changes, effects, count)


# ---------------------------------------------------------------------------------------------
# Rule changes


def _describe_cases(pack: Pack, cases: tuple[Outcome, ...]) -> str:
    parts = []
    for outcome in cases:
        rule = pack.rules[outcome.rule]
        text = f"{outcome.describe()} ({rule.title} [{rule.tag}])"
        if outcome.when.tests:
            text = f"{_when(outcome.when)}: {text}"
        elif len(cases) > 1:
            text = f"otherwise: {text}"
        parts.append(text)
    return " | ".join(parts)


def _same_cases(old: Pack, a: tuple[Outcome, ...], new: Pack, b: tuple[Outcome, ...]) -> bool:
    if len(a) != len(b):
        return False
    for x, y in zip(a, b, strict=True):
        if (x.when, x.defer, x.access, x.student_contact, x.records) != (
            y.when,
            y.defer,
            y.access,
            y.student_contact,
            y.records,
        ):
            return False
        rx, ry = old.rules[x.rule], new.rules[y.rule]
        if (rx.title, rx.text, rx.cites, rx.tag) != (ry.title, ry.text, ry.cites, ry.tag):
            # Same outcome, reworded or re-cited rule: reported once, under the rule itself.
            continue
    return True


def _rule_changes(old: Pack, new: Pack) -> Iterator[Change]:
    for name in ("jurisdiction", "title"):
        a, b = getattr(old, name), getattr(new, name)
        if a != b:
            yield Change(f"Pack {name}", a, b)

    for name in sorted(set(old.options) | set(new.options)):
        a, b = old.options.get(name), new.options.get(name)
        if a is None and b is not None:
            yield Change(f"District option '{b.label}'", "(none)", f"added, default {b.default}")
        elif b is None and a is not None:
            yield Change(f"District option '{a.label}'", f"default {a.default}", "removed")
        elif a is not None and b is not None and a.default != b.default:
            yield Change(
                f"District option '{b.label}'", f"default {a.default}", f"default {b.default}"
            )

    for place in old.places:
        a, b = old.places[place], new.places[place]
        if (a.public, a.public_option) != (b.public, b.public_option):
            yield Change(
                f"Place: {b.label}",
                _place_words(a.public, a.public_option),
                _place_words(b.public, b.public_option),
            )

    if old.authentication != new.authentication:
        yield Change(
            "Who can be authenticated",
            _auth_words(old),
            _auth_words(new),
        )
    if old.exigency.recognized != new.exigency.recognized or (
        old.exigency.recognized_from != new.exigency.recognized_from
    ):
        yield Change(
            "Recognized emergencies",
            _exigency_words(old),
            _exigency_words(new),
        )
    for dim in ("access", "student_contact", "records"):
        a_order, b_order = getattr(old.combine, dim), getattr(new.combine, dim)
        if a_order != b_order:
            yield Change(
                f"Which {dim.replace('_', ' ')} outcome wins when requests differ",
                " > ".join(v.value for v in a_order),
                " > ".join(v.value for v in b_order),
            )

    for doc_type in DocType:
        a_doc, b_doc = old.documents[doc_type], new.documents[doc_type]
        if a_doc.checks_apply != b_doc.checks_apply:
            yield Change(
                f"{b_doc.label}: surface checks",
                "apply" if a_doc.checks_apply else "do not apply",
                "apply" if b_doc.checks_apply else "do not apply",
            )
            continue
        groups = GROUPS_WITH_CHECKS if a_doc.checks_apply else (GROUP_WITHOUT_CHECKS,)
        for group in groups:
            a_rules, b_rules = a_doc.groups[group], b_doc.groups[group]
            label = f"{b_doc.label} {_GROUP_WORDS[group]}".strip()
            if a_rules.rank != b_rules.rank:
                yield Change(f"{label}: precedence", str(a_rules.rank), str(b_rules.rank))
            for request in Request:
                a_cases, b_cases = a_rules.cases[request], b_rules.cases[request]
                if not _same_cases(old, a_cases, new, b_cases):
                    yield Change(
                        f"{label} — {words('request', request.value)}",
                        _describe_cases(old, a_cases),
                        _describe_cases(new, b_cases),
                    )
    for request in Request:
        a_cases, b_cases = old.no_document.cases[request], new.no_document.cases[request]
        if not _same_cases(old, a_cases, new, b_cases):
            yield Change(
                f"No document governs — {words('request', request.value)}",
                _describe_cases(old, a_cases),
                _describe_cases(new, b_cases),
            )

    yield from _ordered_rules("Override", old.overrides, new.overrides, old, new)
    yield from _ordered_rules("Counsel", old.consult_counsel, new.consult_counsel, old, new)
    yield from _ordered_rules("Obstruction", old.do_not_obstruct, new.do_not_obstruct, old, new)
    yield from _list_rules("Who is told", "notify", old.notify, new.notify, old, new)
    yield from _list_rules("What is written", "log", old.log, new.log, old, new)
    yield from _text_rules("Step", old.steps, new.steps)
    yield from _text_rules("Words to say", old.say, new.say)

    for rule_id in sorted(set(old.rules) | set(new.rules)):
        a, b = old.rules.get(rule_id), new.rules.get(rule_id)
        if a is None or b is None:
            continue  # added or removed rules show up where they are used
        if (a.title, a.text, a.cites, a.tag) != (b.title, b.text, b.cites, b.tag):
            yield Change(
                f"Rule '{b.title}' ({rule_id})",
                f"{a.text} [{a.tag}; {', '.join(a.cites)}]",
                f"{b.text} [{b.tag}; {', '.join(b.cites)}]",
            )
    for cid in sorted(set(old.citations) | set(new.citations)):
        ca, cb = old.citations.get(cid), new.citations.get(cid)
        if ca is None and cb is not None:
            yield Change(f"Citation {cid}", "(none)", f"{cb.name} [{cb.tag}]")
        elif cb is None and ca is not None:
            yield Change(f"Citation {cid}", f"{ca.name} [{ca.tag}]", "removed")
        elif ca is not None and cb is not None and (ca.name, ca.tag) != (cb.name, cb.tag):
            yield Change(f"Citation {cid}", f"{ca.name} [{ca.tag}]", f"{cb.name} [{cb.tag}]")
    yield from _translation_changes(old, new)


def _translation_changes(old: Pack, new: Pack) -> Iterator[Change]:
    """Translations added, removed or reworded where the English text stayed the same (a
    changed English text is reported above; its translations change with it)."""
    for language in new.languages[1:]:
        if language not in old.languages:
            yield Change(f"Texts in {language!r}", "(none)", "added: every text translated")
    for language in old.languages[1:]:
        if language not in new.languages:
            yield Change(f"Texts in {language!r}", "translated", "removed")
    for language in [lang for lang in new.languages[1:] if lang in old.languages]:
        a, b = old.in_language(language), new.in_language(language)
        for kind, xs, ys, english_a, english_b in (
            ("Step", a.steps, b.steps, old.steps, new.steps),
            ("Words to say", a.say, b.say, old.say, new.say),
        ):
            before = {rule.id: rule.text for rule in xs}
            source = {rule.id: rule.text for rule in english_a}
            for rule, english in zip(ys, english_b, strict=True):
                if source.get(rule.id) != english.text or rule.id not in before:
                    continue
                if before[rule.id] != rule.text:
                    yield Change(f"{kind} '{rule.id}' ({language})", before[rule.id], rule.text)
        for rule_id, translated in b.rules.items():
            was, old_english = a.rules.get(rule_id), old.rules.get(rule_id)
            new_english = new.rules[rule_id]
            if was is None or old_english is None:
                continue
            if (old_english.title, old_english.text) != (new_english.title, new_english.text):
                continue
            if (was.title, was.text) != (translated.title, translated.text):
                yield Change(
                    f"Rule '{new_english.title}' ({rule_id}, {language})",
                    f"{was.title}: {was.text}",
                    f"{translated.title}: {translated.text}",
                )


def _place_words(public: bool | None, option: str | None) -> str:
    if option:
        return f"public or not by the district option '{option}'"
    return {True: "public", False: "not public", None: "no place"}[public]


def _auth_words(pack: Pack) -> str:
    auth = pack.authentication
    return (
        f"not: {', '.join(sorted(auth.unverifiable_agencies)) or 'nobody'}; "
        f"never by {', '.join(sorted(auth.unverifiable_channels)) or 'any channel'}; "
        f"needs {', '.join(sorted(auth.required_identification)) or 'nothing'} and at least "
        f"{auth.minimum_identification} elements"
    )


def _exigency_words(pack: Pack) -> str:
    return (
        f"{', '.join(sorted(pack.exigency.recognized))} from "
        f"{', '.join(sorted(pack.exigency.recognized_from))}"
    )


def _ordered_rules(
    kind: str,
    a: tuple[Override | FlagRule, ...],
    b: tuple[Override | FlagRule, ...],
    old: Pack,
    new: Pack,
) -> Iterator[Change]:
    a_by = {r.id: r for r in a}
    b_by = {r.id: r for r in b}
    for rid in list(dict.fromkeys([*a_by, *b_by])):
        x, y = a_by.get(rid), b_by.get(rid)
        if x == y:
            continue
        yield Change(
            f"{kind} rule '{rid}'",
            _ordered_words(x, old) if x is not None else "(none)",
            _ordered_words(y, new) if y is not None else "removed",
        )
    common_a = [r.id for r in a if r.id in b_by]
    common_b = [r.id for r in b if r.id in a_by]
    if common_a != common_b:
        yield Change(
            f"{kind} rules: order",
            ", ".join(common_a),
            ", ".join(common_b) + " (the first that applies wins)",
        )


def _ordered_words(rule: Override | FlagRule, pack: Pack) -> str:
    effects = []
    if isinstance(rule, Override):
        for name, value in (
            ("access", rule.access),
            ("student_contact", rule.student_contact),
            ("records", rule.records),
        ):
            if value is not None:
                effects.append(f"{name.replace('_', ' ')}: {words(name, value.value)}")
    else:
        effects.append("yes" if rule.value else "no")
    return f"{_when(rule.when)}: {'; '.join(effects)} ({pack.rules[rule.rule].title})"


def _when(condition: Condition) -> str:
    return "always" if not condition.tests else f"when {condition.describe()}"


def _list_rules(
    kind: str,
    dimension: str,
    a: tuple[ListRule, ...],
    b: tuple[ListRule, ...],
    old: Pack,
    new: Pack,
) -> Iterator[Change]:
    a_by = {r.id: r for r in a}
    b_by = {r.id: r for r in b}
    for rid in list(dict.fromkeys([*a_by, *b_by])):
        x, y = a_by.get(rid), b_by.get(rid)
        if x is not None and y is not None and (x.when, x.add) == (y.when, y.add):
            continue
        yield Change(
            f"{kind}: rule '{rid}'",
            _list_words(x, dimension, old) if x is not None else "(none)",
            _list_words(y, dimension, new) if y is not None else "removed",
        )


def _list_words(rule: ListRule, dimension: str, pack: Pack) -> str:
    members = [pack.recipients.get(m) or words(dimension, m) for m in rule.add]
    return f"{_when(rule.when)}: {', '.join(members)}"


def _text_rules(kind: str, a: tuple[TextRule, ...], b: tuple[TextRule, ...]) -> Iterator[Change]:
    a_by = {r.id: r for r in a}
    b_by = {r.id: r for r in b}
    for rid in list(dict.fromkeys([*a_by, *b_by])):
        x, y = a_by.get(rid), b_by.get(rid)
        if (
            x is not None
            and y is not None
            and (x.when, x.text, x.order) == (y.when, y.text, y.order)
        ):
            continue
        yield Change(
            f"{kind} '{rid}'",
            f'when {x.when.describe()}: "{x.text}"' if x is not None else "(none)",
            f'when {y.when.describe()}: "{y.text}"' if y is not None else "removed",
        )


# ---------------------------------------------------------------------------------------------
# Effects on a standard set of encounters


COURT_DOCUMENTS = {
    DocType.JUDICIAL_SEARCH_WARRANT,
    DocType.JUDICIAL_ARREST_WARRANT,
    DocType.STATE_COURT_SEARCH_WARRANT,
    DocType.STATE_COURT_ARREST_WARRANT,
    DocType.JUDICIAL_SUBPOENA,
    DocType.GRAND_JURY_SUBPOENA,
    DocType.COURT_ORDER,
}


def standard_encounters() -> Iterator[Facts]:
    """Single-document, single-request encounters across the classes, results and requesters."""
    documents: list[tuple[Document, ...]] = [()]
    for doc_type in DocType:
        checks = (
            (FacialCheck.PASS, FacialCheck.EXPIRED, FacialCheck.NOT_APPLICABLE)
            if doc_type in COURT_DOCUMENTS
            else (FacialCheck.NOT_APPLICABLE,)
        )
        for facial in checks:
            documents.append((Document(doc_type, facial),))
    for docs, request, subject, agency, channel in itertools.product(
        documents,
        Request,
        (Subject.STUDENT, Subject.ELIGIBLE_STUDENT, Subject.PARENT_OR_GUARDIAN),
        (Agency.IMMIGRATION, Agency.STATE_OR_LOCAL_POLICE),
        (Channel.IN_PERSON, Channel.MAIL_OR_FAX),
    ):
        yield Facts(
            agency=agency,
            identification=frozenset(Identification),
            channel=channel,
            requests=frozenset({request}),
            subject=subject,
            documents=docs,
        )


def _scenario_words(facts: Facts, pack: Pack) -> str:
    docs = (
        ", ".join(
            f"{pack.documents[d.type].label}"
            + (
                f" ({words('facial_check', d.facial_check.value)})"
                if pack.documents[d.type].checks_apply
                else ""
            )
            for d in facts.documents
        )
        or "no document"
    )
    request = words("request", next(iter(facts.requests)).value)
    return (
        f"{words('agency', facts.agency.value)}, {words('channel', facts.channel.value)}, "
        f"{docs}, asking for {request} about {words('subject', facts.subject.value)}"
    )


def _effects(old: Pack, new: Pack) -> tuple[list[EffectChange], int]:
    grouped: dict[tuple[str, str, str], EffectChange] = {}
    count = 0
    for facts in standard_encounters():
        count += 1
        a = decide(facts, old, with_text=False).as_dict()
        b = decide(facts, new, with_text=False).as_dict()
        for key in ("access", "student_contact", "records", "consult_counsel", "do_not_obstruct"):
            if a[key] != b[key]:
                _add(grouped, key, str(a[key]), str(b[key]), facts, new)
        for key in ("notify", "log"):
            for member in sorted(set(a[key]) ^ set(b[key])):
                before = "yes" if member in a[key] else "no"
                after = "yes" if member in b[key] else "no"
                _add(grouped, f"{key} {member}", before, after, facts, new)
    return list(grouped.values()), count


def _add(
    grouped: dict[tuple[str, str, str], EffectChange],
    name: str,
    before: str,
    after: str,
    facts: Facts,
    pack: Pack,
) -> None:
    change = grouped.setdefault((name, before, after), EffectChange(name, before, after))
    change.count += 1
    if len(change.examples) < 3:
        change.examples.append(_scenario_words(facts, pack))
