"""Drill questions, answered by the decision engine under the district's pack.

A question offers options: values of one part of the decision (where the officer may go, what
happens to the student or the records, the class of the document), recipients, record entries, or
the pack's own steps and words. The engine decides the scenario's facts under the district's pack
and options; an option is right when the decision holds it. A question is asked only when exactly
one of its options holds, so that no distractor can also be right; and options that a careful
person could defend together (CONFUSABLE) are never shown side by side. Nothing here stores an
answer: the answer is the engine's, at the time the drill is drawn, graded or checked again after
the district's pack changes.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from threshold.policies import labels
from threshold.policies.queries import DistrictPolicy
from threshold.protocol import Decision, Pack
from threshold.protocol.engine import fill_text
from threshold.protocol.pack import TextRule
from threshold.protocol.vocab import Access, DocType, Records, Request, StudentContact
from threshold.training import bank, specimens
from threshold.training.bank import Scenario

DISTRACTORS = 3  # options shown besides the right one, at most

_ENUMS: dict[str, tuple[str, ...]] = {
    bank.ACCESS: tuple(v.value for v in Access),
    bank.STUDENT: tuple(v.value for v in StudentContact),
    bank.RECORDS_OUTCOME: tuple(v.value for v in Records),
    bank.DOCUMENT: tuple(v.value for v in DocType),
}
_LABELS: dict[str, dict[str, Any]] = {
    bank.ACCESS: labels.ACCESS,
    bank.STUDENT: labels.STUDENT_CONTACT,
    bank.RECORDS_OUTCOME: labels.RECORDS,
    bank.DOCUMENT: labels.DOCUMENT,
    bank.NOTIFY: labels.NOTIFY,
    bank.LOG: labels.LOG,
}
# Plain words for the drills where the decision card's short labels lean on terms staff may not
# know ("directory information", "record of disclosures").
_PLAIN: dict[str, dict[str, Any]] = {
    bank.RECORDS_OUTCOME: {
        "DIRECTORY_DISCRETIONARY": gettext_lazy(
            "Only basic facts the district publishes (like name and grade) may be given, if the "
            "district chooses to"
        ),
    },
    bank.LOG: {
        "FERPA_REQUEST_RECORD": gettext_lazy(
            "An entry in the student's file listing who asked for the student's information, and "
            "why (FERPA)"
        ),
        "FERPA_EXEMPT_DIRECTORY": gettext_lazy(
            "No entry in the student's file: only basic published facts (like name and grade) "
            "were asked for"
        ),
        "FERPA_EXEMPT_NONDISCLOSURE": gettext_lazy(
            "No entry in the student's file: FERPA exempts a subpoena whose court ordered "
            "silence (34 CFR 99.32(d)(5))"
        ),
    },
}

# Options that a careful person could defend together for one situation, so never shown side by
# side in one question (the engine holds one of them; a reader could argue for the other):
# "public areas only" and "no consent, do not block" both refuse consent; "give nothing" and
# "give nothing until counsel decides" both give nothing today; a directory release is also a
# matter for counsel at every contact; a vest is not identification and writing down what was
# given are both parts of identification; saying "no warrant", "no consent" or "not a judicial
# warrant" all refuse consent; a court paper must be checked before it is found to fail; another
# parent and the emergency contact may both look after a child whose parent is arrested.
CONFUSABLE: dict[str, tuple[frozenset[str], ...]] = {
    bank.ACCESS: (frozenset({"PUBLIC_ONLY", "NO_CONSENT_DO_NOT_OBSTRUCT"}),),
    bank.RECORDS_OUTCOME: (
        frozenset({"NONE", "HOLD_FOR_COUNSEL"}),
        frozenset({"DIRECTORY_DISCRETIONARY", "HOLD_FOR_COUNSEL"}),
    ),
    bank.NOTIFY: (frozenset({"EMERGENCY_CONTACT", "PARENT_POLICY"}),),
    bank.STEP: (
        frozenset({"identification-missing", "identification"}),
        frozenset({"identification-missing", "unverified"}),
        frozenset({"failed-checks", "check-the-face"}),
        frozenset({"unknown-document", "check-the-face"}),
        frozenset({"front-desk", "call-designated-official"}),
    ),
    bank.SAY: (
        frozenset({"no-warrant", "no-consent"}),
        frozenset({"no-consent", "not-a-judicial-warrant"}),
        frozenset({"no-warrant", "not-a-judicial-warrant"}),
        frozenset({"no-information", "no-information-by-phone"}),
        frozenset({"no-information", "hold-for-counsel"}),
    ),
}

# A wrong step or word is shown without this situation's facts filled in (they would make it read
# as nonsense, "an emergency is stated (no emergency)"): its placeholders get neutral words.
_NEUTRAL: dict[str, Any] = {
    "documents": gettext_lazy("the document presented"),
    "document_checks": gettext_lazy("what the checks found"),
    "place": gettext_lazy("the place"),
    "missing_identification": gettext_lazy("what is missing"),
    "requests": gettext_lazy("what they ask for"),
    "exigency": gettext_lazy("the emergency they state"),
    "agency": gettext_lazy("their agency"),
}


def confusable(kind: str, first: str, second: str) -> bool:
    return frozenset({first, second}) in CONFUSABLE.get(kind, ())


@dataclass(frozen=True)
class Reason:
    """A pack rule that explains an answer, with its citations."""

    rule: str
    title: str
    text: str
    tag: str
    citations: tuple[dict[str, Any], ...]


@dataclass(frozen=True)
class Option:
    key: str
    label: str
    correct: bool
    reasons: tuple[Reason, ...]  # why it is right; for a wrong step or word, the rule it is from


@dataclass(frozen=True)
class Presented:
    """A question as shown: the situation, the document, the options and their explanations."""

    number: int
    scenario: Scenario
    decision: Decision
    options: tuple[Option, ...]
    correct: str | None  # None: the pack in force no longer gives one answer among the options
    chosen: str | None = None

    specimen_key: str | None = None  # the specimen shown (the state's own for a state court)

    @property
    def specimen(self) -> specimens.Specimen | None:
        return specimens.specimen(self.specimen_key) if self.specimen_key else None

    @property
    def answered_right(self) -> bool:
        return self.chosen is not None and self.chosen == self.correct

    @property
    def correct_option(self) -> Option | None:
        return next((o for o in self.options if o.correct), None)


class NoSpecimen(LookupError):
    """The scenario's document has no specimen for the pack's state."""


def specimen_key(scenario: Scenario, pack: Pack) -> str | None:
    """The specimen the scenario presents under this pack (a state court's document in the
    pack's own state); None when it presents none."""
    if not scenario.specimen:
        return None
    key = specimens.resolve(scenario.specimen, pack.jurisdiction)
    if key is None:
        raise NoSpecimen(f"{scenario.specimen} has no specimen for {pack.jurisdiction}")
    return key


def scenario_facts(scenario: Scenario, pack: Pack) -> dict[str, Any]:
    """The scenario's facts; a presented specimen is read by the document checker."""
    facts = {**scenario.facts}
    key = specimen_key(scenario, pack)
    if key:
        facts["documents"] = [specimens.document_fact(key)]
    return facts


def decide(scenario: Scenario, policy: DistrictPolicy) -> Decision:
    return policy.decide(scenario_facts(scenario, policy.pack))


def offered(kind: str, key: str, pack: Pack) -> bool:
    """Whether the pack knows the option (a recipient or a step of another state's pack is not
    offered)."""
    if key == bank.NONE_OF_THESE:
        return True
    if kind in (bank.STEP, bank.SAY):
        return key in _text_rules(pack, kind)
    if kind == bank.NOTIFY:
        return key in _LABELS[kind] or key in pack.recipients
    if kind == bank.DOCUMENT:
        return key in {doc_type.value for doc_type in pack.documents}
    return True


def universe(scenario: Scenario, pack: Pack | None = None) -> tuple[str, ...]:
    """Every option the question may offer (under the pack, those it knows)."""
    keys = scenario.candidates or _ENUMS[scenario.ask]
    if pack is None:
        return keys
    return tuple(key for key in keys if offered(scenario.ask, key, pack))


def _text_rules(pack: Pack, kind: str) -> dict[str, TextRule]:
    rules = pack.steps if kind == bank.STEP else pack.say
    found: dict[str, TextRule] = {}
    for rule in rules:
        found.setdefault(rule.id, rule)
    return found


def _text(rule: TextRule, decision: Decision, pack: Pack) -> str:
    return fill_text(rule, decision.facts, pack)


def holds(kind: str, key: str, decision: Decision, pack: Pack) -> bool:
    """Whether the decision holds this option."""
    if kind == bank.ACCESS:
        return decision.access.value == key
    if kind == bank.STUDENT:
        return decision.student_contact.value == key
    if kind == bank.RECORDS_OUTCOME:
        return decision.records.value == key
    if kind == bank.DOCUMENT:
        return key in {document.type.value for document in decision.facts.documents}
    if kind == bank.NOTIFY:
        return key in decision.notify
    if kind == bank.LOG:
        return key in decision.log
    rule = _text_rules(pack, kind).get(key)
    if rule is None:
        return False  # the pack has no such step or words
    texts = decision.steps if kind == bank.STEP else decision.say
    return _text(rule, decision, pack) in texts


def holding(scenario: Scenario, keys: Iterable[str], decision: Decision, pack: Pack) -> list[str]:
    """The options among `keys` that the decision holds. "None of these" holds when no other
    option shown does (a district option can take away the only answer the pack gives)."""
    keys = list(keys)
    right = [
        key
        for key in keys
        if key != bank.NONE_OF_THESE and holds(scenario.ask, key, decision, pack)
    ]
    if not right and bank.NONE_OF_THESE in keys:
        return [bank.NONE_OF_THESE]
    return right


def right_among(
    scenario: Scenario, keys: Iterable[str], decision: Decision, pack: Pack
) -> str | None:
    """The one option among `keys` that the decision holds; None unless exactly one does."""
    right = holding(scenario, keys, decision, pack)
    return right[0] if len(right) == 1 else None


def answer(scenario: Scenario, policy: DistrictPolicy) -> str | None:
    """The engine's answer to the scenario under the policy, or None when it cannot be asked."""
    try:
        decision = decide(scenario, policy)
    except NoSpecimen:
        return None
    return right_among(scenario, universe(scenario, policy.pack), decision, policy.pack)


def askable(track: str, policy: DistrictPolicy) -> list[Scenario]:
    return [s for s in bank.for_track(track) if answer(s, policy) is not None]


def draw(
    track: str,
    policy: DistrictPolicy,
    count: int,
    rng: random.Random | None = None,
    first: Sequence[str] = (),
) -> list[dict[str, Any]]:
    """Draw a varied set of questions for a drill: different scenarios, kinds of question mixed,
    options shuffled. Each is stored as the scenario, the options shown and the engine's answer.
    `first`: scenarios asked before any other (those whose answer a pack revision changed), when
    they can still be asked."""
    rng = rng or random.Random()  # variety, not secrecy
    pool = askable(track, policy)
    rng.shuffle(pool)
    chosen: list[Scenario] = []
    wanted = [s for s in pool if s.id in set(first)][:count]
    for scenario in sorted(wanted, key=lambda s: list(first).index(s.id)):
        pool.remove(scenario)
        chosen.append(scenario)
    kinds_used: dict[str, int] = {}
    for scenario in chosen:
        kinds_used[scenario.ask] = kinds_used.get(scenario.ask, 0) + 1
    while pool and len(chosen) < count:
        # Prefer the kind of question asked least so far, so that each run mixes them.
        pool.sort(key=lambda s: kinds_used.get(s.ask, 0))
        scenario = pool.pop(0)
        chosen.append(scenario)
        kinds_used[scenario.ask] = kinds_used.get(scenario.ask, 0) + 1
    return [stored_question(scenario, policy, rng) for scenario in chosen]


def stored_question(
    scenario: Scenario, policy: DistrictPolicy, rng: random.Random | None = None
) -> dict[str, Any]:
    """One question as a drill stores it: the right option (the engine's) among distractors."""
    rng = rng or random.Random()
    decision = decide(scenario, policy)
    keys = universe(scenario, policy.pack)
    correct = right_among(scenario, keys, decision, policy.pack)
    if correct is None:
        raise ValueError(f"scenario {scenario.id} has no single answer under this policy")
    others = [key for key in keys if key != correct and not key.endswith("NOT_APPLICABLE")]
    rng.shuffle(others)
    options = [correct]
    for key in others:
        if len(options) > DISTRACTORS:
            break
        if not any(confusable(scenario.ask, key, shown) for shown in options):
            options.append(key)
    rng.shuffle(options)
    return {"scenario": scenario.id, "kind": scenario.ask, "options": options, "correct": correct}


def correct_now(
    stored: dict[str, Any], policy: DistrictPolicy, decisions: dict[str, Decision] | None = None
) -> str | None:
    """The right option, among those a stored question showed, under the policy given.
    `decisions` keeps each scenario's decision across calls under the same policy."""
    scenario = bank.BY_ID.get(stored["scenario"])
    if scenario is None:
        return None
    if decisions is None:
        decisions = {}
    if scenario.id not in decisions:
        try:
            decisions[scenario.id] = decide(scenario, policy)
        except NoSpecimen:
            return None
    return right_among(scenario, stored["options"], decisions[scenario.id], policy.pack)


# -- Explanations ----------------------------------------------------------------------------


def _reason(pack: Pack, rule_id: str) -> Reason | None:
    rule = pack.rules.get(rule_id)
    if rule is None:
        return None
    return Reason(
        rule=rule.id,
        title=rule.title,
        text=rule.text,
        tag=rule.tag,
        citations=tuple(pack.citations[c].as_dict() for c in rule.cites if c in pack.citations),
    )


def _reasons(pack: Pack, rule_ids: Sequence[str]) -> tuple[Reason, ...]:
    found = [_reason(pack, rule_id) for rule_id in dict.fromkeys(rule_ids)]
    return tuple(reason for reason in found if reason is not None)


def deciding_rule(kind: str, decision: Decision, pack: Pack) -> str | None:
    """The rule that decided the decision's value for access, the student or the records: the
    last of the pack's overrides that applied and set it, else the rule of the request that gave
    it (its governing document's rule table, or the no-document rule)."""
    value = getattr(decision, kind).value
    fired = set(decision.overrides)
    setting = [
        o.rule
        for o in pack.overrides
        if o.id in fired and getattr(o, kind) is not None and getattr(o, kind).value == value
    ]
    if setting:
        return setting[-1]
    for item in decision.per_request:
        outcome_value = getattr(item.outcome, kind)
        if outcome_value is not None and outcome_value.value == value:
            return item.outcome.rule
    # The pack's baseline for someone at the door whom no request's rule placed: the rule with
    # no document for going in (access) or for a student (student contact).
    baseline = {
        bank.ACCESS: (pack.combine.access_baseline, Request.ENTER_NONPUBLIC_AREA),
        bank.STUDENT: (pack.combine.student_contact_baseline, Request.ACCESS_STUDENT),
    }.get(kind)
    if baseline is not None and baseline[0].value == value:
        cases = pack.no_document.cases.get(baseline[1], ())
        for outcome in reversed(cases):
            if getattr(outcome, kind) is not None and getattr(outcome, kind).value == value:
                return outcome.rule
    return None


def _outcome_rules(kind: str, decision: Decision, pack: Pack) -> list[str]:
    """The deciding rule first; when a request decided it under a document, then that document's
    class rule (what the document is, under its own state's law)."""
    rule = deciding_rule(kind, decision, pack)
    if rule is None:
        return [applied.id for applied in decision.rules[:1]]
    found = [rule]
    governing = next(
        (item.document for item in decision.per_request if item.outcome.rule == rule), None
    )
    if governing is not None and governing.type in pack.documents:
        found.append(pack.documents[governing.type].rule)
    return found


def rules_giving(kind: str, value: str, pack: Pack) -> list[str]:
    """The pack's rules that give this value of access, the student or the records, in some
    situation: its tables for each document class, its rules with no document, its overrides."""
    found: list[str] = []
    tables = [pack.no_document]
    for document in pack.documents.values():
        tables.extend(document.groups.values())
    for table in tables:
        for outcomes in table.cases.values():
            for outcome in outcomes:
                given = getattr(outcome, kind)
                if given is not None and given.value == value:
                    found.append(outcome.rule)
    found.extend(o.rule for o in pack.overrides if (v := getattr(o, kind)) and v.value == value)
    return list(dict.fromkeys(found))


def wrong_reasons(kind: str, key: str, pack: Pack) -> tuple[Reason, ...]:
    """For a wrong option: where the pack gives it instead (at most two of its rules)."""
    if key == bank.NONE_OF_THESE:
        return ()
    if kind in (bank.ACCESS, bank.STUDENT, bank.RECORDS_OUTCOME):
        return _reasons(pack, rules_giving(kind, key, pack)[:2])
    if kind == bank.DOCUMENT:
        document = pack.documents.get(DocType(key)) if key in DocType.__members__ else None
        return _reasons(pack, [document.rule] if document else [])
    if kind in (bank.NOTIFY, bank.LOG):
        rules = pack.notify if kind == bank.NOTIFY else pack.log
        return _reasons(pack, [r.rule for r in rules if key in r.add][:2])
    rule = _text_rules(pack, kind).get(key)
    return _reasons(pack, [rule.rule] if rule else [])


def reasons_for(kind: str, key: str, decision: Decision, pack: Pack) -> tuple[Reason, ...]:
    applied = {rule.id for rule in decision.rules}
    if key == bank.NONE_OF_THESE:
        # What the pack does decide for this part: the rules that applied to it.
        table = {bank.NOTIFY: pack.notify, bank.LOG: pack.log}.get(kind, ())
        return _reasons(pack, [r.rule for r in table if r.rule in applied][:2])
    if kind in (bank.ACCESS, bank.STUDENT, bank.RECORDS_OUTCOME):
        return _reasons(pack, _outcome_rules(kind, decision, pack))
    if kind == bank.DOCUMENT:
        document = pack.documents.get(DocType(key))
        return _reasons(pack, [document.rule] if document else [])
    if kind in (bank.NOTIFY, bank.LOG):
        rules = pack.notify if kind == bank.NOTIFY else pack.log
        return _reasons(pack, [r.rule for r in rules if key in r.add and r.rule in applied][:1])
    rule = _text_rules(pack, kind).get(key)
    return _reasons(pack, [rule.rule] if rule else [])


def neutral_text(rule: TextRule) -> str:
    """A step or words with neutral words for the facts it names."""
    values = {name: str(value) for name, value in _NEUTRAL.items()}
    return " ".join(rule.text.format_map(values).split())


def option_label(
    kind: str, key: str, decision: Decision, pack: Pack, *, is_right: bool = True
) -> str:
    if key == bank.NONE_OF_THESE:
        return _("None of these")
    if kind in (bank.STEP, bank.SAY):
        rule = _text_rules(pack, kind).get(key)
        if rule is None:
            return _("(not in the district's pack)")
        return _text(rule, decision, pack) if is_right else neutral_text(rule)
    plain = _PLAIN.get(kind, {})
    if key in plain:
        return str(plain[key])
    table = _LABELS[kind]
    if key in table:
        return str(table[key])
    return pack.recipients.get(key, key)


def presentable(stored: dict[str, Any], policy: DistrictPolicy) -> bool:
    """Whether a stored question can still be shown: its scenario is in the bank (a scenario
    can be withdrawn) and its document has a specimen under the pack in force."""
    scenario = bank.BY_ID.get(stored["scenario"])
    if scenario is None:
        return False
    try:
        specimen_key(scenario, policy.pack)
    except NoSpecimen:
        return False
    return True


def present(
    stored: dict[str, Any], policy: DistrictPolicy, *, number: int, chosen: str | None = None
) -> Presented:
    """A stored question as shown to staff, with the options' explanations under the policy."""
    scenario = bank.BY_ID[stored["scenario"]]
    decision = decide(scenario, policy)
    pack = policy.pack
    shown_specimen = specimen_key(scenario, pack)
    correct = right_among(scenario, stored["options"], decision, pack)
    options = []
    for key in stored["options"]:
        is_right = key == correct
        if is_right and key == bank.NONE_OF_THESE:
            # Why none of the others holds: where the pack gives each of them instead.
            found = [
                reason
                for other in stored["options"]
                if other != key
                for reason in wrong_reasons(scenario.ask, other, pack)
            ]
            reasons = tuple({reason.rule: reason for reason in found}.values())[:3]
        elif is_right:
            reasons = reasons_for(scenario.ask, key, decision, pack)
        else:
            reasons = wrong_reasons(scenario.ask, key, pack)
        options.append(
            Option(
                key=key,
                label=option_label(scenario.ask, key, decision, pack, is_right=is_right),
                correct=is_right,
                reasons=reasons,
            )
        )
    return Presented(
        number=number,
        scenario=scenario,
        decision=decision,
        options=tuple(options),
        correct=correct,
        chosen=chosen,
        specimen_key=shown_specimen,
    )
