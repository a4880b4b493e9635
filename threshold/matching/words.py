"""How two words of a name compare: the same, a nickname, a typo, or the same sound.

These rules are the whole definition of "the same word" for screening; the index only finds
the words worth comparing, so what it finds is exactly what comparing against every word finds.
"""

from __future__ import annotations

from enum import IntEnum

import jellyfish
from rapidfuzz.distance import OSA

from threshold.matching.nicknames import NicknameTable

# A typo is one letter added, dropped, changed, or two neighbours swapped; shorter words than
# this are too easily a different name.
TYPO_MIN_LENGTH = 3
# Words this long may differ by two letters when they sound the same (Katharine / Catherine).
SOUND_MIN_LENGTH = 6
SOUND_MAX_EDITS = 2


class Kind(IntEnum):
    """How strongly two words agree; a higher value is a stronger agreement."""

    NONE = 0
    SOUNDS_ALIKE = 1
    TYPO = 2
    NICKNAME = 3
    EXACT = 4


# The weight of each kind in a name's score, indexed by the kind's value.
WEIGHT: tuple[float, ...] = (
    0.0,  # NONE
    0.8,  # SOUNDS_ALIKE
    0.85,  # TYPO
    0.9,  # NICKNAME
    1.0,  # EXACT
)


def sound_key(word: str) -> str:
    """The phonetic key (metaphone) of a long enough word, or "" when it has none."""
    if len(word) < SOUND_MIN_LENGTH or not word.isascii():
        return ""
    return jellyfish.metaphone(word)


def deletions(word: str) -> set[str]:
    """The word and every form of it with one letter dropped: two words within one typo share
    one of these, which is how the index finds typos without comparing every word."""
    found = {word[:position] + word[position + 1 :] for position in range(len(word))}
    found.add(word)
    return found


def compare_words(
    query: str, listed: str, *, given: bool, nicknames: NicknameTable
) -> tuple[Kind, int]:
    """The agreement of a visitor's word with a listed word, and the letters that differ.

    Nicknames count for given names only.
    """
    if query == listed:
        return Kind.EXACT, 0
    if given and nicknames.related(query, listed):
        return Kind.NICKNAME, 0
    shorter = min(len(query), len(listed))
    if shorter >= TYPO_MIN_LENGTH and OSA.distance(query, listed, score_cutoff=1) <= 1:
        return Kind.TYPO, 1
    if shorter >= SOUND_MIN_LENGTH:
        edits = OSA.distance(query, listed, score_cutoff=SOUND_MAX_EDITS)
        if edits <= SOUND_MAX_EDITS and sound_key(query) == sound_key(listed) != "":
            return Kind.SOUNDS_ALIKE, edits
    return Kind.NONE, 0
