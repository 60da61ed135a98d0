"""Article text as safe HTML with entities, quotes and time expressions marked from offsets.

The text is untrusted: every piece of it is escaped on its own before any markup is added.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape

# Outer first: a quote may hold entities and time expressions, not the other way round.
_ORDER = {"quote": 0, "entity": 1, "timex": 2}


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    kind: str
    data: tuple[tuple[str, str], ...] = ()


@dataclass
class Block:
    heading: bool
    html: Markup


def marks_of(doc: dict[str, Any]) -> list[Mark]:
    """Marks from a document dict (``storyline.serialize.document_dict``)."""
    found: list[Mark] = []
    for q in doc.get("quotes", []):
        speaker = (q.get("speaker") or {}).get("text") or q.get("speaker_entity") or "unknown"
        found.append(
            Mark(q["start"], q["end"], "quote", (("speaker", speaker), ("kind", q["kind"])))
        )
    for m in doc.get("entities", []):
        data = (("label", m["label"]), ("entity", m.get("entity_id") or ""))
        found.append(Mark(m["start"], m["end"], "entity", data))
    for t in doc.get("timexes", []):
        found.append(
            Mark(t["start"], t["end"], "timex", (("value", t["value"]), ("type", t["type"])))
        )
    return found


def _open(mark: Mark) -> str:
    data = dict(mark.data)
    if mark.kind == "quote":
        title = f"{data['kind']} quote · {data['speaker']}"
        return f'<span class="hl-quote" title="{escape(title)}">'
    if mark.kind == "entity":
        label = escape(data["label"])
        if data["entity"]:
            href = f"/entities/{escape(data['entity'])}"
            return f'<a class="hl-ent hl-{label}" href="{href}" title="{label}">'
        return f'<span class="hl-ent hl-{label}" title="{label}">'
    value = escape(data["value"])
    return f'<time class="hl-timex" datetime="{value}" title="{value}">'


def _close(mark: Mark) -> str:
    if mark.kind == "entity" and dict(mark.data)["entity"]:
        return "</a>"
    return "</time>" if mark.kind == "timex" else "</span>"


def _clip(mark: Mark, start: int, end: int) -> Mark:
    return Mark(max(mark.start, start), min(mark.end, end), mark.kind, mark.data)


def render_span(text: str, start: int, end: int, marks: list[Mark]) -> Markup:
    """``text[start:end]`` escaped, marks nested inside one another as tags.

    A mark that crosses the end of an enclosing one is split there, so tags always nest.
    """
    pending = sorted(
        (
            _clip(m, start, end)
            for m in marks
            if m.start < end and m.end > start and m.start < m.end
        ),
        key=lambda m: (m.start, -m.end, _ORDER[m.kind]),
    )
    out: list[str] = []
    position = start
    while pending:
        mark = pending.pop(0)
        if mark.end <= position:
            continue
        mark = _clip(mark, position, end)
        inner = [m for m in pending if m.start < mark.end]
        rest = [m for m in pending if m.start >= mark.end]
        rest += [_clip(m, mark.end, m.end) for m in inner if m.end > mark.end]
        pending = sorted(rest, key=lambda m: (m.start, -m.end, _ORDER[m.kind]))
        out.append(str(escape(text[position : mark.start])))
        out.append(_open(mark) + str(render_span(text, mark.start, mark.end, inner)) + _close(mark))
        position = mark.end
    out.append(str(escape(text[position:end])))
    return Markup("".join(out))


def render_blocks(doc: dict[str, Any]) -> list[Block]:
    """The article's paragraphs (or blank-line blocks) as highlighted HTML."""
    text: str = doc["text"]
    marks = marks_of(doc)
    spans = [(p["start"], p["end"], bool(p["heading"])) for p in doc.get("paragraphs", [])]
    if not spans:
        spans = _blocks(text)
    return [Block(heading, render_span(text, s, e, marks)) for s, e, heading in spans]


def _blocks(text: str) -> list[tuple[int, int, bool]]:
    found: list[tuple[int, int, bool]] = []
    position = 0
    for part in text.split("\n\n"):
        stripped = part.strip()
        if stripped:
            start = position + part.index(stripped[0])
            found.append((start, start + len(stripped), False))
        position += len(part) + 2
    return found
