"""Speaker phrases next to speech cues: names, pronouns and roles, and what they refer to."""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass, field

from storyline.analyze import quote_cues as cues
from storyline.analyze.quote_cues import lexicon
from storyline.analyze.quote_roles import attached_end
from storyline.model import Mention

_WORD = re.compile(r"-ie\b|['’][tsk]\b|\w+(?:['’]\w+)*(?:-\w+)*|\S")
_PARTICLES = frozenset(
    [
        "van",
        "de",
        "der",
        "den",
        "von",
        "ten",
        "ter",
        "da",
        "di",
        "du",
        "le",
        "la",
        "bin",
        "al",
        "del",
        "'t",
    ]
)
_ADJ_END = ("e", "en", "sche", "ste")
_FEMALE_END = ("ster", "trice", "vrouw", "es", "woman")
_FEMALE = cues.FEMALE_NOUNS
_MALE = cues.MALE_NOUNS
_CAP_ADJ_END = ("se", "sche", "ische", "aanse", "ese", "ean", "ian", "ish")


@dataclass(frozen=True)
class Word:
    start: int
    end: int
    text: str

    @property
    def low(self) -> str:
        return self.text.lower()

    @property
    def cap(self) -> bool:
        return self.text[:1].isupper()


@dataclass
class Phrase:
    """A speaker phrase: ``kind`` is name, pron or role; ``head`` is the name or role span."""

    start: int
    end: int
    kind: str
    head: tuple[int, int]
    owner: tuple[int, int] | None = None
    possessive: str | None = None
    notes: list[str] = field(default_factory=list)


def words(text: str, start: int, end: int) -> list[Word]:
    return [Word(m.start(), m.end(), m.group(0)) for m in _WORD.finditer(text, start, end)]


def is_cue_verb(word: Word, lang: str) -> bool:
    return word.low in lexicon(cues.SPEECH_VERBS, lang)


def particle_cue(ws: list[Word], index: int, lang: str, reach: int = 8) -> str | None:
    """The particle that makes ``ws[index]`` a speech cue ("houdt ... vol"), if one follows."""
    table = cues.PARTICLE_VERBS.get(lang) or {
        **cues.PARTICLE_VERBS["nl"],
        **cues.PARTICLE_VERBS["en"],
    }
    for particle, verbs in table.items():
        following = ws[index + 1 : index + 1 + reach]
        if ws[index].low in verbs and any(w.low in (particle, "er" + particle) for w in following):
            return particle
    return None


def _is_name_word(word: Word, lang: str, first: bool) -> bool:
    if not word.cap or not word.text[0].isalpha():
        return False
    # a name never opens with a function word or a speech verb ("de prinses Zegt:")
    if first and (
        word.low in lexicon(cues.FUNCTION_WORDS, lang)
        or word.low in lexicon(cues.SPEECH_VERBS, lang)
    ):
        return False
    return word.low not in lexicon_pronouns(lang)


def _name_run(ws: list[Word], i: int, lang: str) -> int:
    """Index after a capitalised name starting at ``ws[i]`` (i when there is none)."""
    if i >= len(ws) or not _is_name_word(ws[i], lang, first=True):
        return i
    j = i + 1
    while j < len(ws) and ws[j].start - ws[j - 1].end <= 1:
        if (
            _is_name_word(ws[j], lang, first=False)
            or (ws[j].text == "." and len(ws[j - 1].text) == 1)
            or (ws[j].low in _PARTICLES and j + 1 < len(ws) and ws[j + 1].cap)
        ):
            j += 1
        else:
            break
    return j


def _cap_adjective(word: Word, nxt: Word | None) -> bool:
    return bool(word.cap and nxt is not None and not nxt.cap and word.low.endswith(_CAP_ADJ_END))


def phrase_forward(
    text: str, ws: list[Word], i: int, lang: str, loose: bool = False
) -> Phrase | None:
    """The speaker phrase starting at ``ws[i]``; ``loose`` accepts any noun after a determiner."""
    if i >= len(ws):
        return None
    first = ws[i]
    pron = lexicon_pronouns(lang)
    if first.low in pron:
        return Phrase(first.start, first.end, "pron", (first.start, first.end))
    j, owner, possessive = i, None, None
    if first.low in lexicon(cues.DETERMINERS, lang) or first.low in possessives(lang):
        possessive = first.low if first.low in possessives(lang) else None
        j += 1
    elif first.cap and j + 1 < len(ws):
        end = _name_run(ws, j, lang)
        if end > j and end < len(ws) and ws[end].text in ("'", "’") and end + 1 < len(ws):
            owner, j = (ws[j].start, ws[end - 1].end), end + 1
        elif end == j + 1 and first.low.endswith("s") and _is_role(ws[end], lang):
            owner, j = (first.start, first.end - 1), end
    adjectives = 0
    while j + 1 < len(ws) and adjectives < 3 and ws[j + 1].text[:1].isalpha():
        nxt = ws[j + 1]
        plain = not _is_role(ws[j], lang) and not (
            ws[j].low in lexicon(cues.DETERMINERS, lang)
            or ws[j].low in lexicon(cues.FUNCTION_WORDS, lang)
        )
        if (plain and not ws[j].cap and ws[j].low.endswith(_ADJ_END)) or _cap_adjective(ws[j], nxt):
            j, adjectives = j + 1, adjectives + 1
        else:
            break
    if j >= len(ws):
        return None
    if _is_role(ws[j], lang) or ws[j].low in lexicon(cues.TITLES, lang):
        name_end = _name_run(ws, j + 1, lang)
        if name_end > j + 1:
            head = (ws[j + 1].start, ws[name_end - 1].end)
            return Phrase(ws[i].start, head[1], "name", head, owner, possessive)
        if j + 2 < len(ws) and ws[j + 1].low in ("van", "of", "voor"):
            run_end = _name_run(ws, j + 2, lang)
            if run_end - (j + 2) >= 3:  # "minister van Justitie Jeff Sessions": the last two
                head = (ws[run_end - 2].start, ws[run_end - 1].end)
                return Phrase(ws[i].start, head[1], "name", head, owner, possessive)
        last = ws[attached_end(ws, j, lang)].end
        return Phrase(ws[i].start, last, "role", (ws[i].start, ws[j].end), owner, possessive)
    end = _name_run(ws, j, lang)
    if end > j:
        head = (ws[j].start, ws[end - 1].end)
        return Phrase(ws[i].start, head[1], "name", head, owner, possessive)
    if loose and j > i and ws[j].text.isalpha() and not ws[j].cap:
        last = ws[attached_end(ws, j, lang)].end
        return Phrase(ws[i].start, last, "role", (ws[i].start, ws[j].end), owner, possessive)
    return None


def phrase_backward(text: str, ws: list[Word], k: int, lang: str) -> Phrase | None:
    """The speaker phrase that ends at ``ws[k - 1]`` (the word before a cue verb)."""
    j = k - 1
    if j >= 0 and ws[j].text == ")":
        while j >= 0 and ws[j].text != "(":
            j -= 1
        j -= 1
    while j >= 0 and ws[j].low in lexicon(cues.CUE_ADVERBS, lang) and j > k - 3:
        j -= 1
    if j < 0:
        return None
    if ws[j].low in lexicon_pronouns(lang):
        return Phrase(ws[j].start, ws[j].end, "pron", (ws[j].start, ws[j].end))
    start = j
    while start >= 0 and (
        _is_name_word(ws[start], lang, False)
        or (ws[start].low in _PARTICLES and start < j and ws[start + 1].cap)
    ):
        start -= 1
    start += 1
    while start <= j and not _is_name_word(ws[start], lang, True):
        start += 1
    if start <= j:
        begin = start
        if begin > 0 and (
            _is_role(ws[begin - 1], lang) or ws[begin - 1].low in lexicon(cues.TITLES, lang)
        ):
            begin -= 1
        found = phrase_forward(text, ws, _np_start(ws, begin, lang), lang)
        if found and found.head[1] == ws[j].end:
            return found
        return Phrase(ws[start].start, ws[j].end, "name", (ws[start].start, ws[j].end))
    if _is_role(ws[j], lang):
        return phrase_forward(text, ws, _np_start(ws, j, lang), lang)
    return None


def _np_start(ws: list[Word], j: int, lang: str) -> int:
    """Walk back from a head over adjectives, a determiner, a possessive or a genitive."""
    i = j
    while i - 1 >= 0 and i > j - 4:
        prev = ws[i - 1]
        if prev.low in lexicon(cues.DETERMINERS, lang) or prev.low in possessives(lang):
            return i - 1
        if prev.text in ("'", "’") and i - 2 >= 0 and ws[i - 2].cap:
            return i - 2
        if (not prev.cap and prev.low.endswith(_ADJ_END)) or _cap_adjective(prev, ws[i]):
            i -= 1
        elif prev.cap and prev.low.endswith("s") and i == j:
            return i - 1
        else:
            break
    return i


def _is_role(word: Word, lang: str) -> bool:
    low = word.low
    roles = lexicon(cues.ROLE_NOUNS, lang)
    return low in roles or any(low.endswith(r) and len(r) > 5 for r in roles)


def lexicon_pronouns(lang: str) -> dict[str, str]:
    return cues.PRONOUNS.get(lang) or {**cues.PRONOUNS["nl"], **cues.PRONOUNS["en"]}


def object_pronouns(lang: str) -> dict[str, str]:
    return cues.OBJECT_PRONOUNS.get(lang) or {
        **cues.OBJECT_PRONOUNS["nl"],
        **cues.OBJECT_PRONOUNS["en"],
    }


def possessives(lang: str) -> dict[str, str]:
    return cues.POSSESSIVES.get(lang) or {**cues.POSSESSIVES["nl"], **cues.POSSESSIVES["en"]}


def identity(mention: Mention) -> str:
    """A key under which mentions of one person meet: the last word, lower-cased."""
    parts = mention.text.lower().split()
    return parts[-1] if parts else ""


def according_phrase(text: str, ws: list[Word], i: int, lang: str) -> Phrase | None:
    """The source after "volgens"/"according to": a name, a role, or an object pronoun."""
    if i < len(ws) and ws[i].low in object_pronouns(lang):
        return Phrase(ws[i].start, ws[i].end, "pron", (ws[i].start, ws[i].end))
    return phrase_forward(text, ws, i, lang, loose=True)


class Resolver:
    """Finds who a pronoun or possessive refers to: a person named since the last speaker,
    else the most recent fitting speaker, else the nearest fitting person before it."""

    def __init__(
        self, text: str, lang: str, entities: list[Mention], blocked: list[tuple[int, int]]
    ):
        self.text, self.lang = text, lang
        self.blocked = sorted(blocked)
        self._starts = [a for a, _ in self.blocked]
        self._ends = list(itertools.accumulate((b for _, b in self.blocked), max))
        self.persons: list[Mention] = [
            m for m in entities if m.label == "PER" and not self._inside(m.start)
        ]
        if not entities:
            self.persons = self._heuristic_names()
        self.events: list[tuple[int, Mention]] = []
        self.speakers: list[int] = []
        self.genders: dict[str, str] = {}
        for mention in self.persons:
            self._title_gender(mention)
        self.known = {w.lower() for m in self.persons for w in m.text.split()}

    def _inside(self, pos: int) -> bool:
        index = bisect.bisect_right(self._starts, pos) - 1
        return index >= 0 and pos < self._ends[index]

    def _heuristic_names(self) -> list[Mention]:
        """Capitalised names outside quotes when no entity stage ran: runs of two or more
        words, names after a title or role, and single words known from such runs."""
        runs: list[tuple[int, int, bool]] = []
        ws = words(self.text, 0, len(self.text))
        i = 0
        while i < len(ws):
            end = _name_run(ws, i, self.lang)
            if end - i >= 3 and i > 0 and ws[i - 1].low in ("van", "of", "voor"):
                i = end - 2  # "van Justitie Jeff Sessions" names Jeff Sessions
            if (
                end > i
                and not self._inside(ws[i].start)
                and any(len(w.text) > 1 for w in ws[i:end])
            ):
                titled = i > 0 and (
                    _is_role(ws[i - 1], self.lang)
                    or ws[i - 1].low in lexicon(cues.TITLES, self.lang)
                )
                runs.append((i, end, titled or end - i > 1))
            i = max(end, i + 1)
        known = {
            w.low for s, e, strong in runs if strong for w in ws[s:e] if w.low not in _PARTICLES
        }
        found = []
        for s, e, strong in runs:
            if strong or ws[s].low in known:
                found.append(
                    Mention(
                        ws[s].start, ws[e - 1].end, self.text[ws[s].start : ws[e - 1].end], "PER"
                    )
                )
        return found

    def _title_gender(self, mention: Mention) -> None:
        if mention.label == "ROLE":
            head = identity(mention)
            if head.endswith(_FEMALE_END) or head in _FEMALE:
                self.genders.setdefault(head, "f")
            elif head in _MALE or head.endswith("man"):
                self.genders.setdefault(head, "m")
            return
        before = self.text[max(0, mention.start - 12) : mention.start].lower().split()
        title = before[-1].strip(".") if before else ""
        if title in (
            "mevrouw",
            "mevr",
            "mw",
            "juffrouw",
            "miss",
            "mrs",
            "ms",
            "lady",
            "mejuffrouw",
            "freule",
        ):
            self.genders.setdefault(identity(mention), "f")
        elif title in ("heer", "mijnheer", "meneer", "dhr", "mr", "sir", "lord"):
            self.genders.setdefault(identity(mention), "m")

    def add(self, pos: int, mention: Mention, spoke: bool = True) -> None:
        """Record that ``mention`` spoke (or was the subject) at ``pos``: a later antecedent."""
        self._title_gender(mention)
        if spoke:
            bisect.insort(self.speakers, pos)
        bisect.insort(self.events, (pos, mention), key=lambda e: e[0])

    def _object(self, mention: Mention) -> bool:
        """True for a name right after a preposition ("vertrouwen in Sessions")."""
        if self.text[mention.end : mention.end + 1] in ("'", "’"):
            return False  # a genitive: "van Sessions' woordvoerder"
        before = self.text[max(0, mention.start - 12) : mention.start].split()
        return bool(before) and before[-1].lower() in lexicon(cues.PREPOSITIONS, self.lang)

    def fits(self, mention: Mention, feature: str) -> bool:
        gender = self.genders.get(identity(mention), "?")
        return gender == "?" or gender in feature.split()

    def resolve(self, pos: int, feature: str) -> Mention | None:
        """The person a third-person pronoun at ``pos`` refers to, or None."""
        if "1" in feature or "2" in feature:
            return None
        earlier = [(p, m) for p, m in self.events if p < pos and identity(m) not in ("ik", "i")]
        spoke = [p for p in self.speakers if p < pos]
        since = spoke[-1] if spoke else 0
        fresh = [
            m
            for m in self.persons
            if since <= m.start and m.end <= pos and self.fits(m, feature) and not self._object(m)
        ]
        if fresh:
            return max(fresh, key=lambda m: m.start)
        for _, mention in reversed(earlier):
            if self.fits(mention, feature):
                return mention
        before = [m for m in self.persons if m.end <= pos and self.fits(m, feature)]
        return max(before, key=lambda m: m.start) if before else None

    def learn(self, mention: Mention, pronoun: str) -> None:
        gender = {"hij": "m", "he": "m", "zij": "f", "she": "f", "-ie": "m", "ie": "m"}.get(
            pronoun.lower()
        )
        if gender:
            self.genders.setdefault(identity(mention), gender)


def mention_for(text: str, span: tuple[int, int], entities: list[Mention], label: str) -> Mention:
    """The entity mention that best covers ``span``, or a new mention of it."""
    for mention in entities:
        if mention.start < span[1] and span[0] < mention.end and mention.label in ("PER", "ORG"):
            return mention
    return Mention(span[0], span[1], text[span[0] : span[1]], label)
