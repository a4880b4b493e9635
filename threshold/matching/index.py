"""The watchlist index: built once from the list, then screens each visitor without a scan.

A query finds its candidates two ways, and only then compares names:

* by birth date: the entries born on the visitor's birth date, or on it with day and month
  swapped (a few dozen in a list of a million);
* by name, for the entries a birth date cannot find (no birth date on the list, or none from the
  visitor): each pair of a given-name word and a family-name word of an entry is a key, and the
  visitor's words are widened to the listed words they may stand for (nicknames, typos, the same
  sound) through small word indexes (`Vocabulary`), never by comparing every word.

A candidate is then scored by the rules of `words.py` and `scoring.py`. `screen_exhaustively`
applies the same rules to every entry and every listed word: what it returns, `screen` returns.
"""

from __future__ import annotations

import gc
from array import array
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Sequence
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
    compare_words,
    deletions,
    sound_key,
)

# Listed word id -> how a visitor's word agrees with it, as kind << 8 | letters that differ.
# Plain ints, so that the cache of these holds nothing the garbage collector must walk.
Near = dict[int, int]
_NEAR_CACHE_SIZE = 50_000
_COLLECT_AFTER = 50_000  # entries; below this the first collection is quick anyway
# An entry as kept by the index: the fields of `Entry`, in order.
EntryRow = tuple[str, str, str, date | None, tuple[str, ...], str]
_ID_BITS = 24
_ID_MASK = (1 << _ID_BITS) - 1
_HASH_MASK = (1 << (64 - _ID_BITS)) - 1


def _hash(text: str) -> int:
    return hash(text) & _HASH_MASK


def _variants(word: str) -> set[str] | tuple[str]:
    """The forms under which a listed word is found by a visitor's word one typo away."""
    return deletions(word) if len(word) >= TYPO_MIN_LENGTH else (word,)


class Vocabulary:
    """Every word and one-word name on the list, with the indexes that find near words."""

    def __init__(self, nicknames: NicknameTable) -> None:
        self.nicknames = nicknames
        self.ids: dict[str, int] = {}
        # A list while words are added; a tuple once sealed (out of the collector's walk).
        self.words: Sequence[str] = []
        # Each word's one-letter-deleted forms, as sorted (hash of the form, word id) pairs
        # packed in one int: a tenth of the memory of a dict. Words added since the last
        # `seal` wait in `_unsealed`. A hash collision only adds a candidate, then rejected.
        self._by_deletion = array("Q")
        self._unsealed = array("Q")
        self._by_sound: dict[str, list[int] | tuple[int, ...]] = {}
        self._nicknamed = array("i")

    def __len__(self) -> int:
        return len(self.words)

    def add(self, word: str) -> int:
        found = self.ids.get(word)
        if found is not None:
            return found
        if not isinstance(self.words, list):
            self.words = list(self.words)
        number = self.ids[word] = len(self.words)
        self.words.append(word)
        if number >= 1 << _ID_BITS:
            raise OverflowError("too many different words for one watchlist index")
        mask = _HASH_MASK
        self._unsealed.extend(
            [(hash(variant) & mask) << _ID_BITS | number for variant in _variants(word)]
        )
        key = sound_key(word)
        if key:
            held = self._by_sound.setdefault(key, [])
            if isinstance(held, tuple):
                held = self._by_sound[key] = list(held)
            held.append(number)
        if self.nicknames.has(word):
            self._nicknamed.append(number)
        return number

    def seal(self) -> None:
        """Pack the words added so far into the sorted deletion index."""
        if not self._unsealed:
            return
        self._unsealed.extend(self._by_deletion)
        self._by_deletion = array("Q", sorted(self._unsealed))
        self._unsealed = array("Q")
        # Tuples of plain values drop out of the garbage collector's walk; lists never do.
        self._by_sound = {key: tuple(numbers) for key, numbers in self._by_sound.items()}
        self.words = tuple(self.words)

    def near(self, word: str, *, given: bool) -> Near:
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
        self.seal()
        packed = self._by_deletion
        for variant in deletions(word):
            hashed = _hash(variant)
            start = hashed << _ID_BITS
            end = start + (1 << _ID_BITS)
            position = bisect_left(packed, start)
            while position < len(packed) and packed[position] < end:
                candidates.add(packed[position] & _ID_MASK)
                position += 1
        key = sound_key(word)
        if key:
            candidates.update(self._by_sound.get(key, ()))
        return self._compared(word, candidates, given=given)

    def near_exhaustively(self, word: str, *, given: bool) -> Near:
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

    def _compared(self, word: str, candidates: Iterable[int], *, given: bool) -> Near:
        found: Near = {}
        for number in candidates:
            kind, edits = compare_words(
                word, self.words[number], given=given, nicknames=self.nicknames
            )
            if kind:
                found[number] = int(kind) << 8 | edits
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
        # The entries are kept as tuples, and every posting list becomes a tuple once built:
        # tuples of plain values leave the garbage collector's walk, so a full collection does
        # not visit a million entries while a visitor waits.
        self._entries: Sequence[EntryRow] = ()
        self._forms: Sequence[tuple[Form, ...]] = ()
        self._dob = array("i")
        self._by_dob: dict[int, list[int] | tuple[int, ...]] = {}
        self._by_name: dict[int, int | list[int] | tuple[int, ...]] = {}
        self._undated_by_name: dict[int, int | list[int] | tuple[int, ...]] = {}
        self._near_cache: dict[tuple[str, bool], Near] = {}

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
            index._entries = tuple(builder.entries)
            index._forms = tuple(builder.forms_of_entries)
            index._seal()
        finally:
            if collecting:
                gc.enable()
                if len(index) >= _COLLECT_AFTER:
                    # Untrack the new tuples now rather than during a visitor's query: a tuple
                    # leaves the walk once what it holds has, one level of nesting a pass.
                    for _ in range(3):
                        gc.collect()
        return index

    def _seal(self) -> None:
        self.vocabulary.seal()
        for postings in (self._by_dob, self._by_name, self._undated_by_name):
            for key, held in postings.items():
                if isinstance(held, list):
                    postings[key] = tuple(held)

    def __len__(self) -> int:
        return len(self._entries)

    def __iter__(self) -> Iterator[Entry]:
        return (Entry(*row) for row in self._entries)

    def entry(self, number: int) -> Entry:
        """The entry filed under `number` (0 for the first of the list)."""
        return Entry(*self._entries[number])

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
        return self._ranked(prepared, range(len(self._entries)))

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
            for number, code in near.items():
                hit = (code >> 8, code & 0xFF, position)
                held = hits.get(number)
                # The stronger kind wins; on a tie the whole field, which covers every word.
                if held is None or (hit[0], -hit[1], hit[2] == WHOLE) > (
                    held[0],
                    -held[1],
                    held[2] == WHOLE,
                ):
                    hits[number] = hit
        return hits

    def _near(self, word: str, *, given: bool, exhaustive: bool) -> Near:
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
        prepared: _Prepared, by_name: dict[int, int | list[int] | tuple[int, ...]], found: set[int]
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
            entry = Entry(*self._entries[number])
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
    """Fills an index, entry by entry, sharing what repeats: a name field's words (by its
    text), a whole name's form and keys (by its two texts)."""

    def __init__(self, index: WatchlistIndex) -> None:
        self.index = index
        self.add_word = index.vocabulary.add
        self.sides: dict[str, tuple[tuple[int, ...], int, tuple[int, ...]]] = {}
        self.forms: dict[tuple[str, str], tuple[tuple[Form, ...], tuple[int, ...]]] = {}
        self.entries: list[EntryRow] = []
        self.forms_of_entries: list[tuple[Form, ...]] = []

    def add(self, entry: Entry) -> None:
        index = self.index
        number = len(self.entries)
        self.entries.append(
            (
                entry.id,
                entry.family_name,
                entry.given_name,
                entry.date_of_birth,
                entry.aliases,
                entry.reason,
            )
        )
        forms, keys = self._primary(entry.given_name, entry.family_name)
        if entry.aliases:
            alias_forms = list(forms)
            all_keys = set(keys)
            for alias_number, alias in enumerate(entry.aliases):
                for given, family in alias_names(alias):
                    form, form_keys = self._form(given, family, alias_number)
                    alias_forms.append(form)
                    all_keys.update(form_keys)
            forms, keys = tuple(alias_forms), tuple(all_keys)
        self.forms_of_entries.append(forms)
        dob = _ordinal(entry.date_of_birth)
        index._dob.append(dob)
        if dob:
            held = index._by_dob.setdefault(dob, [])
            if isinstance(held, tuple):
                held = index._by_dob[dob] = list(held)
            held.append(number)
            self._file(index._by_name, keys, number)
        else:
            self._file(index._by_name, keys, number)
            self._file(index._undated_by_name, keys, number)

    @staticmethod
    def _file(
        by_name: dict[int, int | list[int] | tuple[int, ...]], keys: tuple[int, ...], number: int
    ) -> None:
        for key in keys:
            held = by_name.get(key)
            if held is None:
                by_name[key] = number
            elif isinstance(held, int):
                if held != number:
                    by_name[key] = [held, number]
            elif held[-1] != number:
                if isinstance(held, tuple):
                    held = by_name[key] = list(held)
                held.append(number)

    def _primary(self, given: str, family: str) -> tuple[tuple[Form, ...], tuple[int, ...]]:
        found = self.forms.get((given, family))
        if found is None:
            form, keys = self._form(given, family, PRIMARY)
            found = self.forms[(given, family)] = ((form,), keys)
        return found

    def _side(self, text: str) -> tuple[tuple[int, ...], int, tuple[int, ...]]:
        """A name field's word ids, its one-word id, and the ids it is filed under."""
        found = self.sides.get(text)
        if found is None:
            parts = parts_uncached(text) if text else EMPTY
            if parts.is_empty:
                found = ((), NO_NAME, ())
            else:
                ids = tuple(self.add_word(word) for word in parts.words)
                joined = self.add_word(parts.joined)
                filed = ids if joined in ids else (*ids, joined)
                found = (ids, joined, filed)
            self.sides[text] = found
        return found

    def _form(self, given: str, family: str, alias: int) -> tuple[Form, tuple[int, ...]]:
        """The form of one name, and its (given word, family word) keys."""
        given_ids, given_joined, given_filed = self._side(given)
        family_ids, family_joined, family_filed = self._side(family)
        form: Form = (given_ids, given_joined, family_ids, family_joined, alias)
        keys = tuple(
            given_id << 32 | family_id for given_id in given_filed for family_id in family_filed
        )
        return form, keys
