"""Small drawings computed on the server: sparklines, the co-occurrence graph, date labels."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from typing import Any

_MONTHS = [
    *("January", "February", "March", "April", "May", "June"),
    *("July", "August", "September", "October", "November", "December"),
]


def nice_date(value: str | None) -> str:
    """2017-03-02 -> 2 Mar 2017, 2017-03 -> March 2017, 2017 -> 2017; other text as is."""
    if not value:
        return "undated"
    parts = value[:10].split("-")
    try:
        numbers = [int(p) for p in parts]
    except ValueError:
        return value
    if len(numbers) >= 3:
        return f"{numbers[2]} {_MONTHS[numbers[1] - 1][:3]} {numbers[0]}"
    if len(numbers) == 2 and 1 <= numbers[1] <= 12:
        return f"{_MONTHS[numbers[1] - 1]} {numbers[0]}"
    return value


def span_text(start: str | None, end: str | None) -> str:
    if not start and not end:
        return "undated"
    if not end or start == end:
        return nice_date(start or end)
    return f"{nice_date(start)} – {nice_date(end)}"


def _day(value: str) -> date | None:
    parts = value[:10].split("-")
    try:
        return date(
            int(parts[0]),
            int(parts[1]) if len(parts) > 1 else 1,
            int(parts[2]) if len(parts) > 2 else 1,
        )
    except (ValueError, IndexError):
        return None


@dataclass
class Sparkline:
    width: int
    height: int
    bar_width: float
    bars: list[tuple[float, float, float, str]]  # x, y, height, title


def sparkline(per_day: list[dict[str, Any]], width: int = 160, height: int = 28) -> Sparkline:
    """Articles per day as bars on a continuous day axis (gaps show as gaps)."""
    points = [(d, int(item["count"])) for item in per_day if (d := _day(item["date"]))]
    if not points:
        return Sparkline(width, height, 2.0, [])
    first = min(d for d, _ in points)
    last = max(d for d, _ in points)
    days = max((last - first).days + 1, 1)
    top = max(c for _, c in points)
    bar_width = max(2.0, min(width / days, 6.0))
    slot = (width - bar_width) / max(days - 1, 1)
    bars = []
    for day, count in points:
        bar = max(height * count / top, 1.5)
        x = (day - first).days * slot
        title = f"{nice_date(day.isoformat())}: {count} article{'s' if count != 1 else ''}"
        bars.append((round(x, 2), round(height - bar, 2), round(bar, 2), title))
    return Sparkline(width, height, bar_width, bars)


@dataclass
class Node:
    id: str | None
    name: str
    type: str | None
    x: float
    y: float
    r: float
    count: int
    # the label sits outside the ring, away from the centre: where, and which end it hangs by
    label_x: float = 0.0
    label_y: float = 0.0
    anchor: str = "middle"


@dataclass
class Graph:
    size: int
    center: Node
    nodes: list[Node]
    margin: int = 0  # room on the left and right for the labels


_LABEL_CHARS = 24  # longer names are cut with an ellipsis; the full name is the tooltip
_LABEL_MARGIN = 130


def cooccurrence_graph(
    entity: dict[str, Any], neighbours: list[dict[str, Any]], size: int = 420
) -> Graph:
    """The entity in the middle, the entities seen with it on a ring; nearer the more often."""
    middle = size / 2
    center = Node(entity["id"], entity["name"], entity.get("type"), middle, middle, 30, 0)
    shown = neighbours[:16]
    top = max((n["count"] for n in shown), default=1)
    nodes = []
    for index, item in enumerate(shown):
        angle = -math.pi / 2 + 2 * math.pi * index / max(len(shown), 1)
        share = item["count"] / top
        distance = middle - 48 - 50 * share
        other = item["entity"]
        radius = round(8 + 14 * share, 1)
        cos, sin = math.cos(angle), math.sin(angle)
        reach = distance + radius + 5
        nodes.append(
            Node(
                other["id"],
                other["name"],
                other.get("type"),
                round(middle + distance * cos, 1),
                round(middle + distance * sin, 1),
                radius,
                item["count"],
                round(middle + reach * cos, 1),
                # below the ring the text hangs under its point, above it stands on it
                round(middle + reach * sin + (10 if sin > 0.3 else 0), 1),
                "start" if cos > 0.1 else "end" if cos < -0.1 else "middle",
            )
        )
    return Graph(size, center, nodes, _LABEL_MARGIN)


def short_label(name: str) -> str:
    """A graph label: the name, cut to ``_LABEL_CHARS`` with an ellipsis."""
    return name if len(name) <= _LABEL_CHARS else name[: _LABEL_CHARS - 1].rstrip() + "…"


def quote_strip(quotes: list[dict[str, Any]], width: int = 640) -> list[tuple[float, str, str]]:
    """Positions (0..width) of quotes on a time axis, with their date label and text."""
    dated = [(d, q) for q in quotes if q.get("when") and (d := _day(q["when"]))]
    if not dated:
        return []
    first = min(d for d, _ in dated)
    last = max(d for d, _ in dated)
    days = max((last - first).days, 1)
    pad = 12
    return [
        (
            round(pad + (width - 2 * pad) * (d - first).days / days, 1),
            nice_date(q["when"]),
            q["text"][:140],
        )
        for d, q in dated
    ]
