"""Hand-curated word lists that keep the name lexicons from matching ordinary words.

``NAME_WORDS``: first names that are also everyday English words ("Will", "Grace", "Bill");
they count as a first name only with context or a following surname.
``NOT_NAME_WORDS``: words that end or reject a name candidate even though the census or SSA
tables list them (function words, greetings, support vocabulary, days and months, common
adjectives and nouns that show up capitalised in product names and headings).
"""

from __future__ import annotations


def _words(block: str) -> frozenset[str]:
    return frozenset(block.upper().split())


NAME_WORDS = _words(
    """
    will may mark grace hope bill rose june april august joy faith summer autumn dawn art guy
    chance major baby star case page rich general price spring job west young rock carry race
    memory season story rise son lawyer truth blue beautiful boy sister peace happy girl doctor
    real special nature read court man red day north song trip reality artist choice nation
    king prince princess duke earl don pat sunny honey ivy lily daisy amber ruby pearl jade
    crystal destiny sky rain river angel harmony melody charity patience mercy justice trinity
    precious miracle heaven genesis journey legend hunter ranger archer mason porter carter
    cook baker taylor walker turner parker fisher miller sterling royal frank earnest ernest
    sue jack rob bob gene buck chip dick drew dusty gay jean lane lee ray rod sandy stone
    stormy storm ace bishop blaze brand cash chase colt dallas dash denver gold hale hill holly
    iris jasmine jewel kit lake lark lucky magic may marina march melody mint misty noble ocean
    paris penny pepper poppy rosemary sage scarlett shade sierra silver sol sterling sugar
    tempest violet willow wood york zion brown white black green gray grey long little short
    small bell hall ward bird price wise love early ever even less can see my any else per
    deep media sergeant victory wisdom glory hero bear bunny rebel gentry london
    sierra
    edit save add login share cancel close view track back search filter sort change start
    call basket cart register send
    """
)

NOT_NAME_WORDS = _words(
    """
    a an the and or but nor of to in on at by for with from into onto over under about after
    ki ia ai uk usa eu
    before since until than then that this these those there here where when what which who
    whom whose why how i me my mine we us our you your yours he him his she her hers it its
    they them their is am are was were be been being do does did done have has had not no yes
    so if as all any some each every both either neither one two three four five six seven
    eight nine ten first second third last next old good great better bad worst name names
    big large full empty free same other another such only could would should can shall might
    must just also still even very really quite too again already soon now today tomorrow
    yesterday please thanks thank thankyou thx cheers regards kind kindly sincerely warm
    warmest hi hello hey dear greetings morning afternoon evening night hallo bonjour hola ciao
    salut buongiorno buenos dias guten tag goedemorgen goedemiddag goedendag beste liebe lieber
    bye everyone everybody guys mate folks lol xx xxx sir madam mister mrs ms mr dr prof
    buddy dude bro pal
    monday tuesday wednesday thursday friday saturday sunday
    january february march july september october november december
    feb apr jun jul aug sept oct nov dec viele un une una many never
    ok okay sorry wish want need like hate know think see said says got get let lets sure well
    fine yeah nope maybe perhaps regarding concerning re fw fwd also via per
    je mi me ich ik io yo tu du il lui moi yo wij wir nous noi
    grazie merci gracias danke saludos cordialement bedankt groeten groetjes grüsse gruss
    i've i'm i'd i'll it's that's don't can't won't didn't isn't doesn't we're you're there's
    sie ihr ihre ihren ihrem ihrer ihnen sind bin bist ist als keine kein keinen ein eine einen
    einem einer der das den dem des und oder aber nicht bitte danke sorge verbinden holen
    schicken geben können konnen kann möchte mochte würde wurde guten fall ärger arger mensch
    menschen mitarbeiter kundendienst kundenservice
    vous nous elle ils elles suis êtes etes sont oui non les des mon mes votre vos notre nos
    cette ces est
    soy eres somos estoy está esta hola gracias los las unos unas usted ustedes del
    sono sei siamo siete gli mio tuo tua suo sua loro
    jij hij zij wij jullie bent zijn hoi mijn jouw uw
    eu você voce nós vocês sou és somos são estou olá ola obrigado obrigada os um uma meu minha
    seu
    gott liebes again anyone someone somebody anybody nobody noone
    sent envoyé envoye inviato enviado gesendet verstuurd verzonden
    atentamente atenciosamente cumprimentos distinti cordiali abraço abraços abraco abracos
    beijos abrazo abrazos bisous amitiés cordialmente obrigado obrigada mvg mfg lg vg tschüss
    add ajoutez añadid anadid aggiungete adicionem voeg
    tel tél fax mob whatsapp
    patient plaintiff defendant claimant respondent appellant tenant landlord witness applicant
    payee debtor creditor titulaire locataire inhaber inhaberin mieter mieterin zeuge zeugin
    arrendador arrendatario demandante demandado inquilino titular testigo ricorrente testimone
    huurder verhuurder getuige inquilina
    lohnabrechnung personalnummer kundennummer sendungsnummer erdgeschoss groet bel
    mondays tuesdays wednesdays thursdays fridays saturdays sundays oma opa sex
    bsc msc phd mba llb llm frse mrics frcs mrcp dds dvm
    adelante vada pure dai si sì sim claro vale venga allez passt gerne genau certo magari
    prima toe oké oke joa
    inc ltd llc plc gmbh lda ltda corp group iban à journée journee trace
    """
)

# Function words of French, German, Spanish, Italian, Dutch and Portuguese that the name tables
# also list (as a first name or surname somewhere). Lowercase, they are never a name; capitalised
# they may still continue one ("Geraldine Bien", "Sem de Wit") but never start one on their own.
FOREIGN_FUNCTION_WORDS = _words(
    """
    ab ad agora ah ai aie alla alle alleen allora allí além ander andere ansa ante ao asi así até
    aun aura avant avanti avrà aí aún bajo bei bien buena casi ce ceci cedo cela che chez ci claro
    co coi come con consiglio cos cui dado dai dalla dann dar daran darin dat davon davor
    debe dell deja dejà delante delà deren dessa desta deverá devra dez dia diante dien dio dix
    dois door dov dove drin due durant durante dá dão dès déja déjà día días ebbe eben eh el ele
    en ende enkel er era eran ero ese essa essi estaban este estes esteve fa farà fará favor fin
    fino fu fue gab gar ge geral già go ha haben hacer hadden hai han hanno hat hay haya hele
    hence het ho hoe hou hoy hui hun hé im ir irá isto ja jene já kam kan kon lado là lá
    lès ma made mais mal male marche meer mehr mein meine men meno mich mie mien miens mille mir
    mit moet mondo morgen máximo mí mía mío na nada nadie nas nel nell nella nelle nello nessa
    nesta ni novo nu numa nur não om onder ora ore ou où par para pero però po press prima pu põe
    quanta quante quarta quarto que quest qui quinta quinto qué quê sa saben saber sait sarai sarà
    sarò say schon se sea secondo segunda segundo seid seit sem sera seria será sería si sia side
    sido sien sig sim sin sola solo stati su sui sul suya sé sí só sólo ta tage tagen tais take tal
    tale tali tan tanta tat te tegen tel tenho tenía tercero teus ti tien tiene toe toi ton tra
    través tre tres très três tue tão té tú ultimo uno va vale valor varie vaya vi vinda waren wen
    wil wilde wo worden ya ze zo área él ésa ése ésta éste última último über lei chi
    bon bonne vrai fini parti marque marqué sûr top super pas plus ça ca là gott damen herren
    mein meinen meinem meiner unsere unser unserem welche welches welcher kleiner kleine große
    grosse die hier heute gestern allée allé désolé désolée tô tá né ben mia ella
    kurze kurzer kurz vielen liebe lieber liebes wird werkt antwortet es ist sind das der den
    dem des ein eine einen einem einer kein keine dies diese dieser dieses jede jeder ich du wir
    sie dale vale bueno perfecto perfetto ecco boa bom oké oke graag hoi
    hiya hey hallo hola olá ola ciao salut coucou moin servus okay ok yes yeah yep nope cheers
    thanks merci danke gracias grazie obrigado obrigada bedankt bonjour bonsoir buongiorno
    buonasera goedemorgen goedemiddag lo los las au aux aus há ayer buenas buenos ya por favor
    vere
    """
)

# Support and shop vocabulary: not a name after a weak cue or without one; after a strong cue
# ("Regards,\nFloor Jansen") a capitalised one may still be a name.
VOCABULARY_WORDS = _words(
    """
    team support service services customer customers client clients staff agent agents manager
    department desk help helpdesk order orders item items product products package parcel
    delivery shipping shipment courier invoice receipt refund return returns exchange payment
    card account bank number phone email mail address street road avenue city town country
    total amount balance fee ticket case reference ref id code sku model size colour color red
    blue pink purple orange yellow oak walnut linen cotton wool velvet leather brass steel
    ceramic wooden marble teak table chair sofa lamp desk bed rug mirror shelf shelves cabinet
    cushion curtain blanket duvet pillow throw vase bowl mug plate candle frame clock stool bench
    bookcase wardrobe dresser armchair ottoman sideboard light floor wall side coffee dining
    garden outdoor kitchen bath bathroom bedroom living office home house store shop website app
    online tracking verify verified deliver delivered shipped arrived urgent important update
    issue problem question complaint request status info
    information christmas easter new best miss year weekend week month day days hours god lord
    lampe lámpara lampada candeeiro fauteuil sillón poltrona divano canapé sofá sessel stuhl
    chaise silla sedia stoel cadeira tisch mesa tavolo tafel bett lit cama letto tapis teppich
    alfombra tappeto vloerkleed tapete miroir spiegel espejo specchio espelho
    kunde kundin robot roboter bot chatbot human humans person pay prime center centre
    mitarbeiterin kollege kollegin chef chefin
    mom mum dad mother father brother wife husband son daughter friend family upper lower
    phone telephone téléphone telefon telefono teléfono telefone telefoon handy portable móvil
    movil cellulare telemóvel telemovel mobile numéro numero número nummer postal código codigo
    visa mastercard amex maestro reception office headquarters hotline helpline switchboard
    landline
    klantenservice klantendienst kundendienst servicio atención atencion assistenza atendimento
    suporte soporte supporto équipe equipe equipo squadra klanten clientes cliente
    chief officer director executive president vice engineer consultant analyst coordinator
    specialist administrator operating technician developer designer accountant secretary
    """
)

# Words that start place names ("West Jonathan", "Saint Michel"): never the start of a bare name.
PLACE_PREFIXES = _words(
    "north south east west northern southern eastern western upper lower new port lake mount"
    " fort saint st san santa sainte santo sant sao são"
    " monte puerto porto villa bad gran grand"
    " plaza paseo calle travessa cuesta glorieta callejón callejon canale alameda avenida rua"
    " via viale piazza corso rambla praça praca rue boulevard chemin quai impasse strada vicolo"
    " carrer avinguda camino"
)

# Words that make a run of capitalised words a place, a body or a title, not a person, wherever
# they stand in it ("Faroe Islands", "Border Force", "Gardening Weekly", "Nadia Zila").
PLACE_WORDS = _words(
    """
    island islands isles union republic kingdom states emirates border force weekly daily times
    gazette kong territory territories district province county ways concourse mission marg
    zila nagar colony
    heights square center centre plaza court college castle bridge tower towers gardens museum
    museo musée musee harbour harbor airport cathedral stadium arena mall palace abbey campus
    institute theatre theater cinema hotel cottage suite library university universidad
    università universite université universität
    """
)

# First names that are also well-known places: not a name on their own after "from", "in" or
# before "here" ("shipped from Florence"); with a surname, or as a vocative, they still count.
PLACE_NAMES = _words(
    """
    florence jordan georgia victoria austin sydney orlando lincoln phoenix valencia santiago
    salvador trinidad
    alexandria milan lourdes santander florida india china kenya africa america asia europe
    lorraine normandie provence alsace siena verona roma genova padova como lima
    kingston houston chester brighton hamilton marseille
    troy vienna vienne dublin galway cork bristol odessa augusta columbia cleveland
    bari montserrat wallis arabia saudita hong guernsey niger mali
    panama cuba jamaica grenada samoa tonga fiji nepal oman qatar yemen peru chile
    bolivia argentina colombia ecuador venezuela guyana belize honduras nicaragua
    andorra monaco malta cyprus lebanon syria iran iraq sudan eritrea somalia
    tanzania uganda zambia malawi angola namibia botswana lesotho gabon guinea liberia
    ghana togo benin senegal gambia libya tunisia algeria morocco egypt
    macedonia albania serbia bosnia croatia slovenia austria hungary romania moldova
    belarus ukraine russia latvia lithuania estonia finland sweden norway denmark iceland
    luxembourg belgium switzerland poland czechia slovakia bulgaria greece turkey georgia
    armenia kazakhstan mongolia japan korea taiwan vietnam laos cambodia thailand burma
    myanmar malaysia singapore indonesia philippines brunei bhutan bangladesh pakistan
    afghanistan lanka maldives mauritius seychelles madagascar comoros
    napoli torino palermo catania messina trieste venezia firenze pisa livorno ancona pescara
    lecce taranto brescia savona
    memphis nashville vegas reno laredo granada toledo rioja navarra
    leon león murcia almeria almería sevilla lucca rimini matera ravenna bergamo modena parma
    cologne koln köln essen bremen dresden hanover hannover luzern lucerne gent ghent brugge
    bruges breda delft emmen ede lisboa lisbon braga viseu evora évora
    """
)

# First names that are also brands, products or assistants: not a person when alone.
NOT_ALONE = _words(
    """
    claude jarvis gemini dane hang mira neta sal bella bello ernst boden allee engel wolf fink
    bach hahn heide kai montreal montréal quebec québec
    noel noël natale navidad pascua pasqua domingo
    german france italia ireland england scotland wales holland españa espana brasil brazil
    portugal germany italy spain australia canada america frans duits engels
    mai juni juli mars avril août abril mayo junio julio marzo maggio giugno luglio maart mei
    augustus março maio junho julho agosto
    apple amazon google samsung microsoft nike adidas ikea sony nokia
    alexa siri cortana mercedes tesla dell chanel zara celine hermes hermès clio megane astra
    leon corsa fiesta polo kuga twingo kangoo panda yaris juke micra lancia opel ford
    hudson avery willow aspen sierra harper hunter maxwell tudor windsor victoria paisley
    bentley lincoln harley chevy rover jaguar porsche royal nova stella
    french english spanish italian dutch portuguese dyson skye jersey reyes
    """
)
