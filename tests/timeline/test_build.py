"""Building timelines from hand-made documents: dates, sentences, sources, summary, JSON."""

from __future__ import annotations

import json

from storyline.timeline.build import build_timeline, default_dates, default_sentences
from storyline.timeline.select import Selector, SentenceIndex

SPILL = [
    (
        "a1",
        "2010-04-21",
        "An oil rig exploded in the Gulf of Mexico on Tuesday night, killing eleven workers. "
        "The Deepwater Horizon rig was operated for BP by Transocean. "
        "Coast Guard boats searched the water for the missing workers.",
        [("Tuesday", "2010-04-20", None)],
    ),
    (
        "a2",
        "2010-04-23",
        "The Deepwater Horizon rig sank on Thursday after burning for two days. "
        "BP said oil could be leaking from the well on the sea floor. "
        "The rig exploded on April 20, the company recalled, and eleven workers died.",
        [("Thursday", "2010-04-22", None), ("April 20", "2010-04-20", None)],
    ),
    (
        "a3",
        "2010-05-28",
        "President Obama visited the Louisiana coast to see the oil spill damage. "
        "He said BP would pay for the clean-up of the beaches and marshes. "
        "The explosion on April 20 started the worst spill in American history.",
        [("April 20", "2010-04-20", None)],
    ),
]


def _docs(doc_maker):
    return [
        doc_maker(i, day, text, timexes, [("BP", "ORG"), ("Obama", "PER")])
        for i, day, text, timexes in SPILL
    ]


def test_entries_are_dated_sourced_and_in_order(doc_maker) -> None:
    docs = _docs(doc_maker)
    timeline = build_timeline(docs, dates=3, sentences=1, granularity="day")
    days = [e.range.label for e in timeline.entries]
    assert days == sorted(days) and len(days) == 3
    assert "2010-04-20" in days  # mentioned by all three articles
    texts = {d.article.id: d.text for d in docs}
    for entry in timeline.entries:
        assert len(entry.sentences) == 1
        for sentence in entry.sentences:
            assert texts[sentence.article][sentence.start : sentence.end] == sentence.text
            assert sentence.outlet == "Daily Test"


def test_the_date_mentioned_by_every_article_comes_first_in_rank(doc_maker) -> None:
    timeline = build_timeline(_docs(doc_maker), dates=1, sentences=2, granularity="day")
    [entry] = timeline.entries
    assert entry.range.label == "2010-04-20"
    assert entry.articles == 3 and entry.mentions == 3
    assert len(entry.sentences) == 2
    assert any("April 20" in s.text or "Tuesday" in s.text for s in entry.sentences)


def test_no_sentence_appears_twice(doc_maker) -> None:
    copy = doc_maker("copy", "2010-04-23", SPILL[1][2], SPILL[1][3])  # a syndicated copy
    docs = [*_docs(doc_maker), copy]
    timeline = build_timeline(docs, dates=6, sentences=3)
    texts = [s.text for e in timeline.entries for s in e.sentences]
    assert len(texts) == len(set(texts))


def test_summary_actors_and_span(doc_maker) -> None:
    timeline = build_timeline(_docs(doc_maker))
    summary = timeline.summary
    assert summary.sentences and summary.text.startswith(summary.sentences[0].text)
    assert [a.name for a in summary.actors][:2] == ["BP", "Obama"]
    assert summary.start == "2010-04-20" and summary.end == "2010-05-28"
    assert timeline.label.startswith("BP")


def test_json_shape(doc_maker) -> None:
    data = json.loads(json.dumps(build_timeline(_docs(doc_maker), story="s1").as_dict()))
    assert {"story", "summary", "entries"} <= set(data)
    assert data["story"] == "s1" and isinstance(data["summary"], str)
    entry = data["entries"][0]
    assert {"date", "precision", "sentences", "entities"} <= set(entry)
    assert {"text", "article", "start", "end"} <= set(entry["sentences"][0])
    cited = {s["article"] for e in data["entries"] for s in e["sentences"]}
    assert cited <= {a["id"] for a in data["articles"]}


def test_entities_of_an_entry_come_from_its_sentences(doc_maker) -> None:
    timeline = build_timeline(_docs(doc_maker), dates=10, sentences=1)
    for entry in timeline.entries:
        names = {e.name for e in entry.entities}
        assert names <= {n for n in ("BP", "Obama") if any(n in s.text for s in entry.sentences)}


def test_defaults_grow_with_the_story() -> None:
    assert default_dates(4) < default_dates(100) < default_dates(10_000) == 40
    assert default_sentences(2) == 1 and default_sentences(1000) == 3


def test_empty_input_gives_an_empty_timeline() -> None:
    timeline = build_timeline([])
    assert timeline.entries == [] and timeline.summary.sentences == []


def test_selector_skips_near_duplicates_and_prefers_central_sentences(doc_maker) -> None:
    doc = doc_maker(
        "x",
        "2010-04-21",
        "BP says the oil leak in the gulf is growing fast. "
        "BP says the oil leak in the gulf is growing very fast. "
        "The oil leak in the gulf worries fishermen in Louisiana. "
        "A local choir sang at the harbour festival on Sunday.",
    )
    index = SentenceIndex([doc])
    picked = Selector(index).select(list(range(4)), 3)
    texts = [index.texts[i] for i in picked]
    assert not ("growing fast" in " ".join(texts) and "growing very fast" in " ".join(texts))
    assert "choir" not in texts[0]


def test_label_falls_back_on_names_several_articles_use(doc_maker) -> None:
    docs = [
        doc_maker("n1", "2017-03-02", "The minister said that Sessions met Kislyak twice."),
        doc_maker("n2", "2017-03-03", "Critics say Sessions misled the Senate about Kislyak."),
    ]
    assert all(not d.entities for d in docs)
    assert sorted(build_timeline(docs).label.split(", ")) == ["Kislyak", "Sessions"]
