"""Unnamed characters ("onze hospita", "een klant") as members of a text's cast."""

from __future__ import annotations

from storyline.analyze.quote_cast import Cast, _tokens
from storyline.analyze.quote_marks import blank_line_paragraphs
from storyline.analyze.quote_nominals import (
    is_person_noun,
    nominal_mentions,
    person_lexicon,
    speech_subjects,
)
from storyline.analyze.quotes import find_quotes
from storyline.analyze.sentences import split_sentences

HOSPITA = (
    "Holmes zat bij het vuur en las de krant.\n"
    "Toen werd er geklopt en onze hospita trad binnen met een kaartje.\n"
    '" Er is een dame voor u , mijnheer Holmes . "\n'
    '" Laat haar boven komen , " zei Holmes .\n'
)


def test_person_nouns_include_compounds_but_not_things() -> None:
    nouns = person_lexicon("nl")
    assert is_person_noun("hospita", nouns)
    assert is_person_noun("schoonmoeder", nouns)  # ends in "moeder"
    assert not is_person_noun("tafel", nouns)
    assert not is_person_noun("krant", nouns)  # a news role noun that names no one
    for diminutive in ("kindje", "jongetje", "dichtertje", "mannetje", "vrouwtje"):
        assert is_person_noun(diminutive, nouns), diminutive
    assert not is_person_noun("handje", nouns)


def test_speech_subjects_are_learnt_from_the_narration_only() -> None:
    text = 'De stalknecht riep iets. " De tuinkabouter zei niets . " Toen vroeg de koetsier het.'
    quoted = text.index('"'), text.rindex('"')
    found = speech_subjects(_tokens(text), "nl", lambda pos: quoted[0] <= pos <= quoted[1])
    assert found == {"stalknecht", "koetsier"}


def test_nominal_mentions_take_modifiers_and_possessives() -> None:
    toks = _tokens("Daar kwam een klein , levendig man en haar aanstaande schoonmoeder lachte.")
    nouns = person_lexicon("nl")
    assert nominal_mentions(toks, "nl", nouns, bool) == []  # every head skipped
    heads = [head for _, head in nominal_mentions(toks, "nl", nouns, lambda w: False)]
    assert heads == ["man", "schoonmoeder"]


def test_unnamed_person_joins_the_cast_apart_from_the_named() -> None:
    bounds = [(HOSPITA.index('" Er'), HOSPITA.index('Holmes . "') + 10)]
    cast = Cast(HOSPITA, "nl", bounds, [])
    assert cast.members["hospita"].nominal
    assert [(s.key, s.quoted) for s in cast.nominal] == [("hospita", False), ("dame", True)]
    assert all(s.key != "hospita" for s in cast.sightings)


def test_uncued_quote_goes_to_the_unnamed_person_who_came_in() -> None:
    paras = blank_line_paragraphs(HOSPITA)
    found = find_quotes(HOSPITA, "nl", split_sentences(HOSPITA, "nl", paras), [], paras)
    speakers = [(q.speaker.text, q.speaker.label) if q.speaker else None for q in found]
    assert speakers == [("hospita", "ROLE"), ("Holmes", "PER")]
