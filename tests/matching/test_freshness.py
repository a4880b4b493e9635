"""An empty result is clear only from a fresh list."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from tests.matching.lists import ROBERT
from threshold.matching import (
    DateAgreement,
    Match,
    ScreeningStatus,
    list_freshness,
    overall_status,
    screening_status,
)

NOW = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
WEEK = timedelta(days=7)
MATCH = Match(ROBERT, 1.0, ("same date of birth",), DateAgreement.SAME)


def test_no_match_from_a_fresh_list_is_clear() -> None:
    freshness = list_freshness(NOW - timedelta(days=2), now=NOW, max_age=WEEK)

    assert not freshness.stale
    assert freshness.describe() == "updated 2 days ago"
    assert screening_status([], freshness) is ScreeningStatus.CLEAR


def test_no_match_from_a_stale_list_is_not_clear() -> None:
    freshness = list_freshness(NOW - timedelta(days=9), now=NOW, max_age=WEEK)

    assert freshness.stale
    assert screening_status([], freshness) is ScreeningStatus.STALE
    assert screening_status([], freshness).value == "stale: not clear"
    assert "older than the 7 days allowed" in freshness.describe()


def test_a_list_never_loaded_is_not_clear() -> None:
    freshness = list_freshness(None, now=NOW, max_age=WEEK)

    assert freshness.stale
    assert screening_status([], freshness) is ScreeningStatus.STALE
    assert freshness.describe() == "never updated: results are not clear"


def test_a_list_dated_in_the_future_is_not_trusted() -> None:
    freshness = list_freshness(NOW + timedelta(days=1), now=NOW, max_age=WEEK)

    assert freshness.stale
    assert list_freshness(NOW + timedelta(minutes=1), now=NOW, max_age=WEEK).stale is False


def test_a_possible_match_goes_to_a_person_whatever_the_age() -> None:
    stale = list_freshness(NOW - timedelta(days=30), now=NOW, max_age=WEEK)
    fresh = list_freshness(NOW, now=NOW, max_age=WEEK)

    assert screening_status([MATCH], stale) is ScreeningStatus.POSSIBLE_MATCH
    assert screening_status([MATCH], fresh) is ScreeningStatus.POSSIBLE_MATCH


def test_the_age_is_shown_in_plain_units() -> None:
    assert list_freshness(NOW - timedelta(hours=5), now=NOW, max_age=WEEK).describe() == (
        "updated 5 hours ago"
    )
    assert list_freshness(NOW, now=NOW, max_age=WEEK).describe() == (
        "updated less than a minute ago"
    )


def test_over_several_lists() -> None:
    clear, stale, possible = (
        ScreeningStatus.CLEAR,
        ScreeningStatus.STALE,
        ScreeningStatus.POSSIBLE_MATCH,
    )

    assert overall_status([clear, clear]) is clear
    assert overall_status([clear, stale]) is stale
    assert overall_status([stale, possible]) is possible
    assert overall_status([]) is stale  # no list searched is not clear
