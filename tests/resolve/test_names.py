from __future__ import annotations

import pytest

from storyline.resolve.aliases import ALIASES, alias_group, group_key
from storyline.resolve.names import parse_name
from storyline.resolve.translit import fold, variant_key


@pytest.mark.parametrize(
    "names",
    [
        ("Poetin", "Putin", "Poutine"),
        ("Vladimir Poetin", "Wladimir Putin", "Vladimir Putin"),
        ("Sergej Lavrov", "Sergey Lavrov", "Sergei Lawrow"),
        ("Kislyak", "Kisljak", "Kisliak"),
        ("Gorbatsjov", "Gorbachev", "Gorbatschow"),
        ("Erdoğan", "Erdogan"),
        ("Kim Jong-un", "Kim Jong Un"),
    ],
)
def test_spelling_variants_share_a_key(names: tuple[str, ...]) -> None:
    assert len({variant_key(name) for name in names}) == 1


@pytest.mark.parametrize("a, b", [("Putin", "Patton"), ("Trump", "Truman"), ("Lavrov", "Lvov")])
def test_different_names_keep_different_keys(a: str, b: str) -> None:
    assert variant_key(a) != variant_key(b)


def test_fold_drops_accents_case_and_punctuation() -> None:
    assert fold("  Oekraïne-Crisis! ") == "oekraine crisis"


@pytest.mark.parametrize(
    "text, label, name",
    [
        ("Sessions'", "PER", "Sessions"),
        ("Trump's", "PER", "Trump"),
        ("Obama’s", "PER", "Obama"),
        ("McDonald's", "ORG", "McDonald's"),
        ("de Russische ambassadeur Sergej Kislyak", "PER", "Sergej Kislyak"),
        ("minister van Justitie Jeff Sessions", "PER", "Jeff Sessions"),
        ("Senator John McCain", "PER", "John McCain"),
        ("Topman Louis Gallois van EADS", "PER", "Louis Gallois"),
        ("Airbus chief executive Noel Forgeard", "PER", "Noel Forgeard"),
        ("Scott Carson , CEO van Boeing", "PER", "Scott Carson"),
        ("De Ierse goedkope luchtvaartmaatschappij Ryanair", "ORG", "Ryanair"),
        ("Irish low cost airline , Ryanair", "ORG", "Ryanair"),
        ("Boeing 's Launch Systems", "ORG", "Launch Systems"),
        ("RAF-contract", "ORG", "RAF"),
        ("Apple Inc.", "ORG", "Apple"),
        ("de VS", "LOC", "VS"),
        ("'s-Hertogenbosch", "LOC", "'s-Hertogenbosch"),
        ("Bashar al-Assad", "PER", "Bashar al-Assad"),
        (
            "European Aeronautic Defence and Space Company",
            "ORG",
            "European Aeronautic Defence and Space",
        ),
    ],
)
def test_parse_name_finds_the_name(text: str, label: str, name: str) -> None:
    form = parse_name(text, label)
    assert form is not None and form.text == name


@pytest.mark.parametrize("text", ["het bedrijf", "de ambassadeur", "De minister", "hij"])
def test_no_name_in_nominals(text: str) -> None:
    assert parse_name(text, "PER") is None


def test_particles_belong_to_the_surname() -> None:
    full = parse_name("Alexander Van der Bellen", "PER")
    short = parse_name("Van der Bellen", "PER")
    assert full is not None and short is not None
    assert full.surname == short.surname == short.key
    assert full.first == variant_key("Alexander") and short.first is None


def test_role_is_kept_and_genitive_base_offered() -> None:
    form = parse_name("de Russische ambassadeur Sergej Kislyak", "PER")
    assert form is not None and form.role == "ambassadeur"
    trumps = parse_name("Trumps", "PER")
    assert trumps is not None and trumps.genitive_base == variant_key("Trump")


def test_parenthetical_acronym_is_an_extra_key() -> None:
    form = parse_name("de Amerikaanse Rekenkamer ( GAO )", "ORG")
    assert form is not None and "gao" in form.extra_keys


@pytest.mark.parametrize(
    "names",
    [
        ("VS", "Verenigde Staten", "United States", "Amerika", "USA"),
        ("NAVO", "NATO", "OTAN"),
        ("Witte Huis", "White House"),
        ("Moskou", "Moscow", "Moskau"),
        ("Rusland", "Russia", "Russland", "Russie"),
    ],
)
def test_alias_table_groups_names(names: tuple[str, ...]) -> None:
    groups = {alias_group(name) for name in names}
    assert len(groups) == 1 and None not in groups


def test_alias_rows_are_well_formed() -> None:
    keys = [group_key(i) for i in range(len(ALIASES))]
    assert len(keys) == len(set(keys))
    assert all(label in ("PER", "ORG", "LOC", "MISC") for label, *_ in ALIASES)
