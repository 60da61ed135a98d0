"""The web pages: server-rendered HTML (Jinja2, autoescaped), plain CSS and JS, no build step."""

from __future__ import annotations

from collections import defaultdict
from importlib import resources
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape

from storyline.api.context import AppContext, Readers
from storyline.api.queries import article_detail, entity_detail, story_detail, story_overview
from storyline.api.shapes import brief_dict, hit_dict
from storyline.store.search import SearchFilter, recent_articles, search_articles
from storyline.web.highlight import render_blocks
from storyline.web.visual import (
    cooccurrence_graph,
    nice_date,
    quote_strip,
    short_label,
    span_text,
    sparkline,
)

router = APIRouter(include_in_schema=False)


def templates_dir() -> Path:
    return Path(str(resources.files("storyline") / "web" / "templates"))


templates = Jinja2Templates(directory=templates_dir())
templates.env.filters["nicedate"] = nice_date
templates.env.filters["short_label"] = short_label
templates.env.globals["span_text"] = span_text


def marked(snippet: str, highlights: list[list[int]]) -> Markup:
    """A search snippet escaped piece by piece, its matched words in <mark>."""
    out: list[str] = []
    position = 0
    for start, end in highlights:
        out.append(str(escape(snippet[position:start])))
        out.append(f"<mark>{escape(snippet[start:end])}</mark>")
        position = end
    out.append(str(escape(snippet[position:])))
    return Markup("".join(out))


templates.env.filters["marked"] = marked


def safe_url(url: str | None) -> str:
    """Only http(s) links leave the page: an article's url could say javascript:."""
    if url and url.strip().lower().startswith(("http://", "https://")):
        return url.strip()
    return ""


templates.env.filters["safe_url"] = safe_url


def _ctx(request: Request) -> AppContext:
    ctx: AppContext = request.app.state.ctx
    return ctx


def _page(request: Request, name: str, status: int = 200, **data: Any) -> HTMLResponse:
    return templates.TemplateResponse(request, name, data, status_code=status)


def render_error(request: Request, status: int, message: str) -> HTMLResponse:
    return _page(request, "error.html", status=status, status_code=status, message=message)


def _home_stories(readers: Readers, limit: int) -> list[dict[str, Any]]:
    found = readers.stories.list_stories(limit, 0)
    found.sort(key=lambda s: (s.end or s.start or "", s.id), reverse=True)
    overviews = [story_overview(readers, story) for story in found]
    for item in overviews:
        item["spark"] = sparkline(item["per_day"])
    return overviews


@router.get("/", response_class=HTMLResponse)
def home(request: Request) -> HTMLResponse:
    readers = _ctx(request).here()
    stories = _home_stories(readers, 100)
    recent = [] if stories else [brief_dict(b) for b in recent_articles(readers.store, 30)]
    stats = readers.store.stats()
    return _page(
        request,
        "home.html",
        stories=stories,
        recent=recent,
        stats=stats,
    )


def _by_speaker(quotes: list[dict[str, Any]]) -> list[tuple[str, list[dict[str, Any]]]]:
    """Quotes grouped by who said them: by resolved entity when known, else by the name."""
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    names: dict[str, tuple[bool, int, str]] = {}
    for quote in quotes:
        speaker = quote.get("speaker") or {}
        text = speaker.get("text")
        key = quote.get("speaker_entity") or text or ""
        groups[key].append(quote)
        # a group is headed by the fullest name, not by a role that refers to the person
        # ("de Russische president" among Vladimir Poetin's quotes)
        rank = (speaker.get("label") != "ROLE", len(text or ""), text or "")
        if text and rank > names.get(key, (False, 0, "")):
            names[key] = rank
    ranked = sorted(groups.items(), key=lambda item: (item[0] == "", -len(item[1]), item[0]))
    return [(names[key][2] if key in names else "Unattributed", items) for key, items in ranked]


def _timeline_items(story: dict[str, Any]) -> list[dict[str, Any]]:
    """Rows for the visual timeline: timeline entries when built, else the story's events."""
    articles = story["articles"]
    timeline = story.get("timeline")
    if isinstance(timeline, dict) and timeline.get("entries"):
        rows = []
        for entry in timeline["entries"]:
            sentences = entry.get("sentences", [])
            ids = list(dict.fromkeys(s.get("article") for s in sentences if s.get("article")))
            rows.append(
                {
                    "date": entry.get("date"),
                    "lines": [s.get("text", "") for s in sentences],
                    "sources": [articles[i] for i in ids if i in articles],
                }
            )
        return rows
    return [
        {
            "date": event["date"],
            "lines": [event["label"]],
            "sources": [articles[i] for i in event["articles"] if i in articles],
        }
        for event in sorted(story["events"], key=lambda e: (e["date"] or "9999", e["id"]))
    ]


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story_page(story_id: str, request: Request) -> HTMLResponse:
    readers = _ctx(request).here()
    story = story_detail(readers, story_id)
    rows = _timeline_items(story)
    points = [
        {
            "date": r["date"],
            "label": r["lines"][0] if r["lines"] else "",
            "size": len(r["sources"]),
            "index": i,
        }
        for i, r in enumerate(rows)
    ]
    return _page(
        request,
        "story.html",
        story=story,
        rows=rows,
        points=points,
        speakers=_by_speaker(story["quotes"]),
        spark=sparkline(story["per_day"], width=640, height=40),
    )


ENTITY_PAGE_ARTICLES = 60


@router.get("/entities/{entity_id}", response_class=HTMLResponse)
def entity_page(
    entity_id: str, request: Request, offset: Annotated[int, Query(ge=0)] = 0
) -> HTMLResponse:
    """The entity; ``offset`` pages through its articles, newest first."""
    readers = _ctx(request).here()
    entity = entity_detail(
        readers, entity_id, article_limit=ENTITY_PAGE_ARTICLES, article_offset=offset
    )
    if entity["articles_next"]:
        entity["older"] = f"/entities/{entity['id']}?offset={offset + ENTITY_PAGE_ARTICLES}"
    if offset:
        entity["newer"] = f"/entities/{entity['id']}?offset={max(0, offset - ENTITY_PAGE_ARTICLES)}"
    graph = cooccurrence_graph(entity, entity["co_occurring"])
    return _page(
        request,
        "entity.html",
        entity=entity,
        graph=graph,
        strip=quote_strip(entity["quotes"]),
    )


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(article_id: str, request: Request) -> HTMLResponse:
    readers = _ctx(request).here()
    doc = article_detail(readers, article_id)
    people = sorted(
        {(m["text"], m["label"], m.get("entity_id")) for m in doc["entities"]},
        key=lambda item: (item[1], item[0]),
    )
    return _page(request, "article.html", doc=doc, blocks=render_blocks(doc), people=people)


@router.get("/search", response_class=HTMLResponse)
def search_page(
    request: Request,
    q: str = "",
    date_from: Annotated[str | None, Query(alias="from")] = None,
    date_to: Annotated[str | None, Query(alias="to")] = None,
    lang: str | None = None,
    source: str | None = None,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> HTMLResponse:
    filt = SearchFilter(
        q, date_from or None, date_to or None, lang or None, source or None, None, 20, offset
    )
    hits: list[dict[str, Any]] = []
    total = 0
    if q.strip():
        readers = _ctx(request).here()
        result = search_articles(readers.store, filt)
        hits = [hit_dict(hit) for hit in result.hits]
        total = result.total
    return _page(request, "search.html", q=q, filt=filt, hits=hits, total=total, offset=offset)
