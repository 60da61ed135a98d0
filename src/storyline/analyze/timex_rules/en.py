"""English time-expression rules: word lists, macros, tense cues and the pattern table."""

from __future__ import annotations

from storyline.analyze.timex_rules.lexicon import words

# The tables below are laid out for reading as word lists, not by the formatter.
# fmt: off

# --- word lists -------------------------------------------------------------------------

MONTHS = {
    "January": 1, "February": 2, "March": 3, "April": 4, "May": 5, "June": 6, "July": 7,
    "August": 8, "September": 9, "October": 10, "November": 11, "December": 12,
}
MONTH_ABBREVIATIONS = {
    "Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "Jun": 6, "Jul": 7, "Aug": 8, "Sep": 9,
    "Sept": 9, "Oct": 10, "Nov": 11, "Dec": 12,
}
WEEKDAYS = {
    "Monday": 1, "Tuesday": 2, "Wednesday": 3, "Thursday": 4, "Friday": 5, "Saturday": 6,
    "Sunday": 7,
}
# Month and weekday names count only when capitalised: "may", "march" are verbs.
CASE_SENSITIVE = frozenset(["MONTH", "MONTH_ANY", "WEEKDAY"])

_UNITS_1_TO_9 = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9,
}
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
NUMBERS: dict[str, float | str] = {
    **_UNITS_1_TO_9, "a": 1, "an": 1, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, **_TENS, "a hundred": 100, "one hundred": 100, "a half": 0.5,
    "half a": 0.5, "a couple of": 2, "a couple": 2,
    # vague amounts: the value gets an X ("several years" -> PXY)
    "several": "X", "a few": "X", "few": "X", "many": "X", "some": "X", "a number of": "X",
    "dozens of": "X", "hundreds of": "X", "numerous": "X",
}
for _ten_word, _ten in _TENS.items():
    for _unit_word, _unit in _UNITS_1_TO_9.items():
        NUMBERS[f"{_ten_word}-{_unit_word}"] = _ten + _unit
        NUMBERS[f"{_ten_word} {_unit_word}"] = _ten + _unit
for _unit_word, _unit in {**_UNITS_1_TO_9, "a": 0}.items():
    NUMBERS[f"{_unit_word} and a half"] = _unit + 0.5

UNITS = {
    "second": "S", "seconds": "S", "minute": "MIN", "minutes": "MIN", "hour": "H",
    "hours": "H", "day": "D", "days": "D", "week": "W", "weeks": "W", "month": "M",
    "months": "M", "quarter": "Q", "quarters": "Q", "year": "Y", "years": "Y",
    "decade": "DE", "decades": "DE", "century": "CE", "centuries": "CE", "weekend": "WE",
    "weekends": "WE",
}
PLURAL_UNITS = words(
    "seconds minutes hours days weeks months quarters years decades centuries weekends"
)
VAGUE_DURATIONS = {
    "decades-long": "DE", "years-long": "Y", "months-long": "M", "weeks-long": "W",
    "days-long": "D", "over the years": "Y", "for years": "Y", "for decades": "DE",
    "for months": "M", "for weeks": "W", "recent years": "Y", "recent months": "M",
    "recent weeks": "W", "recent days": "D", "recent decades": "DE",
}
MODS = {
    "early": "START", "the beginning of": "START", "the start of": "START",
    "the beginning of the": "START", "the start of the": "START", "earlier": None,
    "late": "END", "the end of": "END", "the end of the": "END", "later": None,
    "mid": "MID", "mid-": "MID", "the middle of": "MID", "the middle of the": "MID",
    "around": "APPROX", "about": "APPROX", "circa": "APPROX", "approximately": "APPROX",
}
DURATION_MODS = {
    "more than": "MORE_THAN", "over": "MORE_THAN", "almost": "ALMOST", "nearly": "ALMOST",
    "less than": "LESS_THAN", "under": "LESS_THAN", "about": "APPROX", "around": "APPROX",
    "some": "APPROX", "roughly": "APPROX", "approximately": "APPROX", "at least": "EQUAL_OR_MORE",
    "at most": "EQUAL_OR_LESS", "up to": "EQUAL_OR_LESS",
}
OFFSETS = {
    "last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1, "this": 0, "current": 0,
}
RELATIVE_DAYS = {"today": 0, "yesterday": -1, "tomorrow": 1}
DAY_PARTS = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI",
}
DAY_PART_WORDS = {
    "tonight": (0, "NI"), "this morning": (0, "MO"), "this afternoon": (0, "AF"),
    "this evening": (0, "EV"), "last night": (-1, "NI"), "overnight": (0, "NI"),
}
DECADES = {
    "twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
    "eighties": 8, "nineties": 9,
}
SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "last": -1, "final": 4,
    "twentieth": 20, "twenty-first": 21, "nineteenth": 19, "eighteenth": 18,
}
REFERENCES = {
    "now": "PRESENT_REF", "currently": "PRESENT_REF", "at present": "PRESENT_REF",
    "nowadays": "PRESENT_REF", "at the moment": "PRESENT_REF", "these days": "PRESENT_REF",
    "right now": "PRESENT_REF", "presently": "PRESENT_REF",
    "recently": "PAST_REF", "more recently": "PAST_REF", "in the past": "PAST_REF",
    "formerly": "PAST_REF", "previously": "PAST_REF", "lately": "PAST_REF",
    "soon": "FUTURE_REF", "in the future": "FUTURE_REF", "in the near future": "FUTURE_REF",
    "shortly": "FUTURE_REF",
}
SET_WORDS = {
    "daily": "P1D", "weekly": "P1W", "monthly": "P1M", "yearly": "P1Y", "annually": "P1Y",
    "annual": "P1Y", "quarterly": "P3M", "hourly": "PT1H", "biannual": "P6M",
}
YEAR_CUES = words(
    "in since from to until till by between and or before after around circa about early "
    "late mid mid- of during through year fiscal fy the summer winter spring autumn"
)
YEAR_FOLLOWERS = words("was is will saw and or to through when")

# --- tense cues ------------------------------------------------------------------------

FUTURE_CUES = (
    r"will|'ll|shall|going to|plans? to|planned|scheduled|expected to|expects? to|due to|"
    r"is to|are to|intends? to|upcoming|coming|soon|set to|to be [a-z]+(?:ed|en)"
)
PAST_CUES = (
    r"was|were|had|did|said|told|went|came|made|took|gave|met|began|won|lost|left|saw|"
    r"found|became|brought|bought|sold|held|rose|fell|flew|wrote|spoke|chose|ran|struck|"
    r"[a-z]{3,}ed|"
    r"(?:has|have)\b.*\b(?:been|[a-z]+ed)"
)
PRESENT_CUES = (
    r"is|are|begins?|starts?|opens?|comes?|takes place|meets?|visits?|holds?|ends?|"
    r"closes?|arrives?|leaves?|goes"
)
DETERMINERS = words("the a an this that these those")
NOT_TOMORROW_AFTER: frozenset[str] = frozenset()
UNIT_ADJECTIVES: dict[str, str] = {}
NOT_PAST = words("need indeed speed based united red bed wed hundred")
PAST_PREPOSITIONS = frozenset(["since"])
FUTURE_PREPOSITIONS = frozenset(["until", "by"])
VERB_SECOND_PRESENT = None  # English has no verb-second order to read tense from
NOT_VERBS: frozenset[str] = frozenset()

MACROS: dict[str, object] = {
    "MONTH": MONTHS,
    "MONTH_ANY": {**MONTHS, **{f"{k}.": v for k, v in MONTH_ABBREVIATIONS.items()},
                  **MONTH_ABBREVIATIONS},
    "WEEKDAY": WEEKDAYS,
    "NUM": r"\d{1,3}(?:\.\d)?|" + "|".join(
        w.replace(" ", r"\s+") for w in sorted(NUMBERS, key=len, reverse=True)
    ),
    "UNIT": UNITS,
    "VAGUE": VAGUE_DURATIONS,
    "MOD": MODS,
    "DMOD": DURATION_MODS,
    "OFFSET": OFFSETS,
    "RELDAY": RELATIVE_DAYS,
    "PART": DAY_PARTS,
    "PARTWORD": DAY_PART_WORDS,
    "DECADE": DECADES,
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
# (pattern, handler, TIMEX3 type).  Longer matches win; on equal length the earlier row.

RULES: list[tuple[str, str, str]] = [
    # absolute dates
    (r"{YEAR}-(?P<month>1[0-2]|0[1-9])-(?P<day>3[01]|[12]\d|0[1-9])", "iso", "DATE"),
    (r"{MONTHNUM}/{DAY}/(?:{YEAR}|{YY})", "numeric", "DATE"),
    (r"(?:{WEEKDAY},? )?(?:the )?{DAY}(?:st|nd|rd|th)? (?:of )?{MONTH_ANY}(?:,? {YEAR})?",
     "date", "DATE"),
    (r"(?:{WEEKDAY},? )?{MONTH_ANY} (?:the )?{DAY}(?:st|nd|rd|th)?(?:,? {YEAR})?",
     "date", "DATE"),
    # months, years, decades
    (r"(?:{MOD} ?)?{MONTH}(?:,? (?:of )?{YEAR})?", "month", "DATE"),
    (r"(?:{MOD} ?)?{MONTH} (?:of )?{OFFSET} year", "month", "DATE"),
    (r"(?:{MOD} ?)?(?:the year |fiscal |FY ?)?{YEAR}(?!-\d|/\d|\.\d|,\d)", "year", "DATE"),
    (r"(?:{MOD} ?)?(?:the )?'?{DECADENUM}'?s", "decade", "DATE"),
    (r"(?:{MOD} ?)?(?:the )?{DECADE}", "decade", "DATE"),
    (r"(?:the )?{ORD} century", "century", "DATE"),
    (r"(?:the )?(?P<cent>1\d|2\d)(?:st|nd|rd|th) century", "century", "DATE"),
    # weekdays and days named relative to today
    (r"(?:{OFFSET} )?{WEEKDAY}(?: {PART})?", "weekday", "DATE"),
    (r"{WEEKDAY} (?:of )?{OFFSET} (?P<weekref>week)", "weekday", "DATE"),
    (r"{RELDAY}", "relday", "DATE"),
    (r"{PARTWORD}", "relday", "TIME"),
    (r"{RELDAY} {PART}", "relday", "TIME"),
    # "last week", "next year", "later this year", "the end of last month"
    (r"(?:{MOD} ?)?{OFFSET} {UNIT}", "relunit", "DATE"),
    (r"(?:the )?{ORD} half of (?:{YEAR}|{OFFSET} year|the year)", "half_year", "DATE"),
    (r"{MOD} ?the {UNIT}", "this_unit", "DATE"),
    (r"{OFFSET} {MONTH}", "month_offset", "DATE"),
    # quarters and seasons
    (r"(?:the )?{ORD} quarter(?: (?:of )?(?:{YEAR}|{OFFSET} year))?", "quarter", "DATE"),
    (r"Q(?P<q>[1-4])(?: {YEAR})?", "quarter", "DATE"),
    (r"(?:{MOD} ?)?(?:{OFFSET} |the )?{SEASON}(?: (?:of )?{YEAR})?", "season", "DATE"),
    # "two weeks ago", "three days from now"
    (r"(?:{DMOD} )?{NUM} {UNIT} ago", "ago", "DATE"),
    (r"{NUM} {UNIT} from now", "ahead", "DATE"),
    # sets (before durations: "$5 million a year" is a set, not a duration)
    (r"(?:every|each) {UNIT}", "set", "SET"),
    (r"(?:every|each) {WEEKDAY}(?: {PART})?", "set", "SET"),
    (r"(?:(?<=\d\s)|(?<=illion\s))(?:a|per) {UNIT}", "set", "SET"),
    (r"{SETWORD}", "set", "SET"),
    # durations
    (r"the (?P<span>past|last|next|coming|previous|following|first) (?:{NUM} )?{UNIT}",
     "span", "DURATION"),
    (r"(?:{DMOD} )?{NUM} {UNIT}(?: long)?", "duration", "DURATION"),
    (r"(?:{DMOD} )?{NUM}-{UNIT}(?:-old| history)?", "duration", "DURATION"),
    (r"{VAGUE}", "vague", "DURATION"),
    # clock times
    (r"{HOUR}(?:[:.]{MINUTE})? ?(?P<ampm>[ap]\.?m\.?)(?: (?P<tz>UTC|GMT))?", "time",
     "TIME"),
    (r"(?<![\d.,:]){HOUR}:{MINUTE}(?![\d:])(?: (?P<tz>UTC|GMT))?", "time", "TIME"),
    # present, past and future as such
    (r"{REF}", "ref", "DATE"),
]
# fmt: on
