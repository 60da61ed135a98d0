"""Time-expression rules as data, one module per language.

Each language module defines word lists (``MONTHS``, ``WEEKDAYS``, ``NUMBERS`` ...), the
``MACROS`` that patterns may use as ``{NAME}`` or ``{NAME:group}``, the tense cues, and
``RULES``: a table of ``(pattern, handler, type)`` rows read top to bottom.  A pattern is a
regular expression in which a literal space means "some white space" and every ``{MACRO}``
becomes a named group whose words the handler looks up in the word lists.
"""

from __future__ import annotations

from importlib import import_module
from types import ModuleType

LANGUAGES = ("nl", "en")


def load(lang: str) -> ModuleType | None:
    """The rule module for ``lang`` (``nl``, ``en``), or None when there is none."""
    code = (lang or "").lower()[:2]
    if code not in LANGUAGES:
        return None
    return import_module(f"storyline.analyze.timex_rules.{code}")
