"""Properties over many generated names: an entry always finds itself and its perturbations,
the index returns exactly what comparing with every entry returns, and nothing raises."""

from __future__ import annotations

import unicodedata
from datetime import date

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from threshold.matching import Entry, Query, WatchlistIndex
from threshold.matching.nicknames import nickname_table
from threshold.matching.normalize import PARTICLES, SUFFIXES, name_parts

LETTERS = "abcdefghijklmnopqrstuvwxyzáéíóúñü"
WORD = st.text(alphabet=LETTERS, min_size=2, max_size=10).map(str.capitalize)
NAME = st.lists(WORD, min_size=1, max_size=3).map(" ".join)
DATES = st.one_of(st.none(), st.dates(min_value=date(1940, 1, 1), max_value=date(2010, 12, 31)))
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def finds(entry: Entry, query: Query) -> bool:
    index = WatchlistIndex.build([entry])
    return [m.id for m in index.screen(query)] == [entry.id]


@SETTINGS
@given(family=NAME, given_name=NAME, born=DATES)
def test_an_entry_always_matches_itself(family: str, given_name: str, born: date | None) -> None:
    entry = Entry("E1", family, given_name, born)

    assert finds(entry, Query(family, given_name, born))


@SETTINGS
@given(family=NAME, given_name=NAME, born=DATES, data=st.data())
def test_an_entry_matches_its_perturbations(
    family: str, given_name: str, born: date | None, data: st.DataObject
) -> None:
    entry = Entry("E1", family, given_name, born)
    kind = data.draw(
        st.sampled_from(["case", "accents", "swapped", "typo", "part", "no date", "hyphen"])
    )
    if kind == "case":
        query = Query(family.upper(), given_name.lower(), born)
    elif kind == "accents":
        query = Query(strip_accents(family), strip_accents(given_name), born)
    elif kind == "swapped":
        query = Query(given_name, family, born)
    elif kind == "typo":
        words = family.split()
        position = data.draw(st.integers(0, len(words) - 1))
        word = words[position]
        assume(len(name_parts(word).joined) >= 4)
        at = data.draw(st.integers(0, len(word) - 1))
        edit = data.draw(st.sampled_from(["drop", "change", "add", "swap"]))
        letter = data.draw(st.sampled_from("bdgkmrtz"))
        if edit == "drop":
            word = word[:at] + word[at + 1 :]
        elif edit == "change":
            word = word[:at] + letter + word[at + 1 :]
        elif edit == "add":
            word = word[:at] + letter + word[at:]
        else:
            at = min(at, len(word) - 2)
            word = word[:at] + word[at + 1] + word[at] + word[at + 2 :]
        words[position] = word
        query = Query(" ".join(words), given_name, born)
    elif kind == "part":
        words = family.split()
        assume(len(words) >= 2)
        part = data.draw(st.sampled_from(words))
        # "De" or "II" alone is no family name
        assume(name_parts(part).joined not in PARTICLES | SUFFIXES)
        query = Query(part, given_name, born)
    elif kind == "hyphen":
        query = Query(family.replace(" ", "-"), given_name, born)
    else:
        query = Query(family, given_name, None)

    assert finds(entry, query), (entry, query)


POOL_GIVEN = ["Robert", "Bob", "Roberto", "Robret", "María", "Maria", "Mary", "José", "Pepe", "Ana"]
POOL_FAMILY = ["Smith", "Smyth", "García", "García López", "López", "Lopez-Garcia", "De la Cruz"]
POOL_DATES = [None, date(1980, 1, 2), date(1980, 2, 1), date(1975, 5, 5), date(1980, 1, 3)]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    people=st.lists(
        st.tuples(
            st.sampled_from(POOL_FAMILY), st.sampled_from(POOL_GIVEN), st.sampled_from(POOL_DATES)
        ),
        min_size=1,
        max_size=25,
    ),
    queries=st.lists(
        st.tuples(
            st.sampled_from(POOL_FAMILY), st.sampled_from(POOL_GIVEN), st.sampled_from(POOL_DATES)
        ),
        min_size=1,
        max_size=8,
    ),
)
def test_the_index_finds_exactly_what_comparing_every_entry_finds(
    people: list[tuple[str, str, date | None]], queries: list[tuple[str, str, date | None]]
) -> None:
    entries = [
        Entry(f"E{n}", family, given, born) for n, (family, given, born) in enumerate(people)
    ]
    index = WatchlistIndex.build(entries)
    for family, given_name, born in queries:
        query = Query(family, given_name, born)
        assert index.screen(query) == index.screen_exhaustively(query)


ANY_TEXT = st.text(max_size=30)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    entries=st.lists(st.tuples(ANY_TEXT, ANY_TEXT, st.lists(ANY_TEXT, max_size=2)), max_size=6),
    family=ANY_TEXT,
    given_name=ANY_TEXT,
    born=DATES,
)
def test_screening_never_raises_on_any_unicode(
    entries: list[tuple[str, str, list[str]]], family: str, given_name: str, born: date | None
) -> None:
    index = WatchlistIndex.build(
        Entry(f"E{n}", f, g, date(1980, 1, 2), aliases=tuple(a))
        for n, (f, g, a) in enumerate(entries)
    )
    for match in index.screen(Query(family, given_name, born)):
        assert 0.0 <= match.score <= 1.0
        assert match.reasons


NICKNAME_PAIRS = [
    (group[0], other)
    for group in nickname_table().groups
    for other in group[1:]
    if " " not in other
]


@SETTINGS
@given(pair=st.sampled_from(NICKNAME_PAIRS), family=NAME, born=DATES, reverse=st.booleans())
def test_an_entry_matches_under_any_nickname_in_the_table(
    pair: tuple[str, str], family: str, born: date | None, reverse: bool
) -> None:
    listed, visiting = (pair[1], pair[0]) if reverse else pair
    entry = Entry("E1", family, listed.capitalize(), born)

    assert finds(entry, Query(family, visiting.capitalize(), born))
