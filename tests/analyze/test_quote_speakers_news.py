"""Who a news quote's cue names: appositions, organisations, titles, initials, roles and
documents as Dutch and English news write them (found by reading the stage's output on
MEANTIME and Timeline17 articles; the sentences here are written for the tests)."""

from __future__ import annotations

import pytest

from storyline.analyze.quote_marks import blank_line_paragraphs
from storyline.analyze.quotes import find_quotes
from storyline.analyze.sentences import split_sentences

SPEAKERS = [
    # a name before an apposition that holds a role
    (
        "Ron Sugar, CEO van Northrop Grumman, zei tijdens een interview dat “Iedereen zei dat "
        "we gek waren.”\n",
        "nl",
        "Ron Sugar",
    ),
    (
        "Louis Gallois, president en CEO van het bedrijf, verklaarde het volgende: “Vandaag is "
        "een mooie dag.”\n",
        "nl",
        "Louis Gallois",
    ),
    ('Ron Sugar, the chief executive of Northrop Grumman, said: "We won."\n', "en", "Ron Sugar"),
    (
        "Anthony H. Cordesman, a national security and energy expert at the Center for "
        "Strategic and International Studies, said the spill is “a rare case” indeed.\n",
        "en",
        "Anthony H. Cordesman",
    ),
    (
        "Earlier, the environment secretary, Hilary Benn, had said that it appears to be "
        "“relatively mild” and safe.\n",
        "en",
        "Hilary Benn",
    ),
    # after the quote: past a place, an apposition or an organisation
    (
        "“That is surprising,” Governor Haley Barbour of Mississippi told CBS.\n",
        "en",
        "Haley Barbour",
    ),
    (
        "“What I saw was devastating,” Martha Falk, the tribal council treasurer of the village, "
        "said.\n",
        "en",
        "Martha Falk",
    ),
    (
        "“The fact is clear,” Dr. Daniel Jernigan of the U.S. Centers for Disease Control and "
        "Prevention said.\n",
        "en",
        "Daniel Jernigan",
    ),
    ("“There was an expectation,” a spokesman, Philip Crowley, said.\n", "en", "Philip Crowley"),
    # an organisation before a role, a chain of roles, English modifiers
    ('The White House spokesman said: "We won."\n', "en", "The White House spokesman"),
    ('"We won," the White House spokesman said.\n', "en", "the White House spokesman"),
    (
        '"It is groundless," Kremlin spokesman Dmitry Peskov told reporters.\n',
        "en",
        "Dmitry Peskov",
    ),
    (
        "“The operation is proceeding,” BP chief executive Tony Hayward said Wednesday.\n",
        "en",
        "Tony Hayward",
    ),
    (
        "A Metropolitan police spokesman said two protesters were arrested. He said: “Police "
        "were called at 5am.”\n",
        "en",
        "A Metropolitan police spokesman",
    ),
    (
        '"We will respond," a senior administration official said.\n',
        "en",
        "a senior administration official",
    ),
    ('"We will respond," the former president said.\n', "en", "the former president"),
    # Dutch names with particles, and an organisation after the name
    ("„We gaan door”, zegt Jan van der Plas.\n", "nl", "Jan van der Plas"),
    ("„We gaan door”, zei Frans van Houten van Philips.\n", "nl", "Frans van Houten"),
    (
        "„Het kabinet faalt”, vindt oppositieleider Jesse Klaver van GroenLinks.\n",
        "nl",
        "Jesse Klaver",
    ),
    (
        "„De cijfers zijn duidelijk”, stelt hoogleraar Jan Janssen van de Universiteit Utrecht.\n",
        "nl",
        "Jan Janssen",
    ),
    (
        "„Er komt geen onderzoek”, aldus een woordvoerder van het ministerie tegenover de NOS.\n",
        "nl",
        "een woordvoerder van het ministerie",
    ),
    ("„Er is voldoende bewijs”, stelt het OM.\n", "nl", "OM"),
    (
        "„Ik ga niet weg”, verklaarde de burgemeester van Rotterdam, Ahmed Aboutaleb, gisteren.\n",
        "nl",
        "Ahmed Aboutaleb",
    ),
    # initials and abbreviated titles
    ("“We are here,” said State Department spokesman P.J. Crowley.\n", "en", "P.J. Crowley"),
    ("“We are behind,” said Sen. Benjamin L. Cardin, who visited.\n", "en", "Benjamin L. Cardin"),
    # any noun before the verb after an English quote
    ("“We lost everything,” one fisherman said.\n", "en", "one fisherman"),
    ("“We lost everything,” the company said in a statement.\n", "en", "the company"),
    # plural sources, documents, an age
    ("“The full extent is unknown,” auditors wrote.\n", "en", "auditors"),
    ("„Het is onduidelijk”, schrijven de onderzoekers.\n", "nl", "de onderzoekers"),
    ("“He was under the care of Dr Murray,” the complaint continues.\n", "en", "the complaint"),
    ("„Het is onduidelijk”, stelt het rapport.\n", "nl", "het rapport"),
    ("“I was never for it,” the 46-year-old said.\n", "en", "the 46-year-old"),
    ("„Dit is zwaar”, zegt de 34-jarige.\n", "nl", "de 34-jarige"),
    # the place a verb is done at is no speaker; the subject of the first clause is
    (
        "Minister Sessions las de brief en schreef op Twitter: “Ik trek me terug.”\n",
        "nl",
        "Sessions",
    ),
    (
        'Tony Hayward arrived late and told the committee: "I am deeply sorry."\n',
        "en",
        "Tony Hayward",
    ),
    # a speech verb late in the reported clause leaves the subject to the sentence's name
    (
        "Anna Berg, the agency's spokeswoman for food and farm safety, said if a recall was "
        "announced it would be “a precaution” only.\n",
        "en",
        "Anna Berg",
    ),
    # a title modifier, an organisation's genitive and a capitalised role inside a name
    (
        '"The plant is safe," Acme\'s incoming chief executive Jane Porter said on Monday.\n',
        "en",
        "Jane Porter",
    ),
    (
        '"The dam will hold," former Army chief Gen Mark Reed told reporters.\n',
        "en",
        "Gen Mark Reed",
    ),
    (
        "Retired Navy Admiral Tom Kell, the state's flood commander, said the levees were "
        "“holding for now”.\n",
        "en",
        "Tom Kell",
    ),
    ('UN Refugee Commissioner Anna Lind told reporters: "We need tents."\n', "en", "Anna Lind"),
    (
        "“We gaan door,” zei de voormalige minister Piet de Boer van Financiën.\n",
        "nl",
        "Piet de Boer",
    ),
    # a participle cue after an apposed name; an apposition that opens with an organisation
    (
        'Tom Reed, Acme\'s chief operating officer, ended the call adding: "We are hopeful."\n',
        "en",
        "Tom Reed",
    ),
    (
        '"We are ready," Maria Lopez, WHO director of Alert Services, told a briefing.\n',
        "en",
        "Maria Lopez",
    ),
    # quoted words inside a sentence that a cue ends
    (
        "About 30 Marines who had been “active socially” with him stay home, the statement said.\n",
        "en",
        "the statement",
    ),
    (
        "De zaak is volgens hen “volstrekt helder”, schrijven de onderzoekers.\n",
        "nl",
        "de onderzoekers",
    ),
    # a name and its apposition before a colon; an organisation after an article is no one
    ("Piet Smit, woordvoerder van de gemeente: “Wij grijpen nu in.”\n", "nl", "Piet Smit"),
    (
        "Generaal Anna de Wit, de Chief of Staff van de NAVO, verklaarde: “De oefening gaat "
        "door.”\n",
        "nl",
        "Anna de Wit",
    ),
    # an abbreviated title after a place, a party in brackets, a modified role with an owner
    ('"We will rebuild," said Ohio Gov. Anne Marsh ( R ) on Monday.\n', "en", "Anne Marsh"),
    (
        "The storm left the town “in pieces,” Tulsa Mayor Ken Ford ( D ) told the council.\n",
        "en",
        "Ken Ford",
    ),
    (
        '"Cases are falling," the Lima City health director, Rosa Vega, said.\n',
        "en",
        "Rosa Vega",
    ),
    (
        "Patients go to the “fever clinics” set up for the flu, the health minister, Ken Sato, "
        "said.\n",
        "en",
        "Ken Sato",
    ),
    ('Acme Corp refused to pay, calling the plan a "waste of money."\n', "en", "Acme Corp"),
    # an organisation whose name holds "and"; roles joined by "and"
    (
        "“We are drafting it,” House Science and Technology Chairman Bart Gordon told reporters.\n",
        "en",
        "Bart Gordon",
    ),
    (
        "“The risk was known,” Acme Oil Chairman and Chief Executive Tom Reed said on Monday.\n",
        "en",
        "Tom Reed",
    ),
    # the noun before a relative pronoun; a verb of praise or blame
    (
        "Outside, a woman held up a banner that said: “Save our coast.”\n",
        "en",
        "a banner",
    ),
    (
        "President Lee praised the crews on Sunday for a “remarkable effort,” and left.\n",
        "en",
        "Lee",
    ),
]


@pytest.mark.parametrize(("text", "lang", "speaker"), SPEAKERS)
def test_the_cue_names_the_speaker(text: str, lang: str, speaker: str) -> None:
    paras = blank_line_paragraphs(text)
    found = find_quotes(text, lang, split_sentences(text, lang, paras), [], paras)
    (quote,) = [q for q in found if q.kind != "indirect"]
    assert quote.speaker is not None and quote.speaker.text == speaker
