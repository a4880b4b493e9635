"""The document checker on typed and text-recognised documents: every class, the surface checks,
and the traps DOMAIN.md 4 names."""

from __future__ import annotations

import random
from datetime import date, datetime

import pytest

from tests.protocol import samples
from tests.protocol.samples import ADDRESS, SCHOOL
from threshold.protocol import decide, load_pack
from threshold.protocol.documents import Findings, check_document, check_document_text
from threshold.protocol.documents.premises import compare
from threshold.protocol.documents.text import find_dates

DAY = datetime(2025, 6, 4, 10, 30)


def check(text: str, now: datetime = DAY, **kwargs: str) -> Findings:
    return check_document_text(
        text, school=kwargs.get("school", SCHOOL), address=kwargs.get("address", ADDRESS), now=now
    )


# -- Classes


@pytest.mark.parametrize(
    ("text", "doc_type", "signed_by"),
    [
        (samples.ao93(), "JUDICIAL_SEARCH_WARRANT", "MAGISTRATE_JUDGE"),
        (samples.ao442(), "JUDICIAL_ARREST_WARRANT", "MAGISTRATE_JUDGE"),
        (samples.ct_search(), "STATE_COURT_SEARCH_WARRANT", "JUDGE"),
        (samples.ct_subpoena(), "JUDICIAL_SUBPOENA", "ATTORNEY"),
        (samples.grand_jury(), "GRAND_JURY_SUBPOENA", "CLERK"),
        (samples.COURT_ORDER, "COURT_ORDER", "JUDGE"),
        (samples.I205, "ADMIN_WARRANT_I205", "IMMIGRATION_OFFICER"),
        (samples.EOIR, "EOIR_ORDER", "IMMIGRATION_JUDGE"),
        (samples.I138, "ADMIN_SUBPOENA_I138", "IMMIGRATION_OFFICER"),
        (samples.I247A, "DETAINER_I247A", "IMMIGRATION_OFFICER"),
        (samples.NTA, "NOTICE_TO_APPEAR_I862", "IMMIGRATION_OFFICER"),
        (samples.LETTER, "LETTER_OR_REQUEST", "IMMIGRATION_OFFICER"),
        (samples.NOTE, "LETTER_OR_REQUEST", "UNKNOWN"),
    ],
)
def test_it_classifies_each_kind_of_document(text: str, doc_type: str, signed_by: str) -> None:
    found = check(text)

    assert found.type.value == doc_type
    assert found.signed_by.value == signed_by


def test_what_fits_no_class_is_unknown_and_routes_to_counsel() -> None:
    found = check(samples.NOT_A_CLASS)

    assert found.type.value == "UNKNOWN"
    assert found.route_to_counsel
    assert found.findings[0].result == "UNKNOWN"


def test_too_little_text_is_unknown() -> None:
    found = check("|||| ~~ 12 ..")

    assert found.type.value == "UNKNOWN"
    assert found.confidence == 0.0


def test_administrative_forms_have_no_surface_checks() -> None:
    for text in (samples.I205, samples.EOIR, samples.I138, samples.I247A, samples.NTA):
        found = check(text)
        assert found.facial_check.value == "NOT_APPLICABLE"
        assert found.expires is None
        assert found.court is None or "not a court" in found.court


# -- Traps (DOMAIN 4.1-4.3)


def test_an_i205_with_the_judge_box_ticked_is_still_administrative() -> None:
    found = check(samples.I205)

    assert found.type.value == "ADMIN_WARRANT_I205"
    assert any("does not make this a judicial warrant" in f.text for f in found.findings)


def test_an_immigration_judge_is_not_a_court() -> None:
    found = check(samples.EOIR)

    assert found.type.value == "EOIR_ORDER"
    assert found.case_number is None  # an A-number is never echoed
    assert any("not a court" in f.text for f in found.findings)


@pytest.mark.parametrize("basis", ["Indictment", "Information"])
def test_a_clerk_signs_an_arrest_warrant_on_an_indictment_and_it_is_judicial(basis: str) -> None:
    found = check(samples.ao442(basis=basis, signer="Iris Doyle, Deputy Clerk"))

    assert found.type.value == "JUDICIAL_ARREST_WARRANT"
    assert found.signed_by.value == "CLERK"
    assert found.facial_check.value == "PASS"
    assert found.expires is None


def test_a_clerk_cannot_sign_an_arrest_warrant_on_a_complaint() -> None:
    found = check(samples.ao442(basis="Complaint", signer="Iris Doyle, Deputy Clerk"))

    assert found.facial_check.value == "NO_JUDGE_SIGNATURE"


def test_a_connecticut_subpoena_signed_by_an_attorney_is_proper() -> None:
    found = check(samples.ct_subpoena())

    assert found.signed_by.value == "ATTORNEY"
    assert found.facial_check.value == "PASS"
    assert any("commissioner of the Superior Court" in f.text for f in found.findings)


def test_an_unticked_clerk_box_does_not_make_the_signer_a_clerk() -> None:
    assert check(samples.ct_subpoena(signer_box="commissioner")).signed_by.value == "ATTORNEY"


def test_a_prosecutors_letter_asking_for_secrecy_is_not_an_order() -> None:
    found = check(samples.grand_jury(with_letter=True))

    assert found.type.value == "GRAND_JURY_SUBPOENA"
    assert found.nondisclosure.value == "REQUESTED"
    assert [a.type.value for a in found.attachments] == ["LETTER_OR_REQUEST"]


def test_a_courts_non_disclosure_order_is_an_order() -> None:
    found = check(samples.grand_jury(with_order=True))

    assert found.type.value == "GRAND_JURY_SUBPOENA"
    assert found.nondisclosure.value == "ORDERED_BY_COURT"
    assert found.facial_check.value == "PASS"
    assert [a.type.value for a in found.attachments] == ["COURT_ORDER"]


def test_an_agencys_own_order_not_to_disclose_is_an_agency_order() -> None:
    assert check(samples.I138).nondisclosure.value == "ORDERED_BY_AGENCY"


def test_a_protective_order_is_not_a_non_disclosure_order() -> None:
    assert check(samples.COURT_ORDER).nondisclosure.value == "NONE"


# -- Surface checks of search warrants (DOMAIN 4.4)


def test_a_valid_federal_search_warrant_passes() -> None:
    found = check(samples.ao93())

    assert found.facial_check.value == "PASS"
    assert found.expires == date(2025, 6, 12)
    assert found.court == "United States District Court, District of Connecticut"
    assert found.case_number == "3:25-mj-00642 (RKA)"
    assert found.premises == "MATCH"


def test_the_statutory_limit_applies_when_no_date_is_written() -> None:
    federal = check(samples.ao93(before="__________", issued="06/02/2025 9:00 am"))
    connecticut = check(samples.ct_search(dated="June 2, 2025"))

    assert federal.expires == date(2025, 6, 16)  # 14 days: FRCrP 41(e)(2)(A)(i)
    assert connecticut.expires == date(2025, 6, 12)  # 10 days: CGS 54-33c


def test_a_connecticut_warrant_is_good_on_its_tenth_day_and_not_after() -> None:
    text = samples.ct_search(dated="May 25, 2025")

    assert check(text, now=datetime(2025, 6, 4, 9)).facial_check.value == "PASS"
    assert check(text, now=datetime(2025, 6, 5, 9)).facial_check.value == "EXPIRED"


def test_a_warrant_past_its_date_is_expired() -> None:
    found = check(samples.ao93(before="May 30, 2025"))

    assert found.facial_check.value == "EXPIRED"
    assert found.expires == date(2025, 5, 30)


def test_a_daytime_warrant_gives_no_authority_at_night() -> None:
    night = datetime(2025, 6, 4, 22, 30)

    assert check(samples.ao93(), now=night).facial_check.value == "OUTSIDE_TIME_WINDOW"
    assert check(samples.ao93(), now=datetime(2025, 6, 4, 22, 0)).facial_check.value == "PASS"
    any_time = samples.ao93(daytime="[ ]", any_time="[X]")
    assert check(any_time, now=night).facial_check.value == "PASS"


def test_unreadable_hour_boxes_mean_daytime_only_as_the_rule_says() -> None:
    unreadable = samples.ao93(daytime="&", any_time="Gg")

    assert check(unreadable, now=datetime(2025, 6, 4, 23)).facial_check.value == (
        "OUTSIDE_TIME_WINDOW"
    )
    assert check(unreadable).facial_check.value == "PASS"


def test_a_blank_signature_block_fails_first() -> None:
    found = check(samples.ao93(signature="", printed="", before="May 1, 2025"))

    assert found.facial_check.value == "NO_JUDGE_SIGNATURE"
    failed = [f.check for f in found.findings if f.result == "FAIL"]
    assert failed == ["signature", "date"]


def test_a_clerk_cannot_sign_a_search_warrant() -> None:
    found = check(samples.ao93(printed="Iris Doyle, Deputy Clerk", signature="/s/ Iris Doyle"))

    assert found.facial_check.value == "NO_JUDGE_SIGNATURE"
    assert found.signed_by.value == "CLERK"


@pytest.mark.parametrize(
    "premises",
    [
        "the main office of Maple Hill Middle School, 45 Orchard Street, Milford, CT 06460",
        "the main office of Maple Hill Elementary School, 54 Orchard Street, Milford, CT 06460",
        "the main office of Maple Hill Elementary School, 45 Elm Street, Milford, CT 06460",
        "the main office of Maple Hill Elementary School, 45 Orchard Street, Stamford, CT 06902",
        "the main office of Oak Ridge Elementary School, 45 Orchard Street, Milford, CT 06460",
        "the residence at 12 Birch Lane, Milford, Connecticut 06460",
        "the main office of North Maple Hill Elementary School",
    ],
)
def test_a_warrant_for_other_premises_fails(premises: str) -> None:
    found = check(samples.ao93(premises=premises))

    assert found.facial_check.value == "WRONG_PREMISES"
    assert any(f.check == "premises" and f.result == "FAIL" for f in found.findings)


@pytest.mark.parametrize(
    ("school", "address"),
    [
        ("MAPLE HILL ELEMENTARY SCHOOL", "45 ORCHARD ST, MILFORD CT 06460"),
        ("Maple Hill Elementary", "45 Orchard St., Milford, Connecticut"),
        ("maple hill elementary school", "45 orchard street milford ct"),
    ],
)
def test_premises_match_despite_abbreviations_and_case(school: str, address: str) -> None:
    premises = "the office of MAPLE HILL ELEMENTARY SCH00L, 45 ORCHARD ST. MILFORD CT 06460"

    assert compare(premises, school, address).status == "MATCH"


def test_premises_are_not_compared_without_a_school() -> None:
    found = check_document_text(samples.ao93(), now=DAY)

    assert found.premises == "NOT_CHECKED"
    assert found.facial_check.value == "PASS"


# -- Text recognition noise


def noisy(text: str, seed: int, rate: float = 0.03) -> str:
    rng = random.Random(seed)
    swaps = {"O": "0", "l": "1", "I": "1", "S": "5", "e": "c", "o": "0"}
    out = []
    for ch in text:
        if ch in swaps and rng.random() < rate:
            out.append(swaps[ch])
        elif ch in ",.;:()" and rng.random() < rate * 3:
            continue
        else:
            out.append(ch)
    return "".join(out).upper() if seed % 2 else "".join(out)


@pytest.mark.parametrize("seed", range(6))
def test_noise_does_not_change_the_class_or_the_checks(seed: int) -> None:
    assert check(noisy(samples.ao93(), seed)).facial_check.value == "PASS"
    assert check(noisy(samples.I205, seed)).type.value == "ADMIN_WARRANT_I205"
    assert (
        check(
            noisy(samples.ao442(basis="Indictment", signer="Iris Doyle, Deputy Clerk"), seed)
        ).facial_check.value
        == "PASS"
    )
    assert check(noisy(samples.EOIR, seed)).signed_by.value == "IMMIGRATION_JUDGE"


def test_dates_are_read_in_every_usual_form() -> None:
    text = (
        "03/07/2025 · March 7, 2025 · 7 March 2025 · 2025-03-07 · 7th day of March, 2025 · "
        "O3/O7/2O25"
    )

    assert {d.value for d in find_dates(text)} == {date(2025, 3, 7)}
    assert len(find_dates(text)) == 6


# -- From findings to a decision


def test_findings_feed_the_decision_engine() -> None:
    found = check(samples.grand_jury(with_order=True))
    facts = {
        "requester": {"agency": "FEDERAL_LAW_ENFORCEMENT", "identification": ["NAME", "PHONE"]},
        "channel": "MAIL_OR_FAX",
        "requests": ["STUDENT_RECORDS"],
        "subject": "STUDENT",
        "documents": [found.as_fact()],
    }

    decision = decide(facts, load_pack("ct-2025"))

    assert decision.records.value == "DISCLOSE_WITHOUT_NOTICE_ORDERED"


def test_check_document_takes_text_bytes_or_a_path(tmp_path: object) -> None:
    from pathlib import Path

    path = Path(str(tmp_path)) / "nta.txt"
    path.write_text(samples.NTA, encoding="utf-8")

    for source in (samples.NTA, samples.NTA.encode(), path):
        assert check_document(source, now=DAY).type.value == "NOTICE_TO_APPEAR_I862"


def test_the_output_holds_no_alien_number_or_name_of_the_person() -> None:
    output = str(check(samples.I205).as_dict()) + str(check(samples.EOIR).as_dict())

    assert "000 111 222" not in output
    assert "000-333-444" not in output
    assert "QUINTERO" not in output and "RIOS" not in output


def test_a_date_without_a_time_checks_the_dates_but_not_the_hours() -> None:
    found = check_document_text(
        samples.ao93(), school=SCHOOL, address=ADDRESS, now=date(2025, 6, 4)
    )

    assert found.facial_check.value == "PASS"
    assert any(f.check == "hours" and f.result == "UNKNOWN" for f in found.findings)
    assert check_document_text(samples.ao93(), now=date(2025, 6, 20)).facial_check.value == (
        "EXPIRED"
    )
