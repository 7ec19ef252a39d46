"""Word lists for name detection: public, general English knowledge, nothing taken from any test set.

All entries are lower-case; look words up with `.lower()`.
"""


def _words(block: str) -> frozenset[str]:
    return frozenset(block.lower().split())


# Words that are capitalised only because they open a sentence or a headline.
FUNCTION_WORDS = _words("""
a an the this that these those there here it its it's he she we they you i me him her us them his our their
your my mine who whom whose which what when where why how whether if unless while although though because
since as at by for from in into of off on onto out over per than then to toward towards under until up upon
via with within without about above across after against along amid among around before behind below
beneath beside besides between beyond despite down during except inside near outside past through
throughout and but or nor so yet also not no yes all any both each either every few many more most much
neither none other others some such only just even still already again ago once twice be is am are was were
been being do does did done have has had having will would shall should can could may might must
let lets let's please thank thanks oh well now today tonight tomorrow yesterday meanwhile however moreover
furthermore nevertheless nonetheless instead otherwise therefore thus hence indeed perhaps maybe
according asked said says told added noted earlier later last next first second third fourth fifth
one two three four five six seven eight nine ten eleven twelve twenty hundred thousand million billion
other another same own several total overall
""")

WEEKDAYS_MONTHS = _words("""
monday tuesday wednesday thursday friday saturday sunday
january february march april may june july august september october november december
""")

# Abbreviations that are dates only before a number ("Dec 6"); "the Sun" is a newspaper.
DATE_ABBREVIATIONS = _words("""
mon tue tues wed thu thur thurs fri sat sun jan feb mar apr jun jul aug sep sept oct nov dec
""")

# Titles and roles (the head of a role phrase): protected only as part of a name run, never alone,
# and cut out of a run that goes on with the name ("Foreign Minister Andrii Sybiha" -> "Andrii Sybiha").
TITLES = _words("""
mr mrs ms miss dr prof professor sir dame lord lady madam mister messrs
president presidents president-elect minister ministers premier premiers chancellor secretary secretaries
undersecretary under-secretary ambassador envoy emissary consul diplomat commissioner commissar
king queen prince princess emperor empress tsar czar sheikh emir sultan shah duke duchess earl baron baroness
marquis viscount countess pope cardinal bishop
archbishop rev reverend father rabbi imam ayatollah mullah patriarch pastor priest
governor gov mayor senator sen rep representative congressman congresswoman assemblyman councillor councilman
councilwoman alderman lawmaker legislator mp mep speaker deputy chairman chairwoman chairperson chair
director directors ceo cfo coo cto founder co-founder owner publisher editor correspondent underwriter
spokesman spokeswoman spokesperson adviser advisor aide negotiator mediator ombudsman
gen lieutenant lt colonel col major maj captain capt commander admiral sergeant sgt corporal cpl
brigadier marshal officer inspector superintendent detective constable sheriff prosecutor
judge justice magistrate attorney lawyer solicitor auditor treasurer comptroller registrar
coach manager trainer skipper striker midfielder defender goalkeeper keeper winger fullback full-back
scrum-half fly-half flanker batsman bowler all-rounder wicketkeeper jockey champion leader boss chief
executive head economist analyst strategist historian
""")

# Words that qualify a following title inside a role phrase: rank ("Deputy Prime Minister", "Chief
# Executive", "Head Coach") and portfolio ("Energy Minister", "Foreign Secretary", "Defence Minister").
# They are cut only together with a title; alone they are left to the other rules.
ROLE_MODIFIERS = TITLES | _words("""
prime vice acting assistant associate senior junior principal general managing lead high special interim
first permanent joint former ex outgoing incoming elected designate then late co
foreign home interior internal defence defense finance financial economy economic economics energy
trade industry industrial agriculture agricultural farm food education health justice labour labor
employment transport transportation environment environmental culture cultural sport sports tourism
information communications telecommunications privatisation privatization treasury commerce commercial
housing science technology security intelligence war fisheries mining mines oil petroleum power water
social welfare family youth immigration development planning budget construction infrastructure
regional european affairs relations public works cabinet state national presidential government
opposition majority minority campaign fitness team assistant legal medical technical military civil
fiscal monetary provincial municipal parliamentary press media research investment marketing sales
operating chief
""")

# Titles that precede a name and nothing else: after a name they are part of it ("Hun Sen", "Iron Lady").
PRE_NAME_TITLES = _words("""
mr mrs ms miss dr prof sir dame lord lady madam mister messrs sen rep gen gov lt col maj capt sgt cpl rev
""")

# Monarchs, whose names take a numeral ("Queen Elizabeth I").
MONARCH_TITLES = _words("king queen emperor empress tsar czar kaiser pope sultan shah")

# Titles that are also common surnames ("John Major", "Billie Jean King", "Federico Mayor"): such a word
# after a name, or alone in mid-sentence, is the name itself.
SURNAME_TITLES = _words("""
major king queen prince duke earl baron lord bishop cardinal pope judge sheriff dean priest pastor knight
chancellor sergeant marshal mayor porter
""")

DEMONYMS = _words("""
afghan albanian algerian american andorran angolan argentine argentinian armenian australian austrian
azerbaijani bahraini bangladeshi belarusian belgian bolivian bosnian brazilian british bulgarian burmese
burundian cambodian cameroonian canadian chadian chilean chinese colombian congolese croatian cuban
cypriot czech danish dutch ecuadorean ecuadorian egyptian emirati english eritrean estonian ethiopian
european fijian filipino finnish french gabonese gambian georgian german ghanaian greek guatemalan
guinean haitian honduran hungarian icelandic indian indonesian iranian iraqi irish israeli italian
ivorian jamaican japanese jordanian kazakh kenyan korean kosovar kuwaiti kyrgyz lao latvian lebanese
liberian libyan lithuanian luxembourgish macedonian malagasy malawian malaysian maldivian malian maltese
mauritanian mexican moldovan mongolian montenegrin moroccan mozambican namibian nepalese nigerian
nigerien norwegian omani pakistani palestinian panamanian paraguayan peruvian polish portuguese qatari
romanian russian rwandan saudi scottish senegalese serb serbian sierra slovak slovakian slovenian somali
african asian arab arabic latin western eastern northern southern nordic scandinavian baltic balkan
caribbean spanish sri sudanese swedish swiss syrian taiwanese tajik tanzanian thai togolese tunisian
turkish turkmen ugandan ukrainian uruguayan uzbek venezuelan vietnamese welsh yemeni zambian zimbabwean
christian muslim jewish catholic protestant orthodox islamic hindu buddhist sikh shi'ite sunni kurdish
chechen tatar flemish walloon basque catalan corsican
""")

# Common nouns and adverbs that news copy capitalises at line starts, in labels and table headings.
COMMON_CAPITALISED = _words("""
results result standings attendance scorers scorer scores score teams team squad extras bowling batting
fall note notes add correction corrected repeat refiling source sources police government officials
official analysts analyst traders trader dealers dealer economists investors shares share sales prices
price net revenue revenues profit profits loss earnings income incomes turnover volume trade trading
men women boys girls children people residents witnesses soldiers troops rebels protesters voters
division group round final semifinal semifinals quarterfinal quarterfinals series schedule postponed
leading former late current death deaths world national international state federal public
fax telephone tel email e-mail web internet page section table chart graph
shr shrs avg revs chg pct pts min max vs first second third fourth fifth sixth seventh eighth ninth
tenth last practice match stadium govt gdp cpi pmi mln bln
""")

NEVER_ALONE = FUNCTION_WORDS | WEEKDAYS_MONTHS | TITLES | DEMONYMS

# Verbs that follow a sentence-opening name: "Camacho took", "Leeson said".
SUBJECT_VERBS = _words("""
said says told added announced reported insisted denied admitted warned urged called declined confirmed
took won lost beat beats drew scored finished led leads made makes has had is was will would could can
needs need faces face plays played plans planned wants wanted expects expected owns sold bought signed joined left returned arrived met meets visited replied
""")
