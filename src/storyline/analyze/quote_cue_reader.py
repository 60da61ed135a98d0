"""Reading a quote's cue: the speech verb, colon or "volgens" before or after it, and the
phrase that names the speaker ("zei Sessions", "McMaster reageerde kort:", "aldus zijn
woordvoerder"). A mixin of the quote finder (``quotes._Finder``)."""

from __future__ import annotations

from storyline.analyze import quote_cues as cues
from storyline.analyze import quote_speakers as sp
from storyline.analyze import quote_words as qw
from storyline.analyze.quote_conjuncts import colon_subject, last_clause_subject
from storyline.analyze.quote_cues import ACCORDING_TO, lexicon
from storyline.analyze.quote_marks import DASHES
from storyline.analyze.quote_names import is_role
from storyline.analyze.quote_resolver import Resolver
from storyline.analyze.quote_speakers import Phrase
from storyline.analyze.quote_words import Word
from storyline.model import Mention, Span

_APPOSITION = 16  # words of an apposition between a name and its verb, commas included
_NAME_JOINERS = frozenset(["for", "of", "and", "voor", "van", "en"])  # inside long names
_SHORT_CLAUSE = 3  # words after the subject in "Zij bloosde even:"
_TAIL_COMMAS = 3  # commas before a sentence-final cue where its speaker phrase may start
_ARTICLES = frozenset(["de", "het", "een", "der", "den", "the", "a", "an"])
_IMPERSONAL = frozenset(["klinkt", "klonk", "luidt", "luidde"])


class CueReader:
    """Finds the cue around a quote and the phrase of its speaker."""

    text: str
    lang: str
    resolver: Resolver
    entities: list[Mention]

    def post_cue(self, post: list[Word]) -> tuple[str, Phrase, str] | None:
        """A cue after the quote: 'zei Sessions', 'aldus zijn woordvoerder', 'Poetin zei'."""
        i = 0
        while i < len(post) and post[i].text in ",:;-–—.":
            i += 1
        if i + 1 < len(post) and post[i].low in ("zo", "so"):
            i += 1  # "„We gaan door”, zo laat de minister weten."
        if i >= len(post):
            return None
        impersonal = self._impersonal(post, i)
        if impersonal is not None:
            return impersonal
        # "geeft Open VLD-voorzitter Tom Ongena toe": the particle after the whole name
        particle = qw.particle_cue(post, i, self.lang, reach=6)
        if qw.is_cue_verb(post[i], self.lang) or particle:
            j = self._skip_adverbs(post, i + 1)
            phrase = sp.phrase_forward(self.text, post, j, self.lang, loose=True)
            if phrase is not None:
                cue = f"{post[i].text} {particle}" if particle else post[i].text
                return cue, self._apposed_name(post, phrase) or phrase, "post"
        phrase = sp.phrase_forward(self.text, post, i, self.lang) or self._noun_subject(post, i)
        if phrase is not None:
            k = _index_at(post, phrase.end)
            if phrase.kind == "role" and (named := self._named_role(post, k)) is not None:
                return named  # "a spokesman, Philip Crowley, said"
            k = self._skip_adverbs(post, self._past_apposition(post, _past_parenthesis(post, k)))
            if k < len(post) and qw.is_cue_verb(post[k], self.lang):
                return post[k].text, phrase, "post"
        return None

    def colon_line(self, line_start: int, prev_close: int) -> list[Word]:
        """The line before a quote that opens its own line, when that line of narration ends
        in a colon: "Toen keken ze elkaar aan en hij zei:" above the quote."""
        end = qw.end_before(self.text, line_start)
        if end == 0 or self.text[end - 1] != ":":
            return []
        start = max(self.text.rfind("\n", 0, end) + 1, prev_close)
        return qw.words(self.text, start, end)

    def tail_cue(self, post: list[Word]) -> tuple[str, Phrase, str] | None:
        """The cue that ends the sentence of a partial quote, after its last comma: "Marines
        who had been “active socially” are quarantined, the statement said."."""
        commas = [n for n, w in enumerate(post) if w.text == ","]
        for comma in commas[::-1][:_TAIL_COMMAS]:  # "..., the minister, Yoichi Masuzoe, said."
            found = self.post_cue(post[comma:])
            if found is not None:
                return found[0], found[1], "tail"
        return None

    def _noun_subject(self, ws: list[Word], i: int) -> Phrase | None:
        """Any noun after an article when a speech verb follows it: "the farmer said", "one
        fisherman said" (English puts the subject first after a quote too)."""
        phrase = sp.phrase_forward(self.text, ws, i, self.lang, loose=True)
        if phrase is None or phrase.kind != "role":
            return None
        k = _index_at(ws, phrase.end)
        return phrase if k < len(ws) and qw.is_cue_verb(ws[k], self.lang) else None

    def _apposed_name(self, ws: list[Word], role: Phrase) -> Phrase | None:
        """The name set between commas after a role: "verklaarde de burgemeester van
        Rotterdam, Ahmed Aboutaleb, gisteren"."""
        if role.kind != "role":
            return None
        found = self._name_after_comma(ws, _index_at(ws, role.end))
        if found is None:
            return None
        name, after = found
        return name if after >= len(ws) or ws[after].text in ",.;" else None

    def _named_role(self, ws: list[Word], k: int) -> tuple[str, Phrase, str] | None:
        """A name between commas after a role, then the verb: "a spokesman, Philip
        Crowley, said"."""
        found = self._name_after_comma(ws, k)
        if found is None:
            return None
        name, after = found
        if (
            after + 1 < len(ws)
            and ws[after].text == ","
            and qw.is_cue_verb(ws[after + 1], self.lang)
        ):
            return ws[after + 1].text, name, "post"
        return None

    def _name_after_comma(self, ws: list[Word], k: int) -> tuple[Phrase, int] | None:
        """A name right after the comma ``ws[k]``, and the index after it."""
        if k + 2 >= len(ws) or ws[k].text != ",":
            return None
        name = sp.phrase_forward(self.text, ws, k + 1, self.lang)
        if name is None or name.kind != "name":
            return None
        return name, _index_at(ws, name.end)

    def _past_apposition(self, ws: list[Word], k: int) -> int:
        """Where the verb may follow a subject that ends before ``ws[k]``: past a place
        ("Haley Barbour of Mississippi told") or an apposition between commas ("Martha
        Falk, the tribal council treasurer, said"), else ``k``."""
        if k + 1 < len(ws) and ws[k].low in sp.ATTACHING:
            end = k + 2 if ws[k + 1].low in lexicon(cues.DETERMINERS, self.lang) else k + 1
            start = end
            # "of the U.S. Centers for Disease Control and Prevention said"
            while (
                end < len(ws)
                and end - start < _APPOSITION
                and (ws[end].cap or ws[end].text == "." or ws[end].low in _NAME_JOINERS)
            ):
                end += 1
            if end > start and ws[end - 1].low not in _NAME_JOINERS:
                return end
        if k + 1 < len(ws) and ws[k].text == ",":
            opener = ws[k + 1]
            apposed = sp.phrase_forward(self.text, ws, k + 1, self.lang)
            if (
                opener.low in lexicon(cues.DETERMINERS, self.lang)
                or is_role(opener, self.lang)
                # "Michael Ryan, WHO director of Global Alert and Response, told"
                or (apposed is not None and apposed.owner is not None)
            ):
                close = next(
                    (
                        c
                        for c in range(k + 2, min(k + _APPOSITION + 4, len(ws)))
                        if ws[c].text == ","
                    ),
                    None,
                )
                if (
                    close is not None
                    and close + 1 < len(ws)
                    and qw.is_cue_verb(ws[close + 1], self.lang)
                ):
                    return close + 1
        return k

    def _impersonal(self, post: list[Word], i: int) -> tuple[str, Phrase, str] | None:
        """Flemish 'klinkt het bij de partij': the source follows "bij"."""
        if self.lang != "nl" or i + 3 >= len(post) or post[i + 1].low != "het":
            return None
        if post[i].low not in _IMPERSONAL or post[i + 2].low != "bij":
            return None
        phrase = sp.phrase_forward(self.text, post, i + 3, self.lang, loose=True)
        return (f"{post[i].text} het", phrase, "post") if phrase is not None else None

    def _skip_adverbs(self, ws: list[Word], j: int) -> int:
        while j < len(ws) and (
            ws[j].low in lexicon(cues.CUE_ADVERBS, self.lang) or ws[j].text == ","
        ):
            j += 1
        return j

    def pre_cue(self, pre: list[Word], sent: Span | None) -> tuple[str, Phrase, str] | None:
        """A cue before the quote: 'McMaster reageerde kort:', 'Poetin:', 'volgens X', 'zei X'."""
        if not pre:
            return None
        body = [w for w in pre if w.text not in DASHES]
        if body and body[-1].text == ":":
            clause = body[:-1]
            phrase = sp.phrase_forward(self.text, clause, 0, self.lang)
            if phrase is not None and phrase.end == clause[-1].end and self.plausible(phrase):
                return ":", phrase, "pre"  # "Rutte:", not "Update:" or "Kortom:"
            words_only = [w for w in clause if w.text[:1].isalnum() or w.text == ","]
            named = self._apposition(words_only, len(words_only)) if words_only else None
            if named is not None and named.start == words_only[0].start:
                return ":", named, "pre"  # "James Roche, secretaris van de luchtmacht:"
        found = self.according(body) or self.verb_cue(body)
        if found is None and body and body[-1].text == ":":
            found = self._short_clause(body[:-1]) or colon_subject(
                self.text, body[:-1], self.lang, self.plausible
            )
        return found

    def _short_clause(self, clause: list[Word]) -> tuple[str, Phrase, str] | None:
        """A colon after a subject and a verb of any kind ("Zij bloosde:", "De minister is
        duidelijk:"; the verb is the cue) or a place or channel ("Trump op Twitter:"); a
        longer clause is narration that a quote follows."""
        k = 1 if clause and clause[0].low in lexicon(cues.CONJUNCTIONS, self.lang) else 0
        phrase = sp.phrase_forward(self.text, clause, k, self.lang)
        if phrase is None:
            return None
        rest = [w for w in clause if w.start >= phrase.end]
        if not 0 < len(rest) <= _SHORT_CLAUSE:
            return None
        if not (self.plausible(phrase) or qw.is_cue_verb(rest[0], self.lang)):
            return None  # "Lees ook:", "Intussen in Moskou:", but "Trump schreef vanochtend:"
        if rest[0].low in lexicon(cues.PERCEPTION_VERBS, self.lang):
            return None
        if rest[0].low in lexicon(cues.PREPOSITIONS, self.lang):
            return ":", phrase, "pre"  # "Trump op Twitter:", "Poetin tegen journalisten:"
        if any(not w.text.isalpha() or w.cap for w in rest):
            return None
        return rest[0].text, phrase, "pre"

    def according(self, ws: list[Word]) -> tuple[str, Phrase, str] | None:
        phrases = ACCORDING_TO.get(self.lang) or ACCORDING_TO["nl"] + ACCORDING_TO["en"]
        for n in range(len(ws) - 1, -1, -1):
            for cue in phrases:
                parts = cue.split()
                if [w.low for w in ws[n : n + len(parts)]] == parts:
                    phrase = sp.according_phrase(self.text, ws, n + len(parts), self.lang)
                    if phrase is not None:
                        return cue, phrase, "pre"
        return None

    def verb_cue(self, ws: list[Word]) -> tuple[str, Phrase, str] | None:
        """The last speech verb in ``ws`` with its subject."""
        for n in range(len(ws) - 1, -1, -1):
            particle = qw.particle_cue(ws, n, self.lang)
            if not (qw.cue_verb_at(ws, n, self.lang) or particle) or qw.passive_at(
                ws, n, self.lang
            ):
                continue
            cue = f"{ws[n].text} {particle}" if particle else ws[n].text
            phrase = self.subject(ws, n)
            if phrase is not None:
                return cue, phrase, "pre"
        return None

    def subject(self, ws: list[Word], n: int) -> Phrase | None:
        """Who the speech verb ``ws[n]`` belongs to: a pronoun right after it ("houdt hij vol"),
        a phrase opening the clause before it, a phrase after it, or the clause's first phrase."""
        k = self._skip_adverbs(ws, n + 1)
        after = None
        if k < len(ws) and ws[k].low not in lexicon(cues.COMPLEMENTIZERS, self.lang):
            after = sp.phrase_forward(self.text, ws, k, self.lang, loose=True)
        if after is not None and after.kind == "pron":
            return after
        if (
            n > 1
            and ws[n - 1].low in lexicon(cues.RELATIVES, self.lang)
            and ws[n - 2].text.isalpha()  # not after an apposition's comma
        ):
            return sp.antecedent(self.text, ws, n - 1, self.lang)  # "a sign that said:"
        if self.lang == "en":
            # English puts the subject first: in "told Reuters:", "said the industry was"
            # the phrase after the verb is its object or the reported clause's subject
            after = None
        # "Microsoft's president, Brad Smith, said": the apposition's comma before the verb
        end = n
        while end > 1 and ws[end - 1].low in lexicon(cues.AUXILIARIES, self.lang):
            end -= 1  # "Hilary Benn, had said"
        end = end - 1 if end > 1 and ws[end - 1].text == "," else end
        if (named := self._apposition(ws, end)) is not None:
            return named  # "Ron Sugar, CEO van Northrop Grumman, zei"
        before = sp.phrase_backward(self.text, ws, end, self.lang)
        if before is not None and not self.plausible(before):
            before = None
        if before is not None:
            idx = next((i for i, w in enumerate(ws) if w.start >= before.start), 0)
            if (
                idx == 0
                or ws[idx - 1].text in ",;:("
                or ws[idx - 1].low in ("en", "maar", "and", "but")
            ):
                return before
            if ws[idx - 1].low in lexicon(cues.PREPOSITIONS, self.lang) | _ARTICLES:
                before = None  # "de Chief of Staff van de USAF, verklaarde" names no one
        if after is not None and after.kind == "role" and n > 0:
            # a main clause puts its subject first: "Haar moe vond 't goed"
            first = sp.phrase_forward(self.text, ws[:n], 0, self.lang, loose=True)
            if first is not None and first.kind == "role" and first.end == ws[n - 1].end:
                return first
        if after is not None:
            return after
        if before is None:
            own = last_clause_subject(
                self.text, ws[: n + 1], self.lang, self.plausible, shared=False
            )
            if own is not None:
                return own[1]  # "Em was boos, omdat Dora eens had gezegd": not the sentence's Em
        initial = sp.phrase_forward(self.text, ws[:n], 0, self.lang, loose=True) if n > 0 else None
        return before or (initial if initial is not None and self.plausible(initial) else None)

    def _apposition(self, ws: list[Word], end: int) -> Phrase | None:
        """The name before an apposition that holds a role and ends before the verb at
        ``ws[end]`` (its comma, which English news leaves out now and then): "Ron Sugar, CEO
        van Northrop Grumman, zei", "Louis Gallois, president en CEO van het bedrijf, ..."."""
        comma = next(
            (c for c in range(end - 1, max(0, end - _APPOSITION), -1) if ws[c].text == ","), None
        )
        if comma is None or not any(is_role(w, self.lang) for w in ws[comma + 1 : end]):
            return None
        name = sp.phrase_backward(self.text, ws, comma, self.lang)
        if name is None or name.kind != "name" or not self.plausible(name):
            return None
        start = next((i for i, w in enumerate(ws) if w.start >= name.start), 0)
        while start > 0 and ws[start - 1].low in lexicon(cues.TITLE_MODIFIERS, self.lang):
            start -= 1  # "retired Coast Guard Admiral Thad Allen, the ... commander, said"
        if start == 0 or self._opens_subject(ws[start - 1]):
            return name
        # "said Doug Suttles, BP's chief operating officer, adding:"
        return name if qw.is_cue_verb(ws[start - 1], self.lang) else None

    def _opens_subject(self, before: Word) -> bool:
        """Whether a name after ``before`` can open the clause's subject: after a comma or
        the like, or after a title ("Adm. Thad Allen", "Governor Haley Barbour"), not after
        a preposition ("In Washington, ...")."""
        if before.text in ",;:(.":
            return True
        return before.cap and before.low not in cues.closed_words(self.lang)

    def plausible(self, phrase: Phrase) -> bool:
        """A one-word capitalised subject counts only when the text names that person
        elsewhere or the entity stage found a person, an organisation or a country there
        ("Moody's said", "Barclays took a different tack, saying", "China has urged")."""
        said = self.text[phrase.head[0] : phrase.head[1]]
        if phrase.kind != "name" or " " in said or said.lower() in self.resolver.known:
            return True
        return any(
            m.label in ("PER", "ORG", "LOC") and m.start <= phrase.head[0] < m.end
            for m in self.entities
        )


def _past_parenthesis(ws: list[Word], k: int) -> int:
    """The index past a short parenthesis at ``ws[k]`` ("Mitch Landrieu (D) told"), else ``k``."""
    if k < len(ws) and ws[k].text == "(":
        close = next((c for c in range(k + 1, min(k + 5, len(ws))) if ws[c].text == ")"), None)
        if close is not None:
            return close + 1
    return k


def _index_at(ws: list[Word], pos: int) -> int:
    """Index of the first word at or after the offset ``pos``."""
    return next((n for n, w in enumerate(ws) if w.start >= pos), len(ws))
