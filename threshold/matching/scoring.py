"""The rules that score a candidate: how each side of a name agrees, and the birth dates."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from threshold.matching.model import DateAgreement
from threshold.matching.normalize import NameParts
from threshold.matching.words import WEIGHT, Kind

# A visitor's word matched to a listed word: (kind, letters that differ, position of the
# visitor's word in its field, or WHOLE when the whole field written as one word matched).
Hit = tuple[int, int, int]
HitMap = dict[int, Hit]
WHOLE = -1
# One name of an entry, as word ids: given words, given as one word, family words, family as one
# word, and the alias it comes from (PRIMARY for the entry's own name). NO_NAME: a blank field.
Form = tuple[tuple[int, ...], int, tuple[int, ...], int, int]
PRIMARY = -1
NO_NAME = -1

# How a side (given or family) agrees as a whole.
FULL, PART, CONFLICT, MISSING = 0, 1, 2, 3

# Factors on the name score (1.0 = every word the same).
GIVEN_PART = 0.95  # a given name or middle name left out on one side
GIVEN_CONFLICT = 0.85  # one given name agrees, another differs
FAMILY_PART = 0.9  # one part of a compound family name
SWAPPED = 0.95  # given and family names swapped
MISSING_SIDE = 0.6  # no given (or family) name on one side: only with agreeing birth dates
# A name's differences are its words that agree only loosely (a nickname, a typo, the same
# sound), a family name that agrees only in part, a given name that differs beside one that
# agrees, and swapped given and family names; a middle name left out on one side is not one.
# How many a candidate may have depends on the birth dates:
MAX_DIFFERENCES = {
    DateAgreement.SAME: 2,
    # A swapped date is a difference already: at most one more, a left-out middle name counting.
    DateAgreement.DAY_MONTH_SWAPPED: 1,
    # On the name alone: one, and no given name that differs or is missing.
    DateAgreement.MISSING_ON_LIST: 1,
    DateAgreement.MISSING_FROM_VISITOR: 1,
    DateAgreement.MISSING_BOTH: 1,
}

_MAX_ALIAS_WORDS = 6

# Scores by birth-date agreement: agreeing dates always rank above a name-only match.
SCORE_BANDS = {
    DateAgreement.SAME: (0.6, 0.4),
    DateAgreement.DAY_MONTH_SWAPPED: (0.55, 0.35),
    DateAgreement.MISSING_ON_LIST: (0.25, 0.35),
    DateAgreement.MISSING_FROM_VISITOR: (0.25, 0.35),
    DateAgreement.MISSING_BOTH: (0.25, 0.35),
}


@dataclass(frozen=True, slots=True)
class SideAgreement:
    """How one side of a name (given or family) agrees: its weight and the words that met."""

    weight: float
    coverage: int
    pairs: tuple[tuple[int, Hit], ...]  # (listed word id, hit)
    differences: int  # words that agree only loosely, and a family name agreeing only in part
    first_agree: bool = True  # the first words of each side are among those that agree


@dataclass(frozen=True, slots=True)
class NameAgreement:
    value: float
    form: Form
    swapped: bool
    given: SideAgreement
    family: SideAgreement


def swapped_day_month(value: date) -> date | None:
    """The date read with day and month swapped, when that is another valid date."""
    if value.day > 12 or value.day == value.month:
        return None
    try:
        return value.replace(month=value.day, day=value.month)
    except ValueError:
        return None


def date_agreement(visitor: int, visitor_swapped: int, listed: int) -> DateAgreement:
    """Birth dates as ordinals (0: none given) compared."""
    if listed == 0:
        return DateAgreement.MISSING_BOTH if visitor == 0 else DateAgreement.MISSING_ON_LIST
    if visitor == 0:
        return DateAgreement.MISSING_FROM_VISITOR
    if listed == visitor:
        return DateAgreement.SAME
    if listed == visitor_swapped:
        return DateAgreement.DAY_MONTH_SWAPPED
    return DateAgreement.DIFFERENT


def side_agreement(
    hits: HitMap, ids: tuple[int, ...], joined: int, query: NameParts, *, family: bool
) -> SideAgreement | None:
    """How the listed words of one side (`ids`, `joined`) agree with the visitor's hits."""
    if joined == NO_NAME or query.is_empty:
        if joined == NO_NAME and query.is_empty:
            return None
        return SideAgreement(MISSING_SIDE, MISSING, (), 1)
    whole = hits.get(joined)
    if len(ids) == 1 and ids[0] == joined:
        # One listed word, the common case: the general rule below, in short.
        if whole is None:
            return None
        loose = int(whole[0] != Kind.EXACT)
        if whole[2] == WHOLE or len(query.words) <= 1:
            return SideAgreement(WEIGHT[whole[0]], FULL, ((joined, whole),), loose, True)
        factor = FAMILY_PART if family else GIVEN_PART
        return SideAgreement(
            WEIGHT[whole[0]] * factor, PART, ((joined, whole),), loose + family, whole[2] == 0
        )
    if whole is not None and whole[2] == WHOLE:
        loose = int(whole[0] != Kind.EXACT)
        return SideAgreement(WEIGHT[whole[0]], FULL, ((joined, whole),), loose, True)
    pairs: list[tuple[int, Hit]] = []
    positions: set[int] = set()
    for number in ids:
        hit = hits.get(number)
        if hit is not None:
            pairs.append((number, hit))
            positions.add(hit[2])
    listed_covered = len(pairs) == len(ids)
    if whole is not None:
        pairs.append((joined, whole))
        positions.add(whole[2])
        listed_covered = True
    if not pairs:
        return None
    query_covered = WHOLE in positions or len(positions) >= len(query.words)
    first = ids[0] if ids else NO_NAME
    first_agree = any(hit[2] in (0, WHOLE) and number in (first, joined) for number, hit in pairs)
    weight = min(WEIGHT[hit[0]] for _, hit in pairs)
    differences = len({number for number, hit in pairs if hit[0] != Kind.EXACT})
    if listed_covered and query_covered:
        coverage = FULL
    elif listed_covered or query_covered:
        coverage = PART
        weight *= FAMILY_PART if family else GIVEN_PART
        differences += family
    elif family:
        return None  # each side has a family name the other lacks: another family
    else:
        # Another given name differs: a candidate only when the first given names agree
        # (Mary Pamela / Mary Andrea), never on a middle name alone (Antonio Ramón / William Ramón).
        if not first_agree:
            return None
        coverage = CONFLICT
        weight *= GIVEN_CONFLICT
        differences += 1
    return SideAgreement(weight, coverage, tuple(pairs), differences, first_agree)


def alias_names(alias: str) -> list[tuple[str, str]]:
    """The (given, family) readings of an alias: "Smith, Bob" has one; "Bob Lee Smith" may be
    read with the family name starting at any word, so each reading is kept."""
    if "," in alias:
        family, given = alias.split(",", 1)
        return [(given.strip(), family.strip())]
    words = alias.split()[:_MAX_ALIAS_WORDS]
    if len(words) == 1:
        return [("", words[0]), (words[0], "")]
    return [(" ".join(words[:cut]), " ".join(words[cut:])) for cut in range(1, len(words))]


def acceptable(
    agreement: DateAgreement, given: SideAgreement, family: SideAgreement, *, swapped: bool
) -> bool:
    """Whether a name agreement is close enough to review, given how the birth dates agree."""
    differences = given.differences + family.differences + swapped
    if agreement is DateAgreement.SAME:
        return differences <= MAX_DIFFERENCES[agreement]
    # Otherwise the first given names must agree: Adam King is not Moro Adam King on a swapped
    # date or on the name alone, though he may be with the same birth date.
    if not given.first_agree:
        return False
    if agreement is DateAgreement.DAY_MONTH_SWAPPED:
        differences += given.coverage == PART
        return differences <= MAX_DIFFERENCES[agreement]
    if MISSING in (given.coverage, family.coverage) or given.coverage == CONFLICT:
        return False
    return differences <= MAX_DIFFERENCES.get(agreement, 0)
