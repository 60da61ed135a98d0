"""Read endpoints: shapes, pagination, filters, one error shape, readers that have not run."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from fastapi.testclient import TestClient

from storyline.api import context, create_app, queries
from storyline.model import Document
from storyline.store.sqlite import SQLiteStore
from tests.api.storyfixture import FakeEntities, FakeStories

Fakes = tuple[FakeEntities, FakeStories]


@pytest.fixture
def client(seeded: SQLiteStore, fakes: Fakes) -> TestClient:
    return TestClient(create_app(seeded, entities=fakes[0], stories=fakes[1]))


@pytest.fixture
def bare(seeded: SQLiteStore) -> TestClient:
    """An app over a store where neither entity resolution nor clustering has run."""
    return TestClient(create_app(seeded))


def _error(response: Any, status: int, code: str) -> str:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"}
    assert body["error"]["code"] == code
    message: str = body["error"]["message"]
    assert message
    return message


def test_articles_page_with_total_and_filters(client: TestClient) -> None:
    everything = client.get("/api/articles").json()
    assert everything["total"] == 5 and len(everything["items"]) == 5
    assert "text" not in everything["items"][0]
    assert everything["items"][0]["story_id"] == "st-1"
    page = client.get("/api/articles", params={"limit": 2, "offset": 2}).json()
    assert (page["total"], page["limit"], page["offset"]) == (5, 2, 2)
    assert [a["id"] for a in page["items"]] == [a["id"] for a in everything["items"][2:4]]
    march = client.get("/api/articles", params={"from": "2017-03", "to": "2017-03"}).json()
    assert march["total"] == 2
    assert client.get("/api/articles", params={"source": "evil.example"}).json()["total"] == 1
    assert client.get("/api/articles", params={"lang": "en"}).json()["total"] == 0


def test_article_with_analysis_event_and_story(client: TestClient) -> None:
    first = client.get("/api/articles", params={"limit": 1}).json()["items"][0]
    doc = client.get(f"/api/articles/{first['id']}").json()
    assert doc["text"] and doc["sentences"] and doc["entities"]
    assert doc["entities"][0]["entity_id"].startswith("e-")
    assert doc["event"]["articles"] == [first["id"]]
    assert doc["story"] == {"id": "st-1", "label": "Trump en Rusland"}
    assert client.get(f"/api/articles/{first['id'][:8]}").json()["id"] == first["id"]


def test_unknown_ids_are_404_in_the_one_error_shape(client: TestClient) -> None:
    assert "no article" in _error(client.get("/api/articles/nope"), 404, "not_found")
    _error(client.get("/api/entities/nope"), 404, "not_found")
    _error(client.get("/api/stories/nope"), 404, "not_found")
    _error(client.get("/api/nothing-here"), 404, "not_found")


def test_bad_parameters_are_422_with_the_field_named(client: TestClient) -> None:
    assert "limit" in _error(client.get("/api/articles?limit=0"), 422, "validation_error")
    assert "from" in _error(client.get("/api/articles?from=March"), 422, "validation_error")
    assert "q" in _error(client.get("/api/search"), 422, "validation_error")


def test_entities_list_and_detail(client: TestClient) -> None:
    listed = client.get("/api/entities", params={"type": "PER"}).json()
    names = [e["name"] for e in listed["items"]]
    assert "Jeff Sessions" in names and "Rusland" not in names
    assert set(listed["items"][0]) >= {"id", "name", "type", "aliases", "mentions", "articles"}
    paged = client.get("/api/entities", params={"limit": 2}).json()
    assert len(paged["items"]) == 2 and paged["total"] is None
    assert client.get("/api/entities", params={"limit": 100}).json()["total"] == 6
    sessions = client.get("/api/entities/e-sessions").json()
    assert sorted(sessions["aliases"]) == ["Jeff Sessions", "Sessions"]
    assert sessions["article_count"] == 2 and len(sessions["article_briefs"]) == 2
    together = {item["entity"]["id"]: item["count"] for item in sessions["co_occurring"]}
    assert together["e-trump"] == 2
    assert sessions["quotes"] and all(
        q["speaker_entity"] == "e-sessions" for q in sessions["quotes"]
    )


def test_quotes_filters(client: TestClient) -> None:
    everything = client.get("/api/quotes").json()
    assert everything["total"] == len(everything["items"]) > 3
    first = everything["items"][0]
    assert first["article"]["id"] and first["when"]
    by_name = client.get("/api/quotes", params={"speaker": "Sessions"}).json()
    assert by_name["total"] >= 1
    assert all("Sessions" in q["speaker"]["text"] for q in by_name["items"])
    by_id = client.get("/api/quotes", params={"speaker": "e-putin"}).json()
    assert by_id["total"] >= 1 and all(q["speaker_entity"] == "e-putin" for q in by_id["items"])
    assert client.get("/api/quotes", params={"text": "vertrouwen"}).json()["total"] == 2
    november = client.get("/api/quotes", params={"from": "2017-11"}).json()
    assert november["total"] >= 1 and all(q["when"] >= "2017-11" for q in november["items"])
    in_story = client.get("/api/quotes", params={"story": "st-1"}).json()
    assert in_story["total"] == everything["total"]
    _error(client.get("/api/quotes", params={"story": "st-9"}), 404, "not_found")


def test_events_and_stories(client: TestClient) -> None:
    events = client.get("/api/events").json()
    assert len(events["items"]) == 5 and events["total"] == 5
    stories = client.get("/api/stories").json()
    assert [s["id"] for s in stories["items"]] == ["st-1"]
    story = client.get("/api/stories/st-1").json()
    assert [e["date"] for e in story["events"]] == sorted(e["date"] for e in story["events"])
    assert story["size"] == 5 and len(story["articles"]) == 5
    assert story["actor_entities"][0] == {"id": "e-trump", "name": "Donald Trump", "type": "PER"}
    assert story["quotes"]
    assert ("timeline" in story) == (queries.timeline_builder() is not None)


def test_search_with_filters(client: TestClient) -> None:
    found = client.get("/api/search", params={"q": "Sessions"}).json()
    assert found["total"] == 2 and found["query"] == "Sessions"
    hit = found["items"][0]
    start, end = hit["highlights"][0]
    assert hit["snippet"][start:end].lower() == "sessions"
    assert (
        client.get("/api/search", params={"q": "sessions", "from": "2017-05"}).json()["total"] == 0
    )
    assert (
        client.get("/api/search", params={"q": "Trump", "source": "evil.example"}).json()["total"]
        == 1
    )
    assert (
        client.get("/api/search", params={"q": "Trump", "entity": "e-putin"}).json()["total"] == 1
    )
    assert client.get("/api/search", params={"q": "Trump", "lang": "en"}).json()["total"] == 0
    phrase = client.get("/api/search", params={"q": '"Russische ambassadeur"'}).json()
    assert phrase["total"] >= 1


@pytest.mark.parametrize("query", ['"', 'Trump"', "AND OR NOT (", "*", "a:b", "NEAR(", "'; --"])
def test_search_never_fails_on_stray_syntax(client: TestClient, query: str) -> None:
    response = client.get("/api/search", params={"q": query})
    assert response.status_code == 200, response.text
    assert response.json()["total"] >= 0


def test_stats(client: TestClient) -> None:
    stats = client.get("/api/stats").json()
    assert stats["articles"] == 5 and stats["quotes"] > 0
    assert stats["analyzed"] == 5 and stats["schema_version"] >= 7


def test_before_resolution_and_clustering_lists_are_empty(bare: TestClient) -> None:
    for path in ("/api/entities", "/api/stories", "/api/events"):
        assert bare.get(path).json()["total"] == 0, path
    _error(bare.get("/api/stories/st-1"), 404, "not_found")
    _error(bare.get("/api/quotes", params={"story": "st-1"}), 404, "not_found")
    first = bare.get("/api/articles").json()["items"][0]
    assert first["story_id"] is None and first["event_id"] is None
    doc = bare.get(f"/api/articles/{first['id']}").json()
    assert doc["event"] is None and doc["story"] is None
    assert bare.get("/api/quotes").json()["total"] > 0


def test_a_timeline_is_included_once_a_builder_exists(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    import storyline.timeline as timeline

    calls: list[int] = []

    def build_timeline(docs: list[Document], *, story: str, label: str) -> dict[str, Any]:
        calls.append(len(docs))
        return {"story": story, "label": label, "summary": "Kort.", "entries": []}

    monkeypatch.setattr(timeline, "build_timeline", build_timeline, raising=False)
    story = client.get("/api/stories/st-1").json()
    assert story["timeline"]["summary"] == "Kort." and story["timeline"]["story"] == "st-1"
    assert client.get("/api/stories/st-1").json()["timeline"] == story["timeline"]
    assert calls == [5]  # built from the story's five documents, then reused


def test_reads_go_on_while_a_writer_holds_the_store(seeded: SQLiteStore, fakes: Fakes) -> None:
    client = TestClient(create_app(seeded, entities=fakes[0], stories=fakes[1]))
    answers: list[int] = []
    with seeded.transaction():
        seeded.conn.execute("UPDATE articles SET title = 'changing' WHERE 0")
        worker = threading.Thread(
            target=lambda: answers.append(client.get("/api/search?q=Trump").status_code)
        )
        worker.start()
        worker.join(timeout=5)
    assert answers == [200]


def test_openapi_lists_the_endpoints_and_docs_need_no_network(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    for path in ("/api/articles", "/api/search", "/api/stories/{story_id}", "/api/cluster"):
        assert path in spec["paths"]
    docs = client.get("/docs").text
    assert "swagger-ui-bundle.js" in docs and "http://" not in docs and "https://" not in docs


def test_the_display_cache_drops_its_oldest_entries_first() -> None:
    cache = context.TTLCache(ttl=60.0, size=2)
    cache.put("a", {"n": 1})
    cache.put("b", {"n": 2})
    cache.put("c", {"n": 3})
    assert cache.get("a") is None and cache.get("b") == {"n": 2} and cache.get("c") == {"n": 3}
    stale = context.TTLCache(ttl=0.0)
    stale.put("a", {"n": 1})
    assert stale.get("a") is None
