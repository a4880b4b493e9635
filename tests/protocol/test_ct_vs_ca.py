"""The same facts decide differently under ct-2025 and ca-2025 where the law differs, and the
same where it does not: the states' rules live in the packs, not in the engine."""

from __future__ import annotations

from tests.protocol.helpers import ca, ct, doc
from threshold.protocol import diff_packs, load_pack


def test_ab49_a_judicial_subpoena_lets_an_immigration_officer_in_within_its_scope() -> None:
    facts = {"requests": ["ENTER_NONPUBLIC_AREA"], "documents": [doc("JUDICIAL_SUBPOENA", "PASS")]}

    assert ct(**facts).access.value == "PUBLIC_ONLY"
    assert ca(**facts).access.value == "WARRANT_SCOPE"
    # AB 49 concerns immigration enforcement; other officers are as in Connecticut.
    police = {**facts, "agency": "STATE_OR_LOCAL_POLICE"}
    assert ca(**police).access.value == "PUBLIC_ONLY"


def test_ab49_a_court_order_too() -> None:
    facts = {"requests": ["ENTER_NONPUBLIC_AREA"], "documents": [doc("COURT_ORDER", "PASS")]}

    assert ct(**facts).access.value == "PUBLIC_ONLY"
    assert ca(**facts).access.value == "WARRANT_SCOPE"


def test_ab49_an_i138_gets_no_pupil_information_in_california() -> None:
    facts = {
        "channel": "EMAIL",
        "requests": ["STUDENT_RECORDS"],
        "documents": [doc("ADMIN_SUBPOENA_I138")],
    }

    assert ct(**facts).records.value == "HOLD_FOR_COUNSEL"
    assert ca(**facts).records.value == "NONE"


def test_ab49_no_directory_information_to_immigration_officers_in_california() -> None:
    facts = {
        "identification": ["NAME", "PHONE"],
        "channel": "MAIL_OR_FAX",
        "requests": ["DIRECTORY_INFORMATION"],
    }

    assert ct(**facts).records.value == "DIRECTORY_DISCRETIONARY"
    assert ca(**facts).records.value == "NONE"
    fbi = {**facts, "agency": "FEDERAL_LAW_ENFORCEMENT"}
    assert ca(**fbi).records.value == "DIRECTORY_DISCRETIONARY"


def test_49077_the_pupil_is_notified_too_in_california() -> None:
    facts = {
        "agency": "PRIVATE_PARTY",
        "requests": ["STUDENT_RECORDS"],
        "documents": [doc("JUDICIAL_SUBPOENA", "PASS")],
    }

    assert "PUPIL_NOTICE" not in ct(**facts).notify
    assert {"PARENT_FERPA", "PUPIL_NOTICE"} <= set(ca(**facts).notify)
    assert any("parent and the pupil" in step for step in ca(**facts).steps)


def test_sb98_the_school_community_is_told_of_confirmed_enforcement_in_california() -> None:
    facts = {"requests": ["ACCESS_STUDENT"], "documents": [doc("ADMIN_WARRANT_I200")]}

    assert "SCHOOL_COMMUNITY" not in ct(**facts).notify
    assert "SCHOOL_COMMUNITY" in ca(**facts).notify
    # Not for a phone call, where no presence on the school site is confirmed.
    assert "SCHOOL_COMMUNITY" not in ca(channel="PHONE", requests=["STUDENT_RECORDS"]).notify


def test_234_7_b_requests_are_reported_to_the_board_in_california() -> None:
    assert "GOVERNING_BOARD" in ca(requests=["ACCESS_STUDENT"]).notify
    assert "GOVERNING_BOARD" not in ct(requests=["ACCESS_STUDENT"]).notify


def test_buses_are_non_public_by_statute_in_california_and_by_option_in_connecticut() -> None:
    facts = {"place": "SCHOOL_BUS", "requests": ["ENTER_NONPUBLIC_AREA"]}

    assert "school_bus_is_public" in load_pack("ct-2025").options
    assert "school_bus_is_public" not in load_pack("ca-2025").options
    assert any("by their nature non-public" in step for step in ca(**facts).steps)


def test_the_same_law_decides_the_same() -> None:
    cases = [
        {"requests": ["ACCESS_STUDENT"], "documents": [doc("ADMIN_WARRANT_I200")]},
        {"requests": ["ARREST_PERSON"], "documents": [doc("JUDICIAL_ARREST_WARRANT", "PASS")]},
        {"requests": ["STUDENT_RECORDS"], "documents": [doc("JUDICIAL_SEARCH_WARRANT", "EXPIRED")]},
        {"requests": ["ENTER_NONPUBLIC_AREA"], "exigency": "HOT_PURSUIT"},
        {
            "agency": "FEDERAL_LAW_ENFORCEMENT",
            "requests": ["STUDENT_RECORDS"],
            "documents": [doc("GRAND_JURY_SUBPOENA", "PASS", "ORDERED_BY_COURT")],
        },
    ]
    for facts in cases:
        a, b = ct(**facts), ca(**facts)
        assert (a.access, a.student_contact, a.records) == (b.access, b.student_contact, b.records)


def test_the_diff_names_each_difference_in_plain_words() -> None:
    result = diff_packs(load_pack("ct-2025"), load_pack("ca-2025"))
    text = result.text()

    assert "Administrative subpoena (DHS Form I-138) — student records" in text
    assert "before: records: nothing is given until counsel has read the document" in text
    assert "after:  records: no student information is given or confirmed" in text
    assert "AB 49" in text
    topics = {change.topic for change in result.changes}
    assert any("enter areas closed to the public" in topic for topic in topics)
    effects = {(e.what, e.before, e.after) for e in result.effects}
    assert ("records", "HOLD_FOR_COUNSEL", "NONE") in effects
    assert ("notify PUPIL_NOTICE", "no", "yes") in effects


def test_a_pack_compared_with_itself_has_no_changes() -> None:
    pack = load_pack("ct-2025")
    result = diff_packs(pack, pack)

    assert result.changes == []
    assert result.effects == []
    assert "No rule changes." in result.text()


def test_a_changed_default_shows_in_the_decisions(tmp_path: object) -> None:
    from pathlib import Path

    from threshold.protocol import load_pack_file
    from threshold.protocol.pack import PACKS_DIR

    draft = Path(str(tmp_path)) / "ct-2025.toml"
    text = (PACKS_DIR / "ct-2025.toml").read_text(encoding="utf-8")
    draft.write_text(
        text.replace('version = "1.0.0"', 'version = "1.1.0"', 1).replace(
            '[options.notify_parent_when_student_sought]\ntype = "bool"\ndefault = true',
            '[options.notify_parent_when_student_sought]\ntype = "bool"\ndefault = false',
        ),
        encoding="utf-8",
    )

    result = diff_packs(load_pack("ct-2025"), load_pack_file(draft))

    assert [c.topic for c in result.changes] == [
        "District option 'Tell the parent when a student is sought'"
    ]
    assert result.changes[0].before == "default True"
    assert any(e.what == "notify PARENT_POLICY" and e.after == "no" for e in result.effects)
