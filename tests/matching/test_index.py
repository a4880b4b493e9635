"""The index: aliases read every way, entries kept, and a query never scans the list."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

import pytest

from threshold.matching import Entry, Query, WatchlistIndex
from threshold.matching.scoring import alias_names


def test_an_alias_with_a_comma_is_family_then_given() -> None:
    assert alias_names("Smith, Bob") == [("Bob", "Smith")]


def test_an_alias_without_one_is_read_at_every_split() -> None:
    assert alias_names("Juan García López") == [
        ("Juan", "García López"),
        ("Juan García", "López"),
    ]
    assert alias_names("Cher") == [("", "Cher"), ("Cher", "")]


def test_the_index_gives_back_its_entries() -> None:
    entries = [Entry("A", "Smith", "Ann", date(1990, 1, 1), ("Annie Smith",), "trespass")]
    index = WatchlistIndex.build(entries)

    assert len(index) == 1
    assert list(index) == entries
    assert index.entry(0) == entries[0]


def crowd(size: int) -> Iterable[Entry]:
    """Many people, a few sharing each birth date and each common name."""
    given = ["James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda"]
    family = ["Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis"]
    for number in range(size):
        born = date(1960, 1, 1) + timedelta(days=number % 3000)
        undated = number % 50 == 0
        yield Entry(
            f"P{number}",
            f"{family[number % 8]}{'' if number % 3 else number}",
            given[(number // 8) % 8],
            None if undated else born,
        )


@pytest.fixture(scope="module")
def big() -> WatchlistIndex:
    return WatchlistIndex.build(crowd(20_000))


def scored(index: WatchlistIndex, query: Query, monkeypatch: pytest.MonkeyPatch) -> int:
    """How many entries the query compared names with."""
    seen: list[int] = []
    ranked = index._ranked

    def counting(prepared, candidates):  # type: ignore[no-untyped-def]
        candidates = list(candidates)
        seen.extend(candidates)
        return ranked(prepared, candidates)

    monkeypatch.setattr(index, "_ranked", counting)
    index.screen(query)
    return len(seen)


def test_a_query_with_a_birth_date_compares_only_a_few_entries(
    big: WatchlistIndex, monkeypatch: pytest.MonkeyPatch
) -> None:
    compared = scored(big, Query("Smith", "James", date(1961, 3, 4)), monkeypatch)

    assert compared < 100  # of 20,000


def test_a_query_without_one_compares_only_entries_with_a_near_name(
    big: WatchlistIndex, monkeypatch: pytest.MonkeyPatch
) -> None:
    compared = scored(big, Query("Smith", "James", None), monkeypatch)

    assert compared < 1_000
    assert big.screen(Query("Smith", "James", None)) == big.screen_exhaustively(
        Query("Smith", "James", None)
    )
