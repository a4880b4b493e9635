"""The watchlist index: built once from the list, then screens each visitor without a scan.

A query finds its candidates two ways, and only then compares names:

* by birth date: the entries born on the visitor's birth date, or on it with day and month
  swapped (a few dozen in a list of a million);
* by name, for the entries a birth date cannot find (no birth date on the list, or none from the
  visitor): each pair of a given-name word and a family-name word of an entry is a key, and the
  visitor's words are widened to the listed words they may stand for (nicknames, typos, the same
  sound) through small word indexes (`Vocabulary`), never by comparing every word.

A candidate is then scored by the rules of `words.py` and `_NameRules`. `screen_exhaustively`
applies the same rules to every entry and every listed word: what it returns, `screen` returns.
"""

from __future__ import annotations

import gc
from array import array
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date

from rapidfuzz import process
from rapidfuzz.distance import OSA

from threshold.matching.model import DateAgreement, Entry, Match, Query
from threshold.matching.nicknames import NicknameTable, nickname_table
from threshold.matching.normalize import EMPTY, NameParts, name_parts, parts_uncached
from threshold.matching.reasons import explain
from threshold.matching.scoring import (
    NO_NAME,
    PRIMARY,
    SCORE_BANDS,
    SWAPPED,
    WHOLE,
    Form,
    HitMap,
    NameAgreement,
    acceptable,
    alias_names,
    date_agreement,
    side_agreement,
    swapped_day_month,
)
from threshold.matching.words import (
    SOUND_MAX_EDITS,
    TYPO_MIN_LENGTH,
    Kind,
    compare_words,
    deletions,
    sound_key,
)

_NEAR_CACHE_SIZE = 50_000


class Vocabulary:
    """Every word and one-word name on the list, with the indexes that find near words."""

    def __init__(self, nicknames: NicknameTable) -> None:
        self.nicknames = nicknames
        self.ids: dict[str, int] = {}
        self.words: list[str] = []
        # Keyed by the hash of each one-letter-deleted form (ints take far less memory than the
        # strings); a collision only adds a candidate, which the comparison then rejects.
        self._by_deletion: dict[int, int | list[int]] = {}
        self._by_sound: dict[str, list[int]] = {}
        self._nicknamed: list[int] = []

    def __len__(self) -> int:
        return len(self.words)

    def add(self, word: str) -> int:
        found = self.ids.get(word)
        if found is not None:
            return found
        number = self.ids[word] = len(self.words)
        self.words.append(word)
        by_deletion = self._by_deletion
        for variant in deletions(word) if len(word) >= TYPO_MIN_LENGTH else (word,):
            hashed = hash(variant)
            held = by_deletion.get(hashed)
            if held is None:
                by_deletion[hashed] = number
            elif isinstance(held, int):
                by_deletion[hashed] = [held, number]
            else:
                held.append(number)
        key = sound_key(word)
        if key:
            self._by_sound.setdefault(key, []).append(number)
        if self.nicknames.has(word):
            self._nicknamed.append(number)
        return number

    def near(self, word: str, *, given: bool) -> dict[int, tuple[Kind, int]]:
        """The listed words that `word` may stand for, found through the indexes."""
        candidates: set[int] = set()
        exact = self.ids.get(word)
        if exact is not None:
            candidates.add(exact)
        if given:
            for variant in self.nicknames.variants(word):
                found = self.ids.get(variant)
                if found is not None:
                    candidates.add(found)
        for variant in deletions(word):
            held = self._by_deletion.get(hash(variant))
            if held is None:
                continue
            if isinstance(held, int):
                candidates.add(held)
            else:
                candidates.update(held)
        key = sound_key(word)
        if key:
            candidates.update(self._by_sound.get(key, ()))
        return self._compared(word, candidates, given=given)

    def near_exhaustively(self, word: str, *, given: bool) -> dict[int, tuple[Kind, int]]:
        """The same as `near`, by comparing with every listed word (for checks, not queries)."""
        # Every agreement but a nickname is within SOUND_MAX_EDITS letters: a full scan in C
        # narrows the list, then each is compared by the rules.
        close = process.extract(
            word, self.words, scorer=OSA.distance, score_cutoff=SOUND_MAX_EDITS, limit=None
        )
        candidates = {index for _, _, index in close}
        if given:
            candidates.update(self._nicknamed)
        return self._compared(word, candidates, given=given)

    def _compared(
        self, word: str, candidates: Iterable[int], *, given: bool
    ) -> dict[int, tuple[Kind, int]]:
        found: dict[int, tuple[Kind, int]] = {}
        for number in candidates:
            kind, edits = compare_words(
                word, self.words[number], given=given, nicknames=self.nicknames
            )
            if kind:
                found[number] = (kind, edits)
        return found


@dataclass(slots=True)
class _Prepared:
    """A query turned into the listed words each of its fields may stand for."""

    query: Query
    given: NameParts
    family: NameParts
    dob: int
    dob_swapped: int
    # straight: the visitor's given names against the list's given names, family against family
    given_as_given: HitMap
    family_as_family: HitMap
    # swapped: the visitor's family name against the list's given names, and the reverse
    family_as_given: HitMap
    given_as_family: HitMap


def _ordinal(value: date | None) -> int:
    return value.toordinal() if value is not None else 0


class WatchlistIndex:
    """A watchlist ready to screen visitors. Build it with `WatchlistIndex.build(entries)`."""

    def __init__(self, nicknames: NicknameTable) -> None:
        self.vocabulary = Vocabulary(nicknames)
        self.entries: list[Entry] = []
        self._forms: list[tuple[Form, ...]] = []
        self._dob = array("i")
        self._by_dob: dict[int, list[int]] = {}
        self._by_name: dict[int, int | list[int]] = {}
        self._undated_by_name: dict[int, int | list[int]] = {}
        self._near_cache: dict[tuple[str, bool], dict[int, tuple[Kind, int]]] = {}

    @classmethod
    def build(
        cls, entries: Iterable[Entry], *, nicknames: NicknameTable | None = None
    ) -> WatchlistIndex:
        """Index the entries (the list is read once; entries are kept for the matches)."""
        index = cls(nicknames or nickname_table())
        builder = _Builder(index)
        collecting = gc.isenabled()
        gc.disable()  # millions of small objects, none of them garbage: collections only cost
        try:
            for entry in entries:
                builder.add(entry)
        finally:
            if collecting:
                gc.enable()
        # Move what exists now out of the collector's sight, so that no collection walks the
        # index while a visitor waits (a full collection over a million entries takes ~1 s).
        gc.freeze()
        return index

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self) -> Iterator[Entry]:
        return iter(self.entries)

    def screen(self, query: Query) -> list[Match]:
        """The entries a person should review for this visitor, best first."""
        prepared = self._prepare(query, exhaustive=False)
        candidates: set[int] = set()
        if prepared.dob:
            for day in (prepared.dob, prepared.dob_swapped):
                candidates.update(self._by_dob.get(day, ()))
            self._look_up_names(prepared, self._undated_by_name, candidates)
        else:
            self._look_up_names(prepared, self._by_name, candidates)
        return self._ranked(prepared, candidates)

    def screen_exhaustively(self, query: Query) -> list[Match]:
        """`screen` without the index: every entry against every listed word. Slow; it is the
        check that the index misses nothing (tests and benchmark)."""
        prepared = self._prepare(query, exhaustive=True)
        return self._ranked(prepared, range(len(self.entries)))

    # -- preparing a query ---------------------------------------------------------------

    def _prepare(self, query: Query, *, exhaustive: bool) -> _Prepared:
        given = name_parts(query.given_name)
        family = name_parts(query.family_name)
        dob = query.date_of_birth
        swapped = swapped_day_month(dob) if dob is not None else None
        return _Prepared(
            query=query,
            given=given,
            family=family,
            dob=_ordinal(dob),
            dob_swapped=_ordinal(swapped),
            given_as_given=self._hits(given, given=True, exhaustive=exhaustive),
            family_as_family=self._hits(family, given=False, exhaustive=exhaustive),
            family_as_given=self._hits(family, given=True, exhaustive=exhaustive),
            given_as_family=self._hits(given, given=False, exhaustive=exhaustive),
        )

    def _hits(self, parts: NameParts, *, given: bool, exhaustive: bool) -> HitMap:
        """Listed word id -> the best hit from this field's words (or the field as one word)."""
        hits: HitMap = {}
        if parts.is_empty:
            return hits
        fields: list[tuple[str, int]] = [(parts.joined, WHOLE)]
        if parts.words != (parts.joined,):
            fields += [(word, position) for position, word in enumerate(parts.words)]
        for word, position in fields:
            near = self._near(word, given=given, exhaustive=exhaustive)
            for number, (kind, edits) in near.items():
                hit = (int(kind), edits, position)
                held = hits.get(number)
                # The stronger kind wins; on a tie the whole field, which covers every word.
                if held is None or (hit[0], -hit[1], hit[2] == WHOLE) > (
                    held[0],
                    -held[1],
                    held[2] == WHOLE,
                ):
                    hits[number] = hit
        return hits

    def _near(self, word: str, *, given: bool, exhaustive: bool) -> dict[int, tuple[Kind, int]]:
        if exhaustive:
            return self.vocabulary.near_exhaustively(word, given=given)
        key = (word, given)
        found = self._near_cache.get(key)
        if found is None:
            if len(self._near_cache) >= _NEAR_CACHE_SIZE:
                self._near_cache.clear()
            found = self._near_cache[key] = self.vocabulary.near(word, given=given)
        return found

    @staticmethod
    def _look_up_names(
        prepared: _Prepared, by_name: dict[int, int | list[int]], found: set[int]
    ) -> None:
        for given_hits, family_hits in (
            (prepared.given_as_given, prepared.family_as_family),
            (prepared.family_as_given, prepared.given_as_family),
        ):
            if not given_hits or not family_hits:
                continue
            family_ids = list(family_hits)
            for given_id in given_hits:
                base = given_id << 32
                for family_id in family_ids:
                    held = by_name.get(base | family_id)
                    if held is None:
                        continue
                    if isinstance(held, int):
                        found.add(held)
                    else:
                        found.update(held)

    # -- scoring -----------------------------------------------------------------------

    def _ranked(self, prepared: _Prepared, candidates: Iterable[int]) -> list[Match]:
        if prepared.given.is_empty and prepared.family.is_empty:
            return []
        matches: list[Match] = []
        dobs = self._dob
        for number in candidates:
            agreement = date_agreement(prepared.dob, prepared.dob_swapped, dobs[number])
            if agreement is DateAgreement.DIFFERENT:
                continue
            name = self._best_name(prepared, number, agreement)
            if name is None:
                continue
            floor, span = SCORE_BANDS[agreement]
            entry = self.entries[number]
            reasons = explain(prepared.query, entry, name, agreement, self.vocabulary.words)
            score = round(floor + span * name.value, 3)
            matches.append(Match(entry, score, reasons, agreement))
        matches.sort(key=lambda match: (-match.score, match.entry.id))
        return matches

    def _best_name(
        self, prepared: _Prepared, number: int, agreement: DateAgreement
    ) -> NameAgreement | None:
        best: NameAgreement | None = None
        for form in self._forms[number]:
            for swapped in (False, True):
                if swapped:
                    if prepared.given.is_empty or prepared.family.is_empty:
                        continue
                    given_hits, family_hits = prepared.family_as_given, prepared.given_as_family
                    query_given, query_family = prepared.family, prepared.given
                else:
                    given_hits, family_hits = prepared.given_as_given, prepared.family_as_family
                    query_given, query_family = prepared.given, prepared.family
                given = side_agreement(given_hits, form[0], form[1], query_given, family=False)
                if given is None:
                    continue
                family = side_agreement(family_hits, form[2], form[3], query_family, family=True)
                if family is None:
                    continue
                if not acceptable(agreement, given, family, swapped=swapped):
                    continue
                value = given.weight * family.weight * (SWAPPED if swapped else 1.0)
                if best is None or value > best.value:
                    best = NameAgreement(value, form, swapped, given, family)
        return best


class _Builder:
    """Fills an index, entry by entry, sharing the forms of names that repeat."""

    def __init__(self, index: WatchlistIndex) -> None:
        self.index = index
        self.parts: dict[str, NameParts] = {}
        self.forms: dict[tuple[str, str, int], tuple[Form, tuple[int, ...]]] = {}
        self.id_tuples: dict[tuple[int, ...], tuple[int, ...]] = {}

    def add(self, entry: Entry) -> None:
        index = self.index
        number = len(index.entries)
        index.entries.append(entry)
        forms = [self._form(entry.given_name, entry.family_name, PRIMARY)]
        for alias_number, alias in enumerate(entry.aliases):
            for given, family in alias_names(alias):
                forms.append(self._form(given, family, alias_number))
        index._forms.append(tuple(form for form, _ in forms))
        dob = _ordinal(entry.date_of_birth)
        index._dob.append(dob)
        if dob:
            index._by_dob.setdefault(dob, []).append(number)
        keys = {key for _, form_keys in forms for key in form_keys}
        for by_name in (index._by_name, index._undated_by_name) if not dob else (index._by_name,):
            for key in keys:
                held = by_name.get(key)
                if held is None:
                    by_name[key] = number
                elif isinstance(held, int):
                    if held != number:
                        by_name[key] = [held, number]
                elif held[-1] != number:
                    held.append(number)

    def _parts(self, text: str) -> NameParts:
        found = self.parts.get(text)
        if found is None:
            found = self.parts[text] = parts_uncached(text) if text else EMPTY
        return found

    def _form(self, given: str, family: str, alias: int) -> tuple[Form, tuple[int, ...]]:
        """The form of one name, and its (given word, family word) keys."""
        cache_key = (given, family, alias)
        found = self.forms.get(cache_key)
        if found is not None:
            return found
        add = self.index.vocabulary.add
        given_parts, family_parts = self._parts(given), self._parts(family)
        given_ids = self._ids(tuple(add(word) for word in given_parts.words))
        family_ids = self._ids(tuple(add(word) for word in family_parts.words))
        given_joined = add(given_parts.joined) if not given_parts.is_empty else NO_NAME
        family_joined = add(family_parts.joined) if not family_parts.is_empty else NO_NAME
        form: Form = (given_ids, given_joined, family_ids, family_joined, alias)
        keys: tuple[int, ...] = ()
        if given_joined != NO_NAME and family_joined != NO_NAME:
            keys = tuple(
                {
                    given_id << 32 | family_id
                    for given_id in {*given_ids, given_joined}
                    for family_id in {*family_ids, family_joined}
                }
            )
        found = self.forms[cache_key] = (form, keys)
        return found

    def _ids(self, ids: tuple[int, ...]) -> tuple[int, ...]:
        return self.id_tuples.setdefault(ids, ids)
