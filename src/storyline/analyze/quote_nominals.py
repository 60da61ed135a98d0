"""Unnamed characters: noun phrases that denote a person ("de hospita", "een klant", "haar
aanstaande schoonmoeder") as members of a text's cast, so that a quote with no cue can go
to them and later quotes can refer back to them.

A noun counts as a person noun when a lexicon of roles, professions and kinship words has
it (or it ends in one: "schoonmoeder", "veiligheidsadviseur"), or when the text itself
makes it the subject of a speech verb in its narration ("de koetsier riep", "vroeg de
meid"). A mention is such a noun after an article or a possessive, with at most a few
lower-case modifiers between them.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from functools import cache
from typing import TYPE_CHECKING, Protocol

from storyline.analyze import quote_cues as cues
from storyline.analyze.quote_cues import lexicon
from storyline.analyze.quote_mentions import mention_for
from storyline.analyze.quote_model import Candidate
from storyline.analyze.quote_speakers import ATTACHING

if TYPE_CHECKING:  # both import this module
    from storyline.analyze.quote_cast import Cast
    from storyline.analyze.quotes import _Finder


def _set(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Roles, professions, kinship and social standing; the role nouns of cues come on top.
PERSON_NOUNS: dict[str, frozenset[str]] = {
    "nl": _set(
        """
        hospita klant koetsier meid dienstmeid dienstbode kamenierster keukenmeid knecht
        bediende huisknecht lakei portier kellner kelner waard waardin herbergier koopman
        winkelier bakker slager kleermaker schoenmaker smid timmerman visscher visser boer
        boerin arbeider werkman matroos stuurman schipper kapitein loods soldaat officier
        sergeant korporaal luitenant majoor kolonel generaal agent politieagent rechercheur
        detective inspecteur commissaris rechter notaris advocaat dokter docter geneesheer
        arts chirurg apotheker predikant dominee pastoor priester kapelaan koster onderwijzer
        onderwijzeres meester juffrouw leeraar leraar leerares professor student jongen
        meisje meisjen kind knaap jongeling jongmensch jongmens man vrouw heer dame mensch
        mens grijsaard oude vader moeder zoon dochter broer broeder zuster zus oom tante
        neef nicht grootvader grootmoeder opa oma papa mama pa ma moe vaer schoonvader
        schoonmoeder schoonzoon schoondochter zwager schoonzuster verloofde bruid bruidegom
        echtgenoot echtgenoote echtgenote weduwe weduwnaar vriend vriendin kennis buurman
        buurvrouw gast gastheer gastvrouw bezoeker bezoekster reiziger reizigster passagier
        vreemdeling vreemde heerschap koning koningin prins prinses vorst vorstin hertog
        graaf gravin baron barones ridder jonker freule edelman keizer keizerin sultan
        radja regent resident controleur hoofdman inlander bewaker cipier gevangene dief
        schurk moordenaar bedelaar koetsier voerman conducteur machinist beambte klerk
        boekhouder kassier makelaar bankier directeur secretaris consul ambassadeur gezant
        minister burgemeester voorzitter spreker verteller dichter schrijver schilder
        kunstenaar zanger zangeres actrice acteur danseres muzikant heks engel duivel
        patroon baas bazin meesteres
        """
    ),
    "en": _set(
        """
        landlady landlord customer client coachman cabman driver maid servant butler footman
        waiter innkeeper merchant shopkeeper baker butcher tailor smith farmer worker sailor
        captain soldier officer sergeant constable inspector detective judge lawyer doctor
        surgeon priest vicar minister teacher professor student boy girl child man woman
        gentleman lady father mother son daughter brother sister uncle aunt cousin nephew
        niece grandfather grandmother husband wife widow friend neighbour neighbor guest
        host hostess visitor traveller passenger stranger king queen prince princess duke
        count baron knight emperor guard prisoner thief beggar clerk banker consul
        ambassador mayor chairman speaker narrator poet writer painter singer
        """
    ),
}
# Role nouns of news cues that name no single person.
_NOT_PERSONS = _set(
    "bron bronnen krant partij partijen politie ingewijden overheidsbronnen sources source "
    "newspaper party police"
)
NOUN_DETERMINERS: dict[str, frozenset[str]] = {
    "nl": _set(
        "de den der het 't t een eene 'n n onze ons mijn mijne m'n zijn zijne z'n haar hare "
        "hun uw die deze dien dezen"
    ),
    "en": _set("the a an my his her our their your that this"),
}
# Speech verbs that take a person as subject (not "ging", "begon", "vond", "dacht").
_SAYING = _set(
    "zei zeide zegt sprak spreekt vroeg vraagt riep roept antwoordde antwoordt hernam "
    "vervolgde fluisterde mompelde stamelde schreeuwde gilde bromde snauwde zuchtte "
    "said says asked asks replied cried whispered shouted answered exclaimed"
)
_MODIFIERS = 3  # lower-case words allowed between the article and the noun
_SUFFIX_MIN = 4  # a compound ends in a person noun at least this long ("schoon|moeder")
_DIMINUTIVES = ("netje", "etje", "tje", "pje", "kje", "je")  # "mannetje", "jongetje"


class Token(Protocol):
    start: int
    end: int
    text: str

    @property
    def low(self) -> str: ...


@cache
def person_lexicon(lang: str) -> frozenset[str]:
    """Person nouns of the lexicons for ``lang``, without the news roles that name no one."""
    return (lexicon(PERSON_NOUNS, lang) | lexicon(cues.ROLE_NOUNS, lang)) - _NOT_PERSONS


def is_person_noun(word: str, nouns: frozenset[str]) -> bool:
    """``word`` is a person noun, a compound ending in one or a diminutive of one
    ("dichtertje", "kindje", "jongetje")."""
    if _listed(word, nouns):
        return True
    return any(
        _listed(stem, nouns) or _listed(stem + "en", nouns)
        for suffix in _DIMINUTIVES
        if word.endswith(suffix) and len(stem := word[: -len(suffix)]) >= 3
    )


def _listed(word: str, nouns: frozenset[str]) -> bool:
    if word in nouns:
        return True
    return any(word[i:] in nouns for i in range(3, len(word) - _SUFFIX_MIN + 1))


def _plain(tok: Token, function: frozenset[str]) -> bool:
    return tok.text[:1].islower() and tok.text.isalpha() and tok.low not in function


def speech_subjects(toks: Sequence[Token], lang: str, quoted: Callable[[int], bool]) -> set[str]:
    """Nouns the narration makes the subject of a speech verb: "de meid riep", "vroeg de
    oude heer"."""
    verbs = lexicon(cues.SPEECH_VERBS, lang) & _SAYING
    dets = lexicon(NOUN_DETERMINERS, lang)
    function = lexicon(cues.FUNCTION_WORDS, lang)
    found: set[str] = set()
    for n, t in enumerate(toks):
        if t.low not in dets or quoted(t.start):
            continue
        if n > 0 and toks[n - 1].low in ATTACHING:
            continue  # "de woordvoerder van het ministerie zei": the ministry said nothing
        for k in range(n + 1, min(n + 2 + _MODIFIERS, len(toks) - 1)):
            if not _plain(toks[k], function):
                break
            before_verb = toks[k + 1].low in verbs and toks[k + 1].start - toks[k].end <= 2
            after_verb = n > 0 and toks[n - 1].low in verbs and k == n + 1
            if before_verb or after_verb:
                found.add(toks[k].low)
                break
    return found


def nominal_mentions(
    toks: Sequence[Token],
    lang: str,
    nouns: frozenset[str],
    skip: Callable[[str], bool],
) -> list[tuple[int, str]]:
    """(index of the head token, head) of each article/possessive + modifiers + person noun;
    ``skip`` rules out heads the cast already knows as names."""
    dets = lexicon(NOUN_DETERMINERS, lang)
    function = lexicon(cues.FUNCTION_WORDS, lang)
    out: list[tuple[int, str]] = []
    for n, t in enumerate(toks):
        if t.low not in dets:
            continue
        for k in range(n + 1, min(n + 2 + _MODIFIERS, len(toks))):
            word = toks[k].low
            if not toks[k].text.isalpha():
                break
            if is_person_noun(word, nouns) and not skip(word):
                out.append((k, word))
                break
            if not _plain(toks[k], function) or toks[k].start - toks[k - 1].end > 3:
                break
    return out


def noun_gender(noun: str) -> str:
    """ "f", "m" or "?" for a person noun: "hospita" f, "schoonvader" m, "klant" ?."""
    if noun in cues.FEMALE_NOUNS or noun.endswith(("ster", "trice", "vrouw", "moeder", "meid")):
        return "f"
    if noun in cues.MALE_NOUNS or noun.endswith(("man", "vader", "knecht")):
        return "m"
    return "?"


def unnamed(
    f: _Finder,
    cast: Cast,
    i: int,
    taken: set[str],
    around: tuple[int, int],
    genders: tuple[str | None, str | None],
) -> list[Candidate]:
    """Person noun phrases in the narration around quote ``i`` ("onze hospita trad
    binnen"), as candidates of their own; they leave the named members' features alone."""
    open_pos, close = f.bounds[i]
    line_start = f.text.rfind("\n", 0, open_pos) + 1
    before = [s for s in cast.nominal_between(around[0], open_pos) if not s.quoted]
    after = [s for s in cast.nominal_between(close, around[1]) if not s.quoted]
    pron, narrated = genders
    out: list[Candidate] = []
    for s in [*reversed(before), *after]:
        if s.key in taken:
            continue
        taken.add(s.key)
        feats = {
            "nominal": 1.0,
            "line_before": float(s.start >= line_start and s.start < open_pos),
            "narr_subj": float(s.subject and s.start < open_pos),
            "after_line": float(s.start >= close),
            "last_subj": float(
                s.start < open_pos and s is next((x for x in reversed(before) if x.subject), None)
            ),
            "role": 1.0,
            "dist_log": math.log1p(max(0, open_pos - s.start) / 100),
        }
        g = cast.gender(s.key)
        if pron:
            feats["pron_agree"] = float(g != "?" and g == pron)
            feats["pron_clash"] = float(g != "?" and g != pron)
        elif narrated:
            feats["narr_gender_agree"] = float(g != "?" and g == narrated)
            feats["narr_gender_clash"] = float(g != "?" and g != narrated)
        mention = mention_for(f.text, (s.start, s.end), f.entities, "ROLE")
        out.append((s.key, feats, mention))
    return out
