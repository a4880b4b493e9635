"""Names as comparable words: case, accents, punctuation, hyphens, apostrophes, particles."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from threshold.matching.normalize import (
    _keyed_ascii_words,
    fold,
    keyed_words,
    name_parts,
    strip_accents,
)


@pytest.mark.parametrize(
    ("written", "words", "joined"),
    [
        ("Smith", ("smith",), "smith"),
        ("SMITH", ("smith",), "smith"),
        ("  smith  ", ("smith",), "smith"),
        ("José", ("jose",), "jose"),
        ("Nguyễn", ("nguyen",), "nguyen"),
        ("Müller", ("muller",), "muller"),
        ("Łukasz", ("lukasz",), "lukasz"),
        ("Strauß", ("strauss",), "strauss"),
        ("García-López", ("garcia", "lopez"), "garcialopez"),
        ("García López", ("garcia", "lopez"), "garcialopez"),
        ("GARCIA LOPEZ", ("garcia", "lopez"), "garcialopez"),
        ("O'Brien", ("obrien",), "obrien"),
        ("O\u2019Brien", ("obrien",), "obrien"),  # a typographic apostrophe
        ("OBRIEN", ("obrien",), "obrien"),
        ("O Brien", ("brien",), "obrien"),
        ("De la Cruz", ("cruz",), "delacruz"),
        ("DELACRUZ", ("delacruz",), "delacruz"),
        ("St. John", ("john",), "stjohn"),
        ("Smith Jr.", ("smith",), "smith"),
        ("Robert J.", ("robert",), "robert"),
        ("Mary-Ann", ("mary", "ann"), "maryann"),
        ("Le", ("le",), "le"),
        ("", (), ""),
        ("--", (), ""),
    ],
)
def test_it_reduces_a_name_to_its_words(written: str, words: tuple[str, ...], joined: str) -> None:
    parts = name_parts(written)

    assert parts.words == words
    assert parts.joined == joined


def test_it_keeps_each_word_as_written_for_the_reasons() -> None:
    assert name_parts("García-López").shown == ("García", "López")
    assert name_parts("O'Brien").shown == ("O'Brien",)


def test_word_order_does_not_change_the_words() -> None:
    assert set(name_parts("López García").words) == set(name_parts("García López").words)


def test_it_keeps_letters_of_any_script() -> None:
    assert name_parts("李小龍").words == ("李小龍",)
    assert name_parts("Дмитрий").words == ("дмитрии",)  # the breve goes with the accents


def test_fold_and_strip_accents() -> None:
    assert fold("ÁNGEL Ñúñez") == "angel nunez"
    assert strip_accents("José Ángel") == "Jose Angel"


@settings(max_examples=500)
@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=40))
def test_the_ascii_shortcut_reads_words_as_the_general_rule_does(text: str) -> None:
    assert _keyed_ascii_words(text) == keyed_words(text)


def test_what_is_not_a_name_is_bounded() -> None:
    parts = name_parts(" ".join(f"Word{letter}" for letter in "abcdefghijklmnop"))
    assert len(parts.words) == 8
    assert len(name_parts("x" * 5000).joined) == 40
