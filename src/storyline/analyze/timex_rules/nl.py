"""Dutch time-expression rules: word lists, macros, tense cues and the pattern table."""

from __future__ import annotations

from storyline.analyze.timex_rules.lexicon import words

# The tables below are laid out for reading as word lists, not by the formatter.
# fmt: off

# --- word lists -------------------------------------------------------------------------

MONTHS = {
    "januari": 1, "februari": 2, "maart": 3, "april": 4, "mei": 5, "juni": 6, "juli": 7,
    "augustus": 8, "september": 9, "oktober": 10, "november": 11, "december": 12,
}
# Abbreviations are only used next to a day number ("1 jan. 2017"); "Jan" alone is a name.
MONTH_ABBREVIATIONS = {
    "jan": 1, "feb": 2, "febr": 2, "mrt": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "okt": 10, "nov": 11, "dec": 12,
}
WEEKDAYS = {
    "maandag": 1, "dinsdag": 2, "woensdag": 3, "donderdag": 4, "vrijdag": 5, "zaterdag": 6,
    "zondag": 7,
}
_UNITS_1_TO_9 = {
    "een": 1, "één": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7,
    "acht": 8, "negen": 9,
}
_TENS = {
    "twintig": 20, "dertig": 30, "veertig": 40, "vijftig": 50, "zestig": 60, "zeventig": 70,
    "tachtig": 80, "negentig": 90,
}
NUMBERS: dict[str, float | str] = {
    **_UNITS_1_TO_9, "tien": 10, "elf": 11, "twaalf": 12, "dertien": 13, "veertien": 14,
    "vijftien": 15, "zestien": 16, "zeventien": 17, "achttien": 18, "negentien": 19,
    **_TENS, "honderd": 100, "anderhalf": 1.5, "anderhalve": 1.5, "een half": 0.5,
    "een halve": 0.5, "tweeënhalf": 2.5, "tweeëneenhalf": 2.5,
    # vague amounts: the value gets an X ("enkele jaren" -> PXY)
    "enkele": "X", "een paar": "X", "verscheidene": "X", "meerdere": "X", "vele": "X",
    "tal van": "X", "tientallen": "X", "honderden": "X", "zoveel": "X",
}
# "eenentwintig", "tweeëntwintig", ... "negenennegentig"
for _unit_word, _unit in _UNITS_1_TO_9.items():
    if _unit_word == "één":
        continue
    _joint = "ën" if _unit_word.endswith("e") else "en"
    for _ten_word, _ten in _TENS.items():
        NUMBERS[f"{_unit_word}{_joint}{_ten_word}"] = _ten + _unit

UNITS = {
    "seconde": "S", "seconden": "S", "minuut": "MIN", "minuten": "MIN", "uur": "H",
    "uren": "H", "dag": "D", "dagen": "D", "etmaal": "D", "week": "W", "weken": "W",
    "maand": "M", "maanden": "M", "kwartaal": "Q", "jaar": "Y", "jaren": "Y",
    "decennium": "DE", "decennia": "DE", "eeuw": "CE", "eeuwen": "CE", "weekend": "WE",
    "weekenden": "WE", "weekeinde": "WE", "weekeinden": "WE",
}
# Unit adjectives written after a number: "de 70-jarige", "een driedaagse staking".
UNIT_ADJECTIVES = {
    "jarige": "Y", "jarig": "Y", "maandse": "M", "weekse": "W", "daagse": "D", "urige": "H",
}
PLURAL_UNITS = words("seconden minuten uren dagen weken maanden jaren decennia eeuwen weekenden")
# Single words meaning "for a long stretch of <unit>".
VAGUE_DURATIONS = {
    "jarenlang": "Y", "maandenlang": "M", "wekenlang": "W", "dagenlang": "D", "urenlang": "H",
    "decennialang": "DE", "eeuwenlang": "CE", "jarenlange": "Y", "maandenlange": "M",
    "wekenlange": "W", "dagenlange": "D", "urenlange": "H", "decennialange": "DE",
    "eeuwenlange": "CE",
}
# Modifiers of a point in time (TIMEX3 mod).
MODS = {
    "begin": "START", "aan het begin van": "START", "het begin van": "START",
    "in het begin van": "START", "vroeg in": "START", "eind": "END", "einde": "END",
    "eind van": "END", "het einde van": "END", "aan het eind van": "END",
    "aan het einde van": "END", "tegen het einde van": "END", "tegen het eind van": "END",
    "laat in": "END", "half": "MID", "medio": "MID", "midden": "MID",
    "halverwege": "MID", "rond": "APPROX", "omstreeks": "APPROX", "rondom": "APPROX",
    "circa": "APPROX", "ca.": "APPROX",
}
# Modifiers of a duration.
DURATION_MODS = {
    "ruim": "MORE_THAN", "meer dan": "MORE_THAN", "langer dan": "MORE_THAN",
    "bijna": "ALMOST", "nagenoeg": "ALMOST", "minder dan": "LESS_THAN", "ongeveer": "APPROX",
    "zo'n": "APPROX", "circa": "APPROX", "rond de": "APPROX", "zowat": "APPROX",
    "ten minste": "EQUAL_OR_MORE", "minstens": "EQUAL_OR_MORE", "hooguit": "EQUAL_OR_LESS",
}
# Which unit of time before/after the one that contains the anchor.
OFFSETS = {
    "vorige": -1, "vorig": -1, "afgelopen": -1, "verleden": -1, "voorbije": -1,
    "volgende": 1, "volgend": 1, "komende": 1, "komend": 1, "aanstaande": 1, "a.s.": 1,
    "deze": 0, "dit": 0, "huidige": 0, "lopende": 0,
}
RELATIVE_DAYS = {
    "vandaag": 0, "heden": 0, "gisteren": -1, "eergisteren": -2, "morgen": 1, "overmorgen": 2,
}
# Day parts in TIMEX3 notation.
DAY_PARTS = {"ochtend": "MO", "morgen": "MO", "middag": "AF", "avond": "EV", "nacht": "NI"}
# One-word day parts that carry their own day: "gisteravond" = yesterday evening.
DAY_PART_WORDS = {
    "vanochtend": (0, "MO"), "vanmorgen": (0, "MO"), "vanmiddag": (0, "AF"),
    "vanavond": (0, "EV"), "vannacht": (0, "NI"), "gisterochtend": (-1, "MO"),
    "gistermorgen": (-1, "MO"), "gistermiddag": (-1, "AF"), "gisteravond": (-1, "EV"),
    "gisternacht": (-1, "NI"), "morgenochtend": (1, "MO"), "morgenvroeg": (1, "MO"),
    "morgenmiddag": (1, "AF"), "morgenavond": (1, "EV"),
}
DECADES = {
    "twintig": 2, "dertig": 3, "veertig": 4, "vijftig": 5, "zestig": 6, "zeventig": 7,
    "tachtig": 8, "negentig": 9,
}
# "de tachtiger jaren" = "de jaren tachtig"
DECADE_ADJECTIVES = {f"{word}er": digit for word, digit in DECADES.items()}
SEASONS = {
    "lente": "SP", "voorjaar": "SP", "zomer": "SU", "herfst": "FA", "najaar": "FA",
    "winter": "WI",
}
ORDINALS = {
    "eerste": 1, "tweede": 2, "derde": 3, "vierde": 4, "laatste": -1,
    "twintigste": 20, "eenentwintigste": 21, "negentiende": 19, "achttiende": 18,
}
REFERENCES = {
    "nu": "PRESENT_REF", "momenteel": "PRESENT_REF", "op dit moment": "PRESENT_REF",
    "tegenwoordig": "PRESENT_REF", "thans": "PRESENT_REF", "op het moment": "PRESENT_REF",
    "dezer dagen": "PRESENT_REF", "heden ten dage": "PRESENT_REF",
    "onlangs": "PAST_REF", "recent": "PAST_REF", "recentelijk": "PAST_REF",
    "kortgeleden": "PAST_REF", "vroeger": "PAST_REF", "destijds": "PAST_REF",
    "in het verleden": "PAST_REF", "binnenkort": "FUTURE_REF", "in de toekomst": "FUTURE_REF",
    "straks": "FUTURE_REF", "op termijn": "FUTURE_REF", "een tijdje geleden": "PAST_REF",
    "een tijd geleden": "PAST_REF", "enige tijd geleden": "PAST_REF", "lang geleden": "PAST_REF",
    "kort geleden": "PAST_REF",
}
SET_WORDS = {
    "dagelijks": "P1D", "wekelijks": "P1W", "maandelijks": "P1M", "jaarlijks": "P1Y",
    "driemaandelijks": "P3M", "tweejaarlijks": "P2Y", "elk jaar": "P1Y", "ieder jaar": "P1Y",
    "dagelijkse": "P1D", "wekelijkse": "P1W", "maandelijkse": "P1M", "jaarlijkse": "P1Y",
}
# A bare four-digit number is read as a year only after one of these words (or before
# punctuation); otherwise "1200 mensen" or "2000 euro" would become years.
YEAR_CUES = words(
    "in sinds sedert vanaf van tot tussen en of voor na rond omstreeks begin eind medio "
    "half midden jaar uit tegen t/m anno zomer winter lente herfst voorjaar najaar het"
)
# Words that may follow a bare year ("2016 was een rampjaar"), unlike a counted noun.
YEAR_FOLLOWERS = words(
    "was werd is wordt zal zou kende bracht bleek begon eindigde en of tot t/m moet komt "
    "ging stond had heeft"
)

# --- tense cues (for "woensdag", "in september": which side of the anchor) ---------------

FUTURE_CUES = (
    r"zal|zullen|zult|gaat|gaan|plant|plannen|gepland|verwacht|verwachten|hoopt|hopen|"
    r"moet|moeten|wil|willen|voorzien|is van plan|staat gepland|komende|binnenkort"
)
PAST_CUES = (
    r"had|hadden|was|waren|werd|werden|"
    r"(?:af|aan|op|uit|in|mee|voor|na|toe|terug|weg|ver|be|ont|her|over|onder|door|bij)?"
    r"(?:zei|zeiden|sprak|spraken|kwam|kwamen|ging|gingen|gaf|gaven|nam|namen|kreeg|kregen|"
    r"vond|vonden|bleek|bleken|bleef|bleven|zag|zagen|liet|lieten|stond|stonden|viel|vielen|"
    r"hield|hielden|schreef|schreven|wees|wezen|riep|riepen|won|wonnen|verloor|verloren|"
    r"begon|begonnen|sloot|sloten|koos|kozen|trok|trokken|schoot|schoten|stierf|stierven|"
    r"liep|liepen|trad|traden|wist|wisten|dacht|dachten|bracht|brachten|kocht|kochten|"
    r"zocht|zochten|mocht|mochten|kon|konden|moest|moesten|wilde|wilden|drong|drongen|"
    r"ving|vingen|bood|boden|vroeg|vroegen|sliep|sloeg|sloegen|hing|droeg|zat|zaten|deed|"
    r"deden|vocht|vochten|gebeurde|gebruikte|geloofde)|"
    # regular past tense: "eiste", "meldde", "verklaarde" (not "eerste", "volgende", and not
    # the adjectives "gemengde", "geplande" made from a participle)
    r"(?!ge)[a-zë]{2,}(?:de|te)(?<!ende)(?<!ste)(?<!ede)|"
    # perfect tense: "heeft ... gesproken", "is ... aangekondigd"
    r"(?:heeft|hebben|hebt|heb|is|zijn|ben|bent)\b.*\b\w*ge\w+[dtn]"
)
# Present-tense verbs of scheduled events: with them a bare month or weekday lies ahead.
PRESENT_CUES = (
    r"volgt|volgen|begint|beginnen|start|starten|opent|komt|komen|vindt plaats|valt|treedt|"
    r"vertrekt|verschijnt|landt|beslist|stemt|stemmen|ontmoet|bezoekt|reist|houdt|wordt|"
    r"worden|is|loopt af|eindigt|sluit|mag|mogen|kan|kunnen|hoeft|hoeven"
)
NOT_PAST = words(
    "grote goede beide ruimte hoogte lengte diepte breedte gedachte helfte vrede mede "
    "zijde heide hele halve gezegde leerde eerde rente weelde lichte"
)
# Words right before a timex that fix its direction: "sinds dinsdag" lies in the past.
PAST_PREPOSITIONS = frozenset(["sinds", "sedert"])
FUTURE_PREPOSITIONS = frozenset(["tegen", "uiterlijk", "vóór", "vanaf"])
# After these words a -de/-te word is an adjective ("tien vaste banen"), not a past tense.
DETERMINERS = words(
    "de het een geen deze die dit dat elke ieder iedere alle zijn haar hun ons onze mijn "
    "uw twee drie vier vijf zes zeven acht negen tien veel vele meer meest zeer heel"
)
# "morgen" after these is the morning (or the newspaper De Morgen), not tomorrow.
NOT_TOMORROW_AFTER = words("de een deze elke iedere 's zelfde vroege")
# Main clauses put the finite verb second: in "Eind oktober kiest Nederland" the word after a
# clause-initial time expression is the verb, and a verb ending in -t is present tense.
VERB_SECOND_PRESENT = r"[a-zë]{2,}t"
NOT_VERBS = words("niet dat het met tot wat uit toch want echt nooit ooit net")

# --- macros usable in patterns as {NAME} or {NAME:group} ---------------------------------

MACROS: dict[str, object] = {
    "MONTH": MONTHS,
    "MONTH_ANY": {**MONTHS, **{f"{k}.": v for k, v in MONTH_ABBREVIATIONS.items()},
                  **MONTH_ABBREVIATIONS},
    "WEEKDAY": WEEKDAYS,
    "NUM": r"\d{1,3}(?:,\d)?|" + "|".join(sorted(NUMBERS, key=len, reverse=True)),
    "UNIT": UNITS,
    "UNIT_ADJ": UNIT_ADJECTIVES,
    "VAGUE": VAGUE_DURATIONS,
    "MOD": MODS,
    "DMOD": DURATION_MODS,
    "OFFSET": OFFSETS,
    "RELDAY": RELATIVE_DAYS,
    "PART": DAY_PARTS,
    "PARTWORD": DAY_PART_WORDS,
    "DECADE": DECADES,
    "DECADE_ADJ": DECADE_ADJECTIVES,
    "SEASON": SEASONS,
    "ORD": ORDINALS,
    "REF": REFERENCES,
    "SETWORD": SET_WORDS,
    "DAY": r"[12]\d|3[01]|0?[1-9]",
    "MONTHNUM": r"1[0-2]|0?[1-9]",
    "YEAR": r"1\d{3}|20\d\d|21\d\d",
    "YY": r"\d\d",
    "HOUR": r"[01]?\d|2[0-3]",
    "MINUTE": r"[0-5]\d",
    "DECADENUM": r"(?:19|20)?[0-9]0",
}

# --- patterns ----------------------------------------------------------------------------
# (pattern, handler, TIMEX3 type).  Longer matches win over shorter ones; on equal length
# the earlier row wins.  Prepositions ("in", "op") stay outside the expression.

RULES: list[tuple[str, str, str]] = [
    # absolute dates
    (r"{YEAR}-(?P<month>1[0-2]|0[1-9])-(?P<day>3[01]|[12]\d|0[1-9])", "iso", "DATE"),
    (r"{DAY}[/.-]{MONTHNUM}[/.-](?:{YEAR}|{YY})", "numeric", "DATE"),
    (r"(?<![\d/.,]){DAY}/{MONTHNUM}(?![/\d])", "numeric", "DATE"),
    (r"(?:{WEEKDAY},? )?{DAY}(?:e|ste|de)? {MONTH_ANY}(?:,? {YEAR}|,? '{YY})?", "date", "DATE"),
    (r"{DAY}(?:e|ste|de)? {MONTH_ANY} (?:van )?{OFFSET} jaar", "date", "DATE"),
    # months and years, optionally with begin / eind / half / medio
    (r"(?:{MOD} )?{MONTH}(?:,? {YEAR})?", "month", "DATE"),
    (r"(?:{MOD} )?{MONTH} (?:van )?{OFFSET} jaar", "month", "DATE"),
    (r"{OFFSET} {MONTH}", "month_offset", "DATE"),
    (r"(?:{MOD} )?(?:het jaar )?{YEAR}(?!-\d|/\d|\.\d|,\d)", "year", "DATE"),
    (r"(?:{MOD} )?(?:de )?jaren {DECADE}", "decade", "DATE"),
    (r"(?:{MOD} )?(?:de )?jaren '?{DECADENUM}", "decade", "DATE"),
    (r"(?:{MOD} )?(?:de )?{DECADE_ADJ:decade} jaren", "decade", "DATE"),
    (r"(?:de )?{ORD} eeuw", "century", "DATE"),
    (r"(?:de )?(?P<cent>1\d|2\d)(?:e|ste|de) eeuw", "century", "DATE"),
    # weekdays and days named relative to today
    (r"(?:{OFFSET} )?{WEEKDAY}(?:{PART})?", "weekday", "DATE"),
    (r"{OFFSET} (?P<weekref>week) {WEEKDAY}(?:{PART})?", "weekday", "DATE"),
    (r"{WEEKDAY}(?:{PART})? {OFFSET} (?P<weekref>week)", "weekday", "DATE"),
    (r"{RELDAY}", "relday", "DATE"),
    (r"{PARTWORD}", "relday", "TIME"),
    (r"{RELDAY} ?(?:in de |'s )?{PART}(?:s)?", "relday", "TIME"),
    # "vorige week", "volgend jaar", "eind vorige maand", "dit weekend"
    (r"(?:{MOD} )?{OFFSET} {UNIT}", "relunit", "DATE"),
    (r"(?:de|het) {ORD} helft van (?:{YEAR}|{OFFSET} jaar|het jaar)", "half_year", "DATE"),
    (r"{MOD} (?:het|de|deze|dit) {UNIT}", "this_unit", "DATE"),
    # quarters and seasons
    (r"(?:het )?{ORD} kwartaal(?: (?:van )?(?:{YEAR}|{OFFSET} jaar))?", "quarter", "DATE"),
    (r"Q(?P<q>[1-4])(?: {YEAR})?", "quarter", "DATE"),
    (r"(?:{MOD} )?(?:{OFFSET} |de |het )?{SEASON}(?: (?:van )?{YEAR})?", "season", "DATE"),
    # "twee weken geleden", "over drie maanden"
    (r"(?:{DMOD} )?{NUM} {UNIT} geleden", "ago", "DATE"),
    (r"over {NUM} {UNIT}", "ahead", "DATE"),
    # durations
    (r"(?:het|de) (?P<span>afgelopen|voorbije|laatste|komende|volgende|eerstvolgende) "
     r"(?:{NUM} )?{UNIT}", "span", "DURATION"),
    (r"(?:{DMOD} )?{NUM} {UNIT}(?: lang)?", "duration", "DURATION"),
    (r"(?:{DMOD} )?{NUM}-?{UNIT_ADJ:unit}", "duration", "DURATION"),
    (r"{VAGUE}", "vague", "DURATION"),
    # sets
    (r"(?:elke|iedere|ieder|elk|om de) {UNIT}", "set", "SET"),
    (r"(?:elke|iedere|ieder|elk) {WEEKDAY}(?:{PART})?", "set", "SET"),
    (r"(?:(?<=\d\s)|(?<=iljoen\s)|(?<=iljard\s))per {UNIT}", "set", "SET"),
    (r"{SETWORD}", "set", "SET"),
    # clock times: "om 15.00 uur", "om 9:30" (a bare "2:41" is mostly a race time)
    (r"(?<=om\s){HOUR}(?:[.:]{MINUTE})? uur", "time", "TIME"),
    (r"{HOUR}[.:]{MINUTE} uur", "time", "TIME"),
    (r"(?<=om\s){HOUR}[.:]{MINUTE}(?![.,]\d)", "time", "TIME"),
    # present, past and future as such
    (r"{REF}", "ref", "DATE"),
]
# fmt: on
