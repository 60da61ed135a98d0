from __future__ import annotations

import pytest

from storyline.errors import InvalidDateError
from storyline.model import PartialDate


@pytest.mark.parametrize(
    ("text", "iso", "precision"),
    [
        ("2017", "2017", "year"),
        ("2017-03", "2017-03", "month"),
        ("2017-3", "2017-03", "month"),
        ("2017-03-02", "2017-03-02", "day"),
        ("2017-03-02T10:00:00Z", "2017-03-02", "day"),
    ],
)
def test_partial_date_keeps_its_precision(text: str, iso: str, precision: str) -> None:
    parsed = PartialDate.parse(text)
    assert parsed.iso() == iso
    assert parsed.precision == precision


@pytest.mark.parametrize("text", ["2017-02-31", "2017-13", "maart", "", "17-03-2017"])
def test_impossible_or_unreadable_dates_raise_a_named_error(text: str) -> None:
    with pytest.raises(InvalidDateError) as caught:
        PartialDate.parse(text)
    assert "E001" in str(caught.value)


def test_month_precision_dates_order_before_days_of_that_month() -> None:
    assert PartialDate(2017, 3) < PartialDate(2017, 3, 1) < PartialDate(2017, 4)
