"""Write endpoints: off without a token, the token checked, limits, validation, ingest."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from storyline.api import create_app
from storyline.store.sqlite import SQLiteStore

TOKEN = "s3cret-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
ARTICLE = {
    "id": "ext-1",
    "title": "Comey ontslagen",
    "text": "President Trump heeft FBI-directeur James Comey ontslagen. "
    "Dat meldt het Witte Huis vanuit de Wolkenkrabberstraat.",
    "date": "2017-05-09",
    "url": "https://example.org/comey",
    "source": "example",
    "lang": "nl",
}


@pytest.fixture
def client(seeded: SQLiteStore, monkeypatch: pytest.MonkeyPatch) -> TestClient:
    from storyline import pipeline
    from storyline.analyze.sentences import SentenceStage

    # The shipped stages need trained models; sentences are enough to see analysis happen.
    monkeypatch.setattr(pipeline, "default_stages", lambda: [SentenceStage()])
    return TestClient(create_app(seeded, token=TOKEN, max_body=64 * 1024))


def _code(response: Any) -> str:
    code: str = response.json()["error"]["code"]
    return code


def test_writes_are_off_without_a_server_token(seeded: SQLiteStore) -> None:
    closed = TestClient(create_app(seeded))
    response = closed.post("/api/articles", json=[ARTICLE], headers=AUTH)
    assert response.status_code == 403 and _code(response) == "writes_disabled"
    assert "--token" in response.json()["error"]["message"]


def test_a_missing_or_wrong_token_is_401(client: TestClient) -> None:
    response = client.post("/api/articles", json=[ARTICLE])
    assert response.status_code == 401 and _code(response) == "unauthorized"
    assert response.headers["www-authenticate"] == "Bearer"
    wrong = client.post("/api/articles", json=[ARTICLE], headers={"Authorization": "Bearer x"})
    assert wrong.status_code == 401


def test_a_batch_is_ingested_analysed_and_searchable(client: TestClient) -> None:
    response = client.post("/api/articles", json=[ARTICLE], headers=AUTH)
    assert response.status_code == 200, response.text
    body = response.json()
    assert (body["read"], body["stored"], body["duplicate"], body["failed"]) == (1, 1, 0, 0)
    assert body["analyzed"] == 1
    again = client.post("/api/articles", json=[ARTICLE], headers=AUTH).json()
    assert (again["stored"], again["duplicate"]) == (0, 1)
    hits = client.get("/api/search", params={"q": "wolkenkrabberstraat"}).json()
    assert hits["total"] == 1 and hits["items"][0]["date"] == "2017-05-09"
    doc = client.get(f"/api/articles/{hits['items'][0]['id']}").json()
    assert doc["external_id"] == "ext-1" and doc["sentences"]


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ([{"title": "no text"}], "text"),
        ([{**ARTICLE, "date": "9 mei"}], "date"),
        ([{**ARTICLE, "colour": "red"}], "colour"),
        ([], "body"),
        ({"text": "not a list"}, "body"),
    ],
)
def test_invalid_batches_are_422_naming_the_field(
    client: TestClient, payload: Any, field: str
) -> None:
    response = client.post("/api/articles", json=payload, headers=AUTH)
    assert response.status_code == 422 and _code(response) == "validation_error"
    assert field in response.json()["error"]["message"]


def test_bodies_over_the_limit_are_413(client: TestClient) -> None:
    big = [{**ARTICLE, "text": "x" * 70_000}]
    response = client.post("/api/articles", json=big, headers=AUTH)
    assert response.status_code == 413 and _code(response) == "payload_too_large"

    def chunks() -> Any:
        for _ in range(20):
            yield b" " * 4096

    streamed = client.post(
        "/api/articles", content=chunks(), headers={**AUTH, "content-type": "application/json"}
    )
    assert streamed.status_code == 413


def test_a_failing_analysis_still_reports_what_was_stored(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    from storyline import pipeline
    from storyline.errors import ModelError

    def broken() -> list[object]:
        raise ModelError("no NER model for 'nl'")

    monkeypatch.setattr(pipeline, "default_stages", broken)
    body = client.post("/api/articles", json=[ARTICLE], headers=AUTH).json()
    assert body["stored"] == 1 and body["analyzed"] == 0
    assert "no NER model" in body["analysis_error"]


def test_cluster_needs_the_token_and_runs_the_clustering_stage(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    import storyline.cluster as cluster

    calls: list[object] = []

    def cluster_pending(store: SQLiteStore) -> int:
        calls.append(store)
        return 4

    monkeypatch.setattr(cluster, "cluster_pending", cluster_pending)
    assert client.post("/api/cluster").status_code == 401
    response = client.post("/api/cluster", headers=AUTH)
    assert response.json() == {"result": 4} and len(calls) == 1
