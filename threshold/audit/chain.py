"""The hash of an audit event: SHA-256 over a canonical encoding of its content and the hash
before it. Plain Python, so that an auditor can recompute a chain from an export with nothing else.

Canonical encoding: a JSON object with the keys below, sorted, no whitespace, UTF-8, with the time
in UTC to the microsecond. Only strings, whole numbers, booleans, null, lists and objects may appear
in `data` (a float would not survive every database's round trip unchanged).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from typing import Any

GENESIS_HASH = "0" * 64

JsonValue = str | int | bool | None | list["JsonValue"] | dict[str, "JsonValue"]


class InvalidEventData(ValueError):
    """The event's data holds a value that cannot be hashed canonically."""


SYSTEM_CHAIN = "system"


def chain_key(district_id: object | None) -> str:
    """The key of a district's chain, or of the system chain for events of no district."""
    return f"district:{district_id}" if district_id is not None else SYSTEM_CHAIN


def _check_text(text: str, path: str) -> None:
    # PostgreSQL refuses NUL in text and JSON, SQLite keeps it: refuse it on both, so that a chain
    # moves between databases unchanged. A lone surrogate cannot be encoded as UTF-8 at all.
    if "\x00" in text:
        raise InvalidEventData(f"{path} holds a NUL character")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise InvalidEventData(f"{path} holds text that is not valid Unicode") from None


def check_data(value: Any, path: str = "data") -> None:
    """Refuse what the canonical encoding cannot carry unchanged."""
    if isinstance(value, str):
        _check_text(value, path)
        return
    if value is None or isinstance(value, bool | int):
        return
    if isinstance(value, list):
        for index, item in enumerate(value):
            check_data(item, f"{path}[{index}]")
        return
    if isinstance(value, Mapping):
        for key, item in value.items():
            if not isinstance(key, str):
                raise InvalidEventData(f"{path} has a key that is not text: {key!r}")
            _check_text(key, f"{path} key")
            check_data(item, f"{path}.{key}")
        return
    raise InvalidEventData(f"{path} holds a {type(value).__name__}; use text or whole numbers")


def timestamp(moment: datetime) -> str:
    if moment.tzinfo is None:
        raise ValueError("audit times must carry a time zone")
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def event_hash(
    *,
    chain: str,
    seq: int,
    action: str,
    actor: str | None,
    school: str | None,
    subject_type: str,
    subject_id: str,
    data: Mapping[str, Any],
    created_at: datetime,
    prev_hash: str,
) -> str:
    content = {
        "chain": chain,
        "seq": seq,
        "action": action,
        "actor": actor,
        "school": school,
        "subject_type": subject_type,
        "subject_id": subject_id,
        "data": data,
        "created_at": timestamp(created_at),
        "prev_hash": prev_hash,
    }
    encoded = json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(encoded.encode("utf-8")).hexdigest()


# The same hash, built without the intermediate dictionary and its key sorting: verification
# computes it for every event of every chain. The keys are written out in sorted order, and the
# values with the very encoders json.dumps uses, so the bytes hashed are identical;
# tests/audit/test_chain.py checks that it always agrees with event_hash.
_text: Callable[[str], str] = json.encoder.encode_basestring
_json: Callable[[Any], str] = json.JSONEncoder(
    sort_keys=True, separators=(",", ":"), ensure_ascii=False
).encode


def event_hash_fast(
    chain: str,
    seq: int,
    action: str,
    actor: str | None,
    school: str | None,
    subject_type: str,
    subject_id: str,
    data: Any,
    created_at: str,
    prev_hash: str,
) -> str:
    """event_hash, with `created_at` already in the form `timestamp()` gives."""
    encoded = "".join(
        (
            '{"action":',
            _text(action),
            ',"actor":',
            "null" if actor is None else _text(actor),
            ',"chain":',
            _text(chain),
            ',"created_at":',
            _text(created_at),
            ',"data":',
            _json(data),
            ',"prev_hash":',
            _text(prev_hash),
            ',"school":',
            "null" if school is None else _text(school),
            ',"seq":',
            int.__repr__(seq),
            ',"subject_id":',
            _text(subject_id),
            ',"subject_type":',
            _text(subject_type),
            "}",
        )
    )
    return hashlib.sha256(encoded.encode("utf-8")).hexdigest()
