"""Whatever bytes arrive, the parser answers with fields or AamvaError, never another exception."""

from __future__ import annotations

import contextlib
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.idscan.payloads import card
from threshold.idscan import AamvaError, parse_aamva

TODAY = date(2025, 6, 1)
HEADER = b"@\n\x1e\rANSI 636006080101DL00310229DL"
ELEMENT_TEXT = st.text(
    alphabet=st.sampled_from("DACBSQT0123456789 ,$'\n\r\x1e-NONEansi"), max_size=200
)


def _parses_or_rejects(data: bytes | str) -> None:
    with contextlib.suppress(AamvaError):
        parse_aamva(data, today=TODAY)


@settings(max_examples=400)
@given(st.binary(max_size=600))
def test_arbitrary_bytes(data: bytes) -> None:
    _parses_or_rejects(data)


@settings(max_examples=400)
@given(ELEMENT_TEXT)
def test_arbitrary_elements_after_a_valid_header(text: str) -> None:
    _parses_or_rejects(HEADER + text.encode("utf-8"))


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(
    version=st.integers(1, 10),
    cuts=st.lists(st.tuples(st.integers(0, 400), st.integers(0, 6), st.binary(max_size=4))),
)
def test_damaged_cards(version: int, cuts: list[tuple[int, int, bytes]]) -> None:
    payload = bytearray(card(version))
    for start, length, insert in cuts:
        payload[start : start + length] = insert
    _parses_or_rejects(bytes(payload))


@settings(max_examples=200)
@given(st.text(max_size=300))
def test_arbitrary_text(text: str) -> None:
    _parses_or_rejects("ANSI 636014100102" + text)
    _parses_or_rejects(text)
