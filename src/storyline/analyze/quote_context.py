"""The context of a quote, for the speaker ranker (``quote_turns``): the gender the
narration around it speaks of ("En ze kleurt en vraagt: …"; "Ze voelde haar wangen
branden." / "…" / "Meteen stond ze op haar stoep."), whom the last pages are about (the
focal character, the chain of narration subjects), and the other party of a conversation."""

from __future__ import annotations

from storyline.analyze.quote_cast import Cast

PRONOUN_GENDER = {"hij": "m", "ie": "m", "-ie": "m", "he": "m", "zij": "f", "ze": "f", "she": "f"}
_LEAD_WORDS = 3  # a subject pronoun this early in a line: "Ze ...", "Meteen stond ze ..."
_FOCUS = 8000  # characters before a quote that show whom the story is about just now
_PARTNER = 4  # quotes back where the other party of a conversation is looked for
_MARKS = " \t\n\"'“”„‘’«»"


def line_gender(line: str) -> str | None:
    """The gender of a subject pronoun among the first words of a narration line."""
    words = line.lower().replace("’", "'").split()[:_LEAD_WORDS]
    found = {PRONOUN_GENDER[w] for w in words if w in PRONOUN_GENDER}
    return found.pop() if len(found) == 1 else None


def adjacent_gender(text: str, bounds: list[tuple[int, int]], i: int) -> str | None:
    """The gender the narration lines right before and right after quote ``i`` speak of,
    when they agree; lines that hold another quote do not count."""
    open_pos, close = bounds[i]
    prev_close = bounds[i - 1][1] if i > 0 else 0
    nxt = bounds[i + 1][0] if i + 1 < len(bounds) else len(text)
    genders = set()
    before = text[prev_close:open_pos].split("\n")
    if len(before) > 2 or (len(before) == 2 and i == 0):
        genders.add(line_gender(before[-2]))
    after = text[close:nxt].split("\n")
    if len(after) > 2:
        genders.add(line_gender(after[1]))
    genders.discard(None)
    return genders.pop() if len(genders) == 1 else None


def focus(cast: Cast, pos: int, speakers: list[tuple[int, str]], gender: str | None) -> str | None:
    """The member of ``gender`` the narration before ``pos`` names most often (its speakers
    ``(offset, key)`` count too), not a first-person narrator: whom "ze" is about."""
    if gender is None:
        return None
    counts: dict[str, int] = {}
    keys = [s.key for s in cast.between(max(0, pos - _FOCUS), pos) if not s.quoted]
    keys += [k for at, k in speakers if pos - _FOCUS < at < pos]
    for key in keys:
        member = cast.members[key]
        if not member.narrator and not member.nominal and cast.gender(key) == gender:
            counts[key] = counts.get(key, 0) + 1
    return max(counts, key=lambda k: counts[k]) if counts else None


def subject_chain(cast: Cast, text: str, speakers: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Whom each narration line is about, in order: the member named among its first words,
    else the one its subject pronoun ("Ze voelde ...", "Meteen stond ze ...") continues, the
    last such subject of that gender. ``speakers`` (offset, key) of cued quotes are subjects
    too ("zei Dora")."""
    named = sorted(
        [(s.start, s.key) for s in cast.sightings if s.subject and not s.quoted] + speakers
    )
    out: list[tuple[int, str]] = []
    last: dict[str, str] = {}
    n, start = 0, 0
    for line in text.split("\n"):
        end = start + len(line)
        here = None
        while n < len(named) and named[n][0] < end:
            at, key = named[n]
            if here is None and at >= start and not cast.members[key].narrator:
                here = key
            n += 1
        lead = len(line) - len(line.lstrip(" \t\"'“”„‘’«»-–—"))
        gender = None if here or cast.quoted(start + lead) else line_gender(line)
        if here is not None:
            out.append((start, here))
            g = cast.gender(here)
            if g in ("m", "f"):
                last[g] = here
        elif gender in last:
            out.append((start, last[gender]))
        start = end + 1
    return out


def narration_gender(text: str, bounds: list[tuple[int, int]], i: int) -> str | None:
    """The gender of a subject pronoun in the narration on quote ``i``'s own line
    ("En ze kleurt en vraagt: ...", '"...", en hij lachte')."""
    open_pos, close = bounds[i]
    start = max(text.rfind("\n", 0, open_pos) + 1, bounds[i - 1][1] if i > 0 else 0)
    end = text.find("\n", close)
    nxt = bounds[i + 1][0] if i + 1 < len(bounds) else len(text)
    end = min(end if end >= 0 else len(text), nxt)
    around = (text[start:open_pos] + " " + text[close:end]).lower().split()
    found = {PRONOUN_GENDER[w] for w in around[:6] if w in PRONOUN_GENDER}
    return found.pop() if len(found) == 1 else None


def conversation_partner(keys: list[str | None], i: int) -> str | None:
    """Whom the speaker of quote ``i - 1`` was talking with: the latest other speaker among
    the few quotes before it (``keys`` are the speakers so far)."""
    if i < 2 or keys[i - 1] is None:
        return None
    for n in range(i - 2, max(-1, i - 2 - _PARTNER), -1):
        if keys[n] is not None and keys[n] != keys[i - 1]:
            return keys[n]
    return None


def asks(quote: str) -> bool:
    """True for a quote that ends in a question."""
    return quote.rstrip(_MARKS).endswith("?")
