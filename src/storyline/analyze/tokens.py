"""Tokenisation with spaCy's rule-based tokenizer plus the abbreviations news needs."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

import spacy
from spacy.lang.char_classes import ALPHA, HYPHENS
from spacy.symbols import ORTH
from spacy.util import compile_infix_regex

from storyline.analyze.sentences import ABBREVIATIONS
from storyline.model import Document, Token

# Languages with a spaCy tokenizer we use as is; anything else gets the multi-language one.
SPACY_LANGS = frozenset({"nl", "en", "de", "fr", "es", "it", "pt", "da", "sv", "nb"})
# Abbreviations that are also ordinary words ending a sentence ("he said no.") stay split.
_AMBIGUOUS = frozenset({"no", "est", "fig", "p", "e", "co", "st"})
# spaCy's English rule that splits "El-Erian" and "Jean-Claude" at the hyphen: the CoNLL
# data the entity models learn from keeps such words whole, as spaCy's Dutch rules do.
_HYPHEN_INFIX = rf"(?<=[{ALPHA}0-9])(?:{HYPHENS})(?=[{ALPHA}])"


def _variants(abbreviation: str) -> set[str]:
    dotted = abbreviation + "."
    forms = {dotted, dotted[:1].upper() + dotted[1:]}
    if "." in abbreviation:
        forms.add(dotted.upper())  # "U.S." but not "VS." (an acronym ending a sentence)
    return forms


@lru_cache(maxsize=16)
def tokenizer(lang: str) -> Any:
    """spaCy's tokenizer for ``lang`` with every known abbreviation kept as one token."""
    code = lang if lang in SPACY_LANGS else "xx"
    nlp = spacy.blank(code)
    rules: Any = nlp.tokenizer
    infixes = [rule for rule in nlp.Defaults.infixes or () if rule != _HYPHEN_INFIX]
    rules.infix_finditer = compile_infix_regex(infixes).finditer
    abbreviations = ABBREVIATIONS.get(lang, frozenset()) | ABBREVIATIONS["en"]
    for abbreviation in sorted(abbreviations - _AMBIGUOUS):
        for form in _variants(abbreviation):
            rules.add_special_case(form, [{ORTH: form}])
    return rules


def tokenize(text: str, lang: str) -> list[Token]:
    """Tokens with character offsets into ``text``; whitespace is dropped."""
    return [
        Token(tok.idx, tok.idx + len(tok.text), tok.text)
        for tok in tokenizer(lang)(text)
        if not tok.is_space
    ]


class TokenStage:
    """Fills ``doc.tokens``."""

    name = "tokens"

    def __call__(self, docs: Iterable[Document]) -> Iterator[Document]:
        for doc in docs:
            doc.tokens = tokenize(doc.text, doc.lang)
            yield doc
