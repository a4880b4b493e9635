"""Drill questions, answered by the decision engine under the district's pack.

A question offers options: values of one part of the decision (where the officer may go, what
happens to the student or the records, the class of the document), recipients, record entries, or
the pack's own steps and words. The engine decides the scenario's facts under the district's pack
and options; an option is right when the decision holds it. A question is asked only when exactly
one of its options holds, so that no distractor can also be right. Nothing here stores an answer:
the answer is the engine's, at the time the drill is drawn, graded or checked again after the
district's pack changes.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from threshold.policies import labels
from threshold.policies.queries import DistrictPolicy
from threshold.protocol import Decision, Pack
from threshold.protocol.engine import fill_text
from threshold.protocol.pack import TextRule
from threshold.protocol.vocab import Access, DocType, Records, StudentContact
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

    @property
    def specimen(self) -> specimens.Specimen | None:
        return specimens.specimen(self.scenario.specimen) if self.scenario.specimen else None

    @property
    def answered_right(self) -> bool:
        return self.chosen is not None and self.chosen == self.correct

    @property
    def correct_option(self) -> Option | None:
        return next((o for o in self.options if o.correct), None)


def scenario_facts(scenario: Scenario) -> dict[str, Any]:
    """The scenario's facts; a presented specimen is read by the document checker."""
    facts = {**scenario.facts}
    if scenario.specimen:
        facts["documents"] = [specimens.document_fact(scenario.specimen)]
    return facts


def decide(scenario: Scenario, policy: DistrictPolicy) -> Decision:
    return policy.decide(scenario_facts(scenario))


def universe(scenario: Scenario) -> tuple[str, ...]:
    """Every option the question may offer."""
    if scenario.candidates:
        return scenario.candidates
    return _ENUMS[scenario.ask]


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


def right_among(
    scenario: Scenario, keys: Iterable[str], decision: Decision, pack: Pack
) -> str | None:
    """The one option among `keys` that the decision holds; None unless exactly one does."""
    right = [key for key in keys if holds(scenario.ask, key, decision, pack)]
    return right[0] if len(right) == 1 else None


def answer(scenario: Scenario, policy: DistrictPolicy) -> str | None:
    """The engine's answer to the scenario under the policy, or None when it cannot be asked."""
    return right_among(scenario, universe(scenario), decide(scenario, policy), policy.pack)


def askable(track: str, policy: DistrictPolicy) -> list[Scenario]:
    return [s for s in bank.for_track(track) if answer(s, policy) is not None]


def draw(
    track: str, policy: DistrictPolicy, count: int, rng: random.Random | None = None
) -> list[dict[str, Any]]:
    """Draw a varied set of questions for a drill: different scenarios, kinds of question mixed,
    options shuffled. Each is stored as the scenario, the options shown and the engine's answer."""
    rng = rng or random.Random()  # variety, not secrecy
    pool = askable(track, policy)
    rng.shuffle(pool)
    chosen: list[Scenario] = []
    kinds_used: dict[str, int] = {}
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
    correct = right_among(scenario, universe(scenario), decision, policy.pack)
    if correct is None:
        raise ValueError(f"scenario {scenario.id} has no single answer under this policy")
    others = [
        key for key in universe(scenario) if key != correct and not key.endswith("NOT_APPLICABLE")
    ]
    options = [correct, *rng.sample(others, min(DISTRACTORS, len(others)))]
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
        decisions[scenario.id] = decide(scenario, policy)
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


def _outcome_rules(kind: str, decision: Decision, pack: Pack) -> list[str]:
    """The rules that gave the decision's value for access, the student or the records."""
    value = getattr(decision, kind).value
    applied = {rule.id for rule in decision.rules}
    from_overrides = [
        o.rule
        for o in pack.overrides
        if o.rule in applied and getattr(o, kind) is not None and getattr(o, kind).value == value
    ]
    if from_overrides:
        return from_overrides[-1:]
    from_requests = [
        item.outcome.rule
        for item in decision.per_request
        if getattr(item.outcome, kind) is not None and getattr(item.outcome, kind).value == value
    ]
    return from_requests or [rule.id for rule in decision.rules[:1]]


def reasons_for(kind: str, key: str, decision: Decision, pack: Pack) -> tuple[Reason, ...]:
    applied = {rule.id for rule in decision.rules}
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


def option_label(kind: str, key: str, decision: Decision, pack: Pack) -> str:
    if kind in (bank.STEP, bank.SAY):
        rule = _text_rules(pack, kind).get(key)
        return _text(rule, decision, pack) if rule else _("(not in the district's pack)")
    table = _LABELS[kind]
    if key in table:
        return str(table[key])
    return pack.recipients.get(key, key)


def present(
    stored: dict[str, Any], policy: DistrictPolicy, *, number: int, chosen: str | None = None
) -> Presented:
    """A stored question as shown to staff, with the options' explanations under the policy."""
    scenario = bank.BY_ID[stored["scenario"]]
    decision = decide(scenario, policy)
    pack = policy.pack
    correct = right_among(scenario, stored["options"], decision, pack)
    options = []
    for key in stored["options"]:
        is_right = key == correct
        explain_step = scenario.ask in (bank.STEP, bank.SAY) or is_right
        reasons = reasons_for(scenario.ask, key, decision, pack) if explain_step else ()
        options.append(
            Option(
                key=key,
                label=option_label(scenario.ask, key, decision, pack),
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
    )
