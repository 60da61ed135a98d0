"""A quote's kind: direct (a speaker's own words, set apart) or partial (quoted words inside
a sentence of the text). A mixin of the quote finder (``quotes._Finder``)."""

from __future__ import annotations

from storyline.analyze import quote_cues as cues
from storyline.analyze import quote_words as qw
from storyline.analyze.quote_cues import lexicon
from storyline.analyze.quote_marks import DASHES, RawQuote
from storyline.analyze.quote_words import Word
from storyline.model import Quote, QuoteKind


class KindReader:
    """Tells direct quotes from partial ones."""

    text: str
    lang: str
    quotes: list[Quote]
    bounds: list[tuple[int, int]]

    def kind(self, raw: RawQuote, pre: list[Word], post_cue: bool) -> QuoteKind:
        content = self.text[raw.start : raw.end]
        pre_text = "".join(w.text for w in pre).strip(DASHES)
        if not pre_text and not post_cue and self._runs_on(raw, content):
            return "partial"  # a name opening a sentence: '“Bob” finished fourth'
        if not pre_text or pre_text.endswith(":") or raw.style == "dash":
            return "direct"
        if self._inquit_only(pre):
            return "direct"  # the rest of a turn: '"Wat is het," vroeg ik, "morphine?"'
        if post_cue and not content[:1].islower():
            return "direct"  # but 'Citing “a precautionary measure”, Airbus announced
        if content[:1].isupper() and content.rstrip("\"'”’»")[-1:] in ".!?…":
            return "direct"
        return "partial"

    def _runs_on(self, raw: RawQuote, content: str) -> bool:
        """Whether the sentence runs on in lower case right after quoted words that end in
        no punctuation of their own and their closing mark."""
        if raw.style == "dash" or content.rstrip()[-1:] in ".,!?…;:":
            return False
        after = self.text[raw.end : raw.end + 40]
        if after[:1] not in "\"'”’»":
            return False  # a closing mark set apart (tokenised text) pairs ambiguously
        return after[1:].lstrip(" ")[:1].islower()

    def _inquit_only(self, pre: list[Word]) -> bool:
        """True when the words before the quote are just the inquit of the previous quote."""
        if not pre or not self.quotes or not self.bounds[:-1]:
            return False
        body = [w for w in pre if w.text not in ",:;"]
        if body and body[-1].low in lexicon(cues.COMPLEMENTIZERS, self.lang):
            return False  # "Hij verklaarde dat „...”": the quote goes on with his sentence
        return 0 < len(body) <= 4 and any(qw.is_cue_verb(w, self.lang) for w in body)
