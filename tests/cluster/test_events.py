"""Streaming event and story clustering on small hand-written reports."""

from __future__ import annotations

from storyline.cluster.events import Clusterer, event_id_for
from storyline.cluster.stories import story_id_for
from storyline.model import Document
from tests.cluster.fixtures import FLOOD_EN, QUAKE_EN, QUAKE_NL, RUTTE_EN, RUTTE_NL, doc


def _events(docs: list[Document]) -> dict[str, str]:
    engine = Clusterer()
    return {d.article.id: engine.add(d).event_id for d in docs}


def test_dutch_and_english_reports_of_one_event_join_through_resolved_entities() -> None:
    docs = [
        doc("rutte-en", RUTTE_EN, "en", "2021-01-15"),
        doc("quake-en", QUAKE_EN, "en", "2021-01-15"),
        doc("rutte-nl", RUTTE_NL, "nl", "2021-01-15"),
        doc("quake-nl", QUAKE_NL, "nl", "2021-01-16"),
    ]
    events = _events(docs)
    assert events["rutte-nl"] == events["rutte-en"] == event_id_for("rutte-en")
    assert events["quake-nl"] == events["quake-en"] == event_id_for("quake-en")
    assert events["rutte-en"] != events["quake-en"]


def test_translated_terms_and_names_link_languages_without_entity_ids() -> None:
    docs = [
        doc("quake-en", QUAKE_EN, "en", "2021-01-15", resolved=False),
        doc("rutte-en", RUTTE_EN, "en", "2021-01-15", resolved=False),
        doc("quake-nl", QUAKE_NL, "nl", "2021-01-15", resolved=False),
    ]
    events = _events(docs)
    assert events["quake-nl"] == events["quake-en"] != events["rutte-en"]


def test_same_report_months_later_is_a_new_event_in_the_same_story() -> None:
    engine = Clusterer()
    first = engine.add(doc("quake-1", QUAKE_EN, "en", "2021-01-15"))
    later = engine.add(doc("quake-2", QUAKE_NL, "nl", "2021-06-15"))
    assert later.new_event and later.event_id != first.event_id
    assert later.story_id == first.story_id == story_id_for("quake-1")
    assert later.explanation["story"]["shared_entities"]


def test_unrelated_events_found_separate_stories() -> None:
    engine = Clusterer()
    quake = engine.add(doc("quake", QUAKE_EN, "en", "2021-01-15"))
    flood = engine.add(doc("flood", FLOOD_EN, "en", "2021-07-15"))
    assert flood.new_story and flood.story_id != quake.story_id


def test_ids_stay_stable_as_articles_arrive() -> None:
    engine = Clusterer()
    founded = engine.add(doc("rutte-en", RUTTE_EN, "en", "2021-01-15"))
    for i, (text, lang) in enumerate([(QUAKE_EN, "en"), (RUTTE_NL, "nl"), (QUAKE_NL, "nl")]):
        engine.add(doc(f"later-{i}", text, lang, "2021-01-16"))
    event = engine.events.clusters[founded.event_id]
    assert event.id == "ev-rutte-en" and event.size == 2
    assert engine.stories.clusters[founded.story_id].size >= 2


def test_explanation_names_shared_entities_and_time_gap() -> None:
    engine = Clusterer()
    engine.add(doc("rutte-en", RUTTE_EN, "en", "2021-01-15"))
    joined = engine.add(doc("rutte-nl", RUTTE_NL, "nl", "2021-01-17"))
    why = joined.explanation
    assert not joined.new_event
    assert "Mark Rutte" in why["shared_entities"] or "Rutte" in why["shared_entities"]
    assert why["time_gap_days"] == 2
    assert why["similarity"] >= why["threshold"]
    assert why["entity_similarity"] > why["text_similarity"]


def test_old_events_leave_the_window() -> None:
    engine = Clusterer()
    first = engine.add(doc("quake-1", QUAKE_EN, "en", "2021-01-15"))
    engine.add(doc("flood", FLOOD_EN, "en", "2021-03-15"))
    assert first.event_id not in engine.events.clusters
    assert first.story_id in engine.stories.clusters


def test_undated_articles_cluster_without_a_time_window() -> None:
    engine = Clusterer()
    docs = [doc("q1", QUAKE_EN, "en", "2021-01-15"), doc("q2", QUAKE_NL, "nl", "2021-01-15")]
    for d in docs:
        d.article.date = None
    first, second = (engine.add(d) for d in docs)
    assert second.event_id == first.event_id
    assert second.explanation["time_gap_days"] is None
