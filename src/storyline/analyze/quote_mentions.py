"""The mention a quote's speaker is given: the entity stage's, or a new one of the cue's name."""

from __future__ import annotations

from storyline.analyze import quote_cues as cues
from storyline.analyze.quote_cues import lexicon
from storyline.analyze.quote_names import is_role
from storyline.analyze.quote_words import Word
from storyline.model import Mention, names_speaker


def _a_title(prefix: str) -> bool:
    """Whether ``prefix`` is one role or title word ("Kamerlid " of "Kamerlid Pieter
    Omtzigt", which the tagger reads as one person)."""
    said = prefix.split()
    if len(said) != 1:
        return False
    word = Word(0, len(said[0]), said[0].rstrip("."))
    return is_role(word, "") or word.low in lexicon(cues.TITLES, "")


def mention_for(text: str, span: tuple[int, int], entities: list[Mention], label: str) -> Mention:
    """The entity mention that names ``span`` (``names_speaker``), or a new mention of it; a
    person mention the tagger cut short inside the span ("P.J." of "P.J. Crowley") gives
    way to the whole span."""
    for mention in entities:
        if names_speaker(mention, *span):
            inside = span[0] <= mention.start and mention.end <= span[1]
            titled = (
                mention.start < span[0]
                and span[1] == mention.end
                and _a_title(text[mention.start : span[0]])
            )
            if (
                mention.label == "PER"
                and (inside or titled)
                and (mention.start, mention.end) != span
            ):
                return Mention(span[0], span[1], text[span[0] : span[1]], "PER")
            return mention
    return Mention(span[0], span[1], text[span[0] : span[1]], label)
