"""The four bundled seed articles: every alias lands on the right entity, no two people merge.

Mentions are the names in the articles (read by hand), found by string search so this test
does not depend on the NER model; a second test runs the real NER stage when it exists.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from storyline.model import Article, Document, PartialDate
from storyline.resolve import resolve_documents
from tests.resolve.resolve_helpers import find_mentions

EXAMPLES = Path(__file__).resolve().parents[2] / "src" / "storyline" / "data" / "examples"
PEOPLE = {
    "Sessions": ["Jeff Sessions", "Sessions", "Sessions'"],
    "Trump": ["Donald Trump", "Trump", "Trumps"],
    "Poetin": ["Vladimir Poetin", "Poetin"],
    "Lavrov": ["Sergej Lavrov", "Lavrov"],
    "Kislyak": ["Sergej Kislyak", "Kislyak"],
    "Flynn": ["Michael Flynn", "Flynn"],
    "Comey": ["James Comey", "Comey"],
    "Mueller": ["Robert Mueller", "Mueller"],
    "Issa": ["Darrell Issa"],
    "Manafort": ["Paul Manafort"],
    "McMaster": ["Herbert McMaster"],
}
PLACES_AND_ORGS = {
    "United States": (["VS", "Amerika", "Verenigde Staten"], "LOC"),
    "Russia": (["Rusland"], "LOC"),
    "Moscow": (["Moskou"], "LOC"),
    "Washington": (["Washington"], "LOC"),
    "NATO": (["NAVO"], "ORG"),
    "White House": (["Witte Huis"], "ORG"),
    "Kremlin": (["Kremlin"], "ORG"),
    "Senate": (["Senaat"], "ORG"),
}


def _seed_docs() -> list[Document]:
    names = [(n, "PER") for forms in PEOPLE.values() for n in forms]
    names += [(n, label) for forms, label in PLACES_AND_ORGS.values() for n in forms]
    docs = []
    for path in sorted(EXAMPLES.glob("*.txt")):
        match = re.match(r"\s*date (\d{4})-(\d{2})\s", path.read_text(encoding="utf-8"))
        assert match is not None
        year, month = match.groups()
        text = path.read_text(encoding="utf-8")[match.end() :]
        article = Article(path.stem, text, date=PartialDate(int(year), int(month)), lang="nl")
        docs.append(Document(article, entities=find_mentions(text, names)))
    return sorted(docs, key=lambda d: (d.article.date, d.article.id))  # type: ignore[arg-type, return-value]


def _by_text(docs: list[Document]) -> dict[str, set[str | None]]:
    found: dict[str, set[str | None]] = {}
    for doc in docs:
        for mention in doc.entities:
            found.setdefault(mention.text, set()).add(mention.entity_id)
    return found


def test_every_alias_lands_on_its_entity_and_people_stay_apart() -> None:
    docs = _seed_docs()
    resolve_documents(docs)
    found = _by_text(docs)
    groups = {**{k: v for k, v in PEOPLE.items()}, **{k: v[0] for k, v in PLACES_AND_ORGS.items()}}
    entity_of: dict[str, str | None] = {}
    for key, forms in groups.items():
        ids = set().union(*(found.get(form, set()) for form in forms))
        assert len(ids) == 1, f"{key}: {forms} split over {ids}"
        entity_of[key] = ids.pop()
    assert len(set(entity_of.values())) == len(entity_of), "two entities merged"


def test_the_ambassador_in_a_quote_is_kislyak() -> None:
    from storyline.model import Mention, Quote

    docs = _seed_docs()
    doc = next(d for d in docs if "Kislyak" in d.text)
    start = doc.text.index("ambassadeur Kislyak")
    speaker = Mention(start - 3, start + len("ambassadeur"), "de ambassadeur", "PER")
    doc.quotes = [Quote(0, 10, doc.text[:10], "indirect", None, speaker)]
    resolve_documents(docs)
    kislyak = {m.entity_id for m in doc.entities if m.text == "Sergej Kislyak"}
    assert doc.quotes[0].speaker_entity in kislyak


def test_with_the_ner_stage_the_same_aliases_hold() -> None:
    stage = pytest.importorskip("storyline.analyze.entities")
    from storyline.analyze.sentences import SentenceStage
    from storyline.errors import StorylineError

    docs = [Document(d.article) for d in _seed_docs()]
    try:
        docs = list(stage.EntityStage()(SentenceStage()(docs)))
    except StorylineError as error:  # the NER model is not trained in this checkout
        pytest.skip(str(error))
    resolve_documents(docs)
    found = _by_text(docs)
    for forms in PEOPLE.values():
        ids = set().union(*(found.get(form, set()) for form in forms)) - {None}
        assert len(ids) <= 1, f"{forms} split over {ids}"
