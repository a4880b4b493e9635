"""The nickname table shipped as data: English and Spanish diminutives and equivalents."""

from __future__ import annotations

import pytest

from threshold.matching.nicknames import NicknameTable, nickname_table
from threshold.matching.normalize import name_parts


def key(name: str) -> str:
    return name_parts(name).joined


@pytest.mark.parametrize(
    ("nickname", "name"),
    [
        ("Bob", "Robert"),
        ("Rob", "Robert"),
        ("Bobby", "Robert"),
        ("Bill", "William"),
        ("Will", "William"),
        ("Billy", "William"),
        ("Liz", "Elizabeth"),
        ("Beth", "Elizabeth"),
        ("Betty", "Elizabeth"),
        ("Pepe", "José"),
        ("Paco", "Francisco"),
        ("Pancho", "Francisco"),
        ("Lupe", "Guadalupe"),
        ("Chuy", "Jesús"),
        ("Nacho", "Ignacio"),
        ("Quique", "Enrique"),
        ("Alex", "Alejandro"),
        ("Alex", "Alexander"),
        ("Chema", "José María"),
        ("Peggy", "Margaret"),
        ("Jack", "John"),
        ("Kathy", "Katherine"),
        ("Steve", "Stephen"),
        ("Steven", "Stephen"),
    ],
)
def test_it_knows_common_english_and_spanish_nicknames(nickname: str, name: str) -> None:
    assert nickname_table().related(key(nickname), key(name))
    assert nickname_table().related(key(name), key(nickname))


def test_names_that_only_share_a_nickname_do_not_match_each_other() -> None:
    table = nickname_table()

    assert table.related("al", "albert") and table.related("al", "alfred")
    assert not table.related("albert", "alfred")


def test_it_has_a_few_hundred_groups() -> None:
    assert len(nickname_table().groups) >= 300
    assert all(len(group) >= 2 for group in nickname_table().groups)


def test_the_table_format() -> None:
    table = NicknameTable.parse("# comment\n\nRobert, Bob, Bobby\nJosé, Pepe, jose\nAlone\n")

    assert table.groups == (("robert", "bob", "bobby"), ("jose", "pepe"))
    assert table.variants("bob") == frozenset({"robert", "bobby"})
    assert table.variants("nobody") == frozenset()
