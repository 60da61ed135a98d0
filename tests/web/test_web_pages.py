"""The pages as HTML: escaping of untrusted text, highlights from offsets, the fallbacks."""

from __future__ import annotations

import math
from html.parser import HTMLParser
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from storyline.api import create_app
from storyline.store.sqlite import SQLiteStore
from storyline.web.highlight import Mark, render_span
from storyline.web.visual import cooccurrence_graph, nice_date, short_label, sparkline
from tests.api.storyfixture import FakeEntities, FakeStories

Fakes = tuple[FakeEntities, FakeStories]
HTML = {"accept": "text/html"}


@pytest.fixture
def client(seeded: SQLiteStore, fakes: Fakes) -> TestClient:
    return TestClient(create_app(seeded, entities=fakes[0], stories=fakes[1]))


def _hostile_id(client: TestClient) -> str:
    found = client.get("/api/articles", params={"source": "evil.example"}).json()
    article_id: str = found["items"][0]["id"]
    return article_id


def test_highlights_nest_and_escape_every_piece() -> None:
    text = 'Hij zei: "<b>Trump</b> kwam donderdag".'
    quote = Mark(text.index('"'), len(text) - 1, "quote", (("speaker", "X"), ("kind", "direct")))
    at = text.index("Trump")
    entity = Mark(at, at + 5, "entity", (("label", "PER"), ("entity", "e-trump")))
    at = text.index("donderdag")
    timex = Mark(at, at + 9, "timex", (("value", "2017-03-02"), ("type", "DATE")))
    html = str(render_span(text, 0, len(text), [quote, entity, timex]))
    assert "<b>" not in html and "&lt;b&gt;" in html
    assert '<a class="hl-ent hl-PER" href="/entities/e-trump" title="PER">Trump</a>' in html
    assert (
        '<time class="hl-timex" datetime="2017-03-02" title="2017-03-02">donderdag</time>' in html
    )
    assert html.startswith('Hij zei: <span class="hl-quote"') and html.count("hl-quote") == 1
    assert html.endswith("</span>.")


def test_a_mark_crossing_the_end_of_another_is_split_so_tags_nest() -> None:
    text = "abcdefgh"
    outer = Mark(0, 4, "quote", (("speaker", "X"), ("kind", "direct")))
    crossing = Mark(2, 6, "entity", (("label", "LOC"), ("entity", "")))
    html = str(render_span(text, 0, len(text), [outer, crossing]))
    assert html == (
        '<span class="hl-quote" title="direct quote · X">ab'
        '<span class="hl-ent hl-LOC" title="LOC">cd</span></span>'
        '<span class="hl-ent hl-LOC" title="LOC">ef</span>gh'
    )


def test_a_mark_cannot_smuggle_markup_through_its_attributes() -> None:
    evil = Mark(0, 3, "entity", (("label", '"><script>'), ("entity", '"onmouseover="x')))
    html = str(render_span("abc", 0, 3, [evil]))
    assert "<script>" not in html and '"onmouseover' not in html


class _Tags(HTMLParser):
    """Every start tag of a page with its attributes, as a browser's parser sees them."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def _assert_inert(html: str, where: str) -> None:
    parser = _Tags()
    parser.feed(html)
    for tag, attrs in parser.tags:
        assert tag != "img", where
        assert not any(name.startswith("on") for name in attrs), (where, tag, attrs)
        assert not (attrs.get("href") or "").lower().startswith("javascript"), where
        if tag == "script":
            ours = (attrs.get("src") or "").startswith("/static/")
            assert ours or attrs.get("type") == "application/json", (where, attrs)


def test_every_page_escapes_the_hostile_article(client: TestClient) -> None:
    hostile = _hostile_id(client)
    for url in (
        "/",
        "/stories/st-1",
        f"/articles/{hostile}",
        "/search?q=Hostile",
        "/entities/e-trump",
    ):
        page = client.get(url, headers=HTML)
        assert page.status_code == 200, url
        assert "<script>window" not in page.text, url
        _assert_inert(page.text, url)
    article = client.get(f"/articles/{hostile}").text
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in article


def test_article_page_marks_entities_quotes_and_times(client: TestClient) -> None:
    first = client.get("/api/articles", params={"from": "2017-03", "limit": 1}).json()
    page = client.get(f"/articles/{first['items'][0]['id']}").text
    assert 'class="hl-ent hl-PER" href="/entities/e-sessions"' in page
    assert 'class="hl-quote"' in page and 'class="hl-timex"' in page
    assert 'href="/stories/st-1"' in page


def test_home_without_stories_shows_recent_articles(seeded: SQLiteStore) -> None:
    page = TestClient(create_app(seeded)).get("/").text
    assert "Latest articles" in page and "storyline cluster" in page
    listing = page[page.index('<ol class="article-list">') :]
    assert listing.index("November 2017") < listing.index("1 Jun 2017") < listing.index("May 2017")
    assert listing.count('class="headline"') == 5


def test_story_and_entity_pages(client: TestClient) -> None:
    story = client.get("/stories/st-1").text
    assert story.count('class="entry"') >= 3
    assert 'id="timeline-data"' in story and "/static/timeline.js" in story
    assert 'href="/entities/e-sessions"' in story
    entity = client.get("/entities/e-sessions").text
    assert entity.count('class="node-link"') >= 3 and "Also written as" in entity


def test_missing_things_get_an_html_error_page(client: TestClient) -> None:
    page = client.get("/stories/nope", headers=HTML)
    assert page.status_code == 404 and "<h1>Not here</h1>" in page.text
    assert client.get("/entities/nope", headers=HTML).status_code == 404


def test_static_files_are_served_from_the_package(client: TestClient) -> None:
    assert "--accent" in client.get("/static/style.css").text
    assert "textContent" in client.get("/static/timeline.js").text


def test_dates_and_sparklines() -> None:
    assert nice_date("2017-03-02") == "2 Mar 2017"
    assert nice_date("2017-03") == "March 2017"
    assert nice_date(None) == "undated"
    spark = sparkline([{"date": "2017-03-01", "count": 1}, {"date": "2017-03-11", "count": 4}])
    assert len(spark.bars) == 2
    (x1, y1, h1, _), (x2, y2, h2, _) = spark.bars
    assert y2 == 0 and y1 == spark.height - h1
    assert x1 == 0 and x2 + spark.bar_width <= spark.width + 0.01
    assert h2 == spark.height and h1 == spark.height / 4


def test_graph_labels_sit_outside_the_ring_and_hang_away_from_the_centre() -> None:
    names = ["Donald Trump", "Asia-Pacific Economic Cooperation", "Russia", "Kremlin"]
    neighbours = [
        {"count": 2, "entity": {"id": f"e{k}", "name": name, "type": "PER"}}
        for k, name in enumerate(names)
    ]
    graph = cooccurrence_graph({"id": "c", "name": "Poetin", "type": "PER"}, neighbours)
    middle = graph.size / 2
    for node in graph.nodes:
        node_reach = math.dist((node.x, node.y), (middle, middle))
        assert math.dist((node.label_x, node.label_y), (middle, middle)) > node_reach
        side = node.label_x - middle
        assert node.anchor == ("start" if side > 10 else "end" if side < -10 else "middle")
    assert graph.margin > 0  # the viewBox leaves room for labels left and right
    assert short_label("Asia-Pacific Economic Cooperation") == "Asia-Pacific Economic C…"
    assert short_label("Kremlin") == "Kremlin"


def test_an_indirect_quote_shows_its_cue_before_the_reported_clause(tmp_path: Path) -> None:
    from storyline.ingest.records import RawArticle
    from storyline.ingest.service import ingest_records
    from storyline.model import Document, Mention, PartialDate, Quote

    store = SQLiteStore(tmp_path / "s.db")
    text = "Sessions houdt vol dat er geen sprake is van belangenverstrengeling."
    raw = RawArticle(text=text, origin="test", date=PartialDate(2017, 3), lang="nl")
    ingest_records([raw], store)
    article = next(iter(store.iter_articles()))
    body = article.text
    start = body.index("er geen")
    speaker = Mention(0, len("Sessions"), "Sessions", "PER")
    reported = Quote(start, len(body) - 1, body[start:-1], "indirect", "houdt vol", speaker)
    store.save_documents([Document(article, quotes=[reported])])
    page = TestClient(create_app(store)).get(f"/articles/{article.id}").text
    assert '<span class="cue">houdt vol</span> er geen sprake is' in page


def test_a_speaker_group_is_headed_by_the_name_not_a_role() -> None:
    from storyline.web.pages import _by_speaker

    def quote(text: str, label: str) -> dict[str, object]:
        speaker = {"text": text, "label": label}
        return {"speaker": speaker, "speaker_entity": "per-poetin", "text": "x"}

    groups = _by_speaker(
        [
            quote("de Russische president", "ROLE"),
            quote("Poetin", "PER"),
            quote("Vladimir Poetin", "PER"),
        ]
    )
    assert [(name, len(items)) for name, items in groups] == [("Vladimir Poetin", 3)]
