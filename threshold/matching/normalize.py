"""Names as comparable words: case, accents, punctuation, hyphens, apostrophes and order.

`name_parts("García-López")` gives the words `garcia` and `lopez` and the whole name written as
one word, `garcialopez`, so that "De la Cruz", "DELACRUZ" and "de La Cruz" meet, as do
"O'Brien", "OBRIEN" and "O Brien". Order is not kept: the matcher compares words as sets.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# Apostrophes join the letters around them (O'Brien -> obrien, D'Angelo -> dangelo).
APOSTROPHES = frozenset("'\u2018\u2019\u02bc\u02b9\u0060\u00b4\u2032")

# Letters that Unicode decomposition does not reduce to a base letter plus an accent.
SPECIAL_LETTERS = {
    "ß": "ss",
    "ẞ": "ss",
    "æ": "ae",
    "œ": "oe",
    "ø": "o",
    "ł": "l",
    "đ": "d",
    "ð": "d",
    "þ": "th",
    "\u0131": "i",  # dotless i
    "ħ": "h",
    "ŋ": "n",
}

# Short words that join the parts of a family name. They take part in the one-word form
# (De la Cruz -> delacruz) but are not words to match on by themselves.
PARTICLES = frozenset(
    {"de", "del", "della", "der", "den", "di", "da", "das", "do", "dos", "du", "la", "las"}
    | {"le", "les", "lo", "los", "van", "von", "y", "e", "st", "ste", "san"}
)

# Longer fields are not names; what lies beyond these bounds is not compared.
MAX_WORDS = 8
MAX_LETTERS = 40

# Generational suffixes carry no identity for matching.
SUFFIXES = frozenset({"jr", "jnr", "sr", "snr", "ii", "iii", "iv"})


@dataclass(frozen=True, slots=True)
class NameParts:
    """One name field as matchable words.

    `words`: the distinctive words (no particles, suffixes or initials), in the order written.
    `joined`: every word but suffixes, written as one (the spelling-independent whole).
    `shown`: for each entry of `words`, the word as it was written, for reasons a person reads.
    """

    words: tuple[str, ...]
    joined: str
    shown: tuple[str, ...]

    @property
    def is_empty(self) -> bool:
        return not self.joined


EMPTY = NameParts((), "", ())


def fold(text: str) -> str:
    """Lower case, accents removed, special letters spelled out; everything else kept."""
    out: list[str] = []
    for char in unicodedata.normalize("NFKD", text.casefold()):
        if unicodedata.combining(char):
            continue
        out.append(SPECIAL_LETTERS.get(char, char))
    return "".join(out)


def _raw_words(text: str) -> list[str]:
    """The written words: split on anything that is not a letter or digit, apostrophes joining."""
    words: list[str] = []
    current: list[str] = []
    for char in text:
        if char in APOSTROPHES:
            if current:
                current.append(char)  # kept for display; the key drops it
            continue
        category = unicodedata.category(char)
        if category[0] in "LN" or (category[0] == "M" and current):
            current.append(char)
        elif current:
            words.append("".join(current))
            current = []
    if current:
        words.append("".join(current))
    return words


def keyed_words(text: str) -> list[tuple[str, str]]:
    """(key, as written) for each written word; the key is folded, letters and digits only."""
    kept: list[tuple[str, str]] = []
    for raw in _raw_words(text):
        key = "".join(char for char in fold(raw) if char.isalnum())
        if key:
            kept.append((key, raw))
    return kept


_ASCII_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'`]*")


def _keyed_ascii_words(text: str) -> list[tuple[str, str]]:
    """`keyed_words` for ASCII text, the common case, a few times faster."""
    return [
        (raw.lower().replace("'", "").replace("`", ""), raw) for raw in _ASCII_WORD.findall(text)
    ]


def parts_uncached(text: str) -> NameParts:
    """The matchable words of one name field (a family name or given names)."""
    kept = _keyed_ascii_words(text) if text.isascii() else keyed_words(text)
    if not kept:
        return EMPTY
    if len(kept) > MAX_WORDS or any(len(key) > MAX_LETTERS for key, _ in kept):
        # Not a name: bounded, so that no input makes a query slow.
        kept = [(key[:MAX_LETTERS], raw) for key, raw in kept[:MAX_WORDS]]
    if len(kept) == 1:
        key, raw = kept[0]
        return NameParts((key,), key, (raw,))  # one word is kept whatever it is
    if any(key not in SUFFIXES for key, _ in kept):
        kept = [(key, raw) for key, raw in kept if key not in SUFFIXES]
    # Initials at the end (Robert J) are dropped from the one-word form; a single letter before
    # a word is a prefix (O Brien -> obrien, D Angelo -> dangelo).
    while len(kept) > 1 and len(kept[-1][0]) == 1:
        kept.pop()
    joined = "".join(key for key, _ in kept)[:MAX_LETTERS]
    chosen = [(key, raw) for key, raw in kept if key not in PARTICLES and len(key) > 1]
    if not chosen:
        # A name made only of particles or initials ("Le", "J") still has to match itself.
        chosen = [max(kept, key=lambda pair: len(pair[0]))]
    seen: set[str] = set()
    words: list[str] = []
    shown: list[str] = []
    for key, raw in chosen:
        if key not in seen:
            seen.add(key)
            words.append(key)
            shown.append(raw)
    return NameParts(tuple(words), joined, tuple(shown))


# Visitors' names repeat (a school's families return); the list's are read once, uncached.
name_parts = lru_cache(maxsize=20_000)(parts_uncached)


def strip_accents(text: str) -> str:
    """The text without accents, case kept: to tell an official that only accents differ."""
    kept = (c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", "".join(kept))
