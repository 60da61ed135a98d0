"""The English corpora's tokens rebuilt as text (``eval/cluster.py``): clitics join their
word again, so that "You 'd" opens no quotation."""

from __future__ import annotations

from tests.eval.scripts import load_eval_script


def test_clitics_join_their_word() -> None:
    detokenise = load_eval_script("cluster").detokenise
    text = "You 'd think we 're fine , I 'm sure they 'll see it 's Hayward 's"
    tokens = text.split(" ")
    assert detokenise(tokens) == "You'd think we're fine, I'm sure they'll see it's Hayward's"


def test_quotation_marks_stay_apart_from_clitics() -> None:
    detokenise = load_eval_script("cluster").detokenise
    assert detokenise(["``", "Hello", "''", "he", "said"]) == '"Hello" he said'
