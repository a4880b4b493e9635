"""Birth-date agreement: the same, day and month swapped, missing on either side, different."""

from __future__ import annotations

from datetime import date

import pytest

from threshold.matching.model import DateAgreement
from threshold.matching.scoring import date_agreement, swapped_day_month


def agreement(visitor: date | None, listed: date | None) -> DateAgreement:
    swapped = swapped_day_month(visitor) if visitor else None
    return date_agreement(
        visitor.toordinal() if visitor else 0,
        swapped.toordinal() if swapped else 0,
        listed.toordinal() if listed else 0,
    )


@pytest.mark.parametrize(
    ("visitor", "listed", "expected"),
    [
        (date(1979, 4, 2), date(1979, 4, 2), DateAgreement.SAME),
        (date(1979, 4, 2), date(1979, 2, 4), DateAgreement.DAY_MONTH_SWAPPED),
        (date(1979, 2, 4), date(1979, 4, 2), DateAgreement.DAY_MONTH_SWAPPED),
        (date(1979, 4, 2), None, DateAgreement.MISSING_ON_LIST),
        (None, date(1979, 4, 2), DateAgreement.MISSING_FROM_VISITOR),
        (None, None, DateAgreement.MISSING_BOTH),
        (date(1979, 4, 2), date(1979, 4, 3), DateAgreement.DIFFERENT),
        (date(1979, 4, 2), date(1980, 4, 2), DateAgreement.DIFFERENT),
        (date(1979, 4, 20), date(1979, 4, 20), DateAgreement.SAME),
    ],
)
def test_date_agreement(visitor: date | None, listed: date | None, expected: DateAgreement) -> None:
    assert agreement(visitor, listed) is expected


def test_a_day_after_the_twelfth_cannot_be_a_month() -> None:
    assert swapped_day_month(date(1979, 4, 20)) is None


def test_the_same_day_and_month_have_nothing_to_swap() -> None:
    assert swapped_day_month(date(1979, 5, 5)) is None


def test_only_agreeing_dates_corroborate_a_name() -> None:
    assert DateAgreement.SAME.corroborates
    assert DateAgreement.DAY_MONTH_SWAPPED.corroborates
    assert not DateAgreement.MISSING_ON_LIST.corroborates
