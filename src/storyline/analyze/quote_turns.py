"""Speakers of dialogue quotes that no cue names: rank the cast members near the quote.

A quote with only a pronoun cue ("zeide hij") or no cue at all takes the cast member
(``quote_cast``) with the highest score under a small linear model; the candidates and
their features (turn-taking, the narration around the quote, who is addressed, pronoun
gender, recency, how often a member speaks) come from ``quote_candidates``. Quotes are
ranked in reading order, so that turn-taking sees the speakers just chosen. A turn after
a question or an address is probably someone else's: a feature, not a rule, unless
nobody else is in sight; nobody is the speaker of a quote that calls them by name, and
when decoding (``SpeakerModel.decode_rules``) of one that names them at all, nor is the
other gender the speaker of "zeide zij". Runs of bare turns are then decoded as a whole
(``quote_exchange``). The weights were learnt on the conversations of novels: in a text
without dialogue (news) a pronoun cue keeps the person the cue reader resolved it to, and a
term in quotation marks without a cue (het "Apple"-merk) keeps no speaker. The weights live in
``storyline/models/quote_speaker_nl.json``, fitted on OpenBoek by
``storyline/models/quote_speaker_train.py`` (pairwise logistic regression); without the
file the quotes keep the speakers the rules gave.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from storyline.analyze.quote_candidates import (
    RULED,
    Turns,
    cue_pronoun,
    opens_turn,
    rerankable,
)
from storyline.analyze.quote_cast import Cast
from storyline.analyze.quote_conjuncts import CLAUSE_SUBJECT
from storyline.analyze.quote_context import PRONOUN_GENDER
from storyline.analyze.quote_dialogue import addresses
from storyline.analyze.quote_exchange import decode, runs
from storyline.analyze.quote_model import (  # re-exported for the trainer and the evaluation
    FEATURES,
    MODEL_PATH,
    Candidate,
    SpeakerModel,
    Trace,
    default_model,
)
from storyline.model import Mention, Quote

if TYPE_CHECKING:  # quotes imports this module; the finder only arrives at run time
    from storyline.analyze.quotes import _Finder

# bare turns (a quote opening a line right after another) that make a text a dialogue: news
# continues one speaker's quote in a new paragraph now and then, the novels' conversations
# hold 8 to 72 such turns in their first 10,000 words
_DIALOGUE = 3

__all__ = ["FEATURES", "MODEL_PATH", "SpeakerModel", "Trace", "default_model", "rerank"]


def rerank(
    finder: _Finder,
    model: SpeakerModel,
    trace: Trace | None = None,
    exchanges: bool = True,
) -> None:
    """Give each rerankable quote the best-scoring cast member (in reading order, so that
    turn-taking sees the speakers just chosen)."""
    # in a text without dialogue (news) a pronoun cue keeps the person the cue reader
    # resolved it to ("Graham zei dat ... Hij voegde eraan toe:"): the ranker learnt its
    # weights on the conversations of novels
    dialogue = sum(opens_turn(finder, i) for i in range(1, len(finder.quotes))) >= _DIALOGUE
    kept = [q for q in finder.quotes if not rerankable(q) or (not dialogue and _resolved(q))]
    speakers = [
        (q.speaker.start, q.speaker.end, q.speaker.text, q.speaker.label)
        for q in [*kept, *finder.reported]
        if q.speaker is not None
        # "en 't kindje vraagt:" makes the child no member who may take the next quotes
        and not (q.speaker.label == "ROLE" and CLAUSE_SUBJECT in q.flags)
    ]
    # what indirect speech reports is no narration: "Graham zei dat een aanklager nodig is.
    # Hij voegde eraan toe: ..." is not the aanklager's
    blocked = [*finder.bounds, *((q.start, q.end) for q in finder.reported)]
    # news names most people once or twice, too seldom for the cast's name statistics; a
    # novel names its characters often, and the tagger's mistakes there cost (OpenBoek with
    # the entity stage: speaker accuracy 0.803 without its persons, 0.796 with them)
    persons = (
        [] if dialogue else [(m.start, m.end, m.text) for m in finder.entities if m.label == "PER"]
    )
    cast = Cast(finder.text, finder.lang, blocked, speakers, persons)
    places = _places(finder, cast)
    turns = Turns(finder, cast)
    ranked: dict[int, list[Candidate]] = {}
    narrowed: set[int] = set()  # quotes whose pronoun cue's gender fits some candidate
    for i, quote in enumerate(finder.quotes):
        if turns.keys[i] is not None and not rerankable(quote):
            turns.mentions[turns.keys[i] or ""] = quote.speaker  # type: ignore[assignment]
            continue
        if not rerankable(quote):
            continue
        if not dialogue and _kept(quote, cast):
            turns.keys[i] = cast.key_of(quote.speaker.text)  # type: ignore[union-attr]
            continue
        if not dialogue and quote.kind == "partial" and quote.cue is None:
            continue  # a name or a term in quotation marks: het "Apple"-merk, "Le Freak"
        if "continued" in quote.flags and "\n" not in turns.gap(i):
            _same_turn(finder, turns, i)  # the rest of one turn: '"…", zegt Poetin. "…"'
            continue
        cands = _candidates(finder, turns, model, i)
        if not dialogue:
            # news quotes the people it names: "Schumer ... wil een onafhankelijke
            # aanklager. 'Het volk verdient de waarheid.'" is not the aanklager's; and a
            # place the entity stage found ("Den Haag") says nothing
            cands = [c for c in cands if c[0] not in places]
            cands = [c for c in cands if not c[1].get("nominal")] or cands
        if trace is not None:
            trace.append((i, cands))
        if not cands:
            continue
        ranked[i] = cands
        if any(c[1].get("pron_agree") for c in cands):
            narrowed.add(i)
        key, _, mention = max(cands, key=lambda c: model.score(c[1]))
        _assign(quote, mention)
        turns.keys[i] = key
        turns.mentions[key] = mention
    if exchanges:
        for first, last in runs(turns.bare, len(finder.quotes)):
            chosen = decode(first, last, turns.explicit, ranked, model, narrowed)
            for k, (key, mention) in chosen.items():
                _assign(finder.quotes[k], mention)
                turns.keys[k] = key


def _candidates(finder: _Finder, turns: Turns, model: SpeakerModel, i: int) -> list[Candidate]:
    """Quote ``i``'s candidates less those the text rules out."""
    cands = turns.candidates(i)
    if i > 0 and addresses(finder, finder.quotes[i - 1]):
        # a new line answering a question or an address is mostly someone else's turn;
        # when nobody else is in sight, an unnamed one's
        others = [c for c in cands if not c[1].get("prev1_nl")]
        cands = cands if others else others
        for c in cands:
            c[1]["prev1_addr"] = c[1].get("prev1_nl", 0.0)
    if model.decode_rules:
        # "zeide zij" is neither a man's nor the narrator's; nobody names themselves
        for ruled_out in ("pron_clash", "voc_self"):
            cands = [c for c in cands if not c[1].get(ruled_out)] or cands
    addressed = turns.vocatives(i)
    # nobody addresses themselves by name: "Ga jij ook, Marie?" is not Marie's
    return [c for c in cands if c[0] not in addressed] or cands


def _places(finder: _Finder, cast: Cast) -> set[str]:
    """Cast members the entity stage only ever tagged as places."""
    keys: dict[str, set[str]] = {}
    for m in finder.entities:
        key = cast.key_of(m.text)
        if key is not None:
            keys.setdefault(key, set()).add(m.label)
    return {key for key, labels in keys.items() if labels == {"LOC"}}


def _resolved(quote: Quote) -> bool:
    """A quote whose pronoun cue the cue reader resolved to a person it names."""
    return cue_pronoun(quote) is not None and "pronoun-unresolved" not in quote.flags


def _kept(quote: Quote, cast: Cast) -> bool:
    """A resolved pronoun cue whose person is not known to be of the other gender."""
    pron = cue_pronoun(quote)
    if pron is None or "pronoun-unresolved" in quote.flags or quote.speaker is None:
        return False
    gender = PRONOUN_GENDER.get(pron[0].lower())
    key = cast.key_of(quote.speaker.text)
    return gender is None or key is None or cast.gender(key) in ("?", gender)


def _assign(quote: Quote, mention: Mention) -> None:
    # a pronoun copied from another quote's cue no longer names this quote's speaker
    own = cue_pronoun(quote) is not None
    if "continued" in quote.flags and quote.speaker != mention:
        quote.cue = None  # the cue came with the speaker of the quote before
    quote.speaker = mention
    quote.flags = [
        f
        for f in quote.flags
        if f not in RULED and not f.startswith("role_") and (own or not f.startswith("pronoun"))
    ]
    if "ranked" not in quote.flags:
        quote.flags.append("ranked")


def _same_turn(finder: _Finder, turns: Turns, i: int) -> None:
    prev = finder.quotes[i - 1]
    if "ranked" in prev.flags and prev.speaker is not None:
        finder.quotes[i].speaker = prev.speaker
    turns.keys[i] = turns.keys[i - 1]
