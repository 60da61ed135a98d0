"""Candidate speakers of one quote and their features, for the speaker ranker
(``quote_turns``).

Candidates are the cast members near the quote: the recent speakers, the protagonists,
those named in the narration before it, right after it or inside the quotes around it,
the first-person narrator, and unnamed persons of the narration ("onze hospita trad
binnen", ``quote_nominals``). Features: turn-taking (the speaker of the quote before, or
two before, cued or chosen, and whether a new line opened between them), the narration
around the quote (who opens the line before it, who is named right after it, the subject
of the narration before and after, a pronoun on the quote's own line), who is addressed
inside the quotes, pronoun gender (of a cue, or of the narration on the quote's line and
the lines around it: the nearest member of that gender, the one the last pages name
most), the chain of narration subjects ("Dora ..." / "Ze ..." / "Meteen stond ze ..."),
the other party of the last turn (and whether it asked something), recency and distance,
and how often a member speaks (``quote_context``). A dash turn that runs on over lines
that speak ("- Ja, zoo!" / "Stil nu, Marie, alles klaar?") still counts as a bare turn.
Candidates come in text order (never in string-hash order), so that ranking and training
are the same from run to run."""

from __future__ import annotations

import bisect
import math
from typing import TYPE_CHECKING

from storyline.analyze.quote_cast import Cast, Sighting
from storyline.analyze.quote_context import (
    PRONOUN_GENDER,
    adjacent_gender,
    asks,
    conversation_partner,
    focus,
    narration_gender,
    subject_chain,
)
from storyline.analyze.quote_dialogue import speechlike
from storyline.analyze.quote_mentions import mention_for
from storyline.analyze.quote_model import Candidate
from storyline.analyze.quote_nominals import unnamed
from storyline.model import Mention, Quote

if TYPE_CHECKING:  # quotes imports this module; the finder only arrives at run time
    from storyline.analyze.quotes import _Finder

RULED = ("continued", "turn-taking", "narrative-subject")
_UNSPOKEN = frozenset(["heading", "title", "nickname"])  # flags of quotes nobody says
_PRON_GENDER = PRONOUN_GENDER
# characters of narration before a quote where candidates are looked for; on OpenBoek's
# leave-one-book-out grid 1000 gave 0.811, 1500 0.817, 2000 0.813, 2500 0.804 (farther back,
# people long gone from the scene crowd the candidates)
_WINDOW = 1500
_RECENT = 8  # earlier quotes whose speakers stay candidates
_LEADS = 6  # the most present members are always candidates


def rerankable(quote: Quote) -> bool:
    """Quotes whose speaker came from a third-person pronoun or from no cue at all."""
    if quote.kind == "indirect" or _UNSPOKEN.intersection(quote.flags):
        return False
    if quote.speaker is None or any(f in RULED for f in quote.flags):
        return True
    pron = cue_pronoun(quote)
    return pron is not None and pron[0].lower() in _PRON_GENDER


def cue_pronoun(quote: Quote) -> tuple[str, int] | None:
    """The pronoun of the quote's own cue ("zeide hij"), not one copied from another quote."""
    if quote.cue is None or any(f in RULED for f in quote.flags):
        return None
    for flag in quote.flags:
        if flag.startswith("pronoun:") and "@" in flag:
            word, at = flag[len("pronoun:") :].rsplit("@", 1)
            return word, int(at)
    if "pronoun-unresolved" in quote.flags and quote.speaker is not None:
        return quote.speaker.text, quote.speaker.start
    return None


def opens_turn(f: _Finder, i: int) -> bool:
    """True when quote ``i`` opens a new line right after quote ``i - 1``: a new turn."""
    if i <= 0 or i >= len(f.bounds):
        return False
    gap = f.text[f.bounds[i - 1][1] : f.bounds[i][0]]
    if "\n" not in gap:
        return False
    lines = gap.split("\n")
    if any(c.isalpha() for c in lines[0]):
        return False
    # a dash turn runs on over lines of its own: the lines between may be the rest of it
    dash = f.raws[i - 1].style == "dash"
    return all(speechlike(ln) if dash else not any(c.isalpha() for c in ln) for ln in lines)


class Turns:
    """The quotes of one text, the speakers known or chosen so far, and the candidates
    of a quote with their features."""

    def __init__(self, finder: _Finder, cast: Cast):
        self.f, self.cast = finder, cast
        self.keys: list[str | None] = []
        self.mentions: dict[str, Mention] = {}
        self.spoke: dict[str, int] = {}
        for quote in finder.quotes:
            key = None
            if quote.speaker is not None and not rerankable(quote):
                key = cast.key_of(quote.speaker.text)
            self.keys.append(key)
            if key is not None:
                self.spoke[key] = self.spoke.get(key, 0) + 1
        self.explicit = list(self.keys)
        spoken = [(finder.bounds[n][0], k) for n, k in enumerate(self.explicit) if k is not None]
        self.chain = subject_chain(cast, finder.text, spoken)
        self._chain_at = [at for at, _ in self.chain]
        seen: dict[str, int] = {}
        for s in cast.sightings:
            if not s.quoted:
                seen[s.key] = seen.get(s.key, 0) + 1
        weight = {k: 3 * self.spoke.get(k, 0) + n for k, n in seen.items()}
        self.leads = sorted(weight, key=lambda k: -weight[k])[:_LEADS]  # the protagonists
        # the main character other than a first-person narrator (who is always a candidate)
        self.lead = next((k for k in self.leads if not cast.members[k].narrator), None)

    def gap(self, i: int) -> str:
        f = self.f
        return f.text[f.bounds[i - 1][1] : f.bounds[i][0]] if i > 0 else ""

    def bare(self, i: int) -> bool:
        return opens_turn(self.f, i)

    def candidates(self, i: int) -> list[Candidate]:
        f, cast = self.f, self.cast
        open_pos, close = f.bounds[i]
        lo = max(0, open_pos - _WINDOW)
        nxt = f.bounds[i + 1][0] if i + 1 < len(f.bounds) else len(f.text)
        line_end = f.text.find("\n", close)
        after_end = min(nxt, line_end if line_end >= 0 else len(f.text))
        prev_close = f.bounds[i - 1][1] if i > 0 else lo
        before = [s for s in cast.between(lo, open_pos) if not s.quoted]
        narr = [s for s in before if s.start >= prev_close]
        inside = {s.key for s in cast.between(open_pos, close) if s.quoted}
        # ordered (dicts, not sets): the candidates' order must not depend on string hashing
        inside_prev = dict.fromkeys(
            s.key for s in (cast.between(*f.bounds[i - 1]) if i > 0 else []) if s.quoted
        )
        after = dict.fromkeys(s.key for s in cast.between(close, after_end) if not s.quoted)
        keys: list[str] = []
        recent = [*reversed(self.keys[max(0, i - _RECENT) : i]), *self.explicit[i + 1 : i + 3]]
        for k in [*recent, *self.leads]:
            if k is not None and k not in keys:
                keys.append(k)
        for s in before:
            if s.key not in keys:
                keys.append(s.key)
        inside_next = dict.fromkeys(
            s.key
            for s in (cast.between(*f.bounds[i + 1]) if i + 1 < len(f.bounds) else [])
            if s.quoted
        )
        for k in [*after, *inside_prev, *inside_next]:
            if k not in keys:
                keys.append(k)
        if "ik" in cast.members and "ik" not in keys:
            keys.append("ik")
        last_at = {k: -1 for k in keys}
        for s in before:
            last_at[s.key] = s.start
        for n in range(max(0, i - 4), i):
            k = self.keys[n]
            if k is not None:
                last_at[k] = max(last_at.get(k, -1), f.bounds[n][0])
        order = sorted(keys, key=lambda k: -last_at[k])
        quote = f.quotes[i]
        pron = cue_pronoun(quote)
        gender = _PRON_GENDER.get(pron[0].lower()) if pron else None
        nearest = self._nearest(before, i, gender) if gender else None
        gap = self.gap(i)
        newline = "\n" in gap
        narrated = any(c.isalpha() for c in gap)
        bare_before = i > 1 and self.bare(i - 1)
        bare = [self.bare(i + n) for n in range(3)]  # the gaps before quotes i, i+1, i+2
        subj = {s.key for s in narr if s.subject}
        last_subj = next((s.key for s in reversed(narr) if s.subject), None)
        line_start = f.text.rfind("\n", 0, open_pos) + 1
        line_before = {s.key for s in narr if s.start >= line_start}
        seen = {k: 0 for k in keys}
        for s in before:
            seen[s.key] = seen.get(s.key, 0) + 1
        narr_gender = narration_gender(f.text, f.bounds, i)
        narr_near = self._nearest(before, i, narr_gender) if narr_gender and not gender else None
        adj_gender = None if gender or narr_gender else adjacent_gender(f.text, f.bounds, i)
        spoken = [(f.bounds[n][0], k) for n, k in enumerate(self.explicit) if k is not None]
        focal = focus(cast, open_pos, spoken, gender or narr_gender or adj_gender)
        chained = self._chained(open_pos)
        partner = conversation_partner(self.keys, i)
        asked = i > 0 and asks(f.text[f.bounds[i - 1][0] : f.bounds[i - 1][1]])
        following = [s for s in cast.between(close, nxt) if not s.quoted and s.subject]
        next_subj = following[0].key if following else None
        pron_subj = self._narrated_pronoun(i)
        out: list[Candidate] = []
        for k in keys:
            member = cast.members.get(k)
            if member is None:
                continue
            prev2 = i > 1 and self.keys[i - 2] == k and self.keys[i - 1] != k
            feats = {
                "prev1": float(i > 0 and self.keys[i - 1] == k),
                "narr_subj": float(k in subj),
                "narr_pron": float(k == pron_subj),
                "after_line": float(k in after),
                "voc_self": float(k in inside),
                "voc_prev": float(k in inside_prev),
                "narrator_pron3": float(member.narrator and gender is not None),
                "recent0": float(order[:1] == [k]),
                "spoke_log": math.log1p(self.spoke.get(k, 0)),
                "lead": float(k == self.lead),
                "prev1_cued": float(i > 0 and self.explicit[i - 1] == k),
                "prev2_cued": float(i > 1 and self.explicit[i - 2] == k and self.keys[i - 1] != k),
                "voc_next": float(bare[1] and k in inside_next),
                "line_before": float(k in line_before),
                "last_subj": float(k == last_subj),
                "seen_log": math.log1p(seen.get(k, 0)),
                "rank_inv": 1.0 / (1 + order.index(k)),
                "role": float(not member.name[:1].isupper() and not member.narrator),
                "next_subj": float(k == next_subj),
                "dist_log": math.log1p(max(0, open_pos - last_at[k]) / 100)
                if last_at.get(k, -1) >= 0
                else math.log1p(_WINDOW / 100),
                "person": float(
                    member.narrator
                    or member.titled
                    or member.gender != "?"
                    or self.spoke.get(k, 0) > 0
                ),
            }
            if narr_gender and not gender:
                g = cast.gender(k)
                feats["narr_gender_agree"] = float(g != "?" and g == narr_gender)
                feats["narr_gender_clash"] = float(g != "?" and g != narr_gender)
                feats["narr_nearest"] = float(k == narr_near)
            if adj_gender:
                g = cast.gender(k)
                feats["adj_gender_agree"] = float(g != "?" and g == adj_gender)
                feats["adj_gender_clash"] = float(g != "?" and g != adj_gender)
            feats["focus_gender"] = float(k == focal)
            feats["chain_subj"] = float(k == chained)
            feats["partner_nl"] = float(k == partner and newline)
            feats["partner_asked"] = float(k == partner and newline and asked)
            feats["prev1_nl"] = feats["prev1"] * newline
            feats["prev2_nl"] = float(prev2 and newline)
            # a bare exchange: lines that hold nothing but the quotes
            feats["prev2_bare"] = float(prev2 and newline and not narrated and bare_before)
            feats["prev1_bare"] = feats["prev1"] * bare[0]
            feats["next1_bare"] = float(bare[1] and self.explicit[i + 1] == k)
            feats["next2_bare"] = float(bare[1] and bare[2] and self.explicit[i + 2] == k)
            if gender:
                g = cast.gender(k)
                feats["pron_agree"] = float(g != "?" and g == gender)
                feats["pron_clash"] = float(g != "?" and g != gender) or float(member.narrator)
                feats["pron_nearest"] = float(nearest == k)
            out.append((k, feats, self.mention(k, open_pos, before)))
        genders = (gender, narr_gender)
        taken = {k for k, _, _ in out}
        return out + unnamed(f, cast, i, taken, (prev_close, after_end), genders)

    def _chained(self, pos: int) -> str | None:
        """Whom the narration line nearest before ``pos`` is about (``subject_chain``)."""
        n = bisect.bisect_right(self._chain_at, pos) - 1
        return self.chain[n][1] if n >= 0 and pos - self.chain[n][0] < _WINDOW else None

    def vocatives(self, i: int) -> set[str]:
        """Members addressed in quote ``i``: a name set off by a comma or opening the quote,
        and followed by a comma, "!", "?" or the quote's end ("Ga jij ook, Marie?")."""
        text = self.f.text
        open_pos, close = self.f.bounds[i]
        out = set()
        for s in self.cast.between(open_pos, close):
            before = text[open_pos : s.start].rstrip()
            after = text[s.end : close].lstrip()
            opens = not any(c.isalnum() for c in before) or before.endswith(",")
            ends = after[:1] in (",", "!", "?") or not any(c.isalnum() for c in after)
            if s.quoted and opens and ends:
                out.add(s.key)
        return out

    def _narrated_pronoun(self, i: int) -> str | None:
        """Who "Hij lachte." on a line between the last quote and quote ``i`` is about, when
        just one of the recent speakers has that gender."""
        f = self.f
        if i == 0:
            return None
        gap = f.text[f.bounds[i - 1][1] : f.bounds[i][0]]
        lines = [ln.split() for ln in gap.split("\n")[1:] if ln.strip()]
        if not lines:
            return None
        first = [w.lower() for w in lines[-1][:2]]
        if first[0] in ("en", "maar", "toen", "and", "but", "then") and len(first) > 1:
            first = first[1:]
        gender = _PRON_GENDER.get(first[0])
        recent = {k for k in self.keys[max(0, i - 4) : i] if k is not None}
        fits = [k for k in recent if self.cast.gender(k) == gender]
        return fits[0] if gender and len(fits) == 1 else None

    def _nearest(self, before: list[Sighting], i: int, gender: str) -> str | None:
        """The latest non-narrator member of fitting gender mentioned or speaking before."""
        events = [(s.start, s.key) for s in before]
        events += [(self.f.bounds[n][0], k) for n in range(max(0, i - 4), i) if (k := self.keys[n])]
        for _, key in sorted(events, reverse=True):
            member = self.cast.members[key]
            if not member.narrator and member.gender in ("?", gender):
                return key
        return None

    def mention(self, key: str, pos: int, before: list[Sighting]) -> Mention:
        """The member's latest mention before ``pos`` (the entity stage's when it has one)."""
        seen = [s for s in before if s.key == key]
        if not seen and key in self.mentions:
            return self.mentions[key]
        if not seen:
            seen = [s for s in self.cast.sightings if s.key == key and not s.quoted]
            seen = sorted(seen, key=lambda x: abs(x.start - pos))[:1]
        if not seen:
            return Mention(pos, pos, self.cast.members[key].name, "PER")
        s = seen[-1]
        return mention_for(self.f.text, (s.start, s.end), self.f.entities, "PER")
