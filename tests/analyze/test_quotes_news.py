"""News quotes with a pronoun cue keep the person the cue reader resolved it to: the
speaker ranker, fitted on the conversations of novels, only decides in texts with dialogue."""

from __future__ import annotations

import pytest

from storyline.analyze.quote_cast import Cast
from storyline.analyze.quotes import blank_line_paragraphs, find_quotes
from storyline.analyze.sentences import split_sentences
from storyline.model import Article, Document, Mention, Quote

NL = """Sessions trekt zich terug

Minister van Justitie Jeff Sessions heeft donderdag gezegd dat hij zich terugtrekt uit elk \
onderzoek naar Russische inmenging. "Ik heb besloten mij terug te trekken," zei Sessions.

Volgens een woordvoerster van de Russische ambassade sprak de ambassadeur met veel \
functionarissen. 'Dat is zijn werk,' zei ze.

Senator Lindsey Graham zei tegen CNN dat een onafhankelijke aanklager misschien nodig is. \
Hij voegde eraan toe: "Als er iets is, moeten we het weten."

Nancy Pelosi eiste zijn ontslag. "Sessions is ongeschikt," zei zij.
"""

EN = """Sessions recuses himself

Attorney General Jeff Sessions said on Thursday that he would recuse himself. "I have now \
decided to recuse myself," Sessions told reporters.

According to a spokeswoman for the Russian embassy, the ambassador met many officials. \
'It is his job,' she said.

Senator Lindsey Graham told CNN that an independent prosecutor might be needed. He added: \
"If there is something there, we need to know."
"""


def analysed(text: str, lang: str) -> list[Quote]:
    """Quotes found on the entity stage's mentions, as the pipeline runs them."""
    from storyline.analyze.entities import EntityStage

    paras = blank_line_paragraphs(text)
    doc = Document(article=Article(id=lang, text=text, lang=lang, paragraphs=paras))
    doc.sentences = split_sentences(text, lang, paras)
    entities = [m for d in EntityStage()([doc]) for m in d.entities]
    return find_quotes(text, lang, doc.sentences, entities, paras)


def speaker_of(quotes: list[Quote], opening: str) -> str | None:
    quote = next(q for q in quotes if q.text.startswith(opening))
    return quote.speaker.text if quote.speaker else None


@pytest.mark.parametrize(
    ("text", "lang", "opening", "speaker"),
    [
        (NL, "nl", "Dat is zijn werk", "een woordvoerster van de Russische ambassade"),
        # the aanklager is only named in what Graham said, never in the narration
        (NL, "nl", "Als er iets is", "Lindsey Graham"),
        # Pelosi is named once: the entity stage's mention makes her one of the cast
        (NL, "nl", "Sessions is ongeschikt", "Nancy Pelosi"),
        (EN, "en", "It is his job", "a spokeswoman for the Russian embassy"),
        (EN, "en", "If there is something", "Lindsey Graham"),
        # the owner of a role set after a name is no one "she" can mean
        (
            "Maria Costa, Acme's finance director, expects a loss this year. "
            '"We are cutting costs," she says.\n',
            "en",
            "We are cutting",
            "Maria Costa",
        ),
        # nor is a photographer's credit
        (
            "Acme chief executive Tony Hart spoke in Washington. Photograph: Pablo Ruiz/AP\n\n"
            "Hart admitted the leak was hard to fight. “The only question is when,” he said.\n",
            "en",
            "The only question",
            "Hart",
        ),
        # a doctor is no man by title: "she" is Dr Margaret Chan, not Alan Johnson
        (
            "Health Secretary Alan Johnson visited a lab. Johnson said: “A step has been "
            "taken.” Later the WHO director general, Dr Margaret Chan, said the world was "
            "“better prepared”. She said: “Most countries now have plans.”\n",
            "en",
            "Most countries",
            "Dr Margaret Chan",
        ),
    ],
)
def test_a_pronoun_cue_in_news_goes_to_the_person_it_refers_to(
    text: str, lang: str, opening: str, speaker: str
) -> None:
    assert speaker_of(analysed(text, lang), opening) == speaker


def test_a_role_keeps_the_organisation_it_speaks_for() -> None:
    # the organisation is half of who spoke; what "volgens" reports starts after it
    found = analysed(NL, "nl")
    reported = next(q for q in found if q.kind == "indirect" and q.cue == "volgens")
    assert reported.text == "sprak de ambassadeur met veel functionarissen"
    text = (
        '"Wij hebben niets te verbergen," zei een woordvoerder van het Russische ministerie '
        "van Buitenlandse Zaken gisteren.\n"
    )
    quote = analysed(text, "nl")[0]
    assert quote.speaker is not None
    assert quote.speaker.text == (
        "een woordvoerder van het Russische ministerie van Buitenlandse Zaken"
    )
    # "de ambassade zei" has no adjective: the phrase ends at its noun
    said = analysed('Een woordvoerster van de ambassade zei: "Geen commentaar."\n', "nl")
    assert said[0].speaker is not None
    assert said[0].speaker.text == "Een woordvoerster van de ambassade"


def test_a_person_named_once_by_the_entity_stage_is_a_cast_member() -> None:
    text = "Nancy Pelosi eiste zijn ontslag. Iedereen luisterde."
    bare = Cast(text, "nl", [], [])
    assert bare.key_of("Nancy Pelosi") is None  # one mention is too few for the name statistics
    cast = Cast(text, "nl", [], [], [(0, 12, "Nancy Pelosi")])
    key = cast.key_of("Nancy Pelosi")
    assert key is not None and cast.key_of("Pelosi") == key
    assert [(s.start, s.key, s.subject) for s in cast.sightings] == [(0, key, True)]


def test_a_role_that_spoke_is_keyed_by_its_noun_not_its_organisation() -> None:
    said = "De woordvoerder van het ministerie"
    text = f"{said} zei niets. Later lachte de woordvoerder."
    cast = Cast(text, "nl", [], [(0, len(said), said, "ROLE")])
    assert cast.key_of(said) == "woordvoerder"
    assert "ministerie" not in cast.members
    assert [s.start for s in cast.sightings if s.key == "woordvoerder"][-1] == text.rindex(
        "woordvoerder"
    )


def test_a_term_in_quotation_marks_in_news_has_no_speaker() -> None:
    text = (
        'Apple Corps claimt dat Apple Computer het "Apple"-merk niet mag gebruiken. Het '
        'nummer "Le Freak" van Chic werd gekocht.\n\nApple Computer noemde de iPod "een van de '
        'zeven wereldwonderen".\n'
    )
    found = analysed(text, "nl")
    assert speaker_of(found, "Apple") is None
    assert speaker_of(found, "Le Freak") is None
    assert speaker_of(found, "een van de zeven") == "Apple Computer"  # the cue names the source


@pytest.mark.parametrize(
    ("text", "lang", "content", "cue", "speaker"),
    [
        (
            "De koning heeft zijn vakantie onderbroken, meldt de Rijksvoorlichtingsdienst.\n",
            "nl",
            "De koning heeft zijn vakantie onderbroken",
            "meldt",
            "Rijksvoorlichtingsdienst",
        ),
        (
            "The talks will resume on Monday, the ministry said.\n",
            "en",
            "The talks will resume on Monday",
            "said",
            "the ministry",
        ),
    ],
)
def test_a_cue_after_the_last_comma_reports_the_clause_before_it(
    text: str, lang: str, content: str, cue: str, speaker: str
) -> None:
    (quote,) = quotes_of(text, lang)
    assert (quote.kind, quote.text, quote.cue) == ("indirect", content, cue)
    assert quote.speaker is not None and quote.speaker.text == speaker


@pytest.mark.parametrize(
    "text",
    [
        "Hij kwam binnen, zei niets en ging aan tafel zitten.\n",
        "Het regende, zei hij, en het was koud in de kamer.\n",
    ],
)
def test_no_trailing_cue_no_indirect_speech(text: str) -> None:
    assert quotes_of(text, "nl") == []


def quotes_of(text: str, lang: str) -> list[Quote]:
    paras = blank_line_paragraphs(text)
    return find_quotes(text, lang, split_sentences(text, lang, paras), [], paras)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('"We are prepared," Fed Chair Jerome Powell told a news conference.\n', "Jerome Powell"),
        ('"It is a new phone," Apple CEO Tim Cook said.\n', "Tim Cook"),
    ],
)
def test_an_organisation_and_its_role_before_a_name_leave_the_name(text: str, speaker: str) -> None:
    (quote,) = quotes_of(text, "en")
    assert quote.speaker is not None and quote.speaker.text == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a noun the role list lacks, then the person's name: the name is the speaker
        ("„We zijn het zat”, vertelt de 34-jarige melkveehouder Jan de Vries.\n", "Jan de Vries"),
        # a capitalised "De" or "Van" inside a sentence opens a surname, not a noun phrase
        ("„Onze kinderen willen ook boer worden”, zegt De Vries.\n", "De Vries"),
        ("„Dit is geen oplossing”, aldus Van der Plas.\n", "Van der Plas"),
        ("„Dit is geen oplossing”, zegt de boer.\n", "de boer"),
    ],
)
def test_dutch_names_after_a_noun_or_with_a_particle(text: str, speaker: str) -> None:
    (quote,) = quotes_of(text, "nl")
    assert quote.speaker is not None and quote.speaker.text == speaker


@pytest.mark.parametrize(
    ("text", "opening", "speaker"),
    [
        # English puts the subject first: the phrase after "told" or "said" is no speaker
        (
            'One engineer, who asked not to be named, told Reuters: "Nobody saw this coming."\n',
            "Nobody saw",
            "One engineer",
        ),
        (
            'Microsoft\'s president, Brad Smith, said the industry was "resetting".\n',
            "resetting",
            "Brad Smith",
        ),
    ],
)
def test_english_speakers_come_before_the_verb(text: str, opening: str, speaker: str) -> None:
    found = analysed(text, "en")
    assert speaker_of(found, opening) == speaker


def test_a_reported_clause_leaves_the_dateline_out() -> None:
    text = (
        "SAN FRANCISCO (Reuters) - Meta will cut 10,000 more jobs, chief executive Mark "
        "Zuckerberg said in a statement on Tuesday.\n"
    )
    (quote,) = quotes_of(text, "en")
    assert quote.text == "Meta will cut 10,000 more jobs"
    assert quote.speaker is not None and quote.speaker.text == "Mark Zuckerberg"


@pytest.mark.parametrize(
    ("text", "speaker", "cue"),
    [
        ("‘We zijn bijzonder tevreden’, klinkt het bij de partij.\n", "de partij", "klinkt het"),
        (
            "‘Het is een zware nederlaag’, geeft Open VLD-voorzitter Tom Ongena toe.\n",
            "Tom Ongena",
            "geeft toe",
        ),
        (
            "Volgens politicoloog Dave Sinardet is de uitslag ‘een aardverschuiving’.\n",
            "Dave Sinardet",
            "volgens",
        ),
    ],
)
def test_flemish_cues(text: str, speaker: str, cue: str) -> None:
    (quote,) = [q for q in quotes_of(text, "nl") if q.kind != "indirect"]
    assert quote.speaker is not None and quote.speaker.text == speaker
    assert quote.cue == cue


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        (
            "The ministry said the talks would resume on Monday.\n",
            "The ministry",
            "the talks would resume on Monday",
        ),
        (
            "Police said two people were arrested on Friday.\n",
            "Police",
            "two people were arrested on Friday",
        ),
        (
            "She says she never saw the letter before the trial.\n",
            "She",
            "she never saw the letter before the trial",
        ),
    ],
)
def test_english_reported_speech_without_that(text: str, speaker: str, content: str) -> None:
    (quote,) = quotes_of(text, "en")
    assert quote.kind == "indirect" and quote.text == content
    assert quote.speaker is not None and quote.speaker.text == speaker


@pytest.mark.parametrize(
    "text", ["He said the word twice and left.\n", "They said goodbye to everyone at the door.\n"]
)
def test_said_with_an_object_reports_nothing(text: str) -> None:
    assert quotes_of(text, "en") == []


def test_a_capitalised_word_after_an_opening_mark_is_no_elision() -> None:
    # "'er" is an elision ("geef 'er"), "‘Er is" opens a quote
    text = "Schoof kwam binnen. ‘Er is geen crisis’, zei Schoof. Hij zag 'er niet.\n"
    (quote,) = [q for q in quotes_of(text, "nl") if q.kind == "direct"]
    assert quote.text == "Er is geen crisis"


def test_a_title_with_a_full_stop_still_names_the_speaker() -> None:
    text = "“We lost everything,” said Mr. Tom Baker, a fisherman.\n"
    (quote,) = quotes_of(text, "en")
    assert quote.speaker is not None and quote.speaker.text == "Tom Baker"


@pytest.mark.parametrize(
    ("text", "speaker", "cue"),
    [
        ("„We gaan door”, zo laat de minister weten.\n", "de minister", "laat weten"),
        ("„Het is voorbij”, verzucht oud-premier Jan Balkenende.\n", "Jan Balkenende", "verzucht"),
        ('"It was a mistake," conceded the mayor.\n', "the mayor", "conceded"),
    ],
)
def test_more_news_cues(text: str, speaker: str, cue: str) -> None:
    lang = "en" if text.startswith('"') else "nl"
    (quote,) = quotes_of(text, lang)
    assert quote.speaker is not None and (quote.speaker.text, quote.cue) == (speaker, cue)


@pytest.mark.parametrize(
    ("text", "lang", "speaker", "cue"),
    [
        (
            'Sessions ligt onder vuur. De minister is duidelijk: "Ik blijf."\n',
            "nl",
            "De minister",
            "is",
        ),
        (
            "President Donald Trump was boos over het onderzoek. "
            'Trump op Twitter: "Een heksenjacht!"\n',
            "nl",
            "Trump",
            ":",
        ),
        ('It was a busy day. The senator was blunt: "He must go."\n', "en", "The senator", "was"),
        (
            "President Donald Trump was angry about the inquiry. "
            'Trump on Twitter: "A witch hunt!"\n',
            "en",
            "Trump",
            ":",
        ),
    ],
)
def test_a_short_clause_before_a_colon_names_the_speaker(
    text: str, lang: str, speaker: str, cue: str
) -> None:
    (quote,) = [q for q in analysed(text, lang) if q.kind == "direct"]
    assert quote.speaker is not None and (quote.speaker.text, quote.cue) == (speaker, cue)


def test_narration_before_a_colon_names_no_speaker() -> None:
    text = 'Sessions ligt onder vuur.\n\nHet antwoord van het Witte Huis was kort: "Nee."\n'
    (quote,) = [q for q in analysed(text, "nl") if q.kind == "direct"]
    assert quote.cue != "was"


def test_a_minister_s_portfolio_is_no_part_of_the_name() -> None:
    # the tagger reads "Buitenlandse Zaken Hanke Bruins Slot" as one organisation
    text = "„Dit is onacceptabel”, aldus minister van Buitenlandse Zaken Hanke Bruins Slot.\n"
    (quote,) = [q for q in analysed(text, "nl") if q.kind == "direct"]
    assert quote.speaker is not None and quote.speaker.text == "Hanke Bruins Slot"
    assert text[quote.speaker.start : quote.speaker.end] == "Hanke Bruins Slot"


def test_a_quote_is_dated_by_its_sentence_not_by_what_it_talks_about() -> None:
    from storyline.model import Article, PartialDate
    from storyline.pipeline import analyze

    text = (
        "Sessions trekt zich terug\n\n"
        "„Ik trek me terug”, zei Sessions woensdag tegen journalisten.\n\n"
        "„Ik sprak hem in september”, zei hij.\n\n"
        "Trump zei dinsdag dat hij vertrouwen heeft in Sessions.\n\n"
        'Poetin verzekerde Trump dat de Russen "zich niet hebben gemengd" in de '
        "verkiezingen van vorig jaar.\n"
    )
    article = Article(id="a", text=text, lang="nl", date=PartialDate(2017, 3, 9))
    (doc,) = list(analyze([article]))
    dates = {q.text[:12]: q.date for q in doc.quotes}
    assert dates["Ik trek me t"] == "2017-03-08"  # the Wednesday before a Thursday paper
    assert dates["Ik sprak hem"] == "2017-03-09"  # September is what it talks about
    assert dates["hij vertrouw"] == "2017-03-07"
    # "vorig jaar" belongs to the reported clause, not to the saying
    assert dates["zich niet he"] == "2017-03-09"


def test_a_quote_after_dat_is_partial_and_present_tense_cues_count() -> None:
    text = (
        'Bart De Wever hield zich op de vlakte. Hij verklaarde enkel dat "alle opties op tafel '
        'liggen".\n\nVolgens politicoloog Carl Devos duurt het lang. "Dat is hier regel", lacht '
        "hij.\n"
    )
    found = [q for q in analysed(text, "nl") if q.kind != "indirect"]
    assert [(q.kind, q.cue) for q in found] == [("partial", "verklaarde"), ("direct", "lacht")]
    assert [q.speaker.text if q.speaker else None for q in found] == ["Bart De Wever", "Carl Devos"]


def test_an_uncued_news_quote_goes_to_a_person_not_to_an_unnamed_one() -> None:
    text = (
        "Onderzoek gevraagd\n\nDemocratisch leider Chuck Schumer is het er niet mee eens. Hij "
        'wil juist een onafhankelijke aanklager. "Het Amerikaanse volk verdient de waarheid."\n'
    )
    (quote,) = [q for q in analysed(text, "nl") if q.kind == "direct"]
    assert quote.speaker is not None and quote.speaker.text == "Chuck Schumer"


def test_a_quote_given_to_someone_else_loses_the_cue_it_copied() -> None:
    text = (
        'Kremlin denies\n\n"It is groundless," Kremlin spokesman Dmitry Peskov told reporters.'
        "\n\nForeign Minister Sergei Lavrov went further. He accused Washington of trying to "
        '"poison" relations. "They want an enemy," Lavrov said.\n'
    )
    poison = next(q for q in analysed(text, "en") if q.text == "poison")
    assert poison.cue != "told"


@pytest.mark.parametrize(
    "line",
    [
        'Lees ook: "Trump ontslaat Comey."',
        'Update: "De minister is opgestapt."',
        'Kortom: "Niemand weet het."',
        'Intussen in Moskou: "Geen commentaar."',
    ],
)
def test_a_word_before_a_colon_is_no_speaker_and_a_place_never_is(line: str) -> None:
    text = f"Nieuws\n\nHet was een drukke dag in Den Haag.\n\n{line}\n"
    (quote,) = [q for q in analysed(text, "nl") if q.kind == "direct"]
    assert quote.speaker is None


def test_a_lower_case_quote_inside_a_sentence_is_partial_even_with_a_cue_after_it() -> None:
    text = "Citing “a precautionary measure”, Airbus announced a delay.\n"
    (quote,) = [q for q in quotes_of(text, "en") if q.kind != "indirect"]
    assert quote.kind == "partial" and quote.speaker is not None
    assert quote.speaker.text == "Airbus"


@pytest.mark.parametrize(
    ("text", "speaker", "cue"),
    [
        (
            "EADS chief executive Louis Gallois commented “This major selection is a win.”\n",
            "Louis Gallois",
            "commented",
        ),
        (
            "Scott Carson, president and CEO of Boeing Commercial Airplanes said, “This has been "
            "a wonderful day.”\n",
            "Scott Carson",
            "said",
        ),
    ],
)
def test_english_cues_with_commented_and_an_apposition_without_its_comma(
    text: str, speaker: str, cue: str
) -> None:
    (quote,) = quotes_of(text, "en")
    assert quote.speaker is not None and (quote.speaker.text, quote.cue) == (speaker, cue)


def test_words_quoted_in_another_sentence_keep_no_speaker_of_the_quote_before() -> None:
    text = (
        "“He is with his family,” Wine said. He noted the yacht is well known. “Bob” finished "
        "fourth in its group.\n"
    )
    bob = next(q for q in analysed(text, "en") if q.text == "Bob")
    assert bob.speaker is None


def test_a_title_the_tagger_took_into_the_name_is_left_out_of_the_speaker() -> None:
    text = "Het kabinet ligt onder vuur.\n\n„We moeten door”, zegt Kamerlid Pieter Omtzigt (CDA).\n"
    (quote,) = analysed(text, "nl")
    assert quote.speaker is not None and quote.speaker.text == "Pieter Omtzigt"


def test_a_title_in_quotation_marks_has_no_speaker() -> None:
    text = (
        "Analysts Gordon Gray and James Evan said the shares looked cheap, in a note titled "
        "“Value in the shares?” President Obama spoke later.\n"
    )
    quotes = [q for q in analysed(text, "en") if q.text.startswith("Value")]
    assert quotes[0].speaker is None and "title" in quotes[0].flags


def test_an_organisation_the_tagger_found_can_be_a_cues_subject() -> None:
    text = "Barclays took a different tack, saying “we estimate a lasting discount”.\n"
    paras = blank_line_paragraphs(text)
    sentences = split_sentences(text, "en", paras)
    tagged = [Mention(0, 8, "Barclays", "ORG")]
    assert speaker_of(find_quotes(text, "en", sentences, tagged, paras), "we") == "Barclays"
    country = [Mention(0, 8, "Barclays", "LOC")]  # "China has urged Mexico to ..."
    assert speaker_of(find_quotes(text, "en", sentences, country, paras), "we") == "Barclays"
    assert speaker_of(find_quotes(text, "en", sentences, [], paras), "we") is None


@pytest.mark.parametrize(
    "text",
    [
        "The first attempt, called the “top kill,” failed on Saturday.\n",
        "Engineers call it the so-called “death grip” of the antenna.\n",
    ],
)
def test_a_name_given_in_quotation_marks_has_no_speaker(text: str) -> None:
    (quote,) = [q for q in analysed(text, "en") if q.kind != "indirect"]
    assert quote.speaker is None and "title" in quote.flags


def test_a_nickname_inside_a_name_is_no_ones_quote_and_leaves_the_name_whole() -> None:
    text = "“It just became food,” said lead study author William “Monty” Graham, a biologist.\n"
    quotes = analysed(text, "en")
    monty = next(q for q in quotes if q.text == "Monty")
    assert monty.speaker is None and "nickname" in monty.flags
    food = next(q for q in quotes if q.text.startswith("It just"))
    assert food.speaker is not None and food.speaker.text == "William “Monty” Graham"


def test_the_subject_of_a_passive_speech_verb_is_not_the_speaker() -> None:
    text = "The mayor, who was criticized for not meeting “real people” last time, stayed.\n"
    (quote,) = [q for q in analysed(text, "en") if q.kind != "indirect"]
    assert quote.speaker is None


def test_dutch_noemde_with_a_pronoun_still_names_the_speaker() -> None:
    text = "Minister Jansen noemde het „een schoolvoorbeeld van slecht beleid”.\n"
    (quote,) = [q for q in analysed(text, "nl") if q.kind != "indirect"]
    assert quote.speaker is not None and quote.speaker.text == "Jansen"


def test_a_progressive_speech_verb_is_active() -> None:
    text = "Mayor Ann Cole is saying: “We will rebuild the pier.”\n"
    (quote,) = [q for q in analysed(text, "en") if q.kind != "indirect"]
    assert quote.speaker is not None and quote.speaker.text == "Ann Cole"
