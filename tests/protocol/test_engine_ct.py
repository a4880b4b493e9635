"""The ct-2025 pack, rule by rule, written from DOMAIN.md (not from the conformance samples).

Each test names the fact it rests on. `ct(...)` builds facts with: an identified immigration
officer, in person, in a non-public area, about a student, unless the test says otherwise.
"""

from __future__ import annotations

import pytest

from tests.protocol.helpers import ct, doc

PHYSICAL = ["ENTER_NONPUBLIC_AREA", "ACCESS_STUDENT", "ARREST_PERSON"]
ADMIN = [
    "ADMIN_WARRANT_I200",
    "ADMIN_WARRANT_I205",
    "EOIR_ORDER",
    "DETAINER_I247A",
    "NOTICE_TO_APPEAR_I862",
    "LETTER_OR_REQUEST",
]
FAILED = [
    "WRONG_PREMISES",
    "WRONG_PERSON",
    "EXPIRED",
    "OUTSIDE_TIME_WINDOW",
    "OUT_OF_SCOPE",
    "NO_JUDGE_SIGNATURE",
]

# -- Access to places and people (CT-4, CT-7, CT-8; DOMAIN 1.5 step 8)


def test_no_document_means_public_areas_only_and_no_student() -> None:
    decision = ct(requests=["ENTER_NONPUBLIC_AREA", "ACCESS_STUDENT"])

    assert decision.access.value == "PUBLIC_ONLY"
    assert decision.student_contact.value == "NOT_PRODUCED"
    assert decision.do_not_obstruct is True
    assert decision.consult_counsel is True


@pytest.mark.parametrize("admin", ADMIN)
@pytest.mark.parametrize("facial", ["NOT_APPLICABLE", "NO_JUDGE_SIGNATURE", "PASS"])
def test_an_administrative_document_opens_nothing(admin: str, facial: str) -> None:
    # CT-8; CGS 54-192h(a)(1): warrants of immigration agencies are administrative. Whatever a
    # person records as the facial check, the class decides.
    decision = ct(requests=PHYSICAL, documents=[doc(admin, facial)])

    assert decision.access.value == "PUBLIC_ONLY"
    assert decision.student_contact.value == "NOT_PRODUCED"


def test_an_i205_for_a_parent_gives_no_access_and_calls_the_emergency_contact() -> None:
    decision = ct(
        requests=["ENTER_NONPUBLIC_AREA", "ARREST_PERSON"],
        subject="PARENT_OR_GUARDIAN",
        documents=[doc("ADMIN_WARRANT_I205")],
    )

    assert decision.access.value == "PUBLIC_ONLY"
    assert decision.student_contact.value == "NOT_APPLICABLE"
    assert "EMERGENCY_CONTACT" in decision.notify


@pytest.mark.parametrize("warrant", ["JUDICIAL_SEARCH_WARRANT", "STATE_COURT_SEARCH_WARRANT"])
def test_a_valid_search_warrant_is_complied_with_within_its_scope(warrant: str) -> None:
    decision = ct(
        requests=["ENTER_NONPUBLIC_AREA", "STUDENT_RECORDS"], documents=[doc(warrant, "PASS")]
    )

    assert decision.access.value == "WARRANT_SCOPE"
    assert decision.records.value == "SEIZED_UNDER_WARRANT"
    assert decision.student_contact.value == "NOT_APPLICABLE"
    assert "FERPA_REQUEST_RECORD" in decision.log


def test_a_search_warrant_does_not_produce_a_student() -> None:
    decision = ct(requests=["ACCESS_STUDENT"], documents=[doc("JUDICIAL_SEARCH_WARRANT", "PASS")])

    assert decision.student_contact.value == "NOT_PRODUCED"


@pytest.mark.parametrize("warrant", ["JUDICIAL_ARREST_WARRANT", "STATE_COURT_ARREST_WARRANT"])
@pytest.mark.parametrize("subject", ["STUDENT", "ELIGIBLE_STUDENT"])
def test_a_valid_arrest_warrant_covers_the_named_student(warrant: str, subject: str) -> None:
    decision = ct(requests=["ARREST_PERSON"], subject=subject, documents=[doc(warrant, "PASS")])

    assert decision.access.value == "WARRANT_SCOPE"
    assert decision.student_contact.value == "PER_WARRANT"
    # The district default: the named student is handed over in a private office.
    assert any("private office" in step for step in decision.steps)


def test_an_arrest_warrant_authorizes_no_records() -> None:
    decision = ct(
        requests=["ARREST_PERSON", "STUDENT_RECORDS"],
        documents=[doc("JUDICIAL_ARREST_WARRANT", "PASS")],
    )

    assert decision.records.value == "NONE"


def test_a_parents_arrest_warrant_gives_no_authority_over_the_child() -> None:
    decision = ct(
        place="PUBLIC_AREA",
        requests=["ARREST_PERSON", "ACCESS_STUDENT"],
        subject="PARENT_OR_GUARDIAN",
        documents=[doc("JUDICIAL_ARREST_WARRANT", "PASS")],
    )

    assert decision.student_contact.value == "NOT_PRODUCED"
    assert "EMERGENCY_CONTACT" in decision.notify
    assert any("emergency contact" in step for step in decision.steps)


@pytest.mark.parametrize("facial", FAILED)
@pytest.mark.parametrize(
    "warrant",
    [
        "JUDICIAL_SEARCH_WARRANT",
        "JUDICIAL_ARREST_WARRANT",
        "STATE_COURT_SEARCH_WARRANT",
        "STATE_COURT_ARREST_WARRANT",
    ],
)
def test_a_warrant_that_fails_a_surface_check_gets_no_consent(warrant: str, facial: str) -> None:
    decision = ct(
        requests=["ENTER_NONPUBLIC_AREA", "ARREST_PERSON", "STUDENT_RECORDS"],
        documents=[doc(warrant, facial)],
    )

    assert decision.access.value == "NO_CONSENT_DO_NOT_OBSTRUCT"
    assert decision.student_contact.value == "NOT_PRODUCED"
    assert decision.records.value == "NONE"
    assert decision.do_not_obstruct is True
    assert "COUNSEL" in decision.notify


def test_an_unchecked_court_warrant_is_checked_before_anything() -> None:
    decision = ct(
        requests=["ENTER_NONPUBLIC_AREA", "STUDENT_RECORDS"],
        documents=[doc("JUDICIAL_SEARCH_WARRANT", "NOT_APPLICABLE")],
    )

    assert decision.access.value == "NO_CONSENT_DO_NOT_OBSTRUCT"
    assert decision.records.value == "HOLD_FOR_COUNSEL"
    assert any("Check the court document" in step for step in decision.steps)


def test_a_valid_judicial_warrant_governs_over_an_administrative_one() -> None:
    decision = ct(
        requests=["ARREST_PERSON"],
        documents=[doc("ADMIN_WARRANT_I200"), doc("JUDICIAL_ARREST_WARRANT", "PASS")],
    )

    assert decision.access.value == "WARRANT_SCOPE"
    assert decision.student_contact.value == "PER_WARRANT"


def test_the_order_of_documents_does_not_change_the_decision() -> None:
    a = ct(requests=["ARREST_PERSON"], documents=[doc("EOIR_ORDER"), doc("ADMIN_WARRANT_I205")])
    b = ct(requests=["ARREST_PERSON"], documents=[doc("ADMIN_WARRANT_I205"), doc("EOIR_ORDER")])

    assert (a.access, a.student_contact, a.records) == (b.access, b.student_contact, b.records)


# -- The officer goes on; emergencies (DOMAIN 4.5, 4.7)


def test_an_officer_who_goes_on_after_refusal_is_not_obstructed() -> None:
    decision = ct(
        requests=["ENTER_NONPUBLIC_AREA", "ARREST_PERSON"],
        documents=[doc("ADMIN_WARRANT_I200")],
        proceeds=True,
    )

    assert decision.access.value == "NO_CONSENT_DO_NOT_OBSTRUCT"
    assert decision.student_contact.value == "NOT_PRODUCED"
    assert decision.do_not_obstruct is True
    assert any("do not block" in step for step in decision.steps)


@pytest.mark.parametrize("exigency", ["HOT_PURSUIT", "IMMINENT_DANGER", "EVIDENCE_DESTRUCTION"])
def test_a_recognized_emergency_means_do_not_obstruct(exigency: str) -> None:
    decision = ct(
        requests=["ENTER_NONPUBLIC_AREA"],
        subject="OTHER_PERSON",
        identification=[],
        exigency=exigency,
    )

    assert decision.access.value == "EXIGENCY_DO_NOT_OBSTRUCT"
    assert decision.do_not_obstruct is True
    assert decision.consult_counsel is True
    assert "ENCOUNTER" in decision.log
    assert any("own words" in step for step in decision.steps)


def test_an_emergency_is_not_consent_to_produce_a_student() -> None:
    decision = ct(requests=["ACCESS_STUDENT"], exigency="HOT_PURSUIT")

    assert decision.access.value == "EXIGENCY_DO_NOT_OBSTRUCT"
    assert decision.student_contact.value == "NOT_PRODUCED"


def test_a_bare_claim_of_emergency_changes_nothing() -> None:
    with_claim = ct(
        requests=["ENTER_NONPUBLIC_AREA", "STUDENT_RECORDS"],
        documents=[doc("JUDICIAL_SEARCH_WARRANT", "PASS")],
        exigency="ASSERTED_WITHOUT_BASIS",
    )
    without = ct(
        requests=["ENTER_NONPUBLIC_AREA", "STUDENT_RECORDS"],
        documents=[doc("JUDICIAL_SEARCH_WARRANT", "PASS")],
    )

    assert (with_claim.access, with_claim.records) == (without.access, without.records)
    admin = ct(
        requests=["ACCESS_STUDENT"],
        documents=[doc("ADMIN_WARRANT_I205")],
        exigency="ASSERTED_WITHOUT_BASIS",
    )
    assert admin.access.value == "PUBLIC_ONLY"


def test_a_private_partys_emergency_gives_no_power_of_entry() -> None:
    decision = ct(
        agency="PRIVATE_PARTY", requests=["ENTER_NONPUBLIC_AREA"], exigency="IMMINENT_DANGER"
    )

    assert decision.access.value == "PUBLIC_ONLY"
    assert any("911" in step for step in decision.steps)


def test_imminent_danger_sends_a_records_request_to_counsel_under_99_36() -> None:
    decision = ct(channel="PHONE", requests=["SCHEDULE_OR_WHEREABOUTS"], exigency="IMMINENT_DANGER")

    assert decision.records.value == "HOLD_FOR_COUNSEL"
    assert decision.access.value == "NOT_APPLICABLE"


# -- Records under FERPA (34 CFR Part 99; DOMAIN 5)


@pytest.mark.parametrize("channel", ["IN_PERSON", "PHONE", "EMAIL", "MAIL_OR_FAX"])
def test_no_legal_process_means_no_records(channel: str) -> None:
    decision = ct(channel=channel, requests=["STUDENT_RECORDS", "SCHEDULE_OR_WHEREABOUTS"])

    assert decision.records.value == "NONE"
    assert "FERPA_REQUEST_RECORD" in decision.log
    assert not {"PARENT_FERPA", "ELIGIBLE_STUDENT_FERPA"} & set(decision.notify)


def test_information_only_not_in_person_needs_no_access_decision() -> None:
    decision = ct(channel="EMAIL", requests=["STUDENT_RECORDS"])

    assert decision.access.value == "NOT_APPLICABLE"
    assert decision.do_not_obstruct is False
    assert decision.student_contact.value == "NOT_APPLICABLE"


def test_a_dhs_subpoena_is_held_for_counsel() -> None:
    # 8 CFR 287.4; 8 U.S.C. 1225(d)(4)(B): not self-executing.
    decision = ct(
        channel="EMAIL", requests=["STUDENT_RECORDS"], documents=[doc("ADMIN_SUBPOENA_I138")]
    )

    assert decision.records.value == "HOLD_FOR_COUNSEL"
    assert {"COPIES", "FERPA_REQUEST_RECORD"} <= set(decision.log)


def test_an_agency_non_disclosure_order_keeps_the_parent_notice_for_counsel() -> None:
    decision = ct(
        requests=["STUDENT_RECORDS"],
        documents=[doc("ADMIN_SUBPOENA_I138", nondisclosure="ORDERED_BY_AGENCY")],
    )

    assert decision.records.value == "HOLD_FOR_COUNSEL"
    assert not {"PARENT_FERPA", "PARENT_POLICY"} & set(decision.notify)
    assert "RESTRICTED_FILE" in decision.log
    assert "FERPA_REQUEST_RECORD" not in decision.log


@pytest.mark.parametrize("process", ["JUDICIAL_SUBPOENA", "GRAND_JURY_SUBPOENA", "COURT_ORDER"])
def test_court_process_allows_disclosure_after_notice_to_the_parent(process: str) -> None:
    decision = ct(
        agency="OTHER_GOVERNMENT",
        channel="MAIL_OR_FAX",
        requests=["STUDENT_RECORDS"],
        documents=[doc(process, "PASS")],
    )

    assert decision.records.value == "DISCLOSE_AFTER_PARENT_NOTICE"
    assert "PARENT_FERPA" in decision.notify
    assert "FERPA_REQUEST_RECORD" in decision.log


def test_an_eligible_students_notice_goes_to_the_student() -> None:
    decision = ct(
        requests=["STUDENT_RECORDS"],
        subject="ELIGIBLE_STUDENT",
        documents=[doc("JUDICIAL_SUBPOENA", "PASS")],
    )

    assert "ELIGIBLE_STUDENT_FERPA" in decision.notify
    assert "PARENT_FERPA" not in decision.notify
    assert "PARENT_POLICY" not in decision.notify


def test_a_court_ordered_grand_jury_subpoena_is_answered_without_notice() -> None:
    # 34 CFR 99.31(a)(9)(ii)(A); 99.32(d)(5).
    decision = ct(
        agency="FEDERAL_LAW_ENFORCEMENT",
        channel="MAIL_OR_FAX",
        requests=["STUDENT_RECORDS"],
        documents=[doc("GRAND_JURY_SUBPOENA", "PASS", "ORDERED_BY_COURT")],
    )

    assert decision.records.value == "DISCLOSE_WITHOUT_NOTICE_ORDERED"
    assert not {"PARENT_FERPA", "PARENT_POLICY", "ELIGIBLE_STUDENT_FERPA"} & set(decision.notify)
    assert {"FERPA_EXEMPT_NONDISCLOSURE", "RESTRICTED_FILE"} <= set(decision.log)
    assert "FERPA_REQUEST_RECORD" not in decision.log


def test_a_prosecutors_request_for_secrecy_is_not_an_order() -> None:
    decision = ct(
        agency="FEDERAL_LAW_ENFORCEMENT",
        channel="MAIL_OR_FAX",
        requests=["STUDENT_RECORDS"],
        documents=[doc("GRAND_JURY_SUBPOENA", "PASS", "REQUESTED")],
    )

    assert decision.records.value == "DISCLOSE_AFTER_PARENT_NOTICE"
    assert "PARENT_FERPA" in decision.notify
    assert "FERPA_EXEMPT_NONDISCLOSURE" not in decision.log


def test_a_law_enforcement_subpoena_under_a_court_order_needs_no_notice() -> None:
    # 99.31(a)(9)(ii)(B)
    decision = ct(
        agency="STATE_OR_LOCAL_POLICE",
        requests=["STUDENT_RECORDS"],
        documents=[doc("JUDICIAL_SUBPOENA", "PASS", "ORDERED_BY_COURT")],
    )

    assert decision.records.value == "DISCLOSE_WITHOUT_NOTICE_ORDERED"


def test_a_private_partys_subpoena_with_a_gag_goes_to_counsel() -> None:
    decision = ct(
        agency="PRIVATE_PARTY",
        requests=["STUDENT_RECORDS"],
        documents=[doc("JUDICIAL_SUBPOENA", "PASS", "ORDERED_BY_COURT")],
    )

    assert decision.records.value == "HOLD_FOR_COUNSEL"


@pytest.mark.parametrize("facial", FAILED)
def test_court_process_that_fails_its_checks_gets_no_records(facial: str) -> None:
    decision = ct(requests=["STUDENT_RECORDS"], documents=[doc("JUDICIAL_SUBPOENA", facial)])

    assert decision.records.value == "NONE"


def test_an_unknown_document_holds_records_for_counsel() -> None:
    decision = ct(requests=["STUDENT_RECORDS"], documents=[doc("UNKNOWN")])

    assert decision.records.value == "HOLD_FOR_COUNSEL"
    assert decision.consult_counsel is True
    assert {"ENCOUNTER", "COPIES", "FERPA_REQUEST_RECORD"} <= set(decision.log)


def test_immigration_status_is_never_held() -> None:
    # CT-2; CABE 5111.3
    decision = ct(
        place="PUBLIC_AREA", subject="NONE", requests=["IMMIGRATION_STATUS", "STUDENT_LIST"]
    )

    assert decision.records.value == "NONE"
    assert any("does not collect or keep immigration status" in s for s in decision.steps)


def test_a_search_warrant_beyond_its_items_gets_nothing_more() -> None:
    decision = ct(
        requests=["STUDENT_RECORDS"], documents=[doc("JUDICIAL_SEARCH_WARRANT", "OUT_OF_SCOPE")]
    )

    assert decision.records.value == "NONE"
    assert "FERPA_REQUEST_RECORD" in decision.log


# -- Directory information (99.31(a)(11), 99.37)


def directory(**kwargs: object) -> str:
    defaults: dict[str, object] = {
        "agency": "FEDERAL_LAW_ENFORCEMENT",
        "identification": ["NAME", "PHONE"],
        "channel": "MAIL_OR_FAX",
        "place": "NOT_APPLICABLE",
        "requests": ["DIRECTORY_INFORMATION"],
    }
    defaults.update(kwargs)
    return ct(**defaults).records.value  # type: ignore[arg-type]


def test_directory_information_is_discretionary_when_nothing_bars_it() -> None:
    decision = ct(
        agency="FEDERAL_LAW_ENFORCEMENT",
        identification=["NAME", "PHONE"],
        channel="MAIL_OR_FAX",
        requests=["DIRECTORY_INFORMATION"],
        documents=[doc("LETTER_OR_REQUEST")],
    )

    assert decision.records.value == "DIRECTORY_DISCRETIONARY"
    assert "FERPA_EXEMPT_DIRECTORY" in decision.log
    assert "COUNSEL" in decision.notify


def test_directory_information_is_refused_when_the_parent_opted_out() -> None:
    assert directory(opt_out=True) == "NONE"


def test_directory_information_is_never_confirmed_on_a_non_directory_identifier() -> None:
    decision = ct(channel="MAIL_OR_FAX", requests=["DIRECTORY_INFORMATION"], non_directory_id=True)

    assert decision.records.value == "NONE"
    assert "FERPA_REQUEST_RECORD" in decision.log


@pytest.mark.parametrize(
    "kwargs",
    [
        {"channel": "PHONE"},
        {"agency": "UNVERIFIED"},
        {"identification": []},
        {"identification": ["PHONE", "BADGE_OR_ID_NUMBER"]},
    ],
)
def test_directory_information_never_goes_to_someone_who_cannot_be_authenticated(
    kwargs: dict[str, object],
) -> None:
    assert directory(**kwargs) == "NONE"


def test_a_directory_request_inside_a_wider_request_is_refused_whole() -> None:
    assert directory(requests=["DIRECTORY_INFORMATION", "SCHEDULE_OR_WHEREABOUTS"]) == "NONE"


def test_the_district_may_close_directory_information_to_law_enforcement() -> None:
    decision = ct(
        {"directory_information_to_law_enforcement": False},
        agency="FEDERAL_LAW_ENFORCEMENT",
        channel="MAIL_OR_FAX",
        requests=["DIRECTORY_INFORMATION"],
    )
    assert decision.records.value == "NONE"
    # A private party is not law enforcement: the option does not reach it.
    private = ct(
        {"directory_information_to_law_enforcement": False},
        agency="PRIVATE_PARTY",
        channel="MAIL_OR_FAX",
        requests=["DIRECTORY_INFORMATION"],
    )
    assert private.records.value == "DIRECTORY_DISCRETIONARY"


# -- Notifications and logs (DOMAIN 1.5 steps 10-11; 7.6; 7.7)


def test_every_enforcement_contact_tells_the_official_superintendent_and_counsel() -> None:
    for agency in ("IMMIGRATION", "FEDERAL_LAW_ENFORCEMENT", "STATE_OR_LOCAL_POLICE", "UNVERIFIED"):
        decision = ct(agency=agency, requests=["ACCESS_STUDENT"])
        assert {"DESIGNATED_OFFICIAL", "SUPERINTENDENT", "COUNSEL"} <= set(decision.notify)
        assert decision.consult_counsel is True


def test_the_parent_is_told_when_a_minor_student_is_sought() -> None:
    assert "PARENT_POLICY" in ct(requests=["ACCESS_STUDENT"]).notify
    assert "PARENT_POLICY" not in ct(requests=["ACCESS_STUDENT"], subject="ELIGIBLE_STUDENT").notify
    off = ct({"notify_parent_when_student_sought": False}, requests=["ACCESS_STUDENT"])
    assert "PARENT_POLICY" not in off.notify


def test_agents_sitting_in_a_public_meeting_trigger_no_ferpa_duties() -> None:
    decision = ct(place="PUBLIC_EVENT", subject="NONE", requests=[])

    assert decision.student_contact.value == "NOT_APPLICABLE"
    assert decision.records.value == "NOT_APPLICABLE"
    assert not {"PARENT_FERPA", "ELIGIBLE_STUDENT_FERPA", "PARENT_POLICY"} & set(decision.notify)
    assert "FERPA_REQUEST_RECORD" not in decision.log
    assert decision.notify == ("DESIGNATED_OFFICIAL",)
    assert decision.log == ("ENCOUNTER",)


def test_copies_are_logged_whenever_a_document_is_presented() -> None:
    assert "COPIES" in ct(documents=[doc("NOTICE_TO_APPEAR_I862")], requests=["ACCESS_STUDENT"]).log
    assert "COPIES" not in ct(requests=["ACCESS_STUDENT"]).log


def test_the_board_report_and_community_notice_are_off_by_default_in_connecticut() -> None:
    decision = ct(requests=["ACCESS_STUDENT"])
    assert "GOVERNING_BOARD" not in decision.notify
    assert "SCHOOL_COMMUNITY" not in decision.notify

    opted_in = ct(
        {"report_to_board": True, "community_notice_on_confirmed_presence": True},
        requests=["ACCESS_STUDENT"],
    )
    assert {"GOVERNING_BOARD", "SCHOOL_COMMUNITY"} <= set(opted_in.notify)


# -- Places (district options)


def test_a_school_bus_is_not_public_by_default() -> None:
    decision = ct(
        place="SCHOOL_BUS",
        subject="OTHER_PERSON",
        requests=["ENTER_NONPUBLIC_AREA", "STUDENT_LIST"],
        documents=[doc("ADMIN_WARRANT_I200")],
    )

    assert decision.access.value == "PUBLIC_ONLY"
    assert decision.records.value == "NONE"
    assert any("not a public area" in step for step in decision.steps)


def test_a_district_can_treat_bus_stops_as_part_of_the_school() -> None:
    public = ct(place="BUS_STOP", requests=["ACCESS_STUDENT"])
    school = ct({"bus_stop_is_public": False}, place="BUS_STOP", requests=["ACCESS_STUDENT"])

    assert any("public place" in step for step in public.steps)
    assert any("part of the school" in step for step in school.steps)


# -- What a person reads


def test_every_decision_lists_rules_with_citations_and_the_review_notice() -> None:
    decision = ct(requests=["ARREST_PERSON"], documents=[doc("ADMIN_WARRANT_I200")])
    data = decision.as_dict()

    assert data["steps"] and data["say"]
    assert {"i200-not-judicial", "no-judicial-warrant-no-entry"} <= {r["id"] for r in data["rules"]}
    for rule in data["rules"]:
        assert rule["citations"]
        assert rule["tag"] in {"V", "B", "D"}
    assert data["pack"]["reviewed"] is False
    assert "not been reviewed" in data["pack"]["notice"]


def test_the_missing_identification_is_named_in_the_steps() -> None:
    decision = ct(identification=["NAME"], requests=["ACCESS_STUDENT"])

    assert any(
        "badge or ID number, telephone number and business card" in s for s in decision.steps
    )
