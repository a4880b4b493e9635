"""Properties of the engine over every combination of facts (hypothesis), for both packs:
never a crash; deterministic; counsel on every enforcement contact; nothing disclosed on an
administrative document alone; an emergency never yields consent; an unknown document holds for
counsel; the outputs stay within the contract's vocabulary."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from threshold.protocol import decide, load_pack, parse_facts
from threshold.protocol.vocab import (
    Access,
    Agency,
    Channel,
    DocType,
    Exigency,
    FacialCheck,
    Identification,
    Log,
    Nondisclosure,
    Notify,
    Place,
    Records,
    Request,
    StudentContact,
    Subject,
)

PACKS = ["ct-2025", "ca-2025"]  # ids, so that a failing example prints small
LAW_ENFORCEMENT = {
    "IMMIGRATION",
    "FEDERAL_LAW_ENFORCEMENT",
    "STATE_OR_LOCAL_POLICE",
    "SCHOOL_RESOURCE_OFFICER",
    "UNVERIFIED",
}
ADMINISTRATIVE = {
    "ADMIN_WARRANT_I200",
    "ADMIN_WARRANT_I205",
    "EOIR_ORDER",
    "ADMIN_SUBPOENA_I138",
    "DETAINER_I247A",
    "NOTICE_TO_APPEAR_I862",
    "LETTER_OR_REQUEST",
}
DISCLOSED = {
    "DISCLOSE_AFTER_PARENT_NOTICE",
    "DISCLOSE_WITHOUT_NOTICE_ORDERED",
    "SEIZED_UNDER_WARRANT",
}
RECOGNIZED = {"HOT_PURSUIT", "IMMINENT_DANGER", "EVIDENCE_DESTRUCTION"}


def values(enum: Any) -> st.SearchStrategy[str]:
    return st.sampled_from([member.value for member in enum])


documents = st.lists(
    st.fixed_dictionaries(
        {
            "type": values(DocType),
            "facial_check": values(FacialCheck),
            "nondisclosure": values(Nondisclosure),
        }
    ),
    max_size=3,
)
all_facts = st.fixed_dictionaries(
    {
        "requester": st.fixed_dictionaries(
            {
                "agency": values(Agency),
                "identification": st.lists(values(Identification), unique=True),
            }
        ),
        "channel": values(Channel),
        "place": values(Place),
        "requests": st.lists(values(Request), unique=True),
        "subject": values(Subject),
        "documents": documents,
        "exigency": values(Exigency),
        "proceeds_without_consent": st.booleans(),
        "student": st.fixed_dictionaries(
            {
                "directory_opt_out": st.booleans(),
                "identified_by_non_directory_info": st.booleans(),
            }
        ),
    }
)
options = st.fixed_dictionaries({}, optional={"notify_parent_when_student_sought": st.booleans()})


@settings(max_examples=400, deadline=None, derandomize=True)
@given(all_facts, st.sampled_from(PACKS), options)
def test_every_combination_of_facts_gets_a_decision_in_the_contract_vocabulary(
    raw: dict[str, Any], pack_id: str, opts: dict[str, bool]
) -> None:
    pack = load_pack(pack_id)
    decision = decide(raw, pack, opts)
    data = decision.as_dict()

    assert data["access"] in {a.value for a in Access}
    assert data["student_contact"] in {s.value for s in StudentContact}
    assert data["records"] in {r.value for r in Records}
    assert set(data["notify"]) <= {n.value for n in Notify} | set(pack.recipients)
    assert set(data["log"]) <= {entry.value for entry in Log}
    assert isinstance(data["consult_counsel"], bool)
    assert isinstance(data["do_not_obstruct"], bool)
    assert data["steps"]
    assert all(rule["citations"] for rule in data["rules"])
    # Deterministic: the same facts give the same decision.
    assert decide(raw, pack, opts).as_dict() == data


@settings(max_examples=400, deadline=None, derandomize=True)
@given(all_facts, st.sampled_from(PACKS))
def test_the_invariants_hold(raw: dict[str, Any], pack_id: str) -> None:
    pack = load_pack(pack_id)
    facts = parse_facts(raw)
    decision = decide(facts, pack)
    types = {d["type"] for d in raw["documents"]}
    asked = bool(raw["requests"])
    enforcement = raw["requester"]["agency"] in LAW_ENFORCEMENT

    # Counsel is consulted on every enforcement contact.
    if enforcement and (asked or types or raw["exigency"] != "NONE"):
        assert decision.consult_counsel
        assert "COUNSEL" in decision.notify
    if decision.consult_counsel:
        assert {"SUPERINTENDENT", "COUNSEL"} <= set(decision.notify)

    # Nothing is disclosed, and no student produced, on administrative documents alone.
    if types and types <= ADMINISTRATIVE:
        assert decision.records.value not in DISCLOSED
        assert decision.student_contact.value != "PER_WARRANT"
        assert decision.access.value != "WARRANT_SCOPE" or pack.id != "ct-2025"

    # An emergency never yields consent: without a court document, it never discloses records
    # or produces a student; with a physical request it means "do not obstruct".
    if raw["exigency"] != "NONE" and not (types - ADMINISTRATIVE - {"UNKNOWN"}):
        assert decision.records.value not in DISCLOSED | {"DIRECTORY_DISCRETIONARY"} or (
            decision.records.value == "DIRECTORY_DISCRETIONARY"
            and raw["exigency"] not in RECOGNIZED
        )
        assert decision.student_contact.value != "PER_WARRANT"
    if raw["exigency"] in RECOGNIZED and decision.access.value != "NOT_APPLICABLE":
        recognized_from = pack.exigency.recognized_from
        if raw["requester"]["agency"] in recognized_from:
            assert decision.access.value == "EXIGENCY_DO_NOT_OBSTRUCT"
            assert decision.do_not_obstruct

    # An unknown document always holds for counsel.
    if "UNKNOWN" in types:
        assert decision.consult_counsel
        valid_court = any(
            d["facial_check"] == "PASS" and pack.documents[DocType(d["type"])].checks_apply
            for d in raw["documents"]
        )
        info = set(raw["requests"]) - {"ENTER_NONPUBLIC_AREA", "ACCESS_STUDENT", "ARREST_PERSON"}
        if not valid_court and info - {"IMMIGRATION_STATUS"}:
            assert decision.records.value == "HOLD_FOR_COUNSEL"
        if not valid_court:
            assert decision.student_contact.value != "PER_WARRANT"

    # Going on after refusal never turns into consent.
    if raw["proceeds_without_consent"] and raw["exigency"] not in RECOGNIZED:
        assert decision.access.value == "NO_CONSENT_DO_NOT_OBSTRUCT"

    # What was not sought is NOT_APPLICABLE, and what was sought never is.
    info_requests = set(raw["requests"]) - {
        "ENTER_NONPUBLIC_AREA",
        "ACCESS_STUDENT",
        "ARREST_PERSON",
    }
    assert (decision.records.value == "NOT_APPLICABLE") == (not info_requests)
    physical = set(raw["requests"]) & {"ENTER_NONPUBLIC_AREA", "ACCESS_STUDENT", "ARREST_PERSON"}
    on_site = raw["channel"] == "IN_PERSON" or physical or raw["proceeds_without_consent"]
    assert (decision.access.value == "NOT_APPLICABLE") == (not on_site)
    assert decision.do_not_obstruct == bool(on_site)

    # Immigration status is never disclosed: it is not collected.
    if set(raw["requests"]) == {"IMMIGRATION_STATUS"}:
        assert decision.records.value in {"NONE", "HOLD_FOR_COUNSEL"}

    # A parent is never told against a non-disclosure order.
    ordered = {d["nondisclosure"] for d in raw["documents"]} & {
        "ORDERED_BY_COURT",
        "ORDERED_BY_AGENCY",
    }
    if ordered:
        assert "PARENT_POLICY" not in decision.notify
