"""The cast of a text: who can speak, where each one is mentioned, and their gender.

Learnt from the text itself: capitalised names that behave like names (capitalised in
mid-sentence, never a lower-case word), one-word names joined to the full name they are
part of ("Fogg" to "Phileas Fogg"), role nouns that spoke in a cue ("de Sahib", "'t
dichtertje"), a first-person narrator, and each member's gender from titles, role nouns
and the pronouns that follow their mentions (``quote_gender``). Unnamed persons ("een
klant", "de hospita", ``quote_nominals``) are members too, with their sightings kept apart
(``nominal``). In news, where most people are named once or twice, the entity stage's
persons join as well.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from storyline.analyze import quote_cues as cues
from storyline.analyze import quote_nominals as nominals
from storyline.analyze.quote_cues import lexicon
from storyline.analyze.quote_gender import FEMALE_TITLES, MALE_TITLES, vote_genders
from storyline.analyze.quote_speakers import role_words

_TOKEN = re.compile(r"\w+(?:['’]\w+)*(?:-\w+)*|-ie\b")
_PLACE_PREPS = frozenset(["in", "te", "naar", "uit", "over", "at", "to", "from"])
_FIRST = frozenset(["ik", "i"])
# "'t" reaches the tokens as "t"
_DEFINITE = frozenset(
    ["de", "den", "der", "het", "t", "onze", "mijn", "m'n", "zijn", "z'n", "haar", "hun", "uw"]
) | frozenset(["the", "my", "his", "her"])
_PLAIN = cues.FEMALE_NOUNS | cues.MALE_NOUNS | frozenset(["vrouw", "kind", "mensch", "mens"])
_NARRATOR_MIN = 5  # "ik" this often in the narration makes a first-person narrator


@dataclass
class Member:
    """One character: ``key`` is stable, ``name`` the fullest form the text gives."""

    key: str
    name: str
    gender: str = "?"
    narrator: bool = False
    titled: bool = False  # named with a title or a role noun: surely a person
    nominal: bool = False  # only a person noun phrase ("de hospita"), never a cue's speaker
    votes: Counter[str] = field(default_factory=Counter)


@dataclass(frozen=True)
class Sighting:
    """A mention of a member at ``start``..``end``; ``quoted`` when inside a quotation."""

    start: int
    end: int
    key: str
    quoted: bool
    subject: bool  # among the first words of its line or clause


@dataclass
class _Tok:
    start: int
    end: int
    text: str
    line_start: bool

    @property
    def low(self) -> str:
        return self.text.lower()


def _tokens(text: str) -> list[_Tok]:
    out: list[_Tok] = []
    prev_end = 0
    for m in _TOKEN.finditer(text):
        gap = text[prev_end : m.start()]
        first = "\n" in gap or prev_end == 0 or bool(re.search(r"[.!?\"“”„]\s*$", gap))
        out.append(_Tok(m.start(), m.end(), m.group(0), first))
        prev_end = m.end()
    return out


class Cast:
    """Members and their sightings in one text; ``blocked`` are the quotations' spans."""

    def __init__(
        self,
        text: str,
        lang: str,
        blocked: list[tuple[int, int]],
        speakers: list[tuple[int, int, str, str]],
        persons: Sequence[tuple[int, int, str]] = (),
    ):
        self.text, self.lang = text, lang
        self._blocked = sorted(blocked)
        self._bstarts = [a for a, _ in self._blocked]
        self.members: dict[str, Member] = {}
        self.sightings: list[Sighting] = []
        # unnamed persons ("een klant") apart: they are candidates, not context for the others
        self.nominal: list[Sighting] = []
        toks = _tokens(text)
        self._names(toks)
        self._persons(toks, persons)
        self._roles(toks, speakers)
        self._nominals(toks)
        self._narrator(toks)
        self._addressed(toks)
        self.sightings.sort(key=lambda s: s.start)
        self._starts = [s.start for s in self.sightings]
        self.nominal.sort(key=lambda s: s.start)
        self._nstarts = [s.start for s in self.nominal]
        vote_genders(self, toks)

    # -- geometry -----------------------------------------------------------
    def quoted(self, pos: int) -> bool:
        index = bisect.bisect_right(self._bstarts, pos) - 1
        return index >= 0 and self._blocked[index][0] <= pos < self._blocked[index][1]

    def between(self, start: int, end: int) -> list[Sighting]:
        lo = bisect.bisect_left(self._starts, start)
        hi = bisect.bisect_left(self._starts, end)
        return self.sightings[lo:hi]

    def key_of(self, text: str) -> str | None:
        """The member a speaker text names ("Sherlock Holmes", "de Sahib", "ik"), if any."""
        ws = [w.lower() for w in _TOKEN.findall(text)]
        ws = [w for w in ws if w not in _SKIP]
        if not ws:
            return None
        if ws[-1] in _FIRST:
            return "ik" if "ik" in self.members else None
        for w in reversed(ws):
            key = self._alias.get(w) or self._alias.get(_base(w))  # "Iran's" is "iran"
            if key is not None:
                return key
        return None

    # -- construction -------------------------------------------------------
    def _names(self, toks: list[_Tok]) -> None:
        function = lexicon(cues.FUNCTION_WORDS, self.lang) | set(lexicon_pron(self.lang))
        titles = lexicon(cues.TITLES, self.lang) | FEMALE_TITLES | MALE_TITLES
        lower = Counter(t.low for t in toks if not t.text[:1].isupper())
        mid_cap: Counter[str] = Counter()
        after_place: Counter[str] = Counter()
        runs: list[list[_Tok]] = []
        titled: set[str] = set()
        i = 0
        while i < len(toks):
            t = toks[i]
            if not _cap(t) or t.low in titles or t.low in function:
                i += 1
                continue
            run = [t]
            while i + len(run) < len(toks):
                nxt = toks[i + len(run)]
                if nxt.start - run[-1].end > 1 or not _cap(nxt) or nxt.low in titles:
                    break
                run.append(nxt)
            i += len(run)
            if _heading(self.text, run):
                continue
            if i - len(run) > 0 and toks[i - len(run) - 1].low in titles:
                titled.add(run[0].low)
            runs.append(run)
            for n, w in enumerate(run):
                if not (w.line_start and n == 0):
                    mid_cap[w.low] += 1
            before = toks[i - len(run) - 1].low if i - len(run) > 0 else ""
            if before in _PLACE_PREPS:
                after_place[run[-1].low] += 1
        count = Counter(w.low for run in runs for w in run)
        # a name of two words or more inside a sentence or after a title counts at once
        strong = {
            w.low
            for run in runs
            if len(run) > 1 and (not run[0].line_start or run[0].low in titled)
            for w in run
        }

        def good(word: str) -> bool:
            return (
                len(word) > 1
                and (count[word] >= 2 or word in strong)
                and mid_cap[word] >= 1
                and lower[word] < mid_cap[word]
                and after_place[word] * 2 <= count[word]
            )

        fulls: dict[str, Counter[tuple[str, ...]]] = {}
        for run in runs:
            words = tuple(_base(w.low) for w in run if good(w.low))
            if len(words) > 1:
                for word in words:
                    fulls.setdefault(word, Counter())[tuple(sorted(words))] += 1
        self._alias: dict[str, str] = {}
        for run in runs:
            words = tuple(_base(w.low) for w in run if good(w.low))
            if not words:
                continue
            key = self._key_for(words, fulls)
            name = " ".join(w.text for w in run if good(w.low))
            member = self.members.setdefault(key, Member(key, name))
            if " ".join(sorted(words)) == key and len(name) > len(member.name):
                member.name = name
            for word in words:
                self._alias.setdefault(word, key)
            first = run[0]
            start, end = first.start, run[-1].end
            self.sightings.append(Sighting(start, end, key, self.quoted(start), first.line_start))

    @staticmethod
    def _key_for(words: tuple[str, ...], fulls: dict[str, Counter[tuple[str, ...]]]) -> str:
        """A multi-word name keys itself; a lone word the full name it mostly stands in."""
        options = fulls.get(words[0], Counter())
        if len(words) == 1 and options:
            full, n = options.most_common(1)[0]
            if n * 3 >= 2 * sum(options.values()):
                return " ".join(full)
        if len(words) > 1:
            full = tuple(sorted(words))
            best = max((fulls[w].most_common(1)[0] for w in words), key=lambda e: e[1])
            return " ".join(best[0] if best[1] > 2 * fulls[words[0]][full] else full)
        return words[0]

    def _roles(self, toks: list[_Tok], speakers: list[tuple[int, int, str, str]]) -> None:
        """Role nouns that spoke in a cue become members; every later use of the noun is a
        sighting of them ("de duivel", "mijn metgezel")."""
        heads: dict[str, str] = {}
        for start, end, said, label in speakers:
            ws = role_words(_TOKEN.findall(said))
            if not ws:
                continue
            if label != "ROLE":
                self._speaking_name(start, end, said, ws)
                continue
            head = ws[-1].lower()
            if head in _FIRST or head in lexicon_pron(self.lang) or head in self._alias:
                continue
            heads.setdefault(head, said)
        for head, said in heads.items():
            self.members.setdefault(head, Member(head, said, titled=True))
            self._alias.setdefault(head, head)
        if not heads:
            return
        for n, t in enumerate(toks):
            # "de duivel", "mijn metgezel": a definite or owned noun, not "een man"; a plain
            # noun like "man" only in the words it spoke under ("de kleine man")
            if t.low not in heads or n == 0:
                continue
            mods = [w.lower() for w in role_words(_TOKEN.findall(heads[t.low]))][:-1]
            mods = [w for w in mods if w not in _SKIP and w not in _DEFINITE]
            if t.low in _PLAIN and mods:
                if [x.low for x in toks[max(0, n - len(mods)) : n]] != mods:
                    continue
            elif toks[n - 1].low not in _DEFINITE:
                continue
            first = t.line_start or toks[n - 1].line_start
            self.sightings.append(Sighting(t.start, t.end, t.low, self.quoted(t.start), first))

    def _nominals(self, toks: list[_Tok]) -> None:
        """Person noun phrases ("een klant", "de hospita") are members keyed by their noun;
        every later phrase with that noun is a sighting of them."""
        nouns = nominals.person_lexicon(self.lang) | nominals.speech_subjects(
            toks, self.lang, self.quoted
        )
        taken = {s.start for s in self.sightings}
        pronouns = set(lexicon_pron(self.lang))

        def skip(word: str) -> bool:
            return word in pronouns or (word in self._alias and word not in self.members)

        for k, head in nominals.nominal_mentions(toks, self.lang, frozenset(nouns), skip):
            t = toks[k]
            if t.start in taken:
                continue
            if head not in self.members:
                self.members[head] = Member(head, head, nominals.noun_gender(head), nominal=True)
                self._alias.setdefault(head, head)
            first = t.line_start or toks[k - 1].line_start
            self.nominal.append(Sighting(t.start, t.end, head, self.quoted(t.start), first))

    def nominal_between(self, start: int, end: int) -> list[Sighting]:
        lo = bisect.bisect_left(self._nstarts, start)
        return self.nominal[lo : bisect.bisect_left(self._nstarts, end)]

    def _speaking_name(self, start: int, end: int, said: str, ws: list[str]) -> None:
        """A name that spoke in a cue is a member even when the text names it only once."""
        if self.key_of(said) is None and self._new_member(said, ws) and not self.quoted(start):
            key = self.key_of(said)
            if key is not None:
                self.sightings.append(Sighting(start, end, key, False, False))

    def _new_member(self, said: str, ws: list[str]) -> bool:
        words = [_base(w.lower()) for w in ws if w.lower() not in _SKIP]
        pronouns = set(lexicon_pron(self.lang)) | set(cues.OBJECT_PRONOUNS["nl"])
        if not words or words[-1] in pronouns:
            return False
        key = " ".join(sorted(words))
        self.members.setdefault(key, Member(key, said))
        for w in words:
            self._alias.setdefault(w, key)
        return True

    def _persons(self, toks: list[_Tok], persons: Sequence[tuple[int, int, str]]) -> None:
        """Persons the entity stage found are members and each of their mentions a
        sighting: news names most people once or twice, too seldom for ``_names``."""
        taken = {s.start for s in self.sightings}
        first = {t.start: t.line_start for t in toks}
        for start, end, said in sorted(persons):
            if start in taken:
                continue
            if self.key_of(said) is None and not self._new_member(said, _TOKEN.findall(said)):
                continue
            key = self.key_of(said)
            if key is not None:
                quoted = self.quoted(start)
                self.sightings.append(Sighting(start, end, key, quoted, first.get(start, False)))

    def _addressed(self, toks: list[_Tok]) -> None:
        """Forms of address used inside quotes ("..., tante !") name someone who may answer."""
        words = lexicon(cues.ADDRESS_WORDS, self.lang)
        for t in toks:
            if t.low not in words or not self.quoted(t.start) or t.low in self._alias:
                continue
            around = self.text[max(0, t.start - 2) : t.end + 2]
            if "," in around or "!" in around or "?" in around:
                self.members.setdefault(t.low, Member(t.low, t.text.lower()))
                self.sightings.append(Sighting(t.start, t.end, t.low, True, False))

    def _narrator(self, toks: list[_Tok]) -> None:
        said = [t for t in toks if t.low == "ik" and not self.quoted(t.start)]
        if len(said) < _NARRATOR_MIN:
            return
        self.members["ik"] = Member("ik", "ik", narrator=True)
        self._alias["ik"] = "ik"
        for t in said:
            self.sightings.append(Sighting(t.start, t.end, "ik", False, t.line_start))

    def gender(self, key: str) -> str:
        member = self.members.get(key)
        return member.gender if member else "?"


def lexicon_pron(lang: str) -> dict[str, str]:
    return cues.PRONOUNS.get(lang) or {**cues.PRONOUNS["nl"], **cues.PRONOUNS["en"]}


_SKIP = (
    set(cues.DETERMINERS["nl"])
    | set(cues.DETERMINERS["en"])
    | set(cues.POSSESSIVES["nl"])
    | set(cues.POSSESSIVES["en"])
    | set(cues.TITLES["nl"])
    | set(cues.TITLES["en"])
    | {"onze", "mijn", "uw", "our", "my", "'t"}
)


def _base(word: str) -> str:
    """A name without its genitive: "fogg's" -> "fogg"."""
    return word[:-2] if word.endswith(("'s", "’s")) and len(word) > 3 else word


def _cap(tok: _Tok) -> bool:
    return tok.text[:1].isupper() and tok.text[:1].isalpha()


def _heading(text: str, run: list[_Tok]) -> bool:
    """A name-like run that is a whole line or in capitals: 'VIERDE HOOFDSTUK'."""
    if all(t.text.isupper() and len(t.text) > 1 for t in run):
        return True
    line_start = text.rfind("\n", 0, run[0].start) + 1
    line_end = text.find("\n", run[-1].end)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    return line.strip(" .") == text[run[0].start : run[-1].end]
