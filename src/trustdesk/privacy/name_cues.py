"""The context cues of the PERSON recognizer: sign-offs, introductions, titles, greetings.

Each cue is a named group of ``CUES``; the group name says how much the cue proves
(``STRONG_KINDS`` admit unknown capitalised words; the others need the lexicon).
"""

from __future__ import annotations

import re

PARTICLES = frozenset(
    "van der den dem de del della delle dello dei degli di da dal do dos das du von zu le la ter"
    " ten t bin ibn al st los las ap i".split()
)
# Particles that are also articles ("der", "del"): inside a name only after another particle
# ("van der Berg") or, for these, right after a name word ("María del Carmen").
JOINERS = frozenset("del della delle dello dei degli dal dos das do bin los las".split())
# Particles that mark a surname even after an unknown word ("Esila van Roijen"); the Romance
# ones ("de", "di") also join headings ("Test de Turing") and need a known first name.
SURNAME_PARTICLES = frozenset("van von ter ten bin ibn".split())
# Lowercase prefixes joined to a surname by a hyphen or an apostrophe: "al-Rashid", "d'Amico".
NAME_PREFIX = re.compile(r"(?:al|el|ul|ad|ud|as|ash|an|ar|at|az|bin|ibn|abu|d|dell|dall)['’-]")

_SIGNOFF = (
    r"thanks(?: again| so much| a lot| in advance)?|thank you(?: so much| again)?|many thanks"
    r"|(?:kind |best |warm |warmest |kindest )?regards|best wishes|all the best|best|cheers"
    r"|(?:yours )?sincerely|yours (?:truly|faithfully)|take care|respectfully|cordially|thx|ty"
    r"|greetings|best regards|with thanks|many thanks again|talk soon|have a (?:nice|good) day"
    r"|(?:viele |liebe |beste |herzliche |freundliche |mit freundlichen |schöne )?"
    r"gr(?:ü|ue)(?:ß|ss)e?n?"
    r"|gru(?:ß|ss)|lg|mfg|vg|(?:vielen )?dank(?:e(?: schön| sehr| im voraus)?)?|tschüss|bis bald"
    r"|(?:bien |très )?cordialement|bien à (?:vous|toi)|merci(?: beaucoup| bien| d'avance)?"
    r"|bisous|amitiés|salutations(?: distinguées)?|bonne (?:journée|soirée)|à bientôt"
    r"|(?:un |muchos )?saludos?(?: cordiales)?|atentamente|(?:muchas )?gracias(?: de antemano)?"
    r"|un abrazo|abrazos"
    r"|cordialmente|(?:cordiali |distinti |un )?salut[io]|grazie(?: mille| in anticipo)?|a presto"
    r"|met vriendelijke groet(?:en)?|(?:hartelijke |vriendelijke )?groet(?:en|jes)?|mvg"
    r"|(?:alvast )?bedankt"
    r"|dank (?:je|u) wel|tot ziens|obrigad[oa]|atenciosamente"
    r"|(?:com os )?(?:melhores )?cumprimentos"
    r"|(?:um )?abra(?:ç|c)os?|beijos|at(?:é|e) breve"
)
_STRONG_INTRO = (
    r"my name is|my name's|my names is|name is|signed|from:|(?<![^\n])name(?=[ \t]+[^\W\d_])"
    r"|(?:full |customer |account holder(?:'s)? |cardholder(?:'s)? |contact |recipient |first "
    r"|last |given |family |sur)?name\s*[:=–-]|(?:surname|last name|family name)(?=[ \t]+\w)"
    r"|(?:account ?holder|card ?holder|patient|kontoinhaber(?:in)?|karteninhaber(?:in)?"
    r"|titulaire(?: du compte)?|titular(?: de la cuenta| da conta)?|intestatario"
    r"|rekeninghouder)\s*:"
    # the holder's name without a colon: "tnv m. de jong", "kontoinhaberin lea sommer",
    # "Nome no cartão RAFAEL M SOUZA", "name on the card …"
    r"|(?:tnv|t\.n\.v\.|ten name van|kontoinhaber(?:in)?|karteninhaber(?:in)?"
    r"|nome no cart[ãa]o|name on (?:the |my )?card|nom sur la carte|nombre (?:en|de) la tarjeta"
    r"|nome sulla carta|naam op de kaart|name auf der karte)(?=[ \t]+[^\W\d_])"
    r"|(?:nom|prénom|nom complet|nombre|apellidos?|nome|cognome|nome completo|sobrenome|naam"
    r"|voornaam|achternaam|vorname|nachname|ansprechpartner(?:in)?)\s*:"
    r"|mein name ist|mein name lautet|ich heiße|ich heisse|je m'appelle|je m’appelle|mon nom est"
    r"|je me nomme|me llamo|mi nombre es|mi chiamo|il mio nome è|mijn naam is|ik heet"
    r"|(?:o )?meu nome é|me chamo|chamo-me"
)
_GREETINGS = (
    r"hi|hiya|hello|hey|heya|howdy|dear|morning|good (?:morning|afternoon|evening)|hallo|moin"
    r"|servus|guten (?:morgen|tag|abend)|liebe[rs]?|sehr geehrte[r]?|grü(?:ß|ss) gott|bonjour"
    r"|bonsoir|coucou|bjr|yo"
    r"|salut|cher|chère|hola|buenos días|buenas(?: tardes| noches)?|estimad[oa]|querid[oa]|ciao"
    r"|buongiorno|buonasera|salve|gentile|gentilissim[oa]|car[oa]|beste|geachte|hoi|goedemiddag"
    r"|goedemorgen|goedenavond|olá|ola|oi|bom dia|boa (?:tarde|noite)|prezad[oa]|querid[oa]"
)
_SELF = (
    r"(?:it's|it’s|it is|its) me|this is|it's|it’s|it is|its|i'm|i’m|i am|here is|call me"
    r"|(?:the |my )?name|c'est (?:encore )?moi|sono (?:di nuovo|ancora|io)|soy yo"
    r"|ik ben het(?: weer)?|sou eu"
    r"|je suis|c'est|c’est|ici|ich bin|hier ist|hier spricht|hier is|soy|habla|sono|qui è"
    r"|ik ben|sou(?: [oa])?|eu sou|aqui (?:é|fala)"
)
_AGENT = (
    r"(?:(?:spoke|speaking|talked|talking|chatted|dealt|spoken) (?:to|with)|ask(?:ed)? for"
    r"|agent|colleague|representative|rep|advisor|adviser|driver|courier|manager|supervisor"
    r"|technician|assistant|neighbou?r|husband|wife|partner|mother|father|son|daughter"
    r"|sister|brother|grand(?:mother|father|ma|pa)|aunt|uncle|cousin|mum|mom|dad"
    r"|(?:mother|father|sister|brother|son|daughter)-in-law"
    r"|m[èe]re|p[èe]re|s(?:œ|oe)ur|fr[èe]re|madre|padre|herman[oa]|abuel[oa]|m(?:ã|a)e|pai"
    r"|irm(?:ã|a)o?|av(?:ó|ô)|mutter|vater|schwester|bruder|oma|opa|moeder|vader|zus|broer"
    r"|sorella|fratello|nonn[oa]"
    r"|a certain|voisine?|coll[eè]gue|mari|femme|fils|fille|livreur|conseill[eè]re?"
    r"|nachbar(?:in)?|kolleg(?:e|in)|fahrer(?:in)?|mitarbeiter(?:in)?|berater(?:in)?"
    r"|vecin[oa]|compañer[oa]|marido|esposa|hij[oa]|repartidor(?:a)?|asesor(?:a)?"
    r"|vicin[oa]|collega|marito|moglie|figli[oa]|corriere|consulente"
    r"|buurman|buurvrouw|collega|bezorger|medewerk(?:er|ster)|adviseur"
    r"|vizinh[oa]|colega|filh[oa]|estafeta|entregador(?:a)?|atendente"
    # in-laws, landlords, caretakers and the owner of the bar downstairs, who take parcels
    r"|landlord|landlady|caretaker|concierge|doorman|cuñad[oa]|suegr[oa]|sobrin[oa]|dueñ[oa]"
    r"|porter[oa]|conserje|cunhad[oa]|sogr[oa]|porteir[oa]|don[oa] da (?:loja|tasca|casa)"
    r"|dono|cognat[oa]|suocer[oa]|portinai[oa]|portier(?:e|a)?|beau-fr[èe]re|belle-s(?:œ|oe)ur"
    r"|gardienne?|schwager|schw[äa]gerin|hausmeister(?:in)?|vermieter(?:in)?|zwager"
    r"|schoonzus|conci[ëe]rge|huisbaas"
    r")(?: named| called| nommée?| namens| llamad[oa]| chiamat[oa]| chamad[oa]"
    # "el dueño se llama Manolo", "o dono chama-se Zé", "il portinaio si chiama Gino"
    r"|,? (?:que )?se llama|,? (?:que )?se chama|,? chama-se|,? si chiama|,? s'appelle"
    r"|,? s’appelle|,? hei(?:ß|ss)t|,? heet)?"
)
_OBJECT = r"for|called|named|on behalf of|cc|signed for by|signed by"
_VERB = (
    r"from|met|call|ask|tell|told|thank"
    r"|email|text|message|contact|ping|let|ask for|speak (?:to|with)|talk (?:to|with)"
    r"|de la part de|parlé (?:à|avec)|appeler|demander|contacter|remercier"
    r"|gesprochen mit|fragen sie nach|klingeln(?: sie)? bei|bell(?:en)? bij|sonnez chez"
    r"|preguntad por|c'è scritto|steht"
    r"|de parte de|hablé con|hable con|hablar con|preguntar? por|llamar a|atendid[oa] por"
    r"|llamad a|llame a|llamen a|pregunten por|rufen sie|ruf|chiamate|chiami|liguem (?:à|ao|para)"
    r"|add|ajoutez|ajouter|añadid a|añadir a|añada a|aggiungete|aggiungere|voeg|adicionem|adicionar"
    r"|ligue (?:à|ao|para)|pergunte[m]? (?:pela|pelo|por)|demandez|appelez"
    r"|(?:spoke|talked|falei|hablé|parlé|ho parlato|sprak)(?: ontem| ayer| ieri| hier| yesterday"
    r"| today| gisteren| hoy| oggi| hoje)? (?:to|with|com|con|avec|met)"
    r"|(?:habe )?(?:gestern |heute )?mit"
    r"|da parte di|(?:ho )?parlato con|parlare con|chiedere di|chiamare|contattare"
    r"|gesproken met|spreken met|namens|vraag naar|bellen met|bel"
    r"|falei com|falar com|ligar para|perguntar por|atendid[oa] pel[oa]"
)
TITLES = frozenset(
    "mr mrs ms miss mx dr prof sir dame herr herrn frau hr fr m mme mlle monsieur madame sr sra"
    " srta señor señora doña sig signor signora dott dhr mevr mevrouw meneer avv"
    " professor honourable honorable hon dra eng ing arch dña".split()
)
_TITLE_RE = "|".join(sorted(TITLES, key=len, reverse=True)) + r"|sig\.ra|dott\.ssa"
CUES = re.compile(
    # One sign-off alternation, then what follows it tells a closing ("Thanks,\n") from a
    # word in a sentence ("thanks Anna"); trying the long list once halves its cost.
    rf"\b(?:{_SIGNOFF})(?:(?P<signoff>[ \t]*(?:[,!.:–—-]+[ \t]*(?:\n[ \t]*){{0,2}}"
    rf"|(?:\n[ \t]*){{1,2}}))"
    rf"|(?P<signoff_weak>[ \t]+))"
    rf"|(?P<dash>(?:^|(?<=\s))(?:—|–|--?)[ \t]*(?:\n[ \t]*)?)"
    rf"|(?P<strong>\b(?:{_STRONG_INTRO})[ \t]*)"
    rf"|(?P<title>(?<![.@/])\b(?:{_TITLE_RE})\.?[ \t]+)"
    rf"|(?P<greet>\b(?:{_GREETINGS})\b[ \t]*,?[ \t]*(?:\n[ \t]*){{0,2}})"
    rf"|(?P<self>\b(?:{_SELF})\b[ \t]*,?[ \t]*)"
    rf"|(?P<agent>\b(?:{_AGENT})\b[ \t]*,?[ \t]*)"
    rf"|(?P<object>\b(?:{_OBJECT})[ \t]+)"
    rf"|(?P<verb>\b(?:{_VERB})[ \t]+(?:(?:a|la|le|o|il|lo|el|die|der|den)[ \t]+)?)"
    r"|(?P<mention>(?<![\w.@])@)",
    re.IGNORECASE,
)
DASH = re.compile(r"—|–|(?:^|(?<=\s))-", re.MULTILINE)
STRONG_KINDS = frozenset({"signoff", "dash", "strong", "title"})
COMPANY_AFTER = re.compile(
    # "+" before a digit is a phone number in a signature, not "Smith + Jones"
    r"\s*(?:&|\+(?![\s(]*\d)|and (?:co|sons)\b|y asociados\b|e hijos\b"
    r"|(?:ltd|inc|llc|gmbh|plc|co|corp|group|lda|ltda|limited|holdings|ag|kg|s\.?a\.?|s/a"
    r"|s\.?l\.?(?:n\.?e\.?)?|s\.?c\.?p|s\.?r\.?l\.?|s\.?p\.?a|b\.?v\.?|n\.?v\.?)\b"
    r"|-[ \t]*(?:me|epp|eireli)\b)",
    re.IGNORECASE,
)
# A lowercase noun right after a capitalised pair that names a product, an offer or a thing for
# sale, not a person: "the Summer Sale price", "the Lincoln Park table lamp", "Harper Oak sofa".
# Only nouns no one puts right after a person's name (never "order", "account", "store").
PRODUCT_AFTER = re.compile(
    r"[ \t]+(?:prices?|pricing|sale|discounts?|promo(?:tion)?s?|coupons?"
    r"|vouchers?|collection|range|series|edition|bundle|lamps?|tables?|chairs?|sofas?|couch"
    r"|beds?|desks?|rugs?|mirrors?|shel(?:f|ves)|cabinets?|wardrobes?|cushions?|vases?"
    r"|armchairs?|stools?|benches|bench|sideboards?|dressers?|mattress(?:es)?|pendants?"
    r"|floor\s+lamps?|fabric|colou?rway|catalog(?:ue)?|brochure|bestseller)\b"
)
FROM_TEAM = re.compile(
    r"\s+(?:from|at|in|of) (?:your|the) (?:team|support|customer service|service desk|store|shop)"
    r"|[ \t]+(?:here|speaking)\b",
    re.IGNORECASE,
)
# What follows a name in a signature or a contact line: a phone number (on the same line or the
# next), " | ", a phone or e-mail label, an e-mail address in brackets, a mobile mail app's
# footer ("Sent from my iPhone"), or the end of the message.
TRAILER = re.compile(
    r"[ \t]*(?:\n[ \t>]*){0,2}(?:[,|]?[ \t]*(?:\+|00)[ \t]*\d|\(?0\d[\d \t()/.-]{5,}\d|[|][ \t]*\S"
    r"|[(<][ \t]*[\w.+-]+@|(?:tel|tél|phone|mob|mobile|handy|cell|telefone|telefono|teléfono"
    r"|telefoon)\b|(?:sent from|enviado desde|enviado do|inviato da|inviato dal|envoyé de"
    r"|von meinem|verzonden (?:vanaf|met)|verstuurd vanaf|gesendet von|get outlook)\b)"
    r"|[ \t.!]*$",
    re.IGNORECASE,
)
# A self-introduction after the name: "tomasz nowak here", "giulia esposito qui", "X al habla".
HERE_AFTER = re.compile(
    r"[ \t]*,?[ \t]*(?:here|hier|qui|ici|al habla|aqui|aquí|speaking|am apparaat|sprekend"
    r"|à l'appareil|à l’appareil|al aparato|am apparat|al telefono|ao telefone)\b"
    # "tomasz nowak here," "Marco qui!": the word ends the phrase ("mon mari qui a passé",
    # "antwortet hier eine", "por aqui mesmo" are sentences, not introductions)
    r"(?=[ \t]*(?:[,.!:;)\n]|$)|[ \t]+[-–—][ \t])",  # (or a dash: "Frank here - new card")
    re.IGNORECASE,
)
# "... again" after a self-introduction: "soy Itziar otra vez", "its me Oluwaseun (again)".
AGAIN_AFTER = re.compile(
    r"[ \t]*[,(]?[ \t]*(?:again|otra vez|de nuevo|di nuovo|ancora|outra vez|de novo|encore"
    r"|de nouveau|wieder|nochmal|weer|opnieuw)\b",
    re.IGNORECASE,
)
# What follows the name of someone to contact: "ask Radka to ring me", "call Nino at 555",
# "llamad a Ximena al 600", "rufen Sie Ottilie unter 030", "liguem à Inês para o 21...".
CONTACT_AFTER = re.compile(
    r"[ \t]+(?:at|on|to|au|à|al|unter|op|para|na|no|via|sur|bei|alla|nella)\b"
    r"|[ \t]*[(:]?[ \t]*\+?\d|[ \t]+(?:telefoniert|gesprochen|geredet|gebeld|getelefoneerd)\b",
    re.IGNORECASE,
)
# "ask for X at reception", "demandez X à l'accueil", "fragen Sie nach X am Empfang".
RECEPTION_AFTER = re.compile(
    r"[ \t]+(?:at|in|à|a|am|an|na|no|en|alla|bij|de)[ \t]+(?:the |la |l'|l’|der |de |o |a )?"
    r"(?:reception|front desk|accueil|empfang|rezeption|recepción|recepcion|conserjería|receção"
    r"|recepção|receção|receptie|balie|portineria|portaria)\b",
    re.IGNORECASE,
)
# "add X as second account holder", "ajoutez X comme co-titulaire", "añadid a X como cotitular".
HOLDER_AFTER = re.compile(
    r"[ \t]+(?:as|comme|como|come|als)[ \t]+(?:an? |um |uma |une? |el |la |il |o )?"
    r"(?:second |joint |additional |new )?(?:co-?)?(?:account ?holder|holder|titulaire|titular"
    r"|cotitular|intestatari[oa]|cointestatari[oa]|mederekeninghouder|rekeninghouder"
    r"|kontoinhaber(?:in)?|authori[sz]ed user)",
    re.IGNORECASE,
)
# Street types after a run: "Oakley Brook Street", "Kimberly Glen street".
STREET_TYPES = frozenset(
    "street st road rd avenue ave lane drive boulevard way close court square place terrace"
    " crescent parade highway strasse straße weg laan straat rue calle via rua".split()
)
VOCATIVE_END = re.compile(r"[ \t]*(?:[,!.?:;)]|$)")
LINE_END = re.compile(r"[ \t.!]*(?:\n|$)")
