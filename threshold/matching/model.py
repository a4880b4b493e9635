"""What screening reads and answers: list entries, visitors' queries and possible matches."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum


@dataclass(frozen=True, slots=True)
class Entry:
    """One person on a watchlist. `aliases` are other full names ("Bobby Smith", "Smith, Bob")."""

    id: str
    family_name: str
    given_name: str
    date_of_birth: date | None = None
    aliases: tuple[str, ...] = ()
    reason: str = ""


@dataclass(frozen=True, slots=True)
class Query:
    """A visitor as the desk knows them: the names on their ID or as given, and the birth date."""

    family_name: str
    given_name: str
    date_of_birth: date | None = None


class DateAgreement(StrEnum):
    """How the visitor's birth date compares with the list's."""

    SAME = "same date of birth"
    DAY_MONTH_SWAPPED = "birth date with day and month swapped"
    MISSING_ON_LIST = "no birth date on the list"
    MISSING_FROM_VISITOR = "no birth date from the visitor"
    MISSING_BOTH = "no birth date on either side"
    DIFFERENT = "different date of birth"

    @property
    def corroborates(self) -> bool:
        """True when the birth dates agree, so the name may be matched more loosely."""
        return self in (DateAgreement.SAME, DateAgreement.DAY_MONTH_SWAPPED)


@dataclass(frozen=True, slots=True)
class Match:
    """A possible match that a designated official should review: never a decision by itself.

    `score` runs from 0 to 1: with the birth dates agreeing it is above 0.6, on the name alone
    (no birth date on one side) at most 0.6. `reasons` are plain words for the official.
    """

    entry: Entry
    score: float
    reasons: tuple[str, ...]
    date_agreement: DateAgreement

    @property
    def id(self) -> str:
        return self.entry.id
