"""Directory information under the district's annual notice (34 CFR 99.37(a), (d)): both packs
refuse it when the notice is missing, the opt-out time is still open, an item is not designated,
the party or purpose is outside the notice, or a list does not leave out those who opted out."""

from __future__ import annotations

import pytest

from threshold.protocol import decide, load_pack
from threshold.protocol.facts import DIRECTORY_KEYS, FactsError, parse_facts

LETTER = {
    "requester": {"agency": "FEDERAL_LAW_ENFORCEMENT", "identification": ["NAME", "PHONE"]},
    "channel": "MAIL_OR_FAX",
    "requests": ["DIRECTORY_INFORMATION"],
    "subject": "STUDENT",
    "documents": [{"type": "LETTER_OR_REQUEST"}],
}
CITES = {
    "annual_notice_missing": "99.37(a)",
    "opt_out_window_open": "99.37(a)",
    "items_not_designated": "99.37(a)",
    "party_not_allowed": "99.37(d)",
    "purpose_not_allowed": "99.37(d)",
    "opted_out_not_excluded": "99.37",
}


@pytest.mark.parametrize("pack_id", ["ct-2025", "ca-2025"])
@pytest.mark.parametrize("reason", DIRECTORY_KEYS)
def test_each_reason_refuses_directory_information_with_its_citation(pack_id, reason):
    pack = load_pack(pack_id)
    agency = "PRIVATE_PARTY" if pack_id == "ca-2025" else "FEDERAL_LAW_ENFORCEMENT"
    base = {**LETTER, "requester": {**LETTER["requester"], "agency": agency}}
    allowed = decide(parse_facts(base), pack)
    assert allowed.records.value == "DIRECTORY_DISCRETIONARY"
    refused = decide(parse_facts({**base, "directory": {reason: True}}), pack)
    assert refused.records.value == "NONE"
    cited = [str(c.get("name", "")) for rule in refused.rules for c in rule.citations]
    assert any(CITES[reason] in name for name in cited)
    assert refused.steps  # the officer is told why, in the pack's words


def test_the_directory_facts_are_checked_like_any_other():
    with pytest.raises(FactsError, match=r"directory\.party_not_allowed"):
        parse_facts({**LETTER, "directory": {"party_not_allowed": "yes"}})
    with pytest.raises(FactsError, match=r"unknown key directory\.annual"):
        parse_facts({**LETTER, "directory": {"annual": True}})
