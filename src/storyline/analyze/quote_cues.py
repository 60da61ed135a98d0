"""Cue lexicons for quotation attribution, kept as data per language."""

from __future__ import annotations

from functools import cache

# Quotation marks and their style (the quote marks stage pairs them; the name reader skips a
# quoted nickname inside a name).
OPENERS = {"“": "double", "„": "double", "«": "double", "‘": "single", "‚": "single", "‹": "single"}
CLOSERS = {"”": "double", "»": "double", "’": "single", "›": "single"}
STRAIGHT = {'"': "double", "'": "single"}


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Finite and participle forms of speech verbs that introduce or close a quotation.
SPEECH_VERBS: dict[str, frozenset[str]] = {
    "nl": _words(
        "zei zeiden zegt zeggen zeg zeide zeiden gezegd zei's sprak spraken spreekt "
        "verklaarde verklaarden verklaart verklaard benadrukte benadrukt benadrukten "
        "reageerde reageert reageerden gereageerd antwoordde antwoordt antwoordden geantwoord "
        "vroeg vraagt vroegen gevraagd stelde stelt stelden gesteld meldde meldt gemeld "
        "vertelde vertelt vertelden verteld erkende erkent erkend bevestigde bevestigt bevestigd "
        "ontkende ontkent ontkend beweerde beweert beweerd waarschuwde waarschuwt gewaarschuwd "
        "herhaalde herhaalt herhaald onderstreepte onderstreept verzekerde verzekert verzekerd "
        "schreef schrijft geschreven twitterde twittert tweette tweet getwitterd "
        "riep roept riepen geroepen schreeuwde schreeuwt gilde gilt fluisterde fluistert "
        "mompelde mompelt murmelde prevelde stamelde bromde bromt zuchtte snauwde "
        "hernam herneemt vervolgde vervolgt ging antwoordde kreet lachte grinnikte "
        "verzuchtte opperde oppert concludeerde concludeert beaamde beaamt "
        "aldus noemde noemt noemden meende meent vond vindt dacht denkt "
        "groette groet lispelde lispelt brulde brult snikte snikt kreunde smeekte smeekt "
        "juichte spotte pruilde fleemde kermde jammerde hijgde stotterde mopperde gromde "
        "begon begint beval gebood bezwoer betoogde verzekerde hervatte vervolgden "
        "antwoordden vroegen "
        "verzucht zucht klaagt klaagde grapt grapte oordeelt oordeelde hoopt hoopte "
        "gelooft geloofde lacht grinnikt glimlacht glimlachte sneert sneerde fluistert "
        "mompelt stamelt snauwt vervolgt "
        "schrijven stellen melden verklaren waarschuwen benadrukken beweren erkennen "
        "ontkennen reageren antwoorden vertellen zeggende prees prijst roemde roemt "
        "bekritiseerde bekritiseert veroordeelde veroordeelt beschuldigde beschuldigt"
    ),
    "en": _words(
        "said says say told tells tell added adds asked asks replied replies stated states "
        "explained explains noted notes argued argues insisted insists claimed claims "
        "wrote writes tweeted tweets warned warns declared declares announced announces "
        "continued continues cried cries whispered whispers shouted shouts answered answers "
        "remarked remarks responded responds confirmed confirms denied denies admitted admits "
        "stressed stresses emphasised emphasized emphasises emphasizes urged urges "
        "muttered murmured exclaimed called calls recalled recalls suggested suggests "
        "acknowledged acknowledges maintained maintains conceded concedes complained "
        "complains joked jokes vowed vows cautioned cautions commented comments "
        "saying adding telling asking explaining noting arguing insisting claiming writing "
        "warning declaring announcing promised promises calling describe describes "
        "described describing praised praises commended commends hailed hails "
        "criticised criticized criticises criticizes condemned condemns accused accuses "
        "blamed blames concluded concludes"
    ),
}

# Perception verbs: the subject of "Hij hoorde:" is who hears the quote, not who says it.
PERCEPTION_VERBS: dict[str, frozenset[str]] = {
    "nl": _words("hoorde hoort hoorden las leest lazen zag ziet zagen"),
    "en": _words("heard hears read reads saw sees"),
}

# Verbs whose separable particle completes the cue ("houdt vol", "voegde toe").
PARTICLE_VERBS: dict[str, dict[str, frozenset[str]]] = {
    "nl": {
        "vol": _words("houdt hield hielden houden volgehouden"),
        "toe": _words("voegde voegt voegden gaf geeft"),
        "op": _words("merkte merkt"),
        "in": _words("viel valt vielen"),
        "bij": _words("voegde voegt voegden"),
        "aan": _words("gaf geeft gaven merkte merkt"),
        "mee": _words("deelde deelt deelden"),
        "weten": _words("liet laat lieten laten"),
        "bekend": _words("maakte maakt maakten"),
        "uit": _words("legde legt"),
        "voort": _words("ging gaat"),
    },
    "en": {
        "out": _words("pointed points"),
        "on": _words("went goes"),
    },
}

# Source phrases that take the speaker as their object: "volgens X", "according to X".
ACCORDING_TO: dict[str, tuple[str, ...]] = {
    "nl": ("volgens", "aldus", "naar eigen zeggen"),
    "en": ("according to",),
}

# Words that introduce reported (indirect) content after a cue verb.
COMPLEMENTIZERS: dict[str, frozenset[str]] = {
    "nl": _words("dat of"),
    "en": _words("that"),
}

# Relative pronouns: in "a cardboard sign that said:" the verb's subject is the noun before.
RELATIVES: dict[str, frozenset[str]] = {
    "nl": _words("die dat"),
    "en": _words("that which who"),
}

# Subject pronouns and what they can refer to: m(ale), f(emale), pl(ural), 1 (the writer).
PRONOUNS: dict[str, dict[str, str]] = {
    "nl": {
        "hij": "m",
        "ie": "m",
        "-ie": "m",
        "zij": "f pl",
        "ze": "f pl",
        "ik": "1",
        "wij": "1",
        "we": "1",
        "u": "2",
        "gij": "2",
        "jij": "2",
        "je": "2",
    },
    "en": {"he": "m", "she": "f", "they": "pl", "i": "1", "we": "1", "you": "2"},
}

# Object pronouns after "volgens" / "according to" ("volgens hem").
OBJECT_PRONOUNS: dict[str, dict[str, str]] = {
    "nl": {"hem": "m", "haar": "f", "hen": "pl", "hun": "pl", "mij": "1", "ons": "1"},
    "en": {"him": "m", "her": "f", "them": "pl", "me": "1", "us": "1"},
}

# Prepositions: a name right after one is an object, not who a later pronoun means.
PREPOSITIONS: dict[str, frozenset[str]] = {
    "nl": _words(
        "in met van aan over naar voor door bij tegen op uit om tot zonder tussen onder "
        "tegenover via namens wegens binnen buiten rond sinds na"
    ),
    "en": _words("in with to of at by for from on about against without between under"),
}

POSSESSIVES: dict[str, dict[str, str]] = {
    "nl": {"zijn": "m", "z'n": "m", "haar": "f", "hun": "pl"},
    "en": {"his": "m", "her": "f", "their": "pl"},
}

DETERMINERS: dict[str, frozenset[str]] = {
    "nl": _words("de het een die dat deze dit beide enkele twee drie 't"),
    "en": _words("the a an one this that these those both two three"),
}

# Nouns that name a speaker by function; the quote keeps the role when no name follows.
ROLE_NOUNS: dict[str, frozenset[str]] = {
    "nl": _words(
        "woordvoerder woordvoerster woordvoerders ambassadeur ambassadrice minister premier "
        "president presidente burgemeester directeur directrice voorzitter voorzitster "
        "veiligheidsadviseur adviseur adviseurs advocaat advocaten aanklager officier "
        "senator senatoren leider leiders topman topvrouw ceo chef baas bondskanaal "
        "kanselier koning koningin prins prinses paus generaal commandant agent agenten "
        "politie rechter minister-president staatssecretaris secretaris gouverneur "
        "bronnen bron ingewijden overheidsbronnen functionarissen functionaris diplomaat "
        "diplomaten deskundige deskundigen expert experts onderzoeker onderzoekers "
        "republikein democraat partij partijen krant zegsman zegsvrouw consul gentleman "
        "man vrouw meisje jongen heer dame moeder vader tante oom dokter bediende knecht "
        "meester vriend vriendin kapitein inspecteur "
        "wetenschapper wetenschappers econoom economen hoogleraar critici bewoners getuigen "
        "activisten demonstranten actievoerders analist analisten auditors "
        "rapport verklaring klacht aanklacht dagvaarding vonnis studie peiling kamerlid kamerleden "
        "commissaris eurocommissaris kanselier gedeputeerde wethouder schepen ombudsman "
        "manager coördinator penningmeester commissievoorzitter toezichthouder commentator "
        "columnist correspondent redacteur verslaggever journalist strateeg consultant "
        "auteur auteurs"
    ),
    "en": _words(
        "spokesman spokeswoman spokesperson spokespeople ambassador minister president "
        "prime mayor director chairman chairwoman chair adviser advisor lawyer attorney "
        "prosecutor senator senators leader leaders chief executive ceo official officials "
        "sources source diplomat diplomats expert experts analyst analysts secretary "
        "governor general commander police judge king queen prince princess pope "
        "republican democrat party newspaper aide aides man woman girl boy doctor captain "
        "auditors investigator investigators researcher researchers scientist scientists "
        "economist economists lawmaker lawmakers critic critics resident residents witness "
        "witnesses activist activists protester protesters engineer engineers professor "
        "report statement complaint affidavit lawsuit indictment ruling study survey "
        "commissioner commissioners administrator chancellor congressman congresswoman "
        "representative deputy officer coordinator manager commandant admiral treasurer "
        "superintendent regulator regulators epidemiologist virologist commentator "
        "commentators columnist correspondent editor reporter journalist strategist "
        "consultant campaigner campaigners author authors"
    ),
}

# Nouns that tell a role's gender (for pronoun resolution).
FEMALE_NOUNS = _words(
    "dame juffrouw mevrouw meisje moeder tante zuster dochter vriendin koningin prinses hospita "
    "freule nicht moe girl lady mother aunt sister daughter queen"
)
MALE_NOUNS = _words(
    "heer mijnheer meneer man jongen vader oom broer zoon knecht koning prins "
    "gentleman sir boy father uncle brother son king"
)

# Sentence openers skipped when looking for who a narrative sentence is about.
CONJUNCTIONS: dict[str, frozenset[str]] = {
    "nl": _words("en maar toen dan"),
    "en": _words("and but then"),
}
# Adverbs that push the subject behind the verb ("Toen zag 't dichtertje ...").
CLAUSE_OPENERS: dict[str, frozenset[str]] = {
    "nl": _words("toen dan nu daar hier zo zoo daarna later eerst"),
    "en": _words("then now there here later first"),
}

# Words before a title or role that keep it one ("former Coast Guard chief Adm Allen",
# "BP's incoming chief executive Bob Dudley", "de voormalige minister").
TITLE_MODIFIERS: dict[str, frozenset[str]] = {
    "nl": _words(
        "voormalig voormalige oud gewezen waarnemend waarnemende kersverse toenmalige "
        "gepensioneerde scheidend scheidende interim nieuwe"
    ),
    "en": _words("former retired acting incoming outgoing interim new"),
}

# Words after which quotation marks hold a title, which nobody says: "a research note titled
# “Value in the shares?”", "een boek getiteld „De Uren”".
NAMING_WORDS: dict[str, frozenset[str]] = {
    "nl": _words("getiteld titel ondertitel genaamd zogenaamde zogeheten zogenoemde"),
    "en": _words("titled entitled dubbed headlined headline so-called"),
}
# Verbs that name a thing when an article stands between them and the quote: "the most
# ambitious attempt, called the “top kill,”" (not "Mexico called the action “unjustified”");
# Dutch "noemde het „...”" has a pronoun where English has the article.
NAMING_VERBS: dict[str, frozenset[str]] = {
    "nl": frozenset(),
    "en": _words("called named"),
}

# Words that open a subordinate clause before its subject: "omdat Dora eens had gezegd".
SUBORDINATORS: dict[str, frozenset[str]] = {
    "nl": _words("omdat terwijl nadat totdat tot als want"),
    "en": _words("because while when after until as"),
}

# Second-person words and forms of address: a quote holding one expects a reply.
SECOND_PERSON: dict[str, frozenset[str]] = {
    "nl": _words("u gij ge je jij jullie jelui uw jouw"),
    "en": _words("you your"),
}
ADDRESS_WORDS: dict[str, frozenset[str]] = {
    "nl": _words("mijnheer meneer mevrouw heeren heren juffrouw dokter tante oom mama papa"),
    "en": _words("sir madam miss doctor mum dad"),
}

# Words that open an answer: an uncued quote starting so is spoken by the other party.
REPLY_WORDS: dict[str, frozenset[str]] = {
    "nl": _words(
        "ja jawel neen nee nou welnu wel maar o och ach ah hm inderdaad integendeel zeker "
        "natuurlijk goed best dank bedankt hoe waarom wat wie waar wanneer"
    ),
    "en": _words("yes yeah no nope well but oh ah indeed sure certainly thanks how why what who"),
}

# Last words of a minister's portfolio: "minister van Buitenlandse Zaken Hanke Bruins Slot"
PORTFOLIOS: dict[str, frozenset[str]] = {
    "nl": _words(
        "zaken justitie veiligheid financiën financien defensie onderwijs cultuur wetenschap "
        "volksgezondheid welzijn sport landbouw natuur voedselkwaliteit visserij "
        "infrastructuur waterstaat milieu leefmilieu klimaat energie asiel migratie "
        "volkshuisvesting ruimtelijke ordening werkgelegenheid arbeid begroting verkeer "
        "mobiliteit economie handel ontwikkelingssamenwerking integratie pensioenen toerisme "
        "informatie koninkrijksrelaties digitalisering"
    ),
}

# Forms of the passive auxiliary: "The president, who was criticized for ..." names the
# one criticised, not the critic.
PASSIVE_AUXILIARIES: dict[str, frozenset[str]] = {
    "nl": _words("werd werden wordt worden"),
    "en": _words("is are was were be been being"),
}

# Finite verb forms that tell a clause after "said" ("said the talks would resume").
AUXILIARIES: dict[str, frozenset[str]] = {
    "nl": _words("heeft hebben had hadden zal zullen zou zouden wil wilde is was"),
    "en": _words(
        "is are was were be been will would can could should shall may might must has have had "
        "do does did"
    ),
}
# Titles that announce a following name ("de heer Fogg", "Mr Lavrov").
TITLES: dict[str, frozenset[str]] = {
    "nl": _words("heer mijnheer meneer mevrouw mevr mw dhr juffrouw miss mr mrs dr prof"),
    "en": _words("mr mrs ms miss dr prof sir lady lord sen rep gov gen adm col lt sgt"),
}

# Capitalised words that start sentences but never start a name.
FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "nl": _words(
        "de het een die dat deze dit hij zij ze ik wij we u je jij gij men maar en of ook "
        "zo als in op bij na naar voor naast met van uit over om tot tijdens volgens "
        "toen dan daar hier er wel niet nog al eerder later zelf twee drie wat wie waar "
        "hoe waarom want omdat dus toch nu ja nee o och ach wel neen eens juist welnu "
        "mijn zijn haar hun ons onze uw uw kom zie zeg goed ga geef laat wacht "
        "hoofdstuk eerste tweede derde dit dat elke ieder iedereen niemand niets alles "
        "inmenging senaat senator president minister indien terwijl nadat voordat zodra zoodra "
        "hoewel ofschoon wanneer waarop daarna dus zooals zoals totdat sedert sinds volgende"
    ),
    "en": _words(
        "the a an this that these those he she it they i we you but and or also so as in "
        "on at after before for with from of to during according then there here not "
        "still yet when while what who where how why because yes no oh well my his her "
        "their our your chapter every each nobody nothing everything following"
    ),
}

# Words after an apostrophe that make it an elision, not an opening quote: 's avonds, 't, 'k.
ELISIONS: dict[str, frozenset[str]] = {
    "nl": _words("s t k n m r ns er em ie tis"),
    "en": _words("s t em til tis n cause bout round twas"),
}

# Adverbs that may sit between a cue verb and its subject ("reageerde kort", "zei verder").
CUE_ADVERBS: dict[str, frozenset[str]] = {
    "nl": _words(
        "kort verder eerder later ook nog al toen daarop dan droog zacht luid snel "
        "woensdag donderdag vrijdag zaterdag zondag maandag dinsdag gisteren vandaag "
        "er echter bovendien tenslotte ten slotte nu wel zelf"
    ),
    "en": _words(
        "briefly later earlier also then again quietly loudly simply on monday tuesday "
        "wednesday thursday friday saturday sunday yesterday today however"
    ),
}


@cache
def closed_words(lang: str) -> frozenset[str]:
    """Function words and prepositions of ``lang``: words that neither open nor end a name
    or a noun phrase."""
    return lexicon(FUNCTION_WORDS, lang) | lexicon(PREPOSITIONS, lang)


def lexicon(table: dict[str, frozenset[str]], lang: str) -> frozenset[str]:
    """The lexicon for ``lang``, falling back to Dutch plus English for other languages."""
    if lang in table:
        return table[lang]
    return table.get("nl", frozenset()) | table.get("en", frozenset())
