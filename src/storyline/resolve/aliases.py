"""A small curated alias table: countries, cities and organisations in nl/en/de/fr.

Kept as data. Each row: (type, canonical English name, names, adjectives). Names are
the entity's own names and abbreviations in any language; adjectives are demonyms
("Russische", "Russian"), used to strip "de Russische ambassadeur" down to the name and
to resolve an adjective that an annotator marked as a place. Extend by adding rows.
"""

from __future__ import annotations

from functools import lru_cache

from storyline.resolve.translit import fold

AliasRow = tuple[str, str, tuple[str, ...], tuple[str, ...]]

ALIASES: list[AliasRow] = [
    # countries and unions
    (
        "LOC",
        "United States",
        (
            "VS",
            "V.S.",
            "Verenigde Staten",
            "Verenigde Staten van Amerika",
            "United States",
            "United States of America",
            "USA",
            "U.S.A.",
            "US",
            "U.S.",
            "America",
            "Amerika",
            "Vereinigte Staaten",
            "États-Unis",
            "Etats-Unis",
        ),
        (
            "Amerikaanse",
            "Amerikaans",
            "American",
            "amerikanische",
            "amerikanischen",
            "américain",
            "américaine",
        ),
    ),
    (
        "LOC",
        "Russia",
        (
            "Rusland",
            "Russia",
            "Russland",
            "Russie",
            "Russische Federatie",
            "Russian Federation",
        ),
        ("Russische", "Russisch", "Russian", "russische", "russischen", "russe"),
    ),
    (
        "LOC",
        "United Kingdom",
        (
            "Verenigd Koninkrijk",
            "United Kingdom",
            "UK",
            "U.K.",
            "Groot-Brittannië",
            "Great Britain",
            "Britain",
            "Großbritannien",
            "Grande-Bretagne",
            "Royaume-Uni",
            "Vereinigtes Königreich",
        ),
        ("Britse", "Brits", "British", "britische", "britannique", "Engelse", "English"),
    ),
    (
        "LOC",
        "Germany",
        ("Duitsland", "Germany", "Deutschland", "Allemagne", "BRD"),
        ("Duitse", "Duits", "German", "deutsche", "allemand", "allemande"),
    ),
    (
        "LOC",
        "France",
        ("Frankrijk", "France", "Frankreich"),
        ("Franse", "Frans", "French", "französische", "français", "française"),
    ),
    (
        "LOC",
        "Netherlands",
        (
            "Nederland",
            "Netherlands",
            "The Netherlands",
            "Holland",
            "Niederlande",
            "Pays-Bas",
        ),
        ("Nederlandse", "Nederlands", "Dutch", "niederländische", "néerlandais"),
    ),
    (
        "LOC",
        "Belgium",
        ("België", "Belgium", "Belgien", "Belgique"),
        ("Belgische", "Belgisch", "Belgian", "belgische", "belge"),
    ),
    (
        "LOC",
        "China",
        ("China", "Volksrepubliek China", "People's Republic of China", "Chine"),
        ("Chinese", "Chinees", "chinesische", "chinois", "chinoise"),
    ),
    ("LOC", "Japan", ("Japan", "Japon"), ("Japanse", "Japans", "Japanese", "japonais")),
    ("LOC", "Poland", ("Polen", "Poland", "Pologne"), ("Poolse", "Pools", "Polish", "polnische")),
    (
        "LOC",
        "Ukraine",
        ("Oekraïne", "Ukraine", "Ukraina"),
        ("Oekraïense", "Oekraïens", "Ukrainian", "ukrainische", "ukrainien"),
    ),
    (
        "LOC",
        "North Korea",
        ("Noord-Korea", "North Korea", "Nordkorea", "Corée du Nord", "DPRK"),
        ("Noord-Koreaanse", "North Korean", "nordkoreanische"),
    ),
    (
        "LOC",
        "South Korea",
        ("Zuid-Korea", "South Korea", "Südkorea", "Corée du Sud"),
        ("Zuid-Koreaanse", "South Korean", "südkoreanische"),
    ),
    ("LOC", "Syria", ("Syrië", "Syria", "Syrien", "Syrie"), ("Syrische", "Syrian", "syrische")),
    (
        "LOC",
        "Turkey",
        ("Turkije", "Turkey", "Türkei", "Turquie", "Türkiye"),
        ("Turkse", "Turks", "Turkish", "türkische", "turc"),
    ),
    ("LOC", "Iran", ("Iran",), ("Iraanse", "Iranian", "iranische", "iranien")),
    ("LOC", "Israel", ("Israël", "Israel"), ("Israëlische", "Israeli", "israelische")),
    (
        "LOC",
        "Italy",
        ("Italië", "Italy", "Italien", "Italie"),
        ("Italiaanse", "Italian", "italienische", "italien"),
    ),
    (
        "LOC",
        "Spain",
        ("Spanje", "Spain", "Spanien", "Espagne"),
        ("Spaanse", "Spanish", "spanische", "espagnol"),
    ),
    ("LOC", "Ireland", ("Ierland", "Ireland", "Irland", "Irlande"), ("Ierse", "Irish", "irische")),
    ("LOC", "Vietnam", ("Vietnam", "Viëtnam"), ("Vietnamese", "Viëtnamese")),
    ("LOC", "Mexico", ("Mexico", "Mexiko", "Mexique"), ("Mexicaanse", "Mexican")),
    ("LOC", "Canada", ("Canada", "Kanada"), ("Canadese", "Canadian", "kanadische")),
    (
        "LOC",
        "Australia",
        ("Australië", "Australia", "Australien", "Australie"),
        ("Australische", "Australian"),
    ),
    ("LOC", "Europe", ("Europa", "Europe"), ("Europese", "European", "europäische", "européen")),
    ("LOC", "Asia", ("Azië", "Asia", "Asien", "Asie"), ("Aziatische", "Asian")),
    ("LOC", "Crimea", ("Krim", "Crimea", "Crimée"), ()),
    # cities
    ("LOC", "Moscow", ("Moskou", "Moscow", "Moskau", "Moscou", "Moskva"), ()),
    ("LOC", "Washington", ("Washington", "Washington D.C.", "Washington DC"), ()),
    ("LOC", "Brussels", ("Brussel", "Brussels", "Brüssel", "Bruxelles"), ()),
    ("LOC", "The Hague", ("Den Haag", "The Hague", "Den Haag", "La Haye"), ()),
    ("LOC", "London", ("Londen", "London", "Londres"), ()),
    ("LOC", "Paris", ("Parijs", "Paris"), ()),
    ("LOC", "Berlin", ("Berlijn", "Berlin"), ()),
    ("LOC", "Beijing", ("Peking", "Beijing", "Pékin"), ()),
    ("LOC", "Kyiv", ("Kiev", "Kyiv", "Kiew", "Kijev"), ()),
    ("LOC", "Vienna", ("Wenen", "Vienna", "Wien", "Vienne"), ()),
    ("LOC", "Geneva", ("Genève", "Geneva", "Genf"), ()),
    # organisations
    (
        "ORG",
        "NATO",
        (
            "NAVO",
            "NATO",
            "OTAN",
            "North Atlantic Treaty Organization",
            "Noord-Atlantische Verdragsorganisatie",
        ),
        (),
    ),
    (
        "ORG",
        "European Union",
        ("EU", "Europese Unie", "European Union", "Europäische Union", "Union européenne", "UE"),
        (),
    ),
    (
        "ORG",
        "United Nations",
        (
            "VN",
            "Verenigde Naties",
            "UN",
            "United Nations",
            "Vereinte Nationen",
            "ONU",
            "Nations unies",
        ),
        (),
    ),
    (
        "ORG",
        "White House",
        (
            "Witte Huis",
            "White House",
            "Weißes Haus",
            "Weisses Haus",
            "Maison Blanche",
            "Maison-Blanche",
        ),
        (),
    ),
    ("ORG", "Kremlin", ("Kremlin", "Kreml"), ()),
    ("ORG", "FBI", ("FBI", "Federal Bureau of Investigation"), ()),
    ("ORG", "CIA", ("CIA", "Central Intelligence Agency"), ()),
    (
        "ORG",
        "United States Senate",
        ("Senaat", "Senate", "US Senate", "Amerikaanse Senaat", "Senat", "Sénat"),
        (),
    ),
    ("ORG", "United States Congress", ("Congres", "Congress", "Kongress", "Congrès"), ()),
    (
        "ORG",
        "Democratic Party",
        ("Democratische Partij", "Democratic Party", "Democrats", "Democraten", "Demokraten"),
        (),
    ),
    (
        "ORG",
        "Republican Party",
        (
            "Republikeinse Partij",
            "Republican Party",
            "Republicans",
            "Republikeinen",
            "Republikaner",
            "GOP",
        ),
        (),
    ),
    (
        "ORG",
        "Islamic State",
        (
            "Islamitische Staat",
            "Islamic State",
            "IS",
            "ISIS",
            "IS",
            "Islamischer Staat",
            "État islamique",
            "Daesh",
            "ISIL",
        ),
        (),
    ),
    ("ORG", "Pentagon", ("Pentagon",), ()),
    (
        "ORG",
        "US Air Force",
        ("United States Air Force", "US Air Force", "USAF", "Amerikaanse luchtmacht"),
        (),
    ),
    (
        "ORG",
        "Asia-Pacific Economic Cooperation",
        ("Apec", "APEC", "Asia-Pacific Economic Cooperation"),
        (),
    ),
    (
        "ORG",
        "World Health Organization",
        ("WHO", "World Health Organization", "Wereldgezondheidsorganisatie", "OMS"),
        (),
    ),
]


def _index() -> tuple[dict[str, int], dict[str, int]]:
    names: dict[str, int] = {}
    adjectives: dict[str, int] = {}
    for number, (_, _, forms, adjs) in enumerate(ALIASES):
        for form in forms:
            names.setdefault(fold(form), number)
        for adj in adjs:
            adjectives.setdefault(fold(adj), number)
    return names, adjectives


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, int], dict[str, int]]:
    return _index()


def alias_group(name: str) -> int | None:
    """Row number of the alias group this name belongs to, if any."""
    return _tables()[0].get(fold(name))


def adjective_group(word: str) -> int | None:
    """Row number of the country a demonym adjective refers to, if any."""
    return _tables()[1].get(fold(word))


def group_key(number: int) -> str:
    """A stable key for an alias group: its type and canonical name."""
    label, canonical, _, _ = ALIASES[number]
    return f"@{label}:{fold(canonical)}"


def group_name(number: int) -> tuple[str, str]:
    """(type, canonical name) of an alias group."""
    label, canonical, _, _ = ALIASES[number]
    return label, canonical
