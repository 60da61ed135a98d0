"""Time-expression tagging: the constructions of issue 4, anchors of every precision, bad input."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from storyline.analyze.timex import TimexStage, grammar, tag_timexes
from storyline.model import Article, Document, PartialDate, Span, Timex

CASES = Path(__file__).resolve().parents[2] / "eval" / "timex_cases"
DAY = PartialDate(2017, 5, 10)  # a Wednesday in ISO week 19
MONTH = PartialDate(2017, 3)


def one(text: str, anchor: PartialDate | None, lang: str = "nl") -> Timex:
    found = tag_timexes(text, lang, anchor)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "anchor", "value", "type_", "mod"),
    [
        ("Lavrov was vorige week in Washington.", DAY, "2017-W18", "DATE", None),
        (
            "De partij eiste woensdag zijn aftreden.",
            PartialDate(2017, 3, 2),
            "2017-03-01",
            "DATE",
            None,
        ),
        (
            "De minister zal woensdag de Kamer informeren.",
            PartialDate(2017, 3, 13),
            "2017-03-15",
            "DATE",
            None,
        ),
        ("Hij lag sinds gisteren onder vuur.", DAY, "2017-05-09", "DATE", None),
        ("Twee weken geleden moest Flynn opstappen.", DAY, "2017-04-26", "DATE", None),
        ("De ambassadeur wilde in september met hem spreken.", MONTH, "2016-09", "DATE", None),
        ("De beslissing volgt in september.", MONTH, "2017-09", "DATE", None),
        (
            "Eind oktober klaagde Mueller drie raadgevers aan.",
            PartialDate(2017, 11),
            "2017-10",
            "DATE",
            "END",
        ),
        ("Het afgelopen jaar sprak hij met 25 ambassadeurs.", MONTH, "P1Y", "DURATION", None),
        ("Poetin sprak over de verkiezingen van vorig jaar.", MONTH, "2016", "DATE", None),
        (
            "De renovatie is over drie maanden klaar.",
            PartialDate(2017, 3, 15),
            "2017-06",
            "DATE",
            None,
        ),
        ("De wet trad op 20 april 2010 in werking.", MONTH, "2010-04-20", "DATE", None),
        (
            "De aandeelhouders vergaderen op 20/4 in Amsterdam.",
            PartialDate(2017, 3, 15),
            "2017-04-20",
            "DATE",
            None,
        ),
        (
            "De definitieve beslissing valt half mei.",
            PartialDate(2017, 3, 15),
            "2017-05",
            "DATE",
            "MID",
        ),
        ("Het bedrijf maakte begin 2016 winst.", MONTH, "2016", "DATE", "START"),
        ("De partij groeide in de jaren negentig.", MONTH, "199X", "DATE", None),
        ("Het pand stamt uit de jaren '60.", MONTH, "196X", "DATE", None),
        ("De raad komt maandelijks bijeen.", MONTH, "P1M", "SET", None),
        (
            "De vergadering begint om 14.00 uur.",
            PartialDate(2017, 3, 15),
            "2017-03-15T14:00",
            "TIME",
            None,
        ),
        (
            "Gisteravond werd het akkoord bereikt.",
            PartialDate(2017, 3, 15),
            "2017-03-14TEV",
            "TIME",
            None,
        ),
        ("Het onderzoek duurde anderhalf jaar.", MONTH, "P1.5Y", "DURATION", None),
        ("Momenteel worden er gesprekken gevoerd.", MONTH, "PRESENT_REF", "DATE", None),
        ("Zij kondigden een driedaagse staking aan.", MONTH, "P3D", "DURATION", None),
        # verb second: the word after a clause-initial expression is the finite verb
        (
            "Eind oktober kiest Nederland een parlement.",
            PartialDate(2017, 3, 15),
            "2017-10",
            "DATE",
            "END",
        ),
        (
            "Begin maart werden twee verdachten aangehouden.",
            PartialDate(2017, 6, 2),
            "2017-03",
            "DATE",
            "START",
        ),
    ],
)
def test_dutch_constructions(
    text: str, anchor: PartialDate, value: str, type_: str, mod: str | None
) -> None:
    timex = one(text, anchor)
    assert (timex.value, timex.type, timex.mod) == (value, type_, mod)
    assert text[timex.start : timex.end] == timex.text
    assert timex.anchor == anchor.iso()


@pytest.mark.parametrize(
    ("text", "value", "mod"),
    [
        ("Democrats demanded last Wednesday that he resign.", "2017-05-03", None),
        ("Flynn resigned two weeks ago.", "2017-04-26", None),
        ("The terminal opens in late October.", "2017-10", "END"),
        ("The company grew quickly in the 1990s.", "199X", None),
        ("The hearing is expected next month.", "2017-06", None),
        ("The statement was published on March 2, 2017.", "2017-03-02", None),
        ("The plane flew for nearly thirty hours.", "PT30H", "ALMOST"),
        ("Air India will save US$ 300 million a year.", "P1Y", None),
    ],
)
def test_english_constructions(text: str, value: str, mod: str | None) -> None:
    timex = one(text, DAY, "en")
    assert (timex.value, timex.mod) == (value, mod)


def test_month_anchor_never_invents_a_day() -> None:
    for text in (
        "De partij eiste woensdag zijn aftreden.",
        "Hij lag sinds gisteren onder vuur.",
        "Lavrov was vorige week in Washington.",
        "Twee weken geleden stapte hij op.",
    ):
        timex = one(text, MONTH)
        assert timex.value == "2017-03"
        assert timex.underspecified


def test_day_anchor_is_not_underspecified() -> None:
    assert not one("Hij lag sinds gisteren onder vuur.", DAY).underspecified


def test_without_anchor_values_keep_placeholders() -> None:
    assert one("In oktober volgt de beslissing.", None).value == "XXXX-10"
    assert one("De partij eiste woensdag zijn aftreden.", None).value == "XXXX-WXX-3"
    assert one("Het afgelopen jaar was zwaar.", None).value == "P1Y"


def test_weekday_on_the_anchor_day_is_that_day() -> None:
    assert one("De Kamer stemde woensdag over het voorstel.", DAY).value == "2017-05-10"


def test_past_tense_points_back_future_tense_forward() -> None:
    anchor = PartialDate(2017, 3, 13)  # Monday
    assert one("De Kamer debatteerde woensdag over het voorstel.", anchor).value == "2017-03-08"
    assert one("De Kamer zal woensdag over het voorstel debatteren.", anchor).value == "2017-03-15"


def test_sentences_give_the_tense_context() -> None:
    text = "De minister zal morgen spreken. De Kamer debatteerde woensdag."
    sentences = [Span(0, 31), Span(32, len(text))]
    values = [t.value for t in tag_timexes(text, "nl", PartialDate(2017, 3, 13), sentences)]
    assert values == ["2017-03-14", "2017-03-08"]


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("De brief was gedateerd op 31 februari.", "impossible date"),
        ("Op de betoging kwamen 1200 mensen af.", "too far"),
        ("Ruim 2000 mensen verloren hun baan.", "counts something"),
        ("Hij kreeg 3/4 van de stemmen.", "fraction"),
        ("Zo vernam De Morgen.", "morning or a name"),
    ],
)
def test_bad_input_gives_no_timex_and_says_why(
    text: str, reason: str, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.DEBUG, logger="storyline.analyze.timex"):
        assert tag_timexes(text, "nl", DAY) == []
    assert reason in caplog.text


def test_year_far_from_anchor_is_dropped_unless_cued() -> None:
    assert tag_timexes("Het lot met nummer 2525 viel in de prijzen.", "nl", DAY) == []
    assert one("De brug werd in 1345 gebouwd.", DAY).value == "1345"


def test_text_without_dates_and_odd_input() -> None:
    assert tag_timexes("Sessions zal zich niet bemoeien met het onderzoek.", "nl", DAY) == []
    assert tag_timexes("", "nl", DAY) == []
    assert tag_timexes("Le 3 mars.", "fr", DAY) == []
    assert tag_timexes("99999999 // 31/31/31 ,,, 0:99", "nl", DAY) == []


def test_offsets_point_into_the_text() -> None:
    text = "Woensdag 1 maart 2017 sprak hij, en op 2 maart weer."
    found = tag_timexes(text, "nl", DAY)
    assert [text[t.start : t.end] for t in found] == ["Woensdag 1 maart 2017", "2 maart"]
    assert found[0].value == "2017-03-01"


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_trigger_windows_lose_no_match(lang: str) -> None:
    rules = grammar(lang)
    assert rules is not None
    cases = CASES / f"{lang}.tsv"
    lines = [ln.split("\t") for ln in cases.read_text(encoding="utf-8").splitlines()]
    text = "\n".join(p[1].replace("[", "").replace("]", "") for p in lines if len(p) > 2)

    def spans(everywhere: bool) -> set[tuple[int, int, int]]:
        found = rules.candidates(text, everywhere=everywhere)
        return {(c.start, c.end, c.rule.index) for c in found}

    assert spans(everywhere=False) == spans(everywhere=True)


def test_stage_fills_document_timexes() -> None:
    article = Article(id="a", text="Sessions lag sinds gisteren onder vuur.", date=DAY, lang="nl")
    (doc,) = TimexStage()([Document(article=article)])
    assert [t.value for t in doc.timexes] == ["2017-05-09"]
    assert TimexStage.name == "timex"
