"""Scenarios that must teach what the law says: documents that cover what is asked, the district's
own state's court papers, the right person for each task, plain and honest option texts."""

import random

import pytest

from threshold.protocol import list_packs, load_pack
from threshold.protocol.documents import check_document
from threshold.training import bank, questions, specimens

from .helpers import policy

SHIPPED = sorted({pack.id for pack in list_packs()})


def shown(scenario_id, district_policy=None, seed=1):
    district_policy = district_policy or policy()
    scenario = bank.BY_ID[scenario_id]
    stored = questions.stored_question(scenario, district_policy, random.Random(seed))
    return questions.present(stored, district_policy, number=1)


def test_a_state_search_warrant_lists_the_records_the_officers_ask_for():
    for jurisdiction in ("US-CT", "US-CA"):
        item = specimens.specimen(specimens.resolve("search-state", jurisdiction))
        text = item.text.lower()
        assert "locker" not in text
        assert "attendance records" in text and "discipline" in text
    connecticut = specimens.specimen("search-state_US-CT").text
    assert "54-33a" in connecticut
    question = shown("ro-search-warrant-records")
    assert question.correct == "SEIZED_UNDER_WARRANT"
    # The explanation says what a Connecticut warrant is, under Connecticut law.
    cited = {c["name"] for reason in question.correct_option.reasons for c in reason.citations}
    assert any("54-33a" in name for name in cited), cited
    assert question.correct_option.reasons[1].rule == "ct-search-warrant"


def test_the_federal_search_warrant_seizes_the_records_of_its_situation():
    for jurisdiction in ("US-CT", "US-CA"):
        text = specimens.specimen(f"search-federal_{jurisdiction}").text
        attachment_b = text.split("ATTACHMENT B", 1)[1].lower()
        assert "records" in attachment_b and "video" not in attachment_b


def test_no_drill_withholds_information_in_an_emergency():
    """FERPA's health-or-safety exception (34 CFR 99.36) allows disclosure in a real emergency;
    the engine has no such outcome, so no drill asks about information under a stated danger."""
    assert "do-imminent-danger-records" not in bank.BY_ID
    for scenario in bank.SCENARIOS:
        if scenario.facts["exigency"] == "IMMINENT_DANGER":
            assert scenario.ask not in (bank.RECORDS_OUTCOME, bank.LOG), scenario.id


@pytest.mark.parametrize("pack_id", SHIPPED)
def test_state_court_specimens_are_from_the_packs_own_state(pack_id):
    pack = load_pack(pack_id)
    state = pack.jurisdiction.removeprefix("US-")
    seen = 0
    for scenario in bank.SCENARIOS:
        key = questions.specimen_key(scenario, pack)
        if key is None:
            continue
        item = specimens.specimen(key)
        # Every situation happens at a school in the pack's state ...
        assert item.jurisdiction == pack.jurisdiction, key
        assert item.address.split(",")[-1].split()[0] == state, key
        found = check_document(
            item.text, school=item.school, address=item.address, now=item.presented_at
        )
        # ... and a state court's paper is from that state's courts.
        if found.jurisdiction not in (None, "FEDERAL", "FEDERAL_AGENCY"):
            assert found.jurisdiction == state, (scenario.id, key, found.jurisdiction)
            seen += 1
    assert seen >= 5


def test_each_states_version_of_a_document_reads_the_same():
    """The Connecticut and California versions of a federal or DHS document differ only in the
    school and the places named: the checker finds the same class, checks and terms."""
    names = {key.rsplit("_", 1)[0] for key in specimens.all_specimens()}
    for name in names:
        ct = specimens.document_fact(f"{name}_US-CT")
        ca = specimens.document_fact(f"{name}_US-CA")
        assert ct == ca, name
        text = specimens.specimen(f"{name}_US-CA").text
        assert "Connecticut" not in text and ", CT 0" not in text, name


def test_a_california_district_gets_california_court_papers():
    ca = load_pack("ca-2025")
    for scenario_id in (
        "do-classify-state-search",
        "do-state-arrest-where",
        "ro-court-order-notice",
    ):
        key = questions.specimen_key(bank.BY_ID[scenario_id], ca)
        assert key.endswith("_US-CA")
        assert "CALIFORNIA" in specimens.specimen(key).text
        assert "CONNECTICUT" not in specimens.specimen(key).text.upper()


def test_a_state_without_specimens_drops_the_scenarios_that_need_them():
    scenario = bank.BY_ID["do-classify-state-search"]
    assert specimens.resolve(scenario.specimen, "US-NY") is None
    with pytest.raises(questions.NoSpecimen):
        questions.specimen_key(scenario, type("P", (), {"jurisdiction": "US-NY"})())


def test_the_teacher_leaves_an_arrest_to_the_designated_official():
    question = shown("tc-playground-arrest-warrant")
    assert question.scenario.ask == bank.STEP
    assert "designated official" in question.correct_option.label.lower()
    assert "named-student" not in questions.universe(question.scenario)


def test_the_court_order_for_records_is_an_ordinary_civil_case():
    """Not a child-protection order, where the Uninterrupted Scholars Act may waive notice."""
    for jurisdiction in ("US-CT", "US-CA"):
        key = questions.specimen_key(
            bank.BY_ID["ro-court-order-notice"], type("P", (), {"jurisdiction": jurisdiction})()
        )
        text = specimens.specimen(key).text.upper()
        assert "JUVENILE" not in text and "CHILDREN AND FAMILIES" not in text
    assert "-CV25-" in specimens.specimen("court-order-records_US-CT").text
    assert shown("ro-court-order-notice").correct == "PARENT_FERPA"


def test_an_officer_known_only_by_a_vest_is_unverified():
    scenario = bank.BY_ID["fo-identification-missing"]
    assert scenario.facts["requester"]["agency"] == "UNVERIFIED"
    question = shown("fo-identification-missing")
    assert "vest" in question.correct_option.label.lower()


def test_a_paper_nobody_could_read_is_unknown_and_goes_to_counsel():
    scenario = bank.BY_ID["do-warrant-not-shown"]
    assert [
        d["type"] for d in questions.scenario_facts(scenario, load_pack("ct-2025"))["documents"]
    ] == ["UNKNOWN"]
    question = shown("do-warrant-not-shown")
    assert question.correct == "unknown-document"
    assert "counsel" in question.correct_option.label


def test_wrong_steps_do_not_carry_this_situations_facts():
    """A wrong option is shown with neutral words, not "an emergency is stated (no emergency)"."""
    district_policy = policy()
    scenario = bank.BY_ID["fo-urgent-without-reason"]
    decision = questions.decide(scenario, district_policy)
    stored = {
        "scenario": scenario.id,
        "kind": scenario.ask,
        "options": ["exigency", "exigency-without-basis", "warrant-scope"],
        "correct": "exigency-without-basis",
    }
    question = questions.present(stored, district_policy, number=1)
    wrong = next(o for o in question.options if o.key == "exigency")
    assert not wrong.correct
    filled = questions.fill_text(
        questions._text_rules(district_policy.pack, bank.STEP)["exigency"],
        decision.facts,
        district_policy.pack,
    )
    assert wrong.label != filled
    assert "the emergency they state" in wrong.label
    assert "gives no reason" not in wrong.label.lower()


def test_the_nondisclosure_record_label_says_what_the_law_says():
    label = questions.option_label(
        bank.LOG,
        "FERPA_EXEMPT_NONDISCLOSURE",
        questions.decide(bank.BY_ID["ro-grand-jury-log"], policy()),
        policy().pack,
    )
    assert "forbid" not in label.lower()
    assert "99.32(d)(5)" in label
    from threshold.policies import labels

    assert "forbids" not in str(labels.LOG["FERPA_EXEMPT_NONDISCLOSURE"])


def test_none_of_these_is_right_when_a_district_option_takes_the_answer_away():
    district_policy = policy(school_bus_is_public=True)
    scenario = bank.BY_ID["do-school-bus"]
    assert questions.answer(scenario, district_policy) == bank.NONE_OF_THESE
    stored = questions.stored_question(scenario, district_policy, random.Random(2))
    question = questions.present(stored, district_policy, number=1)
    right = question.correct_option
    assert right.key == bank.NONE_OF_THESE and right.label == "None of these"
    # Explained by where the pack gives the other options instead.
    assert right.reasons and all(reason.citations for reason in right.reasons)
    # Under the default, "none of these" is a wrong option like any other.
    assert questions.answer(scenario, policy()) == "school-bus"
