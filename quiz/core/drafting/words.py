"""The word lists the drafting rules read: data only, so the rules stay short."""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Lower-case words that may sit inside a name ("Ministry of Defense", "Jean de la Fontaine").
CONNECTORS = _words("al and bin de der for la of on the van von")
# Lower-case words inside a person's name ("Guillermo de Anda", "Ludwig van Beethoven").
NAME_PARTICLES = _words("al bin da das de del della der di dos du ibn la le van von")
# Words that make a name an organisation ("Defense Ministry", "Northern Football League").
ORG_WORDS = _words(
    "house hall hospital school museum airport airline airlines network laboratory "
    "observatory kremlin "
    "agencies agency army association authorities authority bank board bureau center centre "
    "club command commission committee company congress corp corporation council court "
    "department embassy federation force forces foundation government group inc institute "
    "league ltd ministries ministry navy news office officials organisation organization "
    "parliament party police post press report researchers scientists senate service services "
    "spokesman spokesperson spokeswoman statement team times union university "
    # Words of company and charity names ("Western Power Distribution", "Canal & River Trust").
    "airways alliance capital charity coalition distribution electric energy fund holdings "
    "industries labs media motors partners pharmaceuticals power railways society systems "
    "technologies trust utilities water"
)
# Roles that may end a speaker that has no capitalised name of its own ("Tajik officials").
ROLE_NOUNS = _words(
    "analysts authorities campaigners critics diplomats doctors economists experts families "
    "fans investigators lawyers locals medics neighbors neighbours nurses officers officials "
    "organisers organizers parents police prosecutors protesters relatives researchers "
    "residents scientists sources spokesman spokesperson spokeswoman students teachers "
    "villagers voters witnesses workers"
)
# One-word organisations a reader knows without being told ("Reuters said", "Apple said").
KNOWN_ORGANISATIONS = _words(
    "afp amazon apple bbc bloomberg cnn facebook google hamas hezbollah interfax meta "
    "microsoft nasa nato opec reuters samsung tesla unicef xinhua"
)
# Capitals that speak for their governments ("Moscow said", "Washington warned"): a place
# named as a speaker is an organisation, not a person with that family name.
CAPITALS = _words(
    "abuja ankara baghdad beijing berlin brussels cairo canberra caracas damascus delhi "
    "doha dushanbe havana islamabad jerusalem kabul kyiv kiev london madrid manila minsk "
    "moscow nairobi ottawa paris pyongyang riyadh rome seoul taipei tehran tokyo warsaw "
    "washington"
)
# Words that, just before a one-word name, say it is an organisation ("the operator
# Nordvind", "state news agency, Khovar,").
ORG_CUES = _words(
    "agency airline bank brand broadcaster carrier chain channel club company firm giant "
    "group insurer lender maker manufacturer miner network newspaper operator outlet producer "
    "publisher regulator retailer startup supermarket watchdog website"
)
# Before a name in front of "said", these make it a place, not the speaker ("Officials in
# Dushanbe said"); not "from", which also names a source ("funded by a grant from the Swiss
# National Science Foundation").
PLACE_PREPOSITIONS = _words("across around in inside near outside throughout")
# Not "justice" nor "prosecutor": "Justice Department", "Prosecutor General's Office".
EXTRA_TITLES = _words(
    "admiral administrator ambassador attorney author capt captain ceo chair chairman "
    "chairwoman chief cmdr coach commander commissioner constable defender detective "
    "director forward goalkeeper gov governor inspector judge king lieutenant lt manager "
    "mayor midfielder officer pope prince princess queen rep researcher rev scientist "
    "secretary sen senator sergeant sgt speaker spokesman spokesperson spokeswoman striker "
    "superintendent"
)
# Capitalised only because they open a sentence: never the start of a speaker's name.
OPENERS = _words(
    "after afterwards also and at before but earlier finally furthermore however in instead "
    "it later meanwhile moreover now on separately so still that then this today when "
    "yesterday "
    # Who no name names: "One, who did not want to be named, said".
    "another both each few many most none one others several some"
)
ADVERBS = _words(
    "again already also further had has have last later often once previously publicly "
    "recently repeatedly reportedly since then will would"
)
# Words pint reads as units that in running text are almost always something else.
NOT_UNITS = _words(
    "a am an are as at bar barn barns bars bit bits byte bytes count counts cup cups dr drop "
    "drops gal gr ha hand hands in is it league leagues line lines on or per pm point points "
    "pole poles rod rods sec shot shots stone stones ton tons"
)
# Words that join a unit to the next word of the sentence, never to another unit ("100m in").
GLUE = _words("a an and as at by for in is it of on or the to")
# Words after a number that are not what is counted.
NOT_NOUNS = _words(
    "a about after against an and as at be before between by during for from in into is less "
    "more of old on or over per percent since than that the this through time times to under "
    "was were which with year years "
    # Fractions: "three quarters of the homes" is 75 %, not three of anything.
    "fifths halves quarters sixths tenths thirds"
)
DULL = _words(
    "about according after again against because before being between could during other "
    "quoted reported saying should since still their there these those through under until "
    "where which while within without would"
)
# Capitalised words before ", 12," that are no one's name: "In March, 12, 14 and 15 were".
CALENDAR_WORDS = _words(
    "January February March April May June July August September October November December "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday"
)
# Nationalities, which name a person only by where they are from ("the German told
# reporters"): no one to answer "who said this?" with.
DEMONYMS = _words(
    "american argentine argentinian australian austrian belgian brazilian brit briton "
    "british canadian chilean chinese colombian croat croatian czech dane danish dutch "
    "dutchman egyptian englishman ethiopian finn french frenchman georgian german greek "
    "indian iranian iraqi irish irishman israeli italian japanese kazakh kenyan korean "
    "mexican moroccan nigerian norwegian pakistani pole polish portuguese russian saudi "
    "scot scotsman serb serbian slovak spaniard spanish swede swedish swiss syrian "
    "tajik turk turkish ukrainian uzbek welsh welshman"
)
