"""`explain`: a decision read as instructions a principal can follow."""

from __future__ import annotations

from datetime import date

from tests.protocol.helpers import doc, facts
from threshold.protocol import SignOff, decide, explain, load_pack


def i200_classroom() -> str:
    pack = load_pack("ct-2025")
    decision = decide(
        facts(
            requests=["ENTER_NONPUBLIC_AREA", "ARREST_PERSON"],
            documents=[doc("ADMIN_WARRANT_I200")],
        ),
        pack,
    )
    return explain(decision, pack)


def test_the_i200_classroom_case_reads_as_clear_instructions() -> None:
    text = i200_classroom()
    lines = text.splitlines()

    assert lines[0].startswith("Administrative warrant (DHS Form I-200")
    assert "not a judge" in text.split("\n\n")[0]
    assert any(line.startswith("MAY          stay in the lobby") for line in lines)
    assert any(
        line.startswith("NO CONSENT   to enter areas closed to the public") for line in lines
    )
    assert any(line.startswith("STUDENT      do not bring, locate or confirm") for line in lines)
    assert any(line.startswith("MUST         call counsel now") for line in lines)
    assert '"This is not a warrant signed by a judge. I do not consent' in text
    assert "STEPS, IN ORDER" in text
    assert "  1. Keep the officer in the lobby" in text
    assert "Never physically block an officer" in text


def test_the_explanation_says_why_with_sources_and_tags() -> None:
    text = i200_classroom()

    assert "WHY" in text
    assert "An I-200 is not a judicial warrant [B]" in text
    assert "Conn. Gen. Stat. § 54-192h(a)(1)" in text
    assert "Tags: V stated in a retrieved source" in text


def test_until_signed_off_the_explanation_says_the_pack_is_not_reviewed() -> None:
    text = i200_classroom()
    assert "NOT YET REVIEWED by the district's counsel" in text

    pack = load_pack("ct-2025")
    signed = decide(
        facts(requests=["ACCESS_STUDENT"]),
        pack,
        signoff=SignOff(name="C. Counsel", signed_on=date(2025, 8, 1), scope="all schools"),
    )
    assert signed.review_notice is None
    assert "reviewed by the district's counsel" in explain(signed, pack)
    assert "NOT YET" not in explain(signed, pack)


def test_steps_are_numbered_and_unique() -> None:
    text = i200_classroom()
    steps = [line for line in text.splitlines() if line[:4].strip().rstrip(".").isdigit()]

    numbers = [int(line[:4].strip().rstrip(".")) for line in steps]
    assert numbers == list(range(1, len(numbers) + 1))
    assert len(set(steps)) == len(steps)
