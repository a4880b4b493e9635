"""How two words compare: the same, a nickname, a typo, or the same sound."""

from __future__ import annotations

import pytest

from threshold.matching.nicknames import nickname_table
from threshold.matching.words import Kind, compare_words, deletions, sound_key


def compare(query: str, listed: str, *, given: bool = True) -> tuple[Kind, int]:
    return compare_words(query, listed, given=given, nicknames=nickname_table())


def test_the_same_word_is_exact() -> None:
    assert compare("smith", "smith") == (Kind.EXACT, 0)


def test_nicknames_count_for_given_names_only() -> None:
    assert compare("bob", "robert") == (Kind.NICKNAME, 0)
    assert compare("bob", "robert", given=False) == (Kind.NONE, 0)


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("smyth", "smith"),  # a letter changed
        ("jonson", "johnson"),  # a letter dropped
        ("johnnson", "johnson"),  # a letter added
        ("jhonson", "johnson"),  # two neighbours swapped
        ("ana", "ada"),  # three letters is long enough
    ],
)
def test_one_letter_is_a_typo(query: str, listed: str) -> None:
    assert compare(query, listed, given=False) == (Kind.TYPO, 1)


def test_two_letter_words_have_no_typos() -> None:
    assert compare("li", "lu", given=False) == (Kind.NONE, 0)


def test_two_letters_only_when_long_words_sound_the_same() -> None:
    assert compare("katharine", "catherine", given=False) == (Kind.SOUNDS_ALIKE, 2)
    assert compare("laura", "larry", given=False) == (Kind.NONE, 0)  # too short
    assert compare("martinez", "martinson", given=False) == (Kind.NONE, 0)


def test_sound_keys_are_for_latin_words_long_enough() -> None:
    assert sound_key("katharine") == sound_key("catherine") != ""
    assert sound_key("li") == ""
    assert sound_key("дмитрий") == ""


def test_words_one_typo_apart_share_a_deletion() -> None:
    for first, second in [("smith", "smyth"), ("jonson", "johnson"), ("jhonson", "johnson")]:
        assert deletions(first) & deletions(second)
