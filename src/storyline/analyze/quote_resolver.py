"""Who a pronoun or possessive in a cue refers to ("zei hij", "zijn woordvoerder"): a person
named since the last speaker, else the most recent fitting speaker, else the nearest
fitting person before it."""

from __future__ import annotations

import bisect
import itertools

from storyline.analyze import quote_cues as cues
from storyline.analyze.quote_cues import lexicon
from storyline.analyze.quote_names import PARTICLES, is_role, name_run, past_modifiers
from storyline.analyze.quote_speakers import _FEMALE, _FEMALE_END, _MALE, identity
from storyline.analyze.quote_words import end_before, words
from storyline.model import Mention

_CREDITS = ("photograph:", "photo:", "foto:", "picture:", "illustration:", "beeld:")
_ROLE_REACH = 3  # words after an owner's genitive where its role noun may stand


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
            m
            for m in entities
            if m.label == "PER" and not self._inside(m.start) and not self._credit(m)
        ]
        if not entities:
            self.persons = self._heuristic_names()
        self.events: list[tuple[int, Mention]] = []
        self.speakers: list[int] = []
        self.genders: dict[str, str] = {}
        for mention in self.persons:
            self._title_gender(mention)
        self.known = {w.lower() for m in self.persons for w in m.text.split()}

    def _credit(self, mention: Mention) -> bool:
        """A photographer's credit ("Photograph: Pablo Martinez Monsivais/AP") names no one
        the article's pronouns mean."""
        before = self.text[max(0, mention.start - 14) : mention.start].rstrip().lower()
        return before.endswith(_CREDITS)

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
            end = name_run(ws, i, self.lang)
            if end - i >= 3 and i > 0 and ws[i - 1].low in ("van", "of", "voor"):
                i = end - 2  # "van Justitie Jeff Sessions" names Jeff Sessions
            if (
                end > i
                and not self._inside(ws[i].start)
                and any(len(w.text) > 1 for w in ws[i:end])
            ):
                titled = i > 0 and (
                    is_role(ws[i - 1], self.lang)
                    or ws[i - 1].low in lexicon(cues.TITLES, self.lang)
                )
                runs.append((i, end, titled or end - i > 1))
            i = max(end, i + 1)
        known = {
            w.low for s, e, strong in runs if strong for w in ws[s:e] if w.low not in PARTICLES
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

    def _apposed_owner(self, mention: Mention) -> bool:
        """True for the owner of a role set after another name: "Iata" in "Giovanni
        Bisignani, Iata's director general," is no one a later "he" can mean."""
        end = end_before(self.text, mention.start)
        if end == 0 or self.text[end - 1] != ",":
            return False
        ws = words(self.text, mention.start, min(len(self.text), mention.end + 60))
        k = next((n for n, w in enumerate(ws) if w.start >= mention.end), len(ws))
        if k < len(ws) and ws[k].text in ("'", "’"):
            k += 1  # "Sessions' woordvoerder"
        elif not ws[k - 1].low.endswith(("'s", "’s")):
            return False
        k = past_modifiers(ws, k, self.lang) if k < len(ws) else k
        return any(is_role(w, self.lang) for w in ws[k : k + _ROLE_REACH])  # "finance director"

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
            if since <= m.start
            and m.end <= pos
            and self.fits(m, feature)
            and not self._object(m)
            and not self._apposed_owner(m)
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
