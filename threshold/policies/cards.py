"""The decision card: a decision as the designated official reads it (UX.md), in the
interface's language for the outcome lines; steps and words to say come from the pack."""

from __future__ import annotations

from typing import Any

from threshold.policies import labels
from threshold.protocol import Decision


def decision_card(decision: Decision) -> dict[str, Any]:
    return {
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
        "rules": decision.rules,
        "reviewed": decision.review_notice is None,
        "pack": f"{decision.pack_id} {decision.pack_version}",
    }
