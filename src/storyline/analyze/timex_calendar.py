"""What the time-expression handlers share: their context, result, and calendar arithmetic."""

from __future__ import annotations

import calendar
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from types import ModuleType
from typing import Any

from storyline.model import PartialDate

Frame = dict[str, Any]
SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}


class Reject(Exception):
    """The match is not a usable time expression; the message says why."""


@dataclass
class Result:
    value: str
    type: str | None = None
    mod: str | None = None
    underspecified: bool = False


@dataclass
class Context:
    anchor: PartialDate | None
    text: str
    start: int
    end: int
    lex: ModuleType
    direction: Callable[[], int]

    def prev_word(self) -> str:
        words = self.text[max(0, self.start - 30) : self.start].split()
        return words[-1].lower() if words else ""

    def next_word(self) -> str:
        words = self.text[self.end : self.end + 30].split()
        return words[0] if words else ""


# --- small calendar helpers ---------------------------------------------------------------


def week_value(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def shift_month(year: int, month: int, months: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + months
    return index // 12, index % 12 + 1


def valid_day(year: int, month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]


def day_anchor(ctx: Context) -> date | None:
    anchor = ctx.anchor
    return anchor.first_day() if anchor is not None and anchor.precision == "day" else None


def coarse(ctx: Context, fallback: str, type_: str | None = None) -> Result:
    """The anchor's own value when the expression needs more precision than it has."""
    if ctx.anchor is None:
        return Result(fallback, type_, underspecified=True)
    return Result(ctx.anchor.iso(), type_, underspecified=True)


def number(frame: Frame, key: str = "num", default: float | str = 1) -> float | str:
    value = frame.get(key)
    return default if value is None else value


def fmt_number(value: float | str) -> str:
    if isinstance(value, str):
        return value
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def duration_value(amount: float | str, unit: str) -> str:
    """P3Y, PT2H, PXM, P10Y for a decade."""
    if unit in ("DE", "CE") and not isinstance(amount, str):
        amount, unit = amount * (10 if unit == "DE" else 100), "Y"
    if unit == "Q" and not isinstance(amount, str):
        amount, unit = amount * 3, "M"
    if unit in ("H", "MIN", "S"):
        return f"PT{fmt_number(amount)}{'M' if unit == 'MIN' else unit}"
    return f"P{fmt_number(amount)}{unit}"


def year_for(ctx: Context, month: int, day: int | None = None, side: int = 0) -> tuple[int, bool]:
    """Year of a month (and day) named without one: the side the tense points to.

    Without a tense cue a bare month lies in the past (news reports what happened) and a
    day with its month is the nearest such day ("op 15 juni" in early June is ahead).
    """
    anchor = ctx.anchor
    if anchor is None:
        raise ValueError("no anchor")
    if anchor.month is None:
        return anchor.year, True
    here = (anchor.month, anchor.day or 0) if day is not None and anchor.day else (anchor.month, 0)
    there = (month, day or 0) if day is not None and anchor.day else (month, 0)
    if there == here:
        return anchor.year, False
    side = side or ctx.direction()
    if side == 0 and day is not None:
        ref = date(2000, anchor.month, anchor.day or 15)
        gaps = {y: abs((date(2000 + y, month, min(day, 28)) - ref).days) for y in (-1, 0, 1)}
        return anchor.year + min(gaps, key=lambda y: gaps[y]), False
    if side <= 0:
        return (anchor.year if there < here else anchor.year - 1), False
    return (anchor.year if there > here else anchor.year + 1), False
