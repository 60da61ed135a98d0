from __future__ import annotations

import re

import pytest

from storyline.errors import NotFoundError, StoreError
from storyline.model import Article, Document, Mention, PartialDate, Quote
from storyline.resolve import rebuild, resolve_pending
from storyline.store.base import EntityFilter, EntityReader
from storyline.store.entities import EntityRepo
from storyline.store.sqlite import SQLiteStore

NL = (
    "De Russische president Vladimir Poetin sprak in Moskou over de NAVO. "
    '"Wij zijn niet bang", zei Poetin.'
)
EN = "Putin said in Moscow that NATO is a threat. Putin warned the alliance."
SESSIONS = (
    "Minister Jeff Sessions sprak met ambassadeur Sergej Kislyak. Volgens Trumps adviseurs "
    'deed Sessions niets fout. "Ik heb niet gelogen", zei Sessions. Donald Trump steunt hem.'
)


def _doc(article_id: str, text: str, names: list[tuple[str, str]], month: int) -> Document:
    mentions = []
    for name, label in names:
        for m in re.finditer(rf"\b{re.escape(name)}(?![\w])", text):
            if not any(x.start < m.end() and m.start() < x.end for x in mentions):
                mentions.append(Mention(m.start(), m.end(), name, label))
    article = Article(article_id, text, date=PartialDate(2017, month), lang="nl")
    return Document(article, entities=sorted(mentions, key=lambda m: m.start))


def _quote(doc: Document, said: str, speaker: str) -> None:
    start = doc.text.index(said)
    at = doc.text.index(speaker, start)
    mention = Mention(at, at + len(speaker), speaker, "PER")
    doc.quotes.append(Quote(start, start + len(said), said, "direct", "zei", mention))


def _store_docs(store: SQLiteStore, docs: list[Document]) -> None:
    for doc in docs:
        store.add_article(doc.article, b"", [])
    store.save_documents(docs)


@pytest.fixture
def filled(store: SQLiteStore) -> SQLiteStore:
    nl = _doc(
        "nl1",
        NL,
        [("Vladimir Poetin", "PER"), ("Poetin", "PER"), ("Moskou", "LOC"), ("NAVO", "ORG")],
        3,
    )
    _quote(nl, '"Wij zijn niet bang"', "Poetin")
    en = _doc("en1", EN, [("Putin", "PER"), ("Moscow", "LOC"), ("NATO", "ORG")], 5)
    _store_docs(store, [nl, en])
    assert resolve_pending(store) == 2
    return store


def test_repo_implements_the_reader_protocol(filled: SQLiteStore) -> None:
    reader: EntityReader = EntityRepo(filled)
    putin = reader.get_entity("Putin")
    assert putin.id == reader.get_entity(putin.id).id == reader.get_entity("Vladimir Poetin").id
    assert putin.type == "PER" and putin.mentions == 4
    assert putin.articles == ["nl1", "en1"]
    assert (putin.first_seen, putin.last_seen) == ("2017-03", "2017-05")
    assert {"Poetin", "Putin", "Vladimir Poetin"} <= set(putin.aliases)
    others = {e.name: n for e, n in reader.co_occurring(putin.id)}
    assert others == {"Moscow": 2, "NATO": 2}
    assert [e.type for e in reader.list_entities(EntityFilter(type="LOC"))] == ["LOC"]
    assert [e.id for e in reader.list_entities(EntityFilter(name="navo"))] == ["org-nato"]
    with pytest.raises(NotFoundError):
        reader.get_entity("Nobody Known")


def test_mentions_and_quote_speakers_are_filled(filled: SQLiteStore) -> None:
    doc = filled.load_document("nl1")
    ids = {m.text: m.entity_id for m in doc.entities}
    assert ids["Poetin"] == ids["Vladimir Poetin"] is not None
    assert doc.quotes[0].speaker_entity == ids["Poetin"]
    repo = EntityRepo(filled)
    assert [q.text for q, _, _ in repo.quotes(ids["Poetin"] or "")] == ['"Wij zijn niet bang"']


def test_new_articles_attach_without_renumbering(filled: SQLiteStore) -> None:
    repo = EntityRepo(filled)
    before = {e.id for e in repo.list_entities(EntityFilter(limit=None))}
    assert resolve_pending(filled) == 0
    later = _doc(
        "nl2",
        "Poetin en Jeff Sessions in Moskou.",
        [("Poetin", "PER"), ("Jeff Sessions", "PER"), ("Moskou", "LOC")],
        6,
    )
    _store_docs(filled, [later])
    assert resolve_pending(filled) == 1
    after = {e.id for e in repo.list_entities(EntityFilter(limit=None))}
    assert before < after and len(after - before) == 1
    assert repo.get_entity("Moskou").articles == ["nl1", "en1", "nl2"]


def test_reanalysis_replaces_an_articles_contribution(filled: SQLiteStore) -> None:
    repo = EntityRepo(filled)
    again = _doc("en1", EN, [("Putin", "PER"), ("Moscow", "LOC")], 5)
    filled.save_documents([again])
    assert resolve_pending(filled) == 1
    assert repo.get_entity("NATO").articles == ["nl1"]
    assert repo.get_entity("Putin").mentions == 4


def test_merge_and_split_survive_a_rebuild(store: SQLiteStore) -> None:
    doc = _doc(
        "s1",
        SESSIONS,
        [
            ("Jeff Sessions", "PER"),
            ("Sessions", "PER"),
            ("Sergej Kislyak", "PER"),
            ("Trumps", "PER"),
            ("Donald Trump", "PER"),
        ],
        3,
    )
    _quote(doc, '"Ik heb niet gelogen"', "Sessions")
    _store_docs(store, [doc])
    resolve_pending(store)
    repo = EntityRepo(store)
    sessions = repo.get_entity("Jeff Sessions")
    kislyak = repo.get_entity("Kislyak")
    assert repo.get_entity("Trumps").id == repo.get_entity("Donald Trump").id
    merged = repo.merge(sessions.id, kislyak.id)
    assert merged.mentions == 4 and repo.get_entity(kislyak.id).id == sessions.id
    split = repo.split(sessions.id, alias="Sessions")
    assert split.mentions == 2 and split.id != sessions.id
    assert repo.quotes(split.id)[0][0].text == '"Ik heb niet gelogen"'
    rebuild(store)
    assert repo.get_entity("Sergej Kislyak").id == sessions.id
    assert repo.get_entity("Sessions").id == split.id
    assert repo.get_entity(split.id).mentions == 2
    with pytest.raises(StoreError):
        repo.merge(sessions.id, sessions.id)
    with pytest.raises(StoreError):
        repo.split(sessions.id)


def test_split_by_article(filled: SQLiteStore) -> None:
    repo = EntityRepo(filled)
    putin = repo.get_entity("Putin")
    moved = repo.split(putin.id, article="en1")
    assert moved.articles == ["en1"] and repo.get_entity(putin.id).articles == ["nl1"]
    assert len(filled.conn.execute("SELECT * FROM entity_overrides").fetchall()) == 1


def test_overrides_hold_for_articles_resolved_later(store: SQLiteStore) -> None:
    doc = _doc(
        "s1",
        SESSIONS,
        [
            ("Jeff Sessions", "PER"),
            ("Sessions", "PER"),
            ("Sergej Kislyak", "PER"),
            ("Donald Trump", "PER"),
        ],
        3,
    )
    _store_docs(store, [doc])
    resolve_pending(store)
    repo = EntityRepo(store)
    sessions = repo.get_entity("Jeff Sessions").id
    repo.merge(sessions, "Sergej Kislyak")
    split = repo.split(sessions, alias="Sessions").id
    later = _doc(
        "s2",
        "Sergej Kislyak en Sessions spraken met Donald Trump.",
        [("Sergej Kislyak", "PER"), ("Sessions", "PER"), ("Donald Trump", "PER")],
        4,
    )
    _store_docs(store, [later])
    assert resolve_pending(store) == 1
    ids = {m.text: m.entity_id for m in store.load_document("s2").entities}
    assert ids["Sergej Kislyak"] == sessions
    assert ids["Sessions"] == split
