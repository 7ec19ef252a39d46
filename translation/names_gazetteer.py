"""Public, general gazetteers: places, given names, organisation words. Lower-case entries.

Nothing here comes from an evaluation set; these are world atlases' and baby-name books' staples.
"""

from translation.names_lexicon import _words

COUNTRIES = _words("""
afghanistan albania algeria andorra angola argentina armenia australia austria azerbaijan bahamas bahrain
bangladesh barbados belarus belgium belize benin bhutan bolivia bosnia botswana brazil brunei bulgaria
burkina burundi cambodia cameroon canada chad chile china colombia comoros congo croatia cuba cyprus
czechia denmark djibouti dominica ecuador egypt eritrea estonia eswatini ethiopia fiji finland france
gabon gambia georgia germany ghana greece grenada guatemala guinea guyana haiti honduras hungary iceland
india indonesia iran iraq ireland israel italy jamaica japan jordan kazakhstan kenya kiribati kosovo
kuwait kyrgyzstan laos latvia lebanon lesotho liberia libya liechtenstein lithuania luxembourg
macedonia madagascar malawi malaysia maldives mali malta mauritania mauritius mexico moldova monaco
mongolia montenegro morocco mozambique myanmar burma namibia nauru nepal netherlands holland nicaragua
niger nigeria norway oman pakistan palau palestine panama paraguay peru philippines poland portugal
qatar romania russia rwanda samoa senegal serbia seychelles singapore slovakia slovenia somalia spain
sudan suriname sweden switzerland syria taiwan tajikistan tanzania thailand togo tonga trinidad tunisia
turkey turkmenistan tuvalu uganda ukraine uruguay uzbekistan vanuatu vatican venezuela vietnam yemen
zambia zimbabwe zaire yugoslavia britain england scotland wales ulster europe asia africa america
americas antarctica oceania us usa uk u.s. u.k. eu un
""")

CITIES = _words("""
london paris berlin moscow kyiv kiev washington beijing tokyo delhi mumbai bombay cairo rome madrid
lisbon vienna prague warsaw budapest bucharest sofia athens ankara istanbul tehran baghdad damascus
beirut amman jerusalem riyadh dubai doha kabul islamabad karachi lahore dhaka colombo bangkok hanoi
manila jakarta singapore sydney melbourne auckland wellington toronto montreal ottawa vancouver chicago
boston miami houston dallas atlanta seattle denver detroit philadelphia brussels amsterdam rotterdam
geneva zurich bern stockholm oslo copenhagen helsinki dublin edinburgh glasgow manchester liverpool
birmingham leeds belgrade zagreb sarajevo ljubljana bratislava vilnius riga tallinn minsk tbilisi
yerevan baku tashkent almaty nairobi lagos johannesburg pretoria cape harare kinshasa algiers tunis
rabat casablanca khartoum addis havana caracas bogota lima santiago quito asuncion montevideo brasilia
rio sao mexico seoul pyongyang taipei hong kong shanghai osaka lviv kharkiv odesa odessa dnipro donetsk
luhansk crimea donbas frankfurt munich hamburg milan naples barcelona seville lyon marseille
new york los angeles san francisco san diego las vegas st louis st. louis kansas city new orleans
cleveland baltimore pittsburgh cincinnati milwaukee minneapolis phoenix oakland anaheim tampa orlando
charlotte nashville memphis indianapolis columbus portland sacramento salt lake city hong kong
buenos aires tel aviv sao paulo rio de janeiro new delhi kuala lumpur abu dhabi cape town
alabama alaska arizona arkansas california colorado connecticut delaware florida hawaii idaho illinois
indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota mississippi
missouri montana nebraska nevada new hampshire new jersey new mexico north carolina north dakota ohio
oklahoma oregon pennsylvania rhode island south carolina south dakota tennessee texas utah vermont
virginia west virginia wisconsin wyoming
""")

# Multi-word places, matched on consecutive words ("NEW YORK", "SAN FRANCISCO").
PLACE_PHRASES = frozenset("""
new york|los angeles|san francisco|san diego|las vegas|st louis|st. louis|kansas city|new orleans|
salt lake city|hong kong|buenos aires|tel aviv|sao paulo|new delhi|kuala lumpur|abu dhabi|cape town|
new hampshire|new jersey|new mexico|north carolina|north dakota|south carolina|south dakota|
rhode island|west virginia|south africa|new zealand|united states|united kingdom|united nations|
saudi arabia|sri lanka|costa rica|el salvador|north korea|south korea|czech republic|
dominican republic|ivory coast|sierra leone|burkina faso|papua new guinea|puerto rico|
""".replace("\n", "").strip("|").split("|"))

# Organisations every news desk names without introduction.
WELL_KNOWN_ORGS = _words("""
reuters ap afp axios bloomberg interfax tass xinhua unn ukrinform dpa ansa efe kyodo yonhap bbc cnn
nato opec un unesco unicef who wto imf osce fifa uefa ioc nasa fbi cia kgb fsb
""")

# Last words that make a run an organisation (and let a demonym lead it: "Indonesian Democratic Party").
ORG_HEADS = _words("""
inc inc. corp corp. co co. ltd ltd. plc llc llp ag sa nv bv gmbh spa bros bros. group holdings company
corporation bank bancorp bancshares trust fund funds securities capital partners associates industries
airlines airways motors systems technologies communications telecom news agency times post journal
herald tribune gazette press television radio network party union league council committee commission
federation association institute institution university college school academy society foundation
ministry department office board bureau authority administration court parliament assembly congress
senate army navy police force forces front movement organisation organization club united city
rovers wanderers athletic exchange church
""")

# Words that open an organisation or place and may be followed by "of" ("Bank of England").
OF_HEADS = ORG_HEADS | _words("""
house league organisation organization bank university ministry department council union federation
association institute party kingdom republic state states gulf sea bay isle isles cape lake river mount
port duke earl prince princess king queen museum order church court chamber commonwealth emirate
democratic people's
""")

# Lower-case particles inside personal names: "Aravinda de Silva", "Ludwig van Beethoven".
NAME_PARTICLES = _words("de da di del della der den van von le la du dos das bin ibn al el ter y")

GIVEN_NAMES = _words("""
james john robert michael william david richard joseph thomas charles christopher daniel matthew anthony
mark donald steven paul andrew joshua kenneth kevin brian george timothy ronald edward jason jeffrey ryan
jacob gary nicholas eric jonathan stephen larry justin scott brandon benjamin samuel gregory alexander
frank patrick raymond jack dennis jerry tyler aaron jose adam nathan henry douglas zachary peter kyle
walter ethan jeremy harold keith christian roger noah gerald carl terry sean austin arthur lawrence
jesse dylan bryan joe jordan billy bruce albert willie gabriel logan alan juan wayne roy ralph randy
eugene vincent russell elijah louis bobby philip phil johnny mary patricia jennifer linda elizabeth
barbara susan jessica sarah karen nancy lisa betty margaret sandra ashley kimberly emily donna michelle
dorothy carol amanda melissa deborah stephanie rebecca sharon laura cynthia kathleen amy shirley angela
helen anna brenda pamela nicole emma samantha katherine christine debra rachel catherine carolyn janet
ruth maria heather diane virginia julie joyce victoria olivia kelly christina lauren joan evelyn judith
megan cheryl andrea hannah martha jacqueline frances gloria ann teresa kathryn sara janice jean alice
madison doris abigail julia judy grace denise amber marilyn beverly danielle theresa sophia marie diana
brittany natalie isabella charlotte rose alexis kayla tony jim tom bill bob mike dave steve ian neil
nigel graham colin martin simon hans klaus jurgen helmut gerhard wolfgang franz karl fritz heinz dieter
pierre jean jacques francois michel alain philippe claude bernard marcel luc yves olivier nicolas
giovanni giuseppe antonio marco luca paolo carlo francesco roberto alessandro mario luigi juan carlos
jose luis miguel javier pedro manuel fernando pablo diego sergio jorge ricardo eduardo rafael vladimir
sergei sergey alexei alexander dmitry dmitri igor ivan boris yuri nikolai mikhail andrei andriy oleksandr
volodymyr viktor petro yulia oksana olena rustem taras bogdan pavel jan piotr tomasz lech wojciech
mohammed muhammad mohamed ahmed ali hassan hussein omar abdul abdullah khalid yasser ibrahim mahmoud
mustafa yitzhak benjamin shimon ehud ariel li wang zhang liu chen yang huang zhao wu zhou hiroshi takeshi
kenji akira yuki ryutaro kim park lee nelson kofi thabo per lars anders erik nils olaf sven magnus
""")
