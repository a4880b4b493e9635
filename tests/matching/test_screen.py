"""Screening a visitor: every kind of true match is found, and a different birth date is not."""

from __future__ import annotations

import time
from datetime import date

import pytest

from tests.matching.lists import ENTRIES, JOSE, KATHARINE, ROBERT, index
from threshold.matching import DateAgreement, Match, Query, WatchlistIndex

SCREEN = index()


def screen(family: str, given: str, born: date | None) -> list[Match]:
    query = Query(family, given, born)
    matches = SCREEN.screen(query)
    assert matches == SCREEN.screen_exhaustively(query)  # the index misses nothing
    return matches


def only(matches: list[Match]) -> Match:
    assert len(matches) == 1, matches
    return matches[0]


def test_it_finds_the_same_person() -> None:
    match = only(screen("Smith", "Robert James", date(1979, 4, 2)))

    assert match.id == "R1"
    assert match.score == 1.0
    assert match.reasons == ("same given name", "same family name", "same date of birth")
    assert match.entry == ROBERT


@pytest.mark.parametrize(
    ("family", "given", "born", "expected", "reason"),
    [
        ("Smith", "Bob", date(1979, 4, 2), "R1", "nickname: Bob = Robert"),
        ("Smyth", "Robert", date(1979, 4, 2), "R1", "family name spelled differently (1 letter)"),
        ("Smith", "Robret", date(1979, 4, 2), "R1", "given name spelled differently (1 letter)"),
        ("Robert", "Smith", date(1979, 4, 2), "R1", "given and family names swapped"),
        ("SMITH", "ROBERT J", date(1979, 4, 2), "R1", "same family name"),
        ("Garcia", "Jose Maria", date(1985, 3, 7), "J1", "accents differ: Garcia = García"),
        ("Lopez", "José María", date(1985, 3, 7), "J1", "one part of the family name"),
        ("García", "José María", date(1985, 3, 7), "J1", "one part of the family name"),
        ("Garcia-Lopez", "Jose Maria", date(1985, 3, 7), "J1", "same date of birth"),
        ("GARCIA LOPEZ", "JOSE MARIA", date(1985, 3, 7), "J1", "same date of birth"),
        ("Garcia", "Pepe", date(1985, 3, 7), "J1", "alias on the list: Pepe García"),
        ("García López", "Chema", date(1985, 3, 7), "J1", "nickname: Chema = José María"),
        ("Nowak", "Anna", date(1988, 6, 30), "A1", "one part of the family name"),
        ("Wisniewska", "Ana", date(1988, 6, 30), "A1", "nickname: Ana = Anna"),
        ("Delacruz", "Lupe", date(1990, 11, 20), "G1", "nickname: Lupe = Guadalupe"),
        ("Hernandez", "Guillermo", date(1969, 1, 15), "W1", "nickname: Guillermo = William"),
        ("OBRIEN", "Catherine", None, "K1", "no birth date on either side"),
        ("O'Brien", "Kathy", date(2001, 1, 1), "K1", "no birth date on the list"),
        ("Smith", "Robert", None, "R1", "the visitor gave no birth date"),
        ("Smith", "Robert", date(1979, 2, 4), "R1", "birth date with day and month swapped"),
        ("Obrian", "Katharine", None, "K1", "family name spelled differently (1 letter)"),
    ],
)
def test_it_finds_every_kind_of_true_match(
    family: str, given: str, born: date | None, expected: str, reason: str
) -> None:
    match = only(screen(family, given, born))

    assert match.id == expected
    assert any(reason in text for text in match.reasons), match.reasons


def test_a_common_name_with_another_birth_date_is_not_a_candidate() -> None:
    for entry in ENTRIES:
        assert entry.date_of_birth is not None or entry is KATHARINE
        if entry.date_of_birth is None:
            continue
        other_day = date(2001, 12, 25)
        assert screen(entry.family_name, entry.given_name, other_day) == []


def test_a_birth_date_a_day_off_is_not_a_candidate() -> None:
    assert screen("Smith", "John", date(1980, 1, 2)) == []  # C0 was born on 1980-01-01


def test_the_same_birth_date_with_another_name_is_not_a_candidate() -> None:
    assert screen("Jones", "Robert", date(1979, 4, 2)) == []
    assert screen("Smith", "Peter", date(1979, 4, 2)) == []


def test_another_family_sharing_one_surname_is_not_a_candidate() -> None:
    # García Pérez is not García López: each side has a surname the other lacks.
    listed = ROBERT.__class__("L1", "García López", "Ana", date(1985, 3, 7))
    found = WatchlistIndex.build([listed]).screen(Query("García Pérez", "Ana", date(1985, 3, 7)))

    assert found == []


def test_a_middle_name_alone_is_not_enough() -> None:
    assert screen("Smith", "Peter James", date(1979, 4, 2)) == []


def test_on_the_name_alone_only_one_difference_is_allowed() -> None:
    assert [m.id for m in screen("Smith", "Bob", None)] == ["R1"]
    assert screen("Smyth", "Bob", None) == []  # a nickname and a typo, and no birth date


def test_a_name_alone_scores_below_any_agreeing_birth_date() -> None:
    name_only = only(screen("Smith", "Robert James", None))
    with_date = only(screen("Smyth", "Bob", date(1979, 4, 2)))

    assert name_only.score <= 0.6 < with_date.score
    assert name_only.date_agreement is DateAgreement.MISSING_FROM_VISITOR


def test_matches_are_ranked_best_first() -> None:
    entries = [
        ROBERT,
        ROBERT.__class__("R2", "Smith", "Bob", None),
        ROBERT.__class__("R3", "Smyth", "Robert", date(1979, 4, 2)),
    ]
    matches = WatchlistIndex.build(entries).screen(Query("Smith", "Robert", date(1979, 4, 2)))

    assert [m.id for m in matches] == ["R1", "R3", "R2"]
    assert matches[0].score > matches[1].score > matches[2].score


def test_a_query_without_a_name_matches_nothing() -> None:
    assert screen("", "", date(1979, 4, 2)) == []
    assert screen("--", "'", None) == []


def test_a_family_name_alone_needs_an_agreeing_birth_date() -> None:
    match = only(screen("Smith", "", date(1979, 4, 2)))

    assert match.id == "R1"
    assert "the visitor gave no given name" in match.reasons
    assert screen("Smith", "", None) == []


def test_the_index_keeps_the_entries() -> None:
    assert len(SCREEN) == len(ENTRIES)
    assert list(SCREEN) == ENTRIES
    assert JOSE in list(SCREEN)


def test_spanish_surnames_in_either_order_are_the_same_family_name() -> None:
    match = only(screen("López García", "José María", date(1985, 3, 7)))

    assert match.id == "J1"
    assert "same family name" in match.reasons


def test_a_possible_match_carries_the_entry_for_the_official() -> None:
    match = only(screen("Smith", "Bob", date(1979, 4, 2)))

    assert match.entry.reason == "custody order"
    assert match.date_agreement is DateAgreement.SAME


def test_absurd_input_is_screened_quickly() -> None:
    start = time.perf_counter()
    screen("x" * 5000, " ".join(["Robert", "Bob"] * 200), None)
    screen(" ".join(f"Smith{n}" for n in range(300)), "Robert", date(1979, 4, 2))

    assert time.perf_counter() - start < 2.0  # and not minutes
