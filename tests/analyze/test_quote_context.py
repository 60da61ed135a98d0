"""The narration around a quote as the speaker ranker reads it (``quote_context``)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from storyline.analyze.quote_cast import Cast
from storyline.analyze.quote_context import (
    adjacent_gender,
    asks,
    conversation_partner,
    focus,
    line_gender,
    narration_gender,
    subject_chain,
)

STORY = (
    "Het was laat voor mevrouw Dora Smit en meneer Piet Jansen.\n"
    "Dora Smit kwam thuis.\n"
    "Ze zette haar tas neer.\n"
    "Piet Jansen las zijn krant.\n"
    "Meteen stond ze weer op.\n"
    '" Waar is moe ? "\n'
    "Hij keek niet op.\n"
)


def quote_bounds(text: str) -> list[tuple[int, int]]:
    start = text.index('"')
    return [(start, text.index('"', start + 1) + 1)]


def test_line_gender_reads_the_subject_pronoun_of_a_line() -> None:
    assert line_gender("Ze voelde haar wangen branden .") == "f"
    assert line_gender("Meteen stond ze op haar stoep .") == "f"
    assert line_gender("Hij lachte .") == "m"
    assert line_gender("De wind sloeg om haar heen , ze haalde adem .") is None


def test_adjacent_lines_must_agree() -> None:
    bounds = quote_bounds(STORY)
    assert adjacent_gender(STORY, bounds, 0) is None  # "ze" before, "Hij" after
    text = STORY.replace("Hij keek", "Ze keek")
    assert adjacent_gender(text, quote_bounds(text), 0) == "f"


def test_narration_on_the_quote_line() -> None:
    text = 'Piet Jansen zat.\nEn ze kleurt en vraagt : " Wat ? "\n'
    assert narration_gender(text, quote_bounds(text), 0) == "f"


def test_subject_chain_follows_pronouns_to_the_last_subject_of_their_gender() -> None:
    cast = Cast(STORY, "nl", quote_bounds(STORY), [])
    dora, piet = cast.key_of("Dora Smit"), cast.key_of("Piet Jansen")
    assert dora and piet and cast.gender(dora) == "f" and cast.gender(piet) == "m"
    chain = dict(subject_chain(cast, STORY, []))
    assert chain[STORY.index("Meteen")] == dora  # "ze" skips Piet, who is a "he"
    assert chain[STORY.index("Hij keek")] == piet
    assert focus(cast, quote_bounds(STORY)[0][0], [], "f") == dora


def test_partner_and_questions() -> None:
    assert conversation_partner(["a", "b", "b"], 3) == "a"
    assert conversation_partner(["a", None], 2) is None
    assert asks('" Waar is moe ? "') and not asks('" Hier . "')


def test_candidates_do_not_depend_on_string_hashing() -> None:
    script = (
        "from storyline.analyze.quotes import find_quotes\n"
        "from storyline.analyze.quote_marks import blank_line_paragraphs\n"
        "from storyline.analyze.sentences import split_sentences\n"
        "t = open(0).read(); p = blank_line_paragraphs(t); trace = []\n"
        "find_quotes(t, 'nl', split_sentences(t, 'nl', p), [], p, trace=trace)\n"
        "print([[c[0] for c in cands] for _, cands in trace])\n"
    )
    text = (
        "Anna Bakker kwam binnen.\n"
        "“Dag Jan Vos, dag Klaas Mol, dag Wim Bos, dag Kees Smit, dag Ruud Gul!”\n"
        "“Dag!”\n"
    )  # the names inside the first quote are candidates for the second in text order
    root = Path(__file__).resolve().parents[2]
    outs = {
        subprocess.run(
            [sys.executable, "-c", script],
            input=text,
            capture_output=True,
            text=True,
            check=True,
            cwd=root,
            env={"PYTHONHASHSEED": seed, "PATH": ""},
        ).stdout
        for seed in ("1", "2", "3", "4")
    }
    assert len(outs) == 1 and outs.pop().strip() != "[]"
