"""The nickname table (`nicknames.txt`): given names that may name the same person."""

from __future__ import annotations

from functools import cache
from importlib import resources

from threshold.matching.normalize import name_parts


class NicknameTable:
    """Groups of given names, compared by their one-word form (José María -> josemaria)."""

    def __init__(self, groups: list[tuple[str, ...]]) -> None:
        self.groups: tuple[tuple[str, ...], ...] = tuple(groups)
        membership: dict[str, set[int]] = {}
        for number, group in enumerate(self.groups):
            for key in group:
                membership.setdefault(key, set()).add(number)
        self._membership = {key: frozenset(numbers) for key, numbers in membership.items()}
        self._variants: dict[str, frozenset[str]] = {}

    @classmethod
    def parse(cls, text: str) -> NicknameTable:
        groups: list[tuple[str, ...]] = []
        for line in text.splitlines():
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            keys: list[str] = []
            for name in line.split(","):
                key = name_parts(name).joined
                if key and key not in keys:
                    keys.append(key)
            if len(keys) > 1:
                groups.append(tuple(keys))
        return cls(groups)

    def variants(self, key: str) -> frozenset[str]:
        """Every other name that shares a group with `key` (empty when it has none)."""
        found = self._variants.get(key)
        if found is None:
            numbers = self._membership.get(key, frozenset())
            names = {name for number in numbers for name in self.groups[number]}
            names.discard(key)
            found = self._variants[key] = frozenset(names)
        return found

    def related(self, first: str, second: str) -> bool:
        """True when the two names share a group."""
        groups = self._membership.get(first)
        return bool(groups and groups & self._membership.get(second, frozenset()))

    def has(self, key: str) -> bool:
        return key in self._membership


@cache
def nickname_table() -> NicknameTable:
    """The table shipped with Threshold."""
    text = resources.files("threshold.matching").joinpath("nicknames.txt").read_text("utf-8")
    return NicknameTable.parse(text)
