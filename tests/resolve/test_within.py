from __future__ import annotations

import re

from storyline.model import Mention
from storyline.resolve.within import link_mentions, link_speaker
from tests.resolve.resolve_helpers import find_mentions


def _groups(text: str, names: list[tuple[str, str]]) -> dict[str, set[str]]:
    mentions = find_mentions(text, names)
    result = link_mentions(mentions, text)
    groups: dict[str, set[str]] = {}
    for mention, local in zip(mentions, result.assignment, strict=True):
        groups.setdefault(mention.text, set()).add(str(local))
    return groups


def test_short_forms_and_genitives_join_the_full_name() -> None:
    text = (
        "Trumps minister Sessions sprak. De Amerikaanse minister van Justitie Jeff Sessions "
        "ontkent. Donald Trump steunt Sessions. Sessions' woordvoerder zweeg."
    )
    groups = _groups(
        text,
        [
            ("Trumps", "PER"),
            ("Sessions", "PER"),
            ("Jeff Sessions", "PER"),
            ("Donald Trump", "PER"),
            ("Sessions'", "PER"),
        ],
    )
    assert groups["Sessions"] == groups["Jeff Sessions"] == groups["Sessions'"]
    assert groups["Trumps"] == groups["Donald Trump"]
    assert groups["Trumps"] != groups["Sessions"]


def test_two_people_with_one_surname_stay_apart_when_first_names_differ() -> None:
    text = "Boris Johnson en Lyndon Johnson. Boris Johnson lachte."
    groups = _groups(text, [("Boris Johnson", "PER"), ("Lyndon Johnson", "PER")])
    assert groups["Boris Johnson"] != groups["Lyndon Johnson"]


def test_acronym_head_word_and_alias_group_link() -> None:
    text = (
        "Het Government Accountability Office zegt dat Northrop Grumman wint. De GAO "
        "en Northrop melden dat de VS en de Verenigde Staten hetzelfde land zijn."
    )
    groups = _groups(
        text,
        [
            ("Government Accountability Office", "ORG"),
            ("GAO", "ORG"),
            ("Northrop Grumman", "ORG"),
            ("Northrop", "ORG"),
            ("VS", "LOC"),
            ("Verenigde Staten", "LOC"),
        ],
    )
    assert groups["GAO"] == groups["Government Accountability Office"]
    assert groups["Northrop"] == groups["Northrop Grumman"]
    assert groups["VS"] == groups["Verenigde Staten"]
    assert groups["VS"] != groups["Northrop"]


def test_a_role_introduced_with_a_name_resolves_later_nominals() -> None:
    text = (
        "Ook de Russische ambassadeur Sergej Kislyak was aanwezig, net als minister "
        "Sergej Lavrov. Later zei de ambassadeur dat niets gebeurd was."
    )
    mentions = find_mentions(text, [("Sergej Kislyak", "PER"), ("Sergej Lavrov", "PER")])
    start = text.index("de ambassadeur")
    nominal = Mention(start, start + len("de ambassadeur"), "de ambassadeur", "PER")
    result = link_mentions([*mentions, nominal], text)
    kislyak = result.assignment[0]
    assert result.assignment[2] == kislyak
    assert link_speaker(result, nominal) == kislyak
    minister_at = text.index("Later")
    minister = Mention(minister_at, minister_at + 5, "de minister", "PER")
    assert link_speaker(result, minister) == result.assignment[1]


def test_a_role_after_the_name_is_seen_in_apposition() -> None:
    text = "Michael Flynn, de nationale veiligheidsadviseur, trad af. De veiligheidsadviseur zweeg."
    mentions = find_mentions(text, [("Michael Flynn", "PER")])
    result = link_mentions(mentions, text)
    start = text.index("De veiligheidsadviseur")
    speaker = Mention(start, start + 22, "De veiligheidsadviseur", "PER")
    assert link_speaker(result, speaker) == result.assignment[0]


def test_arabic_article_prefix_is_optional_in_a_surname() -> None:
    text = "Bashar al-Assad sprak. Assad en al-Assad zwegen."
    groups = _groups(text, [("Bashar al-Assad", "PER"), ("Assad", "PER"), ("al-Assad", "PER")])
    assert groups["Assad"] == groups["al-Assad"] == groups["Bashar al-Assad"]


def _label_of(text: str, labels: list[str]) -> str:
    """The type of the one local entity that "Trump", tagged with these labels in turn, makes."""
    starts = [m.start() for m in re.finditer("Trump", text)]
    mentions = [Mention(i, i + 5, "Trump", label) for i, label in zip(starts, labels, strict=True)]
    result = link_mentions(mentions, text)
    (local,) = {result.assignment[i] for i in range(len(mentions))}
    assert local is not None
    return result.entities[local].label


def test_a_name_the_tagger_typed_two_ways_equally_often_is_misc() -> None:
    assert _label_of("Namens Trump sprak hij. Later kwam Trump zelf.", ["ORG", "MISC"]) == "MISC"
    text = "Namens Trump sprak hij. Trump zweeg. Trump ging weg."
    assert _label_of(text, ["ORG", "ORG", "MISC"]) == "ORG"
