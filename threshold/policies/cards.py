"""The decision card: a decision as the designated official reads it (UX.md), in the
interface's language for the outcome lines; the headline, steps, words to say and rules come
from the pack, in the interface's language when the pack has it. The words to say are also
given in the pack's other language, so that the front desk can read them to an officer in
either."""

from __future__ import annotations

from typing import Any

from django.utils.translation import get_language

from threshold.policies import labels
from threshold.policies.queries import DistrictPolicy
from threshold.protocol import Decision, Pack
from threshold.protocol.pack import SOURCE_LANGUAGE


def card_language(pack: Pack, interface: str | None = None) -> str:
    """The pack language for the interface language (the request's, by default): a Spanish
    screen reads the pack in Spanish when the pack has Spanish, else in the pack's English."""
    code = (interface or get_language() or SOURCE_LANGUAGE).split("-")[0].lower()
    return code if code in pack.languages else SOURCE_LANGUAGE


def decision_card(decision: Decision, other: Decision | None = None) -> dict[str, Any]:
    """The card's content; `other` is the same decision in another language (its words)."""
    return {
        "language": decision.language,
        "headline": decision.headline,
        "access": labels.say(labels.ACCESS, decision.access.value),
        "access_code": decision.access.value,
        "student_contact": labels.say(labels.STUDENT_CONTACT, decision.student_contact.value),
        "records": labels.say(labels.RECORDS, decision.records.value),
        "notify": [labels.say(labels.NOTIFY, code) for code in decision.notify],
        "log": [labels.say(labels.LOG, code) for code in decision.log],
        "consult_counsel": decision.consult_counsel,
        "do_not_obstruct": decision.do_not_obstruct,
        "steps": decision.steps,
        "say": decision.say,
        "say_other": other.say if other is not None else (),
        "other_language": other.language if other is not None else None,
        "other_language_label": (
            labels.language_name(other.language) if other is not None else None
        ),
        "rules": decision.rules,
        "reviewed": decision.review_notice is None,
        "pack": f"{decision.pack_id} {decision.pack_version}",
    }


def district_decision_card(policy: DistrictPolicy, facts: Any) -> tuple[Decision, dict[str, Any]]:
    """Decide under the district's policy in the request's language, with the words to say in
    the pack's other language as well."""
    language = card_language(policy.pack)
    decision = policy.decide(facts, language=language)
    others = [code for code in policy.pack.languages if code != language]
    other = policy.decide(decision.facts, language=others[0]) if others else None
    return decision, decision_card(decision, other)
