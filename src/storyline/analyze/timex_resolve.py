"""Turn the parts of a matched time expression into a TIMEX3 value relative to an anchor.

Each handler takes the parsed parts (``Frame``) and a ``Context`` and returns a ``Result``
or raises ``Reject`` with a reason that the tagger logs at debug level.  An anchor known only
to the month or year never yields an invented day: the handler falls back to the anchor's own
precision and marks the result underspecified.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from storyline.analyze.timex_calendar import (
    SEASON_MONTHS,
    Context,
    Frame,
    Reject,
    Result,
    coarse,
    day_anchor,
    duration_value,
    number,
    shift_month,
    valid_day,
    week_value,
    year_for,
)

__all__ = ["HANDLERS", "Context", "Frame", "Reject", "Result"]

_FRACTIONS_OK_AFTER = frozenset(["op", "sinds", "vanaf", "tot", "per", "on", "since", "from"])


def h_date(frame: Frame, ctx: Context) -> Result:
    day, month = frame["day"], frame["month"]
    year = frame.get("year")
    if year is None and frame.get("yy") is not None:
        year = expand_yy(frame["yy"], ctx)
    if year is None and frame.get("offset") is not None and ctx.anchor is not None:
        year = ctx.anchor.year + frame["offset"]
    if year is not None:
        if not valid_day(year, month, day):
            raise Reject(f"impossible date: day {day} of month {month} in {year}")
        return Result(f"{year:04d}-{month:02d}-{day:02d}")
    if not valid_day(2000, month, day):
        raise Reject(f"impossible date: day {day} of month {month}")
    if ctx.anchor is None:
        return Result(f"XXXX-{month:02d}-{day:02d}")
    year, unsure = year_for(ctx, month, day)
    if not valid_day(year, month, day):
        raise Reject(f"impossible date: day {day} of month {month} in {year}")
    return Result(f"{year:04d}-{month:02d}-{day:02d}", underspecified=unsure)


def expand_yy(yy: int, ctx: Context) -> int:
    base = ctx.anchor.year if ctx.anchor else 2000
    year = (base // 100) * 100 + yy
    return year - 100 if year > base + 20 else year


def h_numeric(frame: Frame, ctx: Context) -> Result:
    has_year = frame.get("year") is not None or frame.get("yy") is not None
    if not has_year:
        day, month = frame["day"], frame["month"]
        if (day, month) == (24, 7) or (day < month and ctx.prev_word() not in _FRACTIONS_OK_AFTER):
            raise Reject(f"{day}/{month} reads as a fraction, not a date")
    return h_date(frame, ctx)


def h_iso(frame: Frame, ctx: Context) -> Result:
    return h_date(frame, ctx)


def h_month(frame: Frame, ctx: Context) -> Result:
    month, mod = frame["month"], frame.get("mod")
    year = frame.get("year")
    if year is None and frame.get("offset") is not None and ctx.anchor is not None:
        year = ctx.anchor.year + frame["offset"]
    if year is not None:
        return Result(f"{year:04d}-{month:02d}", mod=mod)
    if ctx.anchor is None:
        return Result(f"XXXX-{month:02d}", mod=mod)
    year, unsure = year_for(ctx, month)
    return Result(f"{year:04d}-{month:02d}", mod=mod, underspecified=unsure)


def h_month_offset(frame: Frame, ctx: Context) -> Result:
    """'afgelopen november', 'komende maart': the nearest such month on that side."""
    month, side = frame["month"], frame["offset"]
    anchor = ctx.anchor
    if anchor is None:
        return Result(f"XXXX-{month:02d}")
    if side == 0 or anchor.month is None:
        return Result(f"{anchor.year:04d}-{month:02d}", underspecified=anchor.month is None)
    year, _ = year_for(ctx, month, side=side)
    if anchor.month == month:
        year += side
    return Result(f"{year:04d}-{month:02d}")


def h_year(frame: Frame, ctx: Context) -> Result:
    year, mod = frame["year"], frame.get("mod")
    span = ctx.text[ctx.start : ctx.end]
    if mod in (None, "APPROX") and (span[:1].isdigit() or mod == "APPROX"):
        check_bare_year(year, ctx)  # "about 1200 people" counts people
    return Result(f"{year:04d}", mod=mod)


def check_bare_year(year: int, ctx: Context) -> None:
    """A lone four-digit number is a year only where a year is expected."""
    ref = ctx.anchor.year if ctx.anchor else 2000
    prev, nxt = ctx.prev_word().strip("(,"), ctx.next_word()
    if prev in {"€", "$", "£", "nummer", "nr.", "number", "no."} or prev.endswith(("€", "$")):
        raise Reject(f"{year} follows a currency or number word")
    if prev in ctx.lex.YEAR_CUES:
        if not ref - 1000 <= year <= ref + 100:
            raise Reject(f"{year} is too far from the anchor year {ref}")
        return
    if not ref - 150 <= year <= ref + 30:
        raise Reject(f"bare number {year} is too far from the anchor year {ref} to be a year")
    word = nxt.strip(".,;:!?)\"'”’").lower()
    if nxt[:1].islower() and word not in ctx.lex.YEAR_FOLLOWERS:
        raise Reject(f"bare number {year} counts something ({nxt!r}), not a year")


def decade_digits(frame: Frame, ctx: Context) -> tuple[int | None, int]:
    if frame.get("decade") is not None:
        return None, int(frame["decade"])
    raw = str(frame["decadenum"]).lstrip("'")
    if len(raw) == 4:
        return int(raw[:2]), int(raw[2])
    return None, int(raw[0])


def h_decade(frame: Frame, ctx: Context) -> Result:
    century, digit = decade_digits(frame, ctx)
    if century is None:
        ref = ctx.anchor.year if ctx.anchor else 2000
        century = ref // 100
        if century * 100 + digit * 10 > ref:
            century -= 1
    return Result(f"{century:02d}{digit}X", mod=frame.get("mod"))


def h_century(frame: Frame, ctx: Context) -> Result:
    number_ = frame.get("cent") or frame.get("ord")
    if not isinstance(number_, int) or number_ < 1:
        raise Reject("no century number")
    return Result(f"{number_ - 1:02d}")


def h_weekday(frame: Frame, ctx: Context) -> Result:
    weekday, offset, part = frame["weekday"], frame.get("offset"), frame.get("part")
    suffix = f"T{part}" if part else ""
    type_ = "TIME" if part else None
    anchor = day_anchor(ctx)
    if anchor is None:
        return coarse(ctx, f"XXXX-WXX-{weekday}{suffix}", type_)
    today = anchor.isoweekday()
    if frame.get("weekref") is not None:
        day = anchor + timedelta(days=weekday - today + 7 * (offset or 0))
    elif offset == 0:
        day = anchor + timedelta(days=weekday - today)
    else:
        forward = offset > 0 if offset is not None else ctx.direction() > 0  # no cue: past
        if forward:
            gap = (weekday - today) % 7 or (7 if offset else 0)
            day = anchor + timedelta(days=gap)
        else:
            gap = (today - weekday) % 7 or (7 if offset else 0)
            day = anchor - timedelta(days=gap)
    return Result(day.isoformat() + suffix, type_)


def h_relday(frame: Frame, ctx: Context) -> Result:
    if frame.get("relday") == 1 and ctx.lex.NOT_TOMORROW_AFTER:
        before = ctx.text[max(0, ctx.start - 3) : ctx.start].strip()
        inside = ctx.text[ctx.start].isupper() and before and before[-1] not in ".!?\"'“‘(:"
        if inside or ctx.prev_word() in ctx.lex.NOT_TOMORROW_AFTER:
            raise Reject("'morgen' here is the morning or a name (De Morgen), not tomorrow")
    if frame.get("partword") is not None:
        shift, part = frame["partword"]
    else:
        shift, part = frame["relday"], frame.get("part")
    suffix = f"T{part}" if part else ""
    type_ = "TIME" if part else None
    anchor = day_anchor(ctx)
    if anchor is None:
        return coarse(ctx, "XXXX-XX-XX" + suffix, type_)
    return Result((anchor + timedelta(days=shift)).isoformat() + suffix, type_)


def h_relunit(frame: Frame, ctx: Context) -> Result:
    offset, unit, mod = frame["offset"], frame["unit"], frame.get("mod")
    anchor = ctx.anchor
    if anchor is None:
        return Result({-1: "PAST_REF", 0: "PRESENT_REF"}.get(offset, "FUTURE_REF"), mod=mod)
    if unit == "Y":
        return Result(f"{anchor.year + offset:04d}", mod=mod)
    if unit in ("DE", "CE"):
        size = 10 if unit == "DE" else 100
        start = (anchor.year // size + offset) * size
        return Result(f"{start // 10:03d}X" if size == 10 else f"{start // 100:02d}", mod=mod)
    if unit in ("M", "Q"):
        if anchor.month is None:
            return Result(anchor.iso(), mod=mod, underspecified=True)
        if unit == "Q":
            index = anchor.year * 4 + (anchor.month - 1) // 3 + offset
            return Result(f"{index // 4:04d}-Q{index % 4 + 1}", mod=mod)
        year, month = shift_month(anchor.year, anchor.month, offset)
        return Result(f"{year:04d}-{month:02d}", mod=mod)
    if unit in ("W", "WE"):
        day = day_anchor(ctx)
        if day is None:
            return Result(anchor.iso(), mod=mod, underspecified=True)
        value = week_value(day + timedelta(weeks=offset))
        return Result(value + ("-WE" if unit == "WE" else ""), mod=mod)
    if unit == "D" and offset == 0:
        return h_relday({"relday": 0}, ctx)
    span = ctx.text[ctx.start : ctx.end]
    raise Reject(f"'{span}' counts from a point in the story, not from the anchor")


def h_this_unit(frame: Frame, ctx: Context) -> Result:
    """'eind van het jaar', 'begin van de maand': the unit that holds the anchor."""
    return h_relunit({"offset": 0, "unit": frame.get("unit", "Y"), "mod": frame.get("mod")}, ctx)


def h_half_year(frame: Frame, ctx: Context) -> Result:
    half = frame["ord"]
    if half not in (1, 2, -1):
        raise Reject("a year has two halves")
    year = frame.get("year")
    if year is None and ctx.anchor is not None:
        year = ctx.anchor.year + (frame.get("offset") or 0)
    if year is None:
        return Result(f"XXXX-H{2 if half == -1 else half}")
    return Result(f"{year:04d}-H{2 if half == -1 else half}")


def h_quarter(frame: Frame, ctx: Context) -> Result:
    quarter = frame.get("q") or frame.get("ord")
    if quarter not in (1, 2, 3, 4, -1):
        raise Reject(f"no quarter {quarter}")
    year = frame.get("year")
    if year is None and frame.get("offset") is not None and ctx.anchor is not None:
        year = ctx.anchor.year + frame["offset"]
    if quarter == -1 and year is None:
        return h_relunit({"offset": -1, "unit": "Q"}, ctx)
    quarter = 4 if quarter == -1 else quarter
    if year is None:
        if ctx.anchor is None:
            return Result(f"XXXX-Q{quarter}")
        year = ctx.anchor.year
    return Result(f"{year:04d}-Q{quarter}")


def h_season(frame: Frame, ctx: Context) -> Result:
    season, mod = frame["season"], frame.get("mod")
    year = frame.get("year")
    anchor = ctx.anchor
    if year is None and anchor is not None:
        year = anchor.year + (frame.get("offset") or 0)
        if frame.get("offset") is None and anchor.month is not None:
            first, last = SEASON_MONTHS[season]
            month = anchor.month + (12 if season == "WI" and anchor.month < 3 else 0)
            if ctx.direction() < 0 and month < first:
                year -= 1
            elif ctx.direction() > 0 and month > last:
                year += 1
    return Result(f"{year:04d}-{season}" if year else f"XXXX-{season}", mod=mod)


def shifted(frame: Frame, ctx: Context, sign: int) -> Result:
    amount, unit = number(frame), frame["unit"]
    if isinstance(amount, str):
        return Result("PAST_REF" if sign < 0 else "FUTURE_REF")
    anchor = ctx.anchor
    if anchor is None:
        return Result("PAST_REF" if sign < 0 else "FUTURE_REF", underspecified=True)
    if unit in ("DE", "CE", "Y") and float(amount).is_integer():
        size = {"DE": 10, "CE": 100, "Y": 1}[unit]
        return Result(f"{anchor.year + sign * int(amount) * size:04d}")
    months = {"Y": 12, "M": 1, "Q": 3}.get(unit)
    if months is not None and float(amount * months).is_integer():
        if anchor.month is None:
            return coarse(ctx, "")
        year, month = shift_month(anchor.year, anchor.month, sign * int(amount * months))
        return Result(f"{year:04d}-{month:02d}")
    day = day_anchor(ctx)
    days = {"D": 1, "W": 7, "WE": 7}.get(unit)
    if day is None or days is None:
        return coarse(ctx, "")
    return Result((day + timedelta(days=sign * amount * days)).isoformat())


def h_ago(frame: Frame, ctx: Context) -> Result:
    return shifted(frame, ctx, -1)


def h_ahead(frame: Frame, ctx: Context) -> Result:
    return shifted(frame, ctx, 1)


def h_span(frame: Frame, ctx: Context) -> Result:
    unit_word = ctx.text[ctx.start : ctx.end].split()[-1].lower()
    plural = unit_word in ctx.lex.PLURAL_UNITS
    amount = number(frame, default="X" if plural else 1)
    return Result(duration_value(amount, frame["unit"]))


def h_duration(frame: Frame, ctx: Context) -> Result:
    amount = number(frame)
    if not isinstance(amount, str) and amount > 1000:
        raise Reject(f"{amount} {frame['unit']} is a count, not a duration")
    return Result(duration_value(amount, frame["unit"]), mod=frame.get("dmod"))


def h_vague(frame: Frame, ctx: Context) -> Result:
    return Result(duration_value("X", frame["vague"]))


def h_set(frame: Frame, ctx: Context) -> Result:
    if frame.get("setword") is not None:
        return Result(frame["setword"])
    if frame.get("weekday") is not None:
        part = frame.get("part")
        return Result(f"XXXX-WXX-{frame['weekday']}" + (f"T{part}" if part else ""))
    return Result(duration_value(1, frame["unit"]))


def h_time(frame: Frame, ctx: Context) -> Result:
    hour, minute = frame["hour"], frame.get("minute") or 0
    ampm = (frame.get("ampm") or "").lower().replace(".", "")
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    suffix = f"T{hour:02d}:{minute:02d}" + ("Z" if frame.get("tz") else "")
    anchor = day_anchor(ctx)
    if anchor is None:
        return coarse(ctx, "XXXX-XX-XX" + suffix)
    return Result(anchor.isoformat() + suffix)


def h_ref(frame: Frame, ctx: Context) -> Result:
    return Result(frame["ref"])


HANDLERS: dict[str, Callable[[Frame, Context], Result]] = {
    "date": h_date,
    "numeric": h_numeric,
    "iso": h_iso,
    "month": h_month,
    "month_offset": h_month_offset,
    "year": h_year,
    "decade": h_decade,
    "century": h_century,
    "weekday": h_weekday,
    "relday": h_relday,
    "relunit": h_relunit,
    "this_unit": h_this_unit,
    "half_year": h_half_year,
    "quarter": h_quarter,
    "season": h_season,
    "ago": h_ago,
    "ahead": h_ahead,
    "span": h_span,
    "duration": h_duration,
    "vague": h_vague,
    "set": h_set,
    "time": h_time,
    "ref": h_ref,
}
