"""Quotations and their speakers: seed articles, typographic forms, cues, bad input."""

from __future__ import annotations

import logging
import re
from pathlib import Path

import pytest

from storyline.analyze.quotes import QuoteStage, blank_line_paragraphs, find_quotes
from storyline.analyze.sentences import split_sentences
from storyline.model import Article, Document, Mention, Paragraph, PartialDate, Quote

EXAMPLES = Path(__file__).resolve().parents[2] / "src" / "storyline" / "data" / "examples"


def quotes_of(
    text: str, lang: str = "nl", entities: list[Mention] | None = None, **kw: object
) -> list[Quote]:
    paras = blank_line_paragraphs(text)
    return find_quotes(text, lang, split_sentences(text, lang, paras), entities or [], paras, **kw)  # type: ignore[arg-type]


def seed(name: str) -> tuple[str, str]:
    raw = next(EXAMPLES.glob(f"{name}_*.txt")).read_text(encoding="utf-8")
    match = re.match(r"\s*date (\d{4}-\d{2})\s*", raw)
    assert match
    return raw[match.end() :], match.group(1)


def by_text(quotes: list[Quote], start: str) -> Quote:
    found = [q for q in quotes if q.text.startswith(start)]
    assert len(found) == 1, f"{start!r}: {[q.text for q in quotes]}"
    return found[0]


# Every direct and partial quote of the four seed articles, read by hand:
# (article, quote opening, kind, speaker text, a flag that must be present or None)
SEED_QUOTES = [
    ("000", "Ik kan me geen specifieke", "direct", "Sessions", None),
    ("000", "volledig vertrouwen", "partial", "Donald Trump", None),
    ("000", "Het afgelopen jaar sprak hij", "direct", "zijn woordvoerder", "role_of:Sessions"),
    ("001", "totaal vertrouwen", "partial", "Trump", None),
    ("002", "Beschuldigingen van Russische", "direct", "Poetin", None),
    ("002", "onzin", "partial", "Vladimir Poetin", None),
    ("002", "De beschuldigingen tegen het Kremlin", "direct", "Poetin", None),
    ("002", "Het is onzin.", "direct", "Poetin", None),
    (
        "002",
        "de leugens een verzinsel",
        "partial",
        "de Russische president",
        "role_is:Vladimir Poetin",
    ),
    ("002", "als wapen tegen", "partial", "de Russische president", "role_is:Vladimir Poetin"),
    ("002", "zich niet hebben gemengd", "partial", "Poetin", None),
    ("002", "Hij heeft me gezegd", "direct", "Trump", None),
    ("002", "aangenaam om mee samen", "partial", "de Russische leider", None),
    ("002", "erg beleefd", "partial", "de Russische leider", None),
    ("002", "erg beledigd", "partial", "Trump", None),
    ("002", "Dat is niet goed voor ons land", "direct", "Trump", None),
    ("003", "Met Trump kunnen we zakendoen", "direct", "Lavrov", None),
    ("003", "Het verhaal dat naar buiten", "direct", "Herbert McMaster", "unclosed"),
]


@pytest.mark.parametrize(("article", "opening", "kind", "speaker", "flag"), SEED_QUOTES)
def test_seed_quotes_have_their_speaker(
    article: str, opening: str, kind: str, speaker: str, flag: str | None
) -> None:
    text, date = seed(article)
    quote = by_text(quotes_of(text, default_date=date, article_id=article), opening)
    assert quote.kind == kind
    assert quote.speaker is not None and quote.speaker.text == speaker
    assert text[quote.speaker.start : quote.speaker.end] == speaker or quote.speaker.label == "PER"
    assert text[quote.start : quote.end] == quote.text
    assert quote.date == date
    if flag:
        assert flag in quote.flags


@pytest.fixture(scope="module")
def seed_entities() -> dict[str, list[Mention]]:
    """The entity stage's mentions of each seed article, as the pipeline hands them on."""
    from storyline.analyze.entities import EntityStage

    out = {}
    for article in sorted({a for a, *_ in SEED_QUOTES}):
        text, _ = seed(article)
        paras = blank_line_paragraphs(text)
        doc = Document(article=Article(id=article, text=text, lang="nl", paragraphs=paras))
        doc.sentences = split_sentences(text, "nl", paras)
        out[article] = [m for d in EntityStage()([doc]) for m in d.entities]
    return out


@pytest.mark.parametrize(("article", "opening", "kind", "speaker", "flag"), SEED_QUOTES)
def test_seed_quotes_keep_their_speaker_with_the_entity_stage(
    seed_entities: dict[str, list[Mention]],
    article: str,
    opening: str,
    kind: str,
    speaker: str,
    flag: str | None,
) -> None:
    # the tagger leaves "Trump" out of "President Trump zei ... dat hij "totaal vertrouwen"
    # heeft in Sessions": the title makes it a person, so the cue still finds him
    text, date = seed(article)
    found = quotes_of(text, entities=seed_entities[article], default_date=date)
    quote = by_text(found, opening)
    assert quote.kind == kind
    assert quote.speaker is not None and quote.speaker.text == speaker


def test_seed_headings_are_quotes_without_speaker() -> None:
    for article, heading in (("000", "Niets misleidend"), ("002", "Beledigd")):
        text, _ = seed(article)
        quote = by_text([q for q in quotes_of(text) if q.kind != "indirect"], heading)
        assert quote.speaker is None and "heading" in quote.flags


def test_seed_direct_quote_count() -> None:
    direct = [
        q
        for name in ("000", "001", "002", "003")
        for q in quotes_of(seed(name)[0])
        if q.kind != "indirect"
    ]
    assert len(direct) == len(SEED_QUOTES) + 2  # plus the two headings


@pytest.mark.parametrize(
    ("article", "opening", "cue", "speaker"),
    [
        ("000", "hij tijdens de hoorzittingen", "zei", "Sessions"),  # "Hij zei verder dat ..."
        ("000", "er hierbij geen sprake is", "houdt vol", "Sessions"),
        ("000", "sprak zijn minister de waarheid", "volgens", "Trump"),
        ("000", "de minister zelf moet stoppen", "zegt", "Darrell Issa"),
        ("000", "werd Sessions tijdens zijn hoorzitting", "volgens", "de woordvoerder"),
        ("001", "zijn verklaring bij de persconferentie", "benadrukte", "De minister"),
        ("003", "was de sfeer goed", "volgens", "beide partijen"),
        ("001", "hij zich terugtrekt", "maakte bekend", "Jeff Sessions"),  # "Hij maakte ..."
        ("001", "was het niet ongebruikelijk", "volgens", "Sessions"),  # "Volgens hem ..."
        ("001", "hij geloofde dat Sessions", "gezegd", "Trump"),  # not the object "Sessions"
    ],
)
def test_seed_indirect_speech(article: str, opening: str, cue: str, speaker: str) -> None:
    quote = by_text([q for q in quotes_of(seed(article)[0]) if q.kind == "indirect"], opening)
    assert quote.cue == cue
    assert quote.speaker is not None and quote.speaker.text == speaker


@pytest.mark.parametrize(
    "text",
    [
        'Het is "onzin", zei Poetin.',
        "Het is “onzin”, zei Poetin.",
        "Het is „onzin”, zei Poetin.",
        "Het is ‘onzin’, zei Poetin.",
        "Het is 'onzin', zei Poetin.",
        "Het is «onzin», zei Poetin.",
    ],
)
def test_typographic_forms(text: str) -> None:
    (quote,) = quotes_of(text)
    assert quote.text == "onzin" and text[quote.start : quote.end] == "onzin"
    assert quote.speaker is not None and quote.speaker.text == "Poetin" and quote.cue == "zei"


def test_cue_before_with_colon_and_inversion() -> None:
    text = (
        "De minister Jan Jansen reageerde kort: “Dit klopt niet.” "
        "Later zei Piet Klaassen: “Wel waar.”"
    )
    first, second = quotes_of(text)
    assert (first.speaker.text, first.cue) == ("Jan Jansen", "reageerde")  # type: ignore[union-attr]
    assert (second.speaker.text, second.cue) == ("Piet Klaassen", "zei")  # type: ignore[union-attr]


def test_multi_paragraph_quote_is_one_quote() -> None:
    text = (
        "“Eerste alinea van de verklaring.\n\n"
        "“Tweede alinea, nog steeds citaat,” aldus Karel de Vries.\n\nDaarna niets."
    )
    (quote,) = quotes_of(text)
    assert quote.text.startswith("Eerste") and quote.text.endswith("citaat,")
    assert "multi-paragraph" in quote.flags and quote.speaker.text == "Karel de Vries"  # type: ignore[union-attr]


def test_pronoun_resolves_to_previous_person_and_entities_are_used() -> None:
    text = "Minister Anna Bakker kwam aan.\n\n“We gaan door,” zei ze."
    ner = [Mention(9, 20, "Anna Bakker", "PER")]
    (quote,) = quotes_of(text, entities=ner)
    assert quote.speaker is ner[0] and any(f.startswith("pronoun:ze") for f in quote.flags)


def test_english_cues() -> None:
    text = '"We will not leave," said Sergey Lavrov. According to the spokesman, talks went well.'
    direct, indirect = quotes_of(text, lang="en")
    assert direct.speaker.text == "Sergey Lavrov" and direct.cue == "said"  # type: ignore[union-attr]
    assert indirect.kind == "indirect" and indirect.speaker.text == "the spokesman"  # type: ignore[union-attr]
    assert indirect.speaker.label == "ROLE"  # type: ignore[union-attr]


def test_english_apostrophes_inside_single_quotes() -> None:
    text = "'It's Trump's plan, not the Sessions' plan,' said Jane Smith."
    (quote,) = quotes_of(text, lang="en")
    assert quote.text == "It's Trump's plan, not the Sessions' plan,"
    assert quote.speaker.text == "Jane Smith"  # type: ignore[union-attr]


def test_apostrophes_are_not_quotes() -> None:
    text = (
        "Trumps zo'n plan, 's avonds besproken, en Sessions' woordvoerder zweeg. Het is 't beste."
    )
    assert [q for q in quotes_of(text) if q.kind != "indirect"] == []


def test_unclosed_quote_stops_at_its_paragraph_with_warning(
    caplog: pytest.LogCaptureFixture,
) -> None:
    text = "Hij zei: “Dit stopt nooit.\n\nGewone tekst volgt hier.\n\nEn nog meer."
    with caplog.at_level(logging.WARNING):
        (quote,) = [q for q in quotes_of(text, article_id="art-7") if q.kind != "indirect"]
    assert quote.text == "Dit stopt nooit." and "unclosed" in quote.flags
    assert "art-7" in caplog.text


def test_unbalanced_marks_do_not_crash() -> None:
    for text in ['"', "”een” “twee", "'''", "«", 'a " b " c "', "—", "- ", "„x“ y” z“"]:
        for quote in quotes_of(text):
            assert 0 <= quote.start <= quote.end <= len(text)


def test_one_long_quote_is_capped(caplog: pytest.LogCaptureFixture) -> None:
    body = " ".join(f"Zin nummer {n} van het lange citaat." for n in range(200))
    text = f"“{body}”"
    with caplog.at_level(logging.WARNING):
        (quote,) = [q for q in quotes_of(text, article_id="long-1") if q.kind != "indirect"]
    assert "capped" in quote.flags and quote.end - quote.start <= len(text) // 2
    assert quote.text.endswith(".") and "long-1" in caplog.text


def test_dialogue_dash_and_turn_taking() -> None:
    text = "- Kom je mee? vroeg Marie.\n- Nee, ik blijf hier."
    first, second = quotes_of(text)
    assert first.text == "Kom je mee?" and first.speaker.text == "Marie"  # type: ignore[union-attr]
    assert (
        second.text == "Nee, ik blijf hier." and second.speaker is None
    )  # a reply by someone unnamed


def test_reply_goes_to_the_other_speaker() -> None:
    text = "“Kom je?” vroeg Marie Smit.\n“Ja,” zei Piet Jansen.\n“Ga jij ook, Marie?”\n“Nee.”"
    speakers = [q.speaker.text if q.speaker else None for q in quotes_of(text)]
    assert speakers == ["Marie Smit", "Piet Jansen", "Piet Jansen", "Marie Smit"]


def test_stage_fills_document() -> None:
    text = "“Wij blijven,” zei Jan Smit."
    article = Article(
        id="a1",
        text=text,
        lang="nl",
        date=PartialDate(2017, 3),
        paragraphs=[Paragraph(0, len(text))],
    )
    (doc,) = list(QuoteStage()([Document(article=article)]))
    assert [(q.text, q.date) for q in doc.quotes] == [("Wij blijven,", "2017-03")]
