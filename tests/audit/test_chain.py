"""The hash itself: the readable reference (event_hash) and the fast one verification uses."""

import hashlib
import json
from datetime import UTC, datetime, timedelta, timezone

import hypothesis.strategies as st
from hypothesis import given

from threshold.audit.chain import GENESIS_HASH, event_hash, event_hash_fast, timestamp

text = st.text()
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | text,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(text, inner, max_size=4),
    max_leaves=12,
)
moments = st.datetimes(
    min_value=datetime(1990, 1, 1),
    max_value=datetime(2200, 1, 1),
    timezones=st.sampled_from([UTC, timezone(timedelta(hours=-5)), timezone(timedelta(hours=9))]),
)


@given(
    chain=text,
    seq=st.integers(min_value=1, max_value=2**63),
    action=text,
    actor=st.none() | text,
    school=st.none() | text,
    subject_type=text,
    subject_id=text,
    data=st.dictionaries(text, json_values, max_size=5),
    created_at=moments,
    prev_hash=text,
)
def test_it_hashes_alike_on_the_fast_path(**content):
    reference = event_hash(**content)
    content["created_at"] = timestamp(content["created_at"])
    assert event_hash_fast(**content) == reference


def test_it_hashes_the_canonical_json_encoding():
    content = {
        "chain": "district:1",
        "seq": 1,
        "action": "district.created",
        "actor": None,
        "school": None,
        "subject_type": "accounts.district",
        "subject_id": "1",
        "data": {"b": [1, "ñ"], "a": True},
        "created_at": "2026-03-10T03:30:00.000000+00:00",
        "prev_hash": GENESIS_HASH,
    }
    encoded = json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    assert encoded.startswith('{"action":"district.created","actor":null,"chain"')
    expected = hashlib.sha256(encoded.encode("utf-8")).hexdigest()
    moment = datetime(2026, 3, 9, 23, 30, tzinfo=timezone(timedelta(hours=-4)))
    assert event_hash(**{**content, "created_at": moment}) == expected
    assert event_hash_fast(**content) == expected


def test_it_writes_times_in_utc_to_the_microsecond():
    moment = datetime(2026, 3, 9, 23, 30, tzinfo=timezone(timedelta(hours=-4)))
    assert timestamp(moment) == "2026-03-10T03:30:00.000000+00:00"
