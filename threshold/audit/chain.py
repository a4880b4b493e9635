"""The hash of an audit event: SHA-256 over a canonical encoding of its content and the hash
before it. Plain Python, so that an auditor can recompute a chain from an export with nothing else.

Canonical encoding: a JSON object with the keys below, sorted, no whitespace, UTF-8, with the time
in UTC to the microsecond. Only strings, whole numbers, booleans, null, lists and objects may appear
in `data` (a float would not survive every database's round trip unchanged).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

GENESIS_HASH = "0" * 64

JsonValue = str | int | bool | None | list["JsonValue"] | dict[str, "JsonValue"]


class InvalidEventData(ValueError):
    """The event's data holds a value that cannot be hashed canonically."""


def check_data(value: Any, path: str = "data") -> None:
    """Refuse what the canonical encoding cannot carry unchanged."""
    if value is None or isinstance(value, bool | int | str):
        return
    if isinstance(value, list):
        for index, item in enumerate(value):
            check_data(item, f"{path}[{index}]")
        return
    if isinstance(value, Mapping):
        for key, item in value.items():
            if not isinstance(key, str):
                raise InvalidEventData(f"{path} has a key that is not text: {key!r}")
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
