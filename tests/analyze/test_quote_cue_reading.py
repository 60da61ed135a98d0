"""Reading the speaker phrase of a cue: function words, main-clause subjects, "zei ik"."""

from __future__ import annotations

from storyline.analyze.quote_dialogue import speechlike
from storyline.analyze.quote_marks import blank_line_paragraphs
from storyline.analyze.quote_speakers import phrase_forward
from storyline.analyze.quote_words import words
from storyline.analyze.quotes import find_quotes
from storyline.analyze.sentences import split_sentences
from storyline.model import Quote


def direct(text: str) -> list[Quote]:
    paras = blank_line_paragraphs(text)
    found = find_quotes(text, "nl", split_sentences(text, "nl", paras), [], paras)
    return [q for q in found if q.kind != "indirect"]


def said(text: str, loose: bool = True) -> str | None:
    ws = words(text, 0, len(text))
    phrase = phrase_forward(text, ws, 0, "nl", loose=loose)
    return None if phrase is None else text[phrase.start : phrase.end]


def test_a_function_word_is_no_adjective_of_a_role() -> None:
    # "en" ends like an adjective ("-en") but opens no noun phrase: "en bijna" is nobody
    assert said("en bijna had ze er bij gezegd") is None
    assert said("en met een scherpe plooi") is None
    assert said("de kleine man steeds kauwend") == "de kleine man"


def test_main_clause_subject_comes_before_the_verb() -> None:
    quotes = direct('Haar moe vond het goed, "als het maar een nette jongen is."\n')
    assert quotes and quotes[0].speaker is not None
    assert quotes[0].speaker.text == "Haar moe"


def test_first_person_cue_goes_to_the_narrator() -> None:
    story = "Ik ben makelaar.\nIk woon hier.\nIk houd van orde.\nIk schrijf.\nIk lees nooit.\n"
    text = story + "- Pardon, zei ik, wie bent u?\n"
    quotes = direct(text)
    speaker = quotes[-1].speaker
    assert speaker is not None and speaker.text == "Ik"
    assert speaker.end <= len(story)  # a mention in the narration, not inside the quote
    assert any(f.startswith("pronoun:ik@") for f in quotes[-1].flags)


def test_first_person_cue_without_narrator_stays_unresolved() -> None:
    quotes = direct("Het regende.\n“Pardon,” zei ik.\n")
    assert "pronoun-unresolved" in quotes[0].flags


def test_lines_that_speak_run_on_a_dash_turn() -> None:
    assert speechlike("Hè meisje ?")
    assert speechlike("Zus , je bent dol")
    assert speechlike("   ")
    assert not speechlike("Marie schaterde .")


def test_a_capitalised_speech_verb_opens_no_name() -> None:
    # a typo in the source ("de prinses Zegt:") must not make "Zegt" a person
    assert said("Zegt de koning") is None
    assert said("Edward Said") == "Edward Said"  # inside a name it may be one ("Said")
    quotes = direct('Als de veldheer tot de prinses Zegt: "het is te laat"')
    assert [q.speaker.text if q.speaker else None for q in quotes] != ["Zegt"]


def test_a_surname_with_de_after_an_adjective_is_a_name() -> None:
    assert said("de jonge De Woude Van Bergh , zich buigende") == "de jonge De Woude Van Bergh"
    quotes = direct("- Het is al laat, mevrouw ! lispelde de jonge De Vries, buigend.\n")
    assert quotes and quotes[0].speaker is not None
    assert quotes[0].speaker.text == "De Vries"


def test_a_dash_turn_runs_on_to_an_inquit_lines_below() -> None:
    text = (
        "Paul keek toe.\n"
        "- Wat ligt die Freddy stil !\n"
        "En alles zoo rijk !\n"
        "Iets als een schilderij ! sprak Betsy , haar waaier ontplooiend .\n"
    )
    quotes = direct(text)
    assert len(quotes) == 1
    assert quotes[0].text.endswith("Iets als een schilderij !")
    assert quotes[0].speaker is not None and quotes[0].speaker.text == "Betsy"


def test_a_dash_turn_without_an_inquit_ends_at_its_line() -> None:
    text = "- Wat ligt die Freddy stil !\nPaul keek toe .\n- Ja ! riep Betsy .\n"
    quotes = direct(text)
    assert [q.text for q in quotes] == ["Wat ligt die Freddy stil !", "Ja !"]


def test_a_short_clause_before_a_colon_names_the_speaker() -> None:
    text = 'Dora kwam binnen.\nZij bloosde: "Die meneer keek net."\n'
    quote = direct(text)[0]
    assert quote.speaker is not None and quote.speaker.text == "Zij"
    assert quote.cue == "bloosde"


def test_who_hears_a_quote_is_not_its_speaker() -> None:
    text = 'Dora kwam binnen.\nZij hoorde: "Die meneer keek net."\n'
    assert direct(text)[0].cue != "hoorde"


def test_a_dash_turn_runs_on_over_lines_that_speak() -> None:
    text = "- Ach .... ik weet niet .\nIk ben wat zenuwachtig .\nHij lachte .\n"
    text += "- Jij met je zenuwen !\n"
    quotes = direct(text)
    assert [q.text for q in quotes] == [
        "Ach .... ik weet niet .\nIk ben wat zenuwachtig .",
        "Jij met je zenuwen !",
    ]


def test_a_capitalised_word_inside_a_name_is_no_speech_verb() -> None:
    from storyline.analyze.quote_words import cue_verb_at

    text = "United States carrier Delta has announced that it will cut flights."
    ws = words(text, 0, len(text))
    assert not cue_verb_at(ws, 1, "en")  # "States"
    assert cue_verb_at(ws, 5, "en")  # "announced"
    found = find_quotes(text + "\n", "en", split_sentences(text + "\n", "en", []), [], [])
    assert [q.cue for q in found if q.kind == "indirect"] == ["announced"]
