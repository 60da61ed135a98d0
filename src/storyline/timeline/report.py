"""A self-contained HTML report of a timeline: inline CSS, JS and SVG, nothing fetched.

Every piece of article text is escaped; source URLs are shown as text, not followed,
so the file opens the same offline and sends nobody's browser anywhere.
"""

from __future__ import annotations

from datetime import date, timedelta
from html import escape

from storyline.timeline.render import MONTH_NAMES, date_label, source_label
from storyline.timeline.types import Timeline, TimelineEntry

WIDTH = 960
MARGIN = 40
ROW = 22
LABEL_ROOM = 150  # right of the axis, for the labels of the last marks

CSS = """
:root{--ink:#1d2430;--muted:#667085;--line:#d0d5dd;--accent:#2459c4;--soft:#eef3fc}
*{box-sizing:border-box}
body{font:16px/1.55 Georgia,'Times New Roman',serif;color:var(--ink);margin:0;background:#fafafa}
main{max-width:980px;margin:0 auto;padding:24px 20px 60px;background:#fff}
h1{font:600 28px/1.2 system-ui,sans-serif;margin:8px 0 4px}
h2{font:600 19px/1.3 system-ui,sans-serif;margin:0 0 8px}
.meta,.cite,.chips,th,td,.iso,input{font-family:system-ui,sans-serif}
.meta{color:var(--muted);font-size:14px}
.summary{font-size:18px;margin:16px 0;padding:12px 16px;background:var(--soft);
  border-left:4px solid var(--accent)}
svg{width:100%;height:auto;display:block;margin:12px 0 20px}
svg a{cursor:pointer}
svg .mark{fill:var(--accent);opacity:.85}
svg .mark:hover,svg a:focus .mark{opacity:1;stroke:#111;stroke-width:1.5}
svg text{font:11px system-ui,sans-serif;fill:var(--ink)}
svg .axis{stroke:var(--line)}
svg .tick{fill:var(--muted)}
.entry{border-top:1px solid var(--line);padding:14px 0 10px;scroll-margin-top:12px}
.entry.hit{background:#fff8e1}
.iso{color:var(--muted);font-size:13px;font-weight:400;margin-left:8px}
blockquote{margin:6px 0 2px;padding:0 0 0 12px;border-left:3px solid var(--line)}
.cite{color:var(--muted);font-size:13px;margin:0 0 8px 15px}
.chips span{display:inline-block;font-size:12px;background:#f2f4f7;border-radius:10px;
  padding:1px 8px;margin:2px 4px 0 0}
table{border-collapse:collapse;width:100%;font-size:13px}
th,td{text-align:left;border-bottom:1px solid var(--line);padding:4px 6px;vertical-align:top}
code{font-size:12px;word-break:break-all}
input{font-size:14px;padding:4px 8px;width:260px;margin:4px 0 8px}
@media print{input,svg{display:none}main{padding:0}}
"""

JS = """
(function(){
  var box=document.getElementById('filter');
  var entries=[].slice.call(document.querySelectorAll('.entry'));
  box.addEventListener('input',function(){
    var q=box.value.toLowerCase();
    entries.forEach(function(e){e.style.display=!q||e.textContent.toLowerCase().indexOf(q)>=0?'':'none';});
  });
  [].slice.call(document.querySelectorAll('svg a')).forEach(function(a){
    a.addEventListener('click',function(){
      entries.forEach(function(e){e.classList.remove('hit');});
      var t=document.getElementById(a.getAttribute('href').slice(1));
      if(t){t.classList.add('hit');}
    });
  });
})();
"""


def _x(day: date, first: date, span_days: int) -> float:
    return MARGIN + (WIDTH - 2 * MARGIN) * (day - first).days / span_days


def _ticks(first: date, last: date) -> list[tuple[date, str]]:
    """Month ticks (every n-th month so that at most a dozen show), or year ticks."""
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    if months > 36:
        return [(date(y, 1, 1), str(y)) for y in range(first.year + 1, last.year + 1)]
    step = max(1, months // 12 + (months % 12 > 0))
    found = []
    year, month = first.year, first.month
    for i in range(months + 1):
        day = date(year + (month - 1 + i) // 12, (month - 1 + i) % 12 + 1, 1)
        if first <= day <= last and i % step == 0:
            found.append((day, f"{MONTH_NAMES[day.month - 1][:3]} {day.year}"))
    return found


def _label_width(entry: TimelineEntry) -> float:
    return 6.5 * len(date_label(entry.range)) + 16


def _lanes(entries: list[TimelineEntry], first: date, span_days: int) -> list[int]:
    """A row for each entry so that its mark and label (right of the mark) overlap nothing."""
    ends: list[float] = []
    lanes = []
    for entry in entries:
        left = _x(entry.range.start, first, span_days)
        right = max(left + 6, _x(entry.range.end, first, span_days))
        lane = next((i for i, end in enumerate(ends) if end < left), len(ends))
        if lane == len(ends):
            ends.append(0.0)
        ends[lane] = right + _label_width(entry)
        lanes.append(lane)
    return lanes


def svg_timeline(timeline: Timeline) -> str:
    """A horizontal timeline: a dot per day, a bar per longer stretch, each linked to its entry."""
    entries = timeline.entries
    if not entries:
        return ""
    first = min(e.range.start for e in entries) - timedelta(days=2)
    last = max(e.range.end for e in entries) + timedelta(days=2)
    span_days = max(1, (last - first).days)
    lanes = _lanes(entries, first, span_days)
    height = 50 + ROW * (max(lanes) + 1)
    axis = height - 28
    parts = [
        f'<svg viewBox="0 0 {WIDTH + LABEL_ROOM} {height}" role="img" aria-label="timeline">',
        f'<line class="axis" x1="{MARGIN}" y1="{axis}" x2="{WIDTH - MARGIN}" y2="{axis}"/>',
    ]
    for day, label in _ticks(first, last):
        x = _x(day, first, span_days)
        parts.append(f'<line class="axis" x1="{x:.1f}" y1="{axis}" x2="{x:.1f}" y2="{axis + 5}"/>')
        parts.append(
            f'<text class="tick" x="{x:.1f}" y="{axis + 18}" text-anchor="middle">{label}</text>'
        )
    for i, (entry, lane) in enumerate(zip(entries, lanes, strict=True)):
        left = _x(entry.range.start, first, span_days)
        right = _x(entry.range.end, first, span_days)
        y = 14 + lane * ROW
        title = escape(
            f"{date_label(entry.range)}: {entry.sentences[0].text if entry.sentences else ''}"
        )
        if right - left < 6:
            mark = f'<circle class="mark" cx="{left + 3:.1f}" cy="{y}" r="5"/>'
        else:
            mark = (
                f'<rect class="mark" x="{left:.1f}" y="{y - 5}" '
                f'width="{right - left:.1f}" height="10" rx="4"/>'
            )
        parts.append(
            f'<a href="#entry-{i}"><title>{title}</title>{mark}'
            f'<text x="{max(right, left + 6) + 5:.1f}" y="{y + 4}">'
            f"{escape(date_label(entry.range))}</text></a>"
        )
    parts.append("</svg>")
    return "\n".join(parts)


def _entry_html(i: int, entry: TimelineEntry, titles: dict[str, str]) -> str:
    rows = [
        f'<section class="entry" id="entry-{i}">',
        f'<h2>{escape(date_label(entry.range))}<span class="iso">{escape(entry.range.label)}'
        f" · {entry.articles} article(s)</span></h2>",
    ]
    for sentence in entry.sentences:
        rows.append(f"<blockquote>{escape(sentence.text)}</blockquote>")
        title = titles.get(sentence.article, "")
        cite = f"{title} — {source_label(sentence)}" if title else source_label(sentence)
        rows.append(f'<div class="cite">{escape(cite)}</div>')
    if entry.entities:
        chips = "".join(f"<span>{escape(e.name)}</span>" for e in entry.entities)
        rows.append(f'<div class="chips">{chips}</div>')
    rows.append("</section>")
    return "\n".join(rows)


def _sources_html(timeline: Timeline) -> str:
    rows = [
        "<table><tr><th>article</th><th>title</th><th>outlet</th><th>published</th><th>address</th></tr>"
    ]
    for a in timeline.articles:
        rows.append(
            f"<tr><td><code>{escape(a.id)}</code></td><td>{escape(a.title)}</td>"
            f"<td>{escape(a.outlet or '')}</td><td>{escape(a.published or '')}</td>"
            f"<td><code>{escape(a.url or '')}</code></td></tr>"
        )
    rows.append("</table>")
    return "\n".join(rows)


def _header_html(timeline: Timeline) -> str:
    summary = timeline.summary
    meta = []
    if summary.start:
        meta.append(f"{escape(summary.start)} – {escape(summary.end or '')}")
    meta.append(f"{len(timeline.entries)} dates, {len(timeline.articles)} source articles")
    if timeline.story:
        meta.append(f"story {escape(timeline.story)}")
    actors = ", ".join(escape(a.name) for a in summary.actors)
    return "\n".join(
        [
            f"<h1>{escape(timeline.label)}</h1>",
            f'<div class="meta">{" · ".join(meta)}</div>',
            f'<p class="summary">{escape(summary.text)}</p>',
            f'<div class="meta"><strong>Main actors:</strong> {actors}</div>' if actors else "",
        ]
    )


def html_report(timeline: Timeline) -> str:
    """The whole report as one HTML document that works offline."""
    titles = {a.id: a.title for a in timeline.articles}
    body = [
        _header_html(timeline),
        svg_timeline(timeline),
        '<input id="filter" type="search" placeholder="Filter dates by word or name" '
        'aria-label="filter">',
        *[_entry_html(i, entry, titles) for i, entry in enumerate(timeline.entries)],
        "<h2>Sources</h2>",
        _sources_html(timeline),
        '<p class="meta">Made by storyline: every sentence is quoted verbatim from the article '
        "named under it (article id and character offsets).</p>",
    ]
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>Timeline: {escape(timeline.label)}</title><style>{CSS}</style></head>\n"
        f"<body><main>\n{chr(10).join(body)}\n</main><script>{JS}</script></body></html>\n"
    )
