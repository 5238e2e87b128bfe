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
    """
)

NOT_NAME_WORDS = _words(
    """
    a an the and or but nor of to in on at by for with from into onto over under about after
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
    monday tuesday wednesday thursday friday saturday sunday
    january february march july september october november december
    feb apr jun jul aug sept oct nov dec viele un une una many never
    ok okay sorry wish want need like hate know think see said says got get let lets sure well
    fine yeah nope maybe perhaps regarding concerning re fw fwd also via per
    je mi me ich ik io yo tu du il ella lui moi yo wij wir nous noi
    grazie merci gracias danke saludos cordialement bedankt groeten groetjes grüsse gruss
    i've i'm i'd i'll it's that's don't can't won't didn't isn't doesn't we're you're there's
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
    mom mum dad mother father brother wife husband son daughter friend family upper lower
    """
)

# Words that start place names ("West Jonathan", "Saint Michel"): never the start of a bare name.
PLACE_PREFIXES = _words("north south east west new port lake mount fort saint st san santa sainte")
