from __future__ import annotations

from storyline.model import Document, PartialDate
from storyline.resolve import EntityIndex, resolve_documents
from tests.resolve.resolve_helpers import make_doc

NL = (
    "De Russische president Vladimir Poetin ontving in Moskou de secretaris-generaal van de "
    "NAVO. Poetin zei dat de NAVO te dicht bij Rusland komt."
)
EN = (
    "Russian President Putin told NATO in Moscow that the alliance threatens Russia. Putin "
    "said NATO must stop."
)


def _ids(doc: Document) -> dict[str, str | None]:
    return {m.text: m.entity_id for m in doc.entities}


def test_dutch_and_english_names_resolve_to_the_same_entities() -> None:
    nl = make_doc(
        "nl",
        NL,
        [
            ("Vladimir Poetin", "PER"),
            ("Poetin", "PER"),
            ("Moskou", "LOC"),
            ("NAVO", "ORG"),
            ("Rusland", "LOC"),
        ],
    )
    en = make_doc(
        "en",
        EN,
        [("Putin", "PER"), ("NATO", "ORG"), ("Moscow", "LOC"), ("Russia", "LOC")],
        lang="en",
    )
    resolve_documents([nl, en])
    a, b = _ids(nl), _ids(en)
    assert a["Poetin"] == a["Vladimir Poetin"] == b["Putin"]
    assert a["Moskou"] == b["Moscow"]
    assert a["NAVO"] == b["NATO"]
    assert a["Rusland"] == b["Russia"]
    assert len({a["Poetin"], a["Moskou"], a["NAVO"], a["Rusland"]}) == 4


def test_a_bare_surname_joins_the_full_name_when_the_story_agrees() -> None:
    full = make_doc(
        "a",
        "Minister Jeff Sessions sprak met ambassadeur Sergej Kislyak over Rusland; Donald Trump "
        "en de Senaat willen uitleg over Michael Flynn.",
        [
            ("Jeff Sessions", "PER"),
            ("Sergej Kislyak", "PER"),
            ("Rusland", "LOC"),
            ("Donald Trump", "PER"),
            ("Senaat", "ORG"),
            ("Michael Flynn", "PER"),
        ],
    )
    short = make_doc(
        "b",
        "Sessions zei dat hij Kislyak twee keer sprak. Trump steunt Sessions; de Senaat en "
        "Rusland zwijgen.",
        [
            ("Sessions", "PER"),
            ("Kislyak", "PER"),
            ("Trump", "PER"),
            ("Senaat", "ORG"),
            ("Rusland", "LOC"),
        ],
    )
    resolve_documents([full, short])
    a, b = _ids(full), _ids(short)
    assert b["Sessions"] == a["Jeff Sessions"]
    assert b["Kislyak"] == a["Sergej Kislyak"]
    assert b["Trump"] == a["Donald Trump"]


def test_two_unrelated_johnsons_stay_apart() -> None:
    politics = make_doc(
        "p",
        "Premier Boris Johnson sprak in Londen met de Europese Unie over de brexit en het "
        "Lagerhuis. Johnson wil een akkoord met Brussel.",
        [
            ("Boris Johnson", "PER"),
            ("Johnson", "PER"),
            ("Londen", "LOC"),
            ("Europese Unie", "ORG"),
            ("Lagerhuis", "ORG"),
            ("Brussel", "LOC"),
        ],
    )
    golf = make_doc(
        "g",
        "Golfer Johnson won de Masters in Augusta voor Tiger Woods en Rory McIlroy; de PGA "
        "noemde Johnson de beste speler van het seizoen.",
        [
            ("Johnson", "PER"),
            ("Augusta", "LOC"),
            ("Masters", "MISC"),
            ("Tiger Woods", "PER"),
            ("Rory McIlroy", "PER"),
            ("PGA", "ORG"),
        ],
    )
    resolve_documents([politics, golf])
    assert _ids(politics)["Johnson"] == _ids(politics)["Boris Johnson"]
    assert _ids(golf)["Johnson"] != _ids(politics)["Boris Johnson"]


def test_resolution_is_incremental_and_ids_are_stable() -> None:
    index = EntityIndex()
    first = make_doc("1", NL, [("Vladimir Poetin", "PER"), ("NAVO", "ORG")])
    resolve_documents([first], index)
    before = dict(_ids(first))
    known = set(index.entities)
    later = make_doc(
        "2", EN, [("Putin", "PER"), ("NATO", "ORG"), ("Moscow", "LOC")], "en", PartialDate(2017, 5)
    )
    resolve_documents([later], index)
    assert _ids(later)["Putin"] == before["Vladimir Poetin"]
    assert known <= set(index.entities) and len(index.entities) == len(known) + 1
    putin = index.entities[before["Vladimir Poetin"] or ""]
    assert putin.articles == 2 and putin.first_seen == "2017-03" and putin.last_seen == "2017-05"
    assert {"Vladimir Poetin", "Putin"} <= set(putin.aliases)


def test_ids_never_collide() -> None:
    index = EntityIndex()
    a = make_doc("1", "Boris Johnson sprak.", [("Boris Johnson", "PER")])
    b = make_doc("2", "Golfer Dustin Johnson won.", [("Dustin Johnson", "PER")])
    resolve_documents([a, b], index)
    assert a.entities[0].entity_id != b.entities[0].entity_id
    assert index.new_id("PER", "Boris Johnson") == "per-boris-johnson-2"


def test_a_role_speaker_is_its_named_person_never_a_word_inside_it() -> None:
    from storyline.model import Mention, Quote

    text = (
        "De Russische president Vladimir Poetin sprak in Moskou. Volgens de Russische "
        "president zijn de verhalen onzin. Een Russische leider zweeg."
    )
    doc = make_doc(
        "a", text, [("Vladimir Poetin", "PER"), ("Moskou", "LOC"), ("Russische", "MISC")]
    )
    role = text.index("de Russische president")
    speaker = Mention(role, role + len("de Russische president"), "de Russische president", "ROLE")
    named = Quote(0, 5, text[:5], "indirect", "volgens", speaker, flags=["role_is:Vladimir Poetin"])
    leader = text.index("Een Russische leider")
    unnamed = Mention(leader, leader + len("Een Russische leider"), "Een Russische leider", "ROLE")
    doc.quotes = [named, Quote(0, 5, text[:5], "indirect", "zweeg", unnamed)]
    resolve_documents([doc])
    poetin = next(m.entity_id for m in doc.entities if m.text == "Vladimir Poetin")
    misc = {m.entity_id for m in doc.entities if m.label == "MISC"}
    assert named.speaker_entity == poetin
    assert doc.quotes[1].speaker_entity not in misc


def test_a_name_inside_a_longer_organisation_mention_is_its_own_speaker() -> None:
    from storyline.model import Mention, Quote

    text = "„Nee”, aldus minister van Buitenlandse Zaken Hanke Bruins Slot."
    doc = make_doc("b", text, [("Buitenlandse Zaken Hanke Bruins Slot", "ORG")])
    start = text.index("Hanke")
    speaker = Mention(start, start + len("Hanke Bruins Slot"), "Hanke Bruins Slot", "PER")
    doc.quotes = [Quote(1, 4, "Nee", "direct", "aldus", speaker)]
    resolve_documents([doc])
    org = doc.entities[0].entity_id
    assert doc.quotes[0].speaker_entity is not None and doc.quotes[0].speaker_entity != org
