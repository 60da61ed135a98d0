"""In-article linking: one local entity per person, organisation or place in an article.

Longer names come first; a shorter form then joins the entity it abbreviates: a surname
("Sessions" -> "Jeff Sessions"), a genitive ("Trumps" -> "Trump"), a head word ("Northrop"
-> "Northrop Grumman"), an acronym ("GAO" -> "Government Accountability Office"), another
name of the same alias group ("VS" -> "Verenigde Staten"). Roles introduced with a name
("de Russische ambassadeur Sergej Kislyak") let a later "de ambassadeur" find Kislyak.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property

from storyline.model import Mention
from storyline.resolve.aliases import group_key, group_name
from storyline.resolve.names import DETERMINERS, NameForm, is_capitalised, is_role, parse_name

_WORD = re.compile(r"[\w'-]+")
_APPOSITION = re.compile(r"\s*,\s*((?:[\w-]+\s+){0,3}[\w-]+)")


@dataclass
class LocalEntity:
    """Mentions of one entity inside one article."""

    forms: list[NameForm] = field(default_factory=list)
    members: list[int] = field(default_factory=list)
    roles: dict[str, int] = field(default_factory=dict)
    labels: Counter[str] = field(default_factory=Counter)
    group: int | None = None

    # Computed once linking is done: nothing reads them while forms are still joining.
    @cached_property
    def label(self) -> str:
        if self.group is not None:
            return group_name(self.group)[0]
        top = self.labels.most_common(2)
        if not top or (len(top) == 2 and top[0][1] == top[1][1]):
            return "MISC"  # the tagger could not decide: a type that links to any other
        return top[0][0]

    @cached_property
    def best(self) -> NameForm:
        return max(self.forms, key=lambda f: (len(f.words), -self.forms.index(f)))

    @property
    def name(self) -> str:
        return group_name(self.group)[1] if self.group is not None else self.best.text

    @property
    def primary_key(self) -> str:
        return group_key(self.group) if self.group is not None else self.best.key

    def strong_keys(self) -> set[str]:
        """Keys that name this entity on their own, whatever the context."""
        return self._strong

    @cached_property
    def _strong(self) -> set[str]:
        keys: set[str] = set()
        if self.group is not None:
            keys.add(group_key(self.group))
        for form in self.forms:
            if (self.label == "PER" and form.single) or form.derived:
                continue
            keys.add(form.key)
            keys.update(form.extra_keys)
            if form.acronym and self.label != "PER" and len(form.acronym) >= 3:
                keys.add(form.acronym)  # "AF" could be Air France or Air Force
        return keys

    def surnames(self) -> set[str]:
        if self.label != "PER":
            return set()
        return {s for f in self.forms for s in (f.surname, f.bare_surname) if s}

    def firsts(self) -> set[str]:
        return {f.first for f in self.forms if f.first} if self.label == "PER" else set()


@dataclass
class WithinResult:
    entities: list[LocalEntity]
    assignment: list[int | None]  # local entity of each mention, None for unresolved


class _Linker:
    """Maps from keys to local entities, filled as forms join them."""

    def __init__(self) -> None:
        self.entities: list[LocalEntity] = []
        self.by_key: dict[str, int] = {}
        self.by_group: dict[int, int] = {}
        self.by_surname: dict[str, list[int]] = {}
        self.by_first_surname: dict[tuple[str, str], int] = {}
        self.by_head: dict[tuple[str, str], int] = {}
        self.by_acronym: dict[str, int] = {}
        self.by_tail: dict[tuple[str, str], int] = {}

    def find(self, form: NameForm) -> int | None:
        for key in (form.key, *form.extra_keys):
            if key in self.by_key:
                return self.by_key[key]
        if form.group is not None and form.group in self.by_group:
            return self.by_group[form.group]
        if form.label == "PER" or form.label == "MISC":
            found = self._person(form)
            if found is not None:
                return found
        if form.genitive_base:
            base = form.genitive_base
            if base in self.by_key:
                return self.by_key[base]
            if base in self.by_surname and form.label != "LOC":
                return self.by_surname[base][0]
        if len(form.words) == 1 and form.label != "PER":
            hit = self.by_head.get((form.label, form.key))
            if hit is None and form.words[0].isupper():
                hit = self.by_acronym.get(form.key)
            return hit
        hit = self.by_tail.get((form.label, form.key)) if form.label != "PER" else None
        form.derived = hit is not None  # "Air Force" in "US Air Force": not a key elsewhere
        return hit

    def _person(self, form: NameForm) -> int | None:
        if form.single and form.key in self.by_surname:
            return self.by_surname[form.key][0]
        if form.first and form.surname:
            return self.by_first_surname.get((form.first, form.surname))
        return None

    def add(self, form: NameForm, index: int | None, mention: int) -> int:
        if index is None:
            self.entities.append(LocalEntity())
            index = len(self.entities) - 1
        entity = self.entities[index]
        entity.forms.append(form)
        entity.members.append(mention)
        entity.labels[form.label] += 1
        if form.group is not None and entity.group is None:
            entity.group = form.group
            self.by_group[form.group] = index
        self._register(form, index)
        return index

    def _register(self, form: NameForm, index: int) -> None:
        for key in (form.key, *form.extra_keys):
            self.by_key.setdefault(key, index)
        if form.label == "PER" and form.surname and not form.single:
            self.by_surname.setdefault(form.surname, []).append(index)
            if form.bare_surname:
                self.by_surname.setdefault(form.bare_surname, []).append(index)
            if form.first:
                self.by_first_surname.setdefault((form.first, form.surname), index)
        if len(form.words) > 1 and form.label != "PER":
            self.by_head.setdefault((form.label, form.key.split()[0]), index)
            if form.acronym:
                self.by_acronym.setdefault(form.acronym, index)
            keys = form.key.split()
            for k in range(1, len(keys) - 1):
                self.by_tail.setdefault((form.label, " ".join(keys[k:])), index)


def role_before(text: str, start: int) -> str | None:
    """The role noun written just before a name: "de Russische ambassadeur [Kislyak]"."""
    window = text[max(0, start - 80) : start]
    window = re.split(r"[.!?;:\"“”()\n]", window)[-1]
    words = _WORD.findall(window)[-4:]
    for word in reversed(words):
        if is_role(word):
            return word.casefold()
        if word.casefold() in DETERMINERS or is_capitalised(word):
            continue
        break
    return None


def role_after(text: str, end: int) -> str | None:
    """A role in an apposition: "Kislyak, de Russische ambassadeur, ..."."""
    match = _APPOSITION.match(text, end)
    if not match:
        return None
    roles = [w.casefold() for w in match.group(1).split() if is_role(w)]
    return roles[-1] if roles else None


def _role_reference(text: str) -> str | None:
    """The role noun of a nominal mention with no name ("de ambassadeur"), if any."""
    words = _WORD.findall(text)
    if not words or len(words) > 5:
        return None
    roles = [w for w in words if is_role(w)]
    return roles[-1].casefold() if roles else None


def _roles_match(wanted: str, known: str) -> bool:
    return wanted == known or known.endswith(wanted) or wanted.endswith(known)


def link_role(entities: list[LocalEntity], role: str, position: int) -> int | None:
    """The local entity most recently introduced with this role before ``position``."""
    best: tuple[int, int] | None = None
    for index, entity in enumerate(entities):
        for known, where in entity.roles.items():
            if _roles_match(role, known) and where < position and (best is None or where > best[0]):
                best = (where, index)
    return best[1] if best else None


def link_mentions(mentions: list[Mention], text: str) -> WithinResult:
    """Group an article's mentions into local entities."""
    forms = [parse_name(m.text, m.label) for m in mentions]
    order = sorted(
        (i for i, form in enumerate(forms) if form is not None),
        key=lambda i: (
            -len(forms[i].words),  # type: ignore[union-attr]
            forms[i].genitive_base is not None,  # type: ignore[union-attr]
            mentions[i].start,
        ),
    )
    linker = _Linker()
    assignment: list[int | None] = [None] * len(mentions)
    for i in order:
        form = forms[i]
        assert form is not None
        assignment[i] = linker.add(form, linker.find(form), i)
    for i, index in enumerate(assignment):
        if index is None or not text:
            continue
        mention = mentions[i]
        role = forms[i].role if forms[i] else None  # type: ignore[union-attr]
        role = role or role_before(text, mention.start) or role_after(text, mention.end)
        if role:
            linker.entities[index].roles.setdefault(role, mention.start)
    for i, form in enumerate(forms):
        if form is None:
            role = _role_reference(mentions[i].text)
            if role:
                assignment[i] = link_role(linker.entities, role, mentions[i].start)
                if assignment[i] is not None:
                    linker.entities[assignment[i]].members.append(i)  # type: ignore[index]
    return WithinResult(linker.entities, assignment)


def link_speaker(result: WithinResult, speaker: Mention) -> int | None:
    """The local entity a quote's speaker refers to, by name or by role."""
    form = parse_name(speaker.text, speaker.label or "PER")
    if form is None:
        role = _role_reference(speaker.text)
        return link_role(result.entities, role, speaker.start) if role else None
    linker = _Linker()
    for index, entity in enumerate(result.entities):
        linker.entities.append(entity)
        for known in entity.forms:
            linker._register(known, index)
        if entity.group is not None:
            linker.by_group[entity.group] = index
    return linker.find(form)
