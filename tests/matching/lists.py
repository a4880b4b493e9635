"""A small watchlist for the screening tests (every person here is invented)."""

from __future__ import annotations

from datetime import date

from threshold.matching import Entry, WatchlistIndex

ROBERT = Entry("R1", "Smith", "Robert James", date(1979, 4, 2), reason="custody order")
JOSE = Entry("J1", "García López", "José María", date(1985, 3, 7), aliases=("Pepe García",))
KATHARINE = Entry("K1", "O'Brien", "Katharine", None, reason="trespass")
LUPE = Entry("G1", "De la Cruz", "Guadalupe", date(1990, 11, 20))
ANNA = Entry("A1", "Nowak-Wiśniewska", "Anna", date(1988, 6, 30))
WILLIAM = Entry("W1", "Hernández", "William", date(1969, 1, 15))
COMMON = [
    Entry(f"C{number}", family, given, date(1980, 1, 1 + number))
    for number, (given, family) in enumerate(
        [("John", "Smith"), ("Maria", "Garcia"), ("James", "Johnson"), ("Mary", "Williams")]
    )
]
ENTRIES = [ROBERT, JOSE, KATHARINE, LUPE, ANNA, WILLIAM, *COMMON]


def index() -> WatchlistIndex:
    return WatchlistIndex.build(ENTRIES)
