"""Text normalisation for typed and text-recognised documents, fuzzy phrase search, dates.

Text recognition confuses letters and digits (D1STRICT, SCH00L, O3/O7/2O25), breaks lines in odd
places, drops punctuation and renders check boxes as stray characters. Matching is therefore done
on a folded copy: upper case, check boxes made explicit, digits inside words read as letters, and
phrases compared word by word with a small edit distance.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

CHECKED = "[X]"
UNCHECKED = "[ ]"

_CHECKED_GLYPHS = "☒☑■▣✓✔✗✘⊠"
_UNCHECKED_GLYPHS = "☐□▢"
_TRANSLATE = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u2010": "-",
        "\u2212": "-",
        "§": " § ",
        "\u00a0": " ",
        "\t": "    ",
        "\f": "\n",
    }
)
_WORD = re.compile(r"[A-Z0-9]+(?:['][A-Z]+)?")
_DIGIT_AS_LETTER = str.maketrans({"0": "O", "1": "I", "5": "S", "8": "B", "|": "I"})


def normalise(text: str) -> str:
    """Unicode-normalise, make check boxes explicit, keep line structure and case."""
    text = unicodedata.normalize("NFKC", text).translate(_TRANSLATE)
    for glyph in _CHECKED_GLYPHS:
        text = text.replace(glyph, CHECKED)
    for glyph in _UNCHECKED_GLYPHS:
        text = text.replace(glyph, UNCHECKED)
    text = re.sub(r"\[\s*[xX\u00d7]\s*\]", CHECKED, text)
    text = re.sub(r"\(\s*[xX]\s*\)", CHECKED, text)
    text = re.sub(r"\[\s*\]", UNCHECKED, text)
    text = "".join(ch for ch in text if ch == "\n" or ch.isprintable())
    return "\n".join(line.rstrip() for line in text.splitlines())


def fold_word(word: str) -> str:
    """Read digits inside a mostly alphabetic word as the letters OCR took them for."""
    letters = sum(c.isalpha() for c in word)
    if letters and letters < len(word) and len(word) >= 4 and letters / len(word) >= 0.6:
        return word.translate(_DIGIT_AS_LETTER)
    return word


def words_of(text: str) -> list[str]:
    """The folded words of a text: upper case, digits-in-words read as letters."""
    upper = text.upper().replace("|", "I")
    return [fold_word(w) for w in _WORD.findall(upper)]


@lru_cache(maxsize=65536)
def same_word(a: str, b: str) -> bool:
    """Whether two folded words are the same word, allowing OCR slips in longer words."""
    if a == b:
        return True
    if len(b) <= 3 or len(a) <= 3:
        return False
    limit = 1 if len(b) <= 7 else 2
    if abs(len(a) - len(b)) > limit:
        return False
    return Levenshtein.distance(a, b, score_cutoff=limit) <= limit


@dataclass(frozen=True)
class Folded:
    """A text's folded words with, for each, the line it came from."""

    words: tuple[str, ...]
    lines: tuple[int, ...]

    @classmethod
    def of(cls, text: str) -> Folded:
        words: list[str] = []
        lines: list[int] = []
        for number, line in enumerate(text.split("\n")):
            for word in words_of(line):
                words.append(word)
                lines.append(number)
        return cls(tuple(words), tuple(lines))

    def find(self, phrase: str) -> list[int]:
        """Word positions where `phrase` starts (fuzzy, word by word)."""
        target = words_of(phrase)
        if not target:
            return []
        hits = []
        n = len(target)
        for i in range(len(self.words) - n + 1):
            if all(same_word(self.words[i + k], target[k]) for k in range(n)):
                hits.append(i)
        return hits

    def has(self, phrase: str) -> bool:
        return bool(self.find(phrase))

    def line_of(self, position: int) -> int:
        return self.lines[position]


# ---------------------------------------------------------------------------------------------
# Dates

MONTHS = {
    "JAN": 1,
    "FEB": 2,
    "MAR": 3,
    "APR": 4,
    "MAY": 5,
    "JUN": 6,
    "JUL": 7,
    "AUG": 8,
    "SEP": 9,
    "OCT": 10,
    "NOV": 11,
    "DEC": 12,
}
_MONTH_NAMES = (
    r"(?P<month>JAN(?:UARY)?|FEB(?:RUARY)?|MAR(?:CH)?|APR(?:IL)?|MAY|JUNE?|JULY?|AUG(?:UST)?|"
    r"SEP(?:T(?:EMBER)?)?|OCT(?:OBER)?|NOV(?:EMBER)?|DEC(?:EMBER)?)\.?"
)
_DIGITISH = r"[0-9OolIS|B]"
_DATE_PATTERNS = [
    # 03/07/2025, 3/7/25, 03-07-2025 (US order)
    re.compile(
        rf"(?<![0-9])(?P<m>{_DIGITISH}{{1,2}})\s?[/-]\s?(?P<d>{_DIGITISH}{{1,2}})\s?[/-]\s?"
        rf"(?P<y>{_DIGITISH}{{4}}|{_DIGITISH}{{2}})(?![0-9])"
    ),
    # 2025-03-07, 2025.05.06
    re.compile(
        rf"(?<![0-9])(?P<y>{_DIGITISH}{{4}})[-.](?P<m>{_DIGITISH}{{2}})[-.](?P<d>{_DIGITISH}{{2}})"
        r"(?![0-9])"
    ),
    # March 7, 2025 / MARCH 7 2025
    re.compile(
        rf"\b{_MONTH_NAMES}\s+(?P<d>{_DIGITISH}{{1,2}})(?:ST|ND|RD|TH)?,?\s+(?P<y>{_DIGITISH}{{4}})\b",
        re.IGNORECASE,
    ),
    # 7 March 2025 / 12th day of March, 2025
    re.compile(
        rf"\b(?P<d>{_DIGITISH}{{1,2}})(?:ST|ND|RD|TH)?\s+(?:DAY\s+OF\s+)?{_MONTH_NAMES},?\s+"
        rf"(?P<y>{_DIGITISH}{{4}})\b",
        re.IGNORECASE,
    ),
]
_DIGIT_FIX = str.maketrans({"O": "0", "o": "0", "l": "1", "I": "1", "|": "1", "S": "5", "B": "8"})


@dataclass(frozen=True)
class FoundDate:
    value: date
    start: int
    end: int


def find_dates(text: str) -> list[FoundDate]:
    """Every date in the text, in order of position (overlaps resolved by the first pattern)."""
    found: list[FoundDate] = []
    taken: list[tuple[int, int]] = []
    for pattern in _DATE_PATTERNS:
        for match in pattern.finditer(text):
            span = match.span()
            if any(span[0] < end and start < span[1] for start, end in taken):
                continue
            value = _to_date(match)
            if value is not None:
                found.append(FoundDate(value, span[0], span[1]))
                taken.append(span)
    return sorted(found, key=lambda f: f.start)


def _to_date(match: re.Match[str]) -> date | None:
    groups = match.groupdict()
    try:
        if groups.get("month"):
            month = MONTHS[groups["month"][:3].upper()]
        else:
            month = int(groups["m"].translate(_DIGIT_FIX))
        day = int(groups["d"].translate(_DIGIT_FIX))
        year_text = groups["y"].translate(_DIGIT_FIX)
        year = int(year_text)
        if len(year_text) == 2:
            year += 2000
        if not 1990 <= year <= 2100:
            return None
        return date(year, month, day)
    except (ValueError, KeyError):
        return None


def first_date_after(text: str, position: int, window: int = 80) -> FoundDate | None:
    """The first date that starts within `window` characters after `position`."""
    for found in find_dates(text[position : position + window + 40]):
        if found.start <= window:
            return FoundDate(found.value, found.start + position, found.end + position)
    return None


def phrase_regex(phrase: str) -> re.Pattern[str]:
    """A case-insensitive regex for a phrase, tolerant of spacing, line breaks and punctuation."""
    parts = [re.escape(part) for part in phrase.split()]
    return re.compile(r"\b" + r"[\s\W_]{0,4}".join(parts) + r"\b", re.IGNORECASE)
