"""Word lists for clustering: stop words and a small Dutch-to-English table of news key terms.

The table maps Dutch words onto English pivots so that a Dutch and an English report of the
same happening share terms as well as entities. It covers frequent news vocabulary only; names
are left to entity resolution.
"""

from __future__ import annotations

_STOP_EN = """
a about above after again against all almost also although always am among an and another any
are around as at be became because been before being below between both but by can could did
do does doing done down during each either else even ever every few for from further get gets
got had has have having he her here hers herself him himself his how however i if in into is it
its itself just last least less like made make many may me might more most much must my myself
near need neither never new next no nor not now of off often on once one only or other others
our ours ourselves out over own per perhaps put rather said same say says see seen several she
should since so some such than that the their theirs them themselves then there these they this
those though through thus till to too two under until up upon us use used very via was way we
well were what when where whether which while who whom whose why will with within without would
yet you your yours yourself yourselves mr mrs ms told tell also year years week weeks day days
time times today yesterday tomorrow monday tuesday wednesday thursday friday saturday sunday
according reported report reports news people first three four five percent including
"""

_STOP_NL = """
aan al alle alles als altijd andere ben bij daar daarna daarom dan dat de deze die dit doch doen
door dus een eens en er ge geen geweest haar had heb hebben heeft hem het hier hij hoe hun iemand
iets ik in is ja je jou jouw kan kon kunnen maar me meer men met mij mijn moet na naar niet niets
nog nu of om omdat ons onze ook op over reeds te tegen toch toen tot u uit uw van veel voor want
waren was wat we wel werd wezen wie wil worden wordt zal ze zei zelf zich zij zijn zo zonder zou
zouden zullen volgens aldus echter tijdens sinds gisteren vandaag morgen jaar jaren week weken
dag dagen maandag dinsdag woensdag donderdag vrijdag zaterdag zondag onder tussen nadat waar
waarin waarop wanneer welke werden hadden kwam komt gaat ging staat stond moeten mogen heel
even eerst eerste twee drie vier vijf procent gaan hebt bent keer nieuwe nieuw zegt zeggen
"""

STOPWORDS: frozenset[str] = frozenset((_STOP_EN + _STOP_NL).split())

# Dutch word -> English pivot. One line per pair: "dutch english".
_NL_EN = """
aanslag attack aanslagen attack aanval attack aanvallen attack aanvaller attacker
aardbeving earthquake aardbevingen earthquake aftreden resign afgetreden resigned ambassadeur
ambassador ambassadeurs ambassador amerikaanse american amerikaan american arrestatie arrest
gearresteerd arrested advocaat lawyer beschuldiging accusation beschuldigingen accusation
beschuldigd accused belasting tax bestuur board betoging protest betogers protesters bewijs
evidence binnenlandse domestic bom bomb bommen bomb bondskanselier chancellor
brand fire branden fire brandweer firefighters buitenlandse foreign burgemeester mayor
burgers civilians campagne campaign crisis crisis dader perpetrator daders perpetrators
democraten democrats democratische democratic demonstratie demonstration demonstranten
protesters dode dead doden dead dodelijke deadly doodgeschoten shot drugs drugs economie economy
explosie explosion fbi fbi financiele financial functionarissen officials functionaris official
gearresteerd arrested geheim secret geheimen secrets gesprek conversation gesprekken talks
gevangenis prison gewonden injured gewond injured gijzeling hostage gouverneur governor
griep flu hacken hacking hackers hackers handel trade hoorzitting hearing hoorzittingen hearing
inlichtingen intelligence inlichtingendienst intelligence inlichtingendiensten intelligence
inmenging interference invloed influence justitie justice kabinet cabinet kandidaat candidate
kernwapens nuclear kiezers voters klimaat climate koning king koningin queen kremlin kremlin
leger army lek leak lekken leaks lijk body minister minister ministerie ministry moord murder
moordenaar killer nederlandse dutch olie oil olielek spill olieramp spill onderzoek investigation
onderzoeken investigation onderzoeker investigator ontmoeting meeting ontmoetingen meeting
ontslag resignation ontslagen fired oorlog war overleden died overleed died overstroming flood
overstromingen flood parlement parliament partij party persconferentie press politie police
politici politicians president president presidentschap presidency presidentscampagne campaign
presidentsverkiezingen election premier minister raketten missiles rechter judge rechtbank court
rechtszaak trial regering government republikeinen republicans republikeinse republican
russische russian rusland russia russen russians schandaal scandal schietpartij shooting
senaat senate senator senator sancties sanctions slachtoffer victim slachtoffers victims
soldaten soldiers staatsgeheimen secrets stemmen votes stemming vote storm storm strijd fight
terreur terror terrorist terrorist terroristen terrorists top summit topontmoeting summit
tornado tornado treinongeluk crash ongeluk accident ongeval accident vliegtuig plane
vliegtuigcrash crash verdachte suspect verdachten suspects verdrag treaty verkiezingen election
verkiezing election verklaring statement verenigde united staten states amerikaanse
american verhoor interrogation vermoord murdered vermist missing verkrachting rape vrijgelaten
released vrijspraak acquittal veroordeeld convicted virus virus vaccin vaccine varkensgriep flu
pandemie pandemic ziekenhuis hospital ziekte disease wet law wetsvoorstel bill witte white huis
house zanger singer zangeres singer overlijden death dood death begrafenis funeral
afkickkliniek rehab ontslaat fires benoeming appointment benoemd appointed kandidatuur candidacy
terugtrekken recuse terugtrekt recuses belangenverstrengeling conflict onderzoeksteam
investigators aardolie oil boorplatform rig lek leak golf gulf kust coast vissers fishermen
ramp disaster milieuramp disaster schoonmaak cleanup opruiming cleanup schadevergoeding
compensation aandeelhouders shareholders dividend dividend bedrijf company topman chief
directeur director ontslag resignation staking strike vakbond union rellen riots opstand uprising
rebellen rebels vluchtelingen refugees migranten migrants grens border muur wall gijzelaars
hostages ontvoering kidnapping ontvoerd kidnapped schip ship boot boat haven port luchthaven
airport trein train metro subway snelweg highway brug bridge gebouw building ingestort collapsed
instorting collapse vulkaan volcano uitbarsting eruption tsunami tsunami orkaan hurricane
bosbrand wildfire hittegolf heatwave droogte drought sneeuw snow doelpunt goal wedstrijd match
kampioen champion finale final toernooi tournament coach coach speler player spelers players
acteur actor actrice actress film film prijs award album album concert concert
ouders parents kinderen children fraude fraud belastingdienst tax belastingen taxes
reddingswerkers rescuers puin rubble overlevenden survivors eiland island stad city
inwoners residents gebouwen buildings onderzoekscommissie inquiry parlementaire parliamentary
oppositie opposition oppositiepartijen opposition gepland scheduled regering government
kracht magnitude getroffen struck beving quake gevlucht fled opvang shelter
"""


def _pairs(text: str) -> dict[str, str]:
    words = text.split()
    return {words[i]: words[i + 1] for i in range(0, len(words) - 1, 2)}


NL_EN: dict[str, str] = _pairs(_NL_EN)

# The table is read as pairs: an odd word count would shift every pair after the error.
assert len(_NL_EN.split()) % 2 == 0, "NL_EN table must hold word pairs"
