"""What the district's policy pack says to do and say during an encounter.

The steps and words come from the pack through the decision engine (threshold.protocol), never
from this code: the facts known so far go in, and the pack's steps, words and notification codes
come out. At the start, the facts are those of any officer in person who has not yet said who they
are or what they want; the guided steps fill in more.
"""

from __future__ import annotations

from typing import Any

from threshold.accounts.models import School
from threshold.encounters.models import Encounter
from threshold.policies.queries import policy_for_school
from threshold.protocol import Decision
from threshold.protocol.facts import Facts, parse_facts


def opening_facts() -> dict[str, Any]:
    """An officer in person, not yet identified, who has asked for nothing yet."""
    return {"requester": {"agency": "UNVERIFIED", "identification": []}, "channel": "IN_PERSON"}


IDENTIFICATION_GIVEN = (
    ("NAME", "officer_name"),
    ("BADGE_OR_ID_NUMBER", "officer_badge"),
    ("PHONE", "officer_phone"),
    ("BUSINESS_CARD", "card_kept"),
)


def facts_of(encounter: Encounter) -> dict[str, Any]:
    """The engine's facts from what the guided steps recorded (codes only, never the values)."""
    facts = opening_facts()
    # A call to the police or the agency that did not confirm the officer: the pack's rules for a
    # requester whose identity cannot be verified apply, whatever agency they named.
    # An officer who refuses to give their name or badge number is an unidentified visitor:
    # the pack's rules for an unverified requester apply as well.
    unverified = encounter.verification_result == "not_confirmed" or encounter.unidentified
    facts["requester"] = {
        "agency": "UNVERIFIED" if unverified else (encounter.agency or "UNVERIFIED"),
        "identification": [
            code for code, field in IDENTIFICATION_GIVEN if getattr(encounter, field)
        ],
    }
    if encounter.requests:
        facts["requests"] = list(encounter.requests)
    if encounter.place:
        facts["place"] = encounter.place
    if encounter.subject:
        facts["subject"] = encounter.subject
    if encounter.exigency:
        facts["exigency"] = encounter.exigency
    if encounter.student_id is not None:
        student = encounter.student
        facts["student"] = {
            "directory_opt_out": bool(student and student.directory_opt_out),
            "identified_by_non_directory_info": False,
        }
    if encounter.under_protest:
        facts["proceeds_without_consent"] = True
    documents = [document.as_fact() for document in encounter.documents.order_by("added_at")]
    if documents:
        facts["documents"] = documents
    return facts


def parsed(facts: dict[str, Any]) -> Facts:
    return parse_facts(facts)


def decision_for(
    encounter: Encounter, school: School | None = None, language: str = "en"
) -> Decision:
    """The pack's decision on what the encounter's facts are so far, its texts in `language`
    (one of the pack's languages)."""
    policy = policy_for_school(school or encounter.school)
    return policy.decide(parsed(encounter.facts or opening_facts()), language=language)


def decisions_for(encounter: Encounter) -> tuple[Decision, Decision | None]:
    """The decision in the screen's language (the pack's, when it has it), and the same
    decision in the pack's other language for the words to say; None when it has only one."""
    from threshold.policies.cards import card_language

    policy = policy_for_school(encounter.school)
    facts = parsed(encounter.facts or opening_facts())
    language = card_language(policy.pack)
    decision = policy.decide(facts, language=language)
    others = [code for code in policy.pack.languages if code != language]
    other = policy.decide(facts, language=others[0]) if others else None
    return decision, other
