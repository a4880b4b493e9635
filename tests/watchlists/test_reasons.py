"""The matcher's reasons reach the official in their language: every shape the library writes has
a Spanish translation, and a shape it may write one day passes through unchanged."""

from datetime import date

import pytest
from django.utils import translation

from threshold.matching import Entry, Query, WatchlistIndex
from threshold.watchlists.reasons import translated

BORN = date(1979, 4, 2)
LIST = [
    Entry("1", "Smith", "Bob", BORN, ("Bobby Smythe",)),
    Entry("2", "García López", "María José", BORN),
    Entry("3", "Johnson", "Katherine", None),
    Entry("4", "Nguyen", "Anh", BORN),
    Entry("5", "Schmidt", "Jon", BORN),
    Entry("6", "Müller", "José", BORN),
    Entry("7", "Brown", "Mary Pamela", BORN),
    Entry("8", "", "Cher", BORN),
]
QUERIES = [
    Query("Smith", "Robert", BORN),
    Query("Smythe", "Bobby", BORN),
    Query("Garcia", "Maria", BORN),
    Query("López", "María José", BORN),
    Query("Jonson", "Catherine", None),
    Query("Anh", "Nguyen", BORN),
    Query("Nguyen", "Anh", date(1979, 2, 4)),
    Query("Schmitt", "John", BORN),
    Query("Muller", "Jose", BORN),
    Query("Brown", "Mary Andrea", BORN),
    Query("Cher", "Cher", BORN),
    Query("Brown", "Mary", BORN),
    Query("Smith", "", BORN),
]
# Shapes the sample list does not happen to produce, written as the library writes them.
WRITTEN = [
    "given name spelled differently (1 letter): Jon / Jonn",
    "family name sounds the same, spelled differently (2 letters): Philips / Fillips",
    "given name sounds the same, spelled differently (2 letters): Katherine / Kathryn",
    "no given name on the list",
    "the visitor gave no family name",
    "no birth date on the list",
]


def library_reasons() -> list[str]:
    index = WatchlistIndex.build(LIST)
    found = {
        reason for query in QUERIES for match in index.screen(query) for reason in match.reasons
    }
    return sorted(found)


def test_the_sample_reaches_most_shapes():
    assert len(library_reasons()) >= 20


@pytest.mark.parametrize("reason", [*library_reasons(), *WRITTEN])
def test_every_reason_the_library_writes_has_spanish(reason):
    with translation.override("es"):
        spanish = translated(reason)
    assert spanish != reason


def test_names_in_a_reason_are_kept_as_written():
    with translation.override("es"):
        assert translated("nickname: Robert = Bob") == "apodo: Robert = Bob"
        assert translated("one part of the family name: López / García López") == (
            "una parte del apellido: López / García López"
        )


def test_in_english_an_alias_is_called_an_other_name_as_on_the_entry_page():
    with translation.override("en"):
        assert (
            translated("alias on the list: Bobby Smythe") == "other name on the list: Bobby Smythe"
        )
        assert translated("same date of birth") == "same date of birth"


def test_a_reason_of_a_new_shape_passes_through():
    with translation.override("es"):
        assert translated("initials agree: R. J. = Robert James") == (
            "initials agree: R. J. = Robert James"
        )
