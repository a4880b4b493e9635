"""Why a candidate is shown: plain words for the designated official who reviews it."""

from __future__ import annotations

from collections.abc import Sequence

from threshold.matching.model import DateAgreement, Entry, Query
from threshold.matching.normalize import name_parts, strip_accents
from threshold.matching.scoring import (
    CONFLICT,
    MISSING,
    PART,
    PRIMARY,
    WHOLE,
    NameAgreement,
    SideAgreement,
    alias_names,
)
from threshold.matching.words import Kind

DATE_REASONS = {
    DateAgreement.SAME: "same date of birth",
    DateAgreement.DAY_MONTH_SWAPPED: "birth date with day and month swapped",
    DateAgreement.MISSING_ON_LIST: "no birth date on the list",
    DateAgreement.MISSING_FROM_VISITOR: "the visitor gave no birth date",
    DateAgreement.MISSING_BOTH: "no birth date on either side",
}


def explain(
    query: Query,
    entry: Entry,
    name: NameAgreement,
    agreement: DateAgreement,
    words: Sequence[str],
) -> tuple[str, ...]:
    """The reasons, most telling first: alias, order, each name side, then the birth date."""
    listed = _listed_spellings(entry)
    reasons: list[str] = []
    if name.form[4] != PRIMARY:
        reasons.append(f"alias on the list: {entry.aliases[name.form[4]].strip()}")
    if name.swapped:
        reasons.append("given and family names swapped")
        query_given, query_family = query.family_name, query.given_name
    else:
        query_given, query_family = query.given_name, query.family_name
    for label, side, query_text, joined in (
        ("given name", name.given, query_given, name.form[1]),
        ("family name", name.family, query_family, name.form[3]),
    ):
        listed_text = listed.get(words[joined], "") if joined >= 0 else ""
        side_reasons = _side_reasons(label, side, query_text, listed_text, listed, words)
        if name.swapped:
            # "same given name" would read oddly after "swapped": only the differences.
            side_reasons = [text for text in side_reasons if not text.startswith("same ")]
        reasons += side_reasons
    reasons.append(DATE_REASONS[agreement])
    return tuple(dict.fromkeys(reasons))


def _side_reasons(
    label: str,
    side: SideAgreement,
    query_text: str,
    listed_text: str,
    listed: dict[str, str],
    words: Sequence[str],
) -> list[str]:
    if side.coverage == MISSING:
        return [f"no {label} on the list" if not listed_text else f"the visitor gave no {label}"]
    query_parts = name_parts(query_text)
    reasons: list[str] = []
    exact = True
    for number, (kind, edits, position) in side.pairs:
        key = words[number]
        theirs = listed.get(key, key.title())
        ours = query_text.strip() if position == WHOLE else query_parts.shown[position]
        if kind == Kind.EXACT:
            if ours.casefold() != theirs.casefold() and _only_accents_differ(ours, theirs):
                reasons.append(f"accents differ: {ours} = {theirs}")
                exact = False
            continue
        exact = False
        if kind == Kind.NICKNAME:
            reasons.append(f"nickname: {ours} = {theirs}")
        elif kind == Kind.TYPO:
            reasons.append(f"{label} spelled differently (1 letter): {ours} / {theirs}")
        else:
            reasons.append(
                f"{label} sounds the same, spelled differently ({edits} letters): {ours} / {theirs}"
            )
    if side.coverage == PART:
        exact = False
        if label == "family name":
            reasons.append(f"one part of the family name: {query_text.strip()} / {listed_text}")
        else:
            reasons.append(f"given names partly the same: {query_text.strip()} / {listed_text}")
    elif side.coverage == CONFLICT:
        exact = False
        reasons.append(f"other given names differ: {query_text.strip()} / {listed_text}")
    if exact:
        reasons.insert(0, f"same {label}")
    return reasons


def _only_accents_differ(first: str, second: str) -> bool:
    return strip_accents(first).casefold() == strip_accents(second).casefold()


def _listed_spellings(entry: Entry) -> dict[str, str]:
    """Each listed word (and each field as one word) -> how the list writes it."""
    texts = [entry.given_name, entry.family_name]
    for alias in entry.aliases:
        for given, family in alias_names(alias):
            texts += [given, family]
    spellings: dict[str, str] = {}
    for text in texts:
        parts = name_parts(text)
        for key, shown in zip(parts.words, parts.shown, strict=True):
            spellings.setdefault(key, shown)
        spellings.setdefault(parts.joined, text.strip())
    return spellings
