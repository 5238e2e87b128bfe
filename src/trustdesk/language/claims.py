"""First-person claims to be human, and statements that the speaker is an AI, in seven
languages.

``claims_human`` reads one text (a draft sentence, a policy text) after ``normalise.fold``, so
zero-width characters, look-alike letters, leetspeak and spelled-out words do not hide a claim:
"I am a humаn" (Cyrillic а), "h u m a n", "hum4n". It finds claims to be a person ("I'm a real
person", "Nope, not a bot!"), a member of staff ("I'm an agent at Alder & Finch"), or a named
employee ("Hi, I'm Sarah from the support team"), unless the same sentence says the speaker is
an AI ("I'm Sam, the AI assistant").

``states_ai`` says whether a text tells the reader that the speaker is an AI, in the words of
one of the seven languages: what every greeting and bot-question answer must do.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import chain

from trustdesk.language.model import model_for
from trustdesk.language.normalise import clean, fold, strip_accents

# -- what an AI may call itself ----------------------------------------------------------------
AI_WORDS = (
    r"ai|a\.i\.?|artificial\s+intelligence|bot|chatbot|chat\s+bot|robot|virtual\s+(?:[\w-]+\s+)?"
    r"(?:assistant|agent)|digital\s+assistant|automated|automatic|computer\s+program|language\s+model|"
    r"software|not\s+a\s+(?:person|human)|not\s+human|"
    # fr
    r"ia|intelligence\s+artificielle|assistant\s+virtuel|agent\s+virtuel|automatise|"
    r"automatisee|automatique|programme\s+informatique|pas\s+une\s+personne|pas\s+un\s+humain|"
    r"pas\s+un\s+etre\s+humain|robot\s+conversationnel|agent\s+conversationnel|"
    # de
    r"ki|kunstliche\s+intelligenz|kuenstliche\s+intelligenz|virtueller\s+assistent|"
    r"automatisiert\w*|automatisch\w*|computerprogramm|kein\s+mensch|keine\s+person|sprachmodell|"
    r"digitaler\s+assistent|ki-assistent|ki-gestutzt|ki\s+assistent|"
    # es
    r"inteligencia\s+artificial|asistente\s+virtual|automatizado|automatizada|automatico|"
    r"no\s+soy\s+una\s+persona|no\s+soy\s+humano|no\s+soy\s+un\s+ser\s+humano|"
    r"asistente\s+de\s+ia|programa\s+informatico|"
    # it
    r"intelligenza\s+artificiale|assistente\s+virtuale|automatizzato|non\s+sono\s+una\s+persona|"
    r"non\s+sono\s+un\s+essere\s+umano|non\s+sono\s+umano|assistente\s+ia|"
    # nl
    r"kunstmatige\s+intelligentie|virtuele\s+assistent|geautomatiseerd|geen\s+mens|"
    r"geen\s+persoon|ai-assistent|digitale\s+assistent|"
    # pt
    r"inteligencia\s+artificial|assistente\s+virtual|nao\s+sou\s+uma\s+pessoa|"
    r"nao\s+sou\s+humano|nao\s+sou\s+um\s+ser\s+humano|assistente\s+de\s+ia"
)
_AI = re.compile(rf"\b(?:{AI_WORDS})\b")

# -- claims ------------------------------------------------------------------------------------
_HUMAN_NOUN = (
    r"human|human\s+being|person|real\s+person|living\s+person|man|woman|guy|girl|lady|"
    r"people\s+person|flesh\s+and\s+blood|humain|humaine|etre\s+humain|personne|homme|femme|"
    r"mensch|menschen|person|mann|frau|humano|humana|ser\s+humano|persona|hombre|mujer|"
    r"umano|umana|essere\s+umano|persona|uomo|donna|mens|persoon|man|vrouw|pessoa|homem|"
    r"mulher|serhumano|essereumano|etrehumain|humanbeing|echtmens|echtemens|realperson|"
    r"realhuman|only\s+human|"
    # Typos a model (or a person) makes: "a humn", "a huamn", "a real preson".
    r"humn|huamn|humna|hmuan|hman|humam|hooman|hoomin|preson|pesron|persn"
)
_STAFF_NOUN = (
    r"employee|member\s+of\s+(?:the\s+|our\s+)?(?:staff|team|support\s+team|customer\s+service"
    r"(?:\s+team)?)|staff\s+member|team\s+member|agent|representative|rep|advisor|adviser|"
    r"consultant|specialist|colleague|manager|supervisor|operator|agents|advisors|advisers|"
    r"representatives|reps|employees|team\s+members|staff\s+members|"
    r"member\s+of\s+(?:the\s+|our\s+)?(?:[\w&'-]+\s+){0,3}?(?:staff|team|department|family|crew)|"
    r"conseiller|conseillere|employe|employee|membre\s+(?:de\s+l'equipe|du\s+personnel|"
    r"de\s+notre\s+equipe|du\s+service\s+client)|collaborateur|collaboratrice|operateur|"
    r"operatrice|teleconseiller|teleconseillere|agent|agente|"
    r"mitarbeiter|mitarbeiterin|berater|beraterin|angestellter|angestellte|teammitglied|"
    r"kundenberater|kundenberaterin|sachbearbeiter|sachbearbeiterin|"
    r"empleado|empleada|asesor|asesora|representante|operador|operadora|"
    r"miembro\s+del\s+(?:equipo|personal)|agente|"
    r"dipendente|operatore|operatrice|consulente|addetto|addetta|impiegato|impiegata|"
    r"membro\s+del\s+(?:team|personale|servizio\s+clienti)|"
    r"medewerker|medewerkster|werknemer|adviseur|teamlid|"
    r"atendente|funcionario|funcionaria|consultor|consultora|colaborador|colaboradora|"
    r"membro\s+da\s+equipe|membro\s+da\s+equipa"
)
_ARTICLE = (
    r"(?:a|an|the|your|one\s+of\s+the|one\s+of\s+our|un|une|le|la|votre|ton|ta|ein|eine|einer|"
    r"einem|der|die|ihr|ihre|dein|deine|uno|una|el|su|tu|il|lo|il\s+suo|la\s+sua|il\s+tuo|"
    r"la\s+tua|een|de|het|je|uw|um|uma|o|a|seu|sua|o\s+seu|a\s+sua)"
)
# One free word between an article and a noun ("ein echer Mensch"), never an AI word or a
# negation ("an AI agent", "not a person").
_FREE = (
    r"(?:(?!(?:ai|ia|ki|bot|virtual|virtuel\w*|virtuale|virtuele|virtueller|digital\w*|"
    r"automat\w*|chat|not|pas|kein\w*|no|non|geen|nao|conversationnel)\b)[\w'-]+\s+)?"
)
_NOT_AI_AFTER = (
    r"(?!\s+(?:bot|ai|ia|ki|virtual|virtuel|virtuelle|virtuale|virtuele|virtueller|"
    r"digital|digitale|automat\w*|conversationnel|robot|de\s+ia|ia\b))"
)
_THERE_IS = (
    r"there's|there\s+is|theres|il\s+y\s+a|y\s+a|es\s+gibt|da\s+ist|da\s+sitzt|hay|c'e|"
    r"c\s+e|er\s+zit|er\s+is|zit\s+er|tem|ha"
)
_HUMAN_HERE = (
    r"(?:(?:a|an|un|une|ein|eine|een|um|uma|una|uno|bien|wirklich|echt|gewoon|really|actually|"
    r"definitely)\s+)*(?:real\s+|actual\s+|live\s+|vrai\s+|vraie\s+|echter\s+|echte\s+|"
    r"vero\s+|vera\s+|de\s+verdad\s+)?(?:human|humans|human\s+being|person|people|humain|"
    r"etre\s+humain|mensch|humano|ser\s+humano|umano|essere\s+umano|mens|pessoa|persoon|"
    r"persona|personne)"
)
_AT_WORK = (
    r"typing|writing|replying|answering|reading|here|behind|on\s+the\s+other|derriere|ici|"
    r"hinter|hier|detras|aqui|dietro|qui|achter|atras|que\s+(?:escribe|responde)|qui\s+(?:ecrit|"
    r"repond)|der\s+(?:schreibt|antwortet)|che\s+(?:scrive|risponde)|die\s+(?:typt|schrijft)|"
    r"escrevendo|respondendo|promis|promise|beloofd|promesso|prometo|versprochen"
)
_FIRST = (
    r"i|i'm|i've|i'll|i'd|im|ive|my|me|myself|je|j'ai|j'|ma|mon|mes|moi|ich|mein|meine|meinem|"
    r"meinen|mir|mich|yo|mi|mis|me|io|mio|mia|miei|ik|mijn|me|eu|meu|minha|estou|acabo|vengo|"
    r"vuelvo|llevo|sto|sono|ho|ben|heb|fui|tenho|suis|reviens|termine|acabei|voltei|volvi|"
    r"sono\s+tornat[oa]|ben\s+terug|bin\s+zuruck|estoy|vou|je\s+vais"
)
_LIFE = (
    r"lunch|lunch\s+break|coffee|cuppa|my\s+tea|a\s+tea|toddler|my\s+kids|my\s+children|"
    r"my\s+eyes|tired|long\s+day|my\s+shift|end\s+of\s+my\s+day|going\s+home|hallway|"
    r"living\s+room|my\s+dog|my\s+cat|weekend\s+plans|pause\s+dejeuner|dejeuner|ma\s+journee|"
    r"mittagspause|feierabend|bei\s+mir\s+zu\s+hause|pausa\s+(?:para\s+)?comer|"
    r"volver\s+de\s+comer|mi\s+turno|en\s+mi\s+casa|pausa\s+pranzo|pranzo|il\s+mio\s+turno|"
    r"a\s+casa\s+mia|lunchpauze|mijn\s+dienst|bij\s+mij\s+thuis|almoco|hora\s+de\s+almoco|"
    r"meu\s+turno|na\s+minha\s+casa|cafe|kaffee|koffie|"
    r"cafezinho|mon\s+cafe|caffe|rucken|espalda|schiena|rug|costas|turno|schicht|my\s+shift|"
    r"mon\s+service|ma\s+pause|mijn\s+pauze|fingers|finger|my\s+hands|manos|maos|mains|vingers|"
    r"hande|glasses|brille|lesebrille|lentes|oculos|leesbril|lunettes|occhiali|headache|"
    r"kopfschmerzen|dolor\s+de\s+cabeza|dor\s+de\s+cabeca|hoofdpijn|mal\s+de\s+tete|heating|"
    r"heizung|calefaccion|aquecimento|verwarming|chauffage|riscaldamento|trains?|commute|"
    r"s-bahn|bahn|metro|transito|trein|traffic|stau|atasco|holiday|vacation|vacaciones|ferias|"
    r"vakantie|urlaub|conges|vacanze|last\s+year|letztes\s+jahr|el\s+ano\s+pasado|"
    r"no\s+ano\s+passado|vorig\s+jaar|l'annee\s+derniere|l'anno\s+scorso|stayed\s+late|"
    r"hasta\s+tarde|ate\s+tarde|tot\s+laat|fino\s+a\s+tardi|tard\s+au\s+bureau|"
    r"hora\s+de\s+comida|my\s+inbox|"
    r"next\s+to\s+me|neben\s+mir|a\s+mi\s+lado|naast\s+me|ao\s+meu\s+lado|accanto\s+a\s+me|"
    r"a\s+cote\s+de\s+moi"
)
_NOT_YOURS = r"(?<!\byou're\s)(?<!\byoure\s)(?<!\byou\s)(?<!\byour\s)(?<!\bare\s)"
_BODY_ACTS = (
    r"walked|went\s+and|popped|ran\s+down|held|measured|unpacked|unboxed|carried|lifted|touched|"
    r"in\s+person|with\s+my\s+own\s+eyes|shelf|shelves|stockroom|showroom|returns\s+bay|"
    r"shop\s+floor|warehouse\s+floor|suis\s+alle|suis\s+allee|etagere|de\s+mes\s+propres\s+yeux|"
    r"gegangen|nachgemessen|nachgeschaut\s+im\s+lager|im\s+lager|regal|mit\s+eigenen\s+augen|"
    r"estanteria|almacen|medi|con\s+mis\s+propios\s+ojos|scaffale|magazzino|misurato|"
    r"con\s+i\s+miei\s+occhi|schap|magazijn|gemeten|met\s+eigen\s+ogen|prateleira|armazem|"
    r"estoque|medi|com\s+os\s+meus\s+olhos|entrepot|eingepackt|verpackt|emballe|empaquete|"
    r"imballato|ingepakt|embalei|mesure|mesuree|medido|medida|misurato|misurata|opgemeten|"
    r"baje|sono\s+scesa|sono\s+sceso|gelopen|fui\s+ate|empaquetado|embalado|embalada|"
    r"sat\s+in|sat\s+on|me\s+he\s+sentado|me\s+sentei|sentei|gesessen|zat\s+in|"
    r"sono\s+seduto|sono\s+seduta|with\s+my\s+own\s+hands|mit\s+eigenen\s+handen|"
    r"con\s+mis\s+propias\s+manos|com\s+as\s+minhas\s+proprias\s+maos|"
    r"com\s+meus\s+proprios\s+olhos|met\s+mijn\s+eigen\s+handen|de\s+mes\s+propres\s+mains|"
    r"vorfuhrraum|sala\s+demo|sala\s+de\s+demonstracao|salle\s+de\s+demonstration|"
    r"sala\s+de\s+exposicion|toonzaal|en\s+persona|en\s+personne|di\s+persona|in\s+persoon|"
    r"em\s+pessoa"
)
_BOT_NOUN = (
    r"bot|robot|robo|chatbot|ai|a\.i\.?|ia|ki|machine|maschine|maquina|macchina|computer|"
    r"ordinateur|computador|program|programme|programm|programma|programa|automated|"
    r"automatise|automatisiert|automatizado|automatizzato|geautomatiseerd|artificial|"
    r"artificielle|kunstliche|algorithm|algorithme|script|software|language\s+model|llm"
)
_ADV = (
    r"(?:(?:also|actually|really|definitely|certainly|just|truly|honestly|totally|100%|"
    r"completely|simply|vraiment|bien|reellement|vraiment\s+un|wirklich|echt|tatsachlich|"
    r"ehrlich|realmente|de\s+verdad|verdaderamente|davvero|veramente|proprio|echt|gewoon|"
    r"wel|realmente|mesmo|de\s+verdade|a|an|one|the|your|a\s+real|an\s+actual|un|une|ein|"
    r"eine|einer|uno|una|un'|een|um|uma|votre|ton|ta|ihr|ihre|dein|deine|su|tu|il\s+suo|"
    r"la\s+sua|tuo|tua|uw|je|seu|sua|o\s+seu|a\s+sua|real|actual|genuine|live|proper|"
    r"living|breathing|vrai|vraie|veritable|echter|echte|realer|reale|vero|vera|echt|"
    r"verdadeiro|verdadeira|human|humain|humaine|menschlicher|menschliche|humano|humana|"
    r"umano|umana|menselijke|menselijk|dedicated|personal|friendly|support|customer\s+"
    r"service|customer\s+support|service|client|kunden|clientes|clienti|klanten|do\s+suporte|"
    r"du\s+service\s+client|del\s+servizio\s+clienti|del\s+servicio\s+al\s+cliente),?\s+)*"
)
_I_AM = (
    r"(?<!\bno\s)(?<!\bnon\s)(?<!\bnao\s)(?<!\bnot\s)(?<!\bniet\s)"
    r"(?:i\s+am|i'm|im|i\s+m|i\s+a\s+m|je\s+suis|j'suis|chuis|ich\s+bin|bin\s+ich|soy|yo\s+soy|"
    r"sono|io\s+sono|ik\s+ben|ben\s+ik|sou|eu\s+sou|estou\s+aqui\s+como)"
)
# "I'm not", also with an adverb between ("I'm definitely not", "I am certainly not").
_EMPH = r"(?:(?:definitely|certainly|absolutely|really|surely|obviously|clearly|honestly)\s+)?"
_I_AM_NOT = (
    rf"(?:i\s+am\s+{_EMPH}not|i'm\s+{_EMPH}not|im\s+{_EMPH}not|i\s+ain't|"
    r"je\s+ne\s+suis\s+pas|j'suis\s+pas|"
    r"je\s+suis\s+pas|ich\s+bin\s+kein|ich\s+bin\s+keine|ich\s+bin\s+nicht|no\s+soy|"
    r"non\s+sono|ik\s+ben\s+geen|ik\s+ben\s+niet|nao\s+sou|eu\s+nao\s+sou)"
)
_CLAIMS = re.compile(
    "|".join(
        f"(?:{p})"
        for p in (
            # "I'm real!", "of course I'm real", "soy real", "ich bin echt." (the whole predicate:
            # not "I'm real glad", "ich bin echt froh")
            rf"\b(?:{_I_AM}|i\s+am)\s+(?:(?:definitely|really|totally|100%|very\s+much|actually|"
            r"absolutely|completely|quite|bien|wirklich|muy|davvero|echt|mesmo)\s+)?"
            r"(?:real|reel|reelle|echt|reale|vero|vera|verdadero|verdadera|verdadeiro|verdadeira)"
            r"(?=\s*(?:[.!,;:?)]|$|\s+(?:and|too|i\s+promise|not\s+a|person|here|et|und|y|e|en|"
            r"aussi|auch|tambien|anche|ook|tambem)\b))",
            r"(?:^|[.!?]\s+)(?:100\s*%|one\s+hundred\s+percent|fully|totally|completely|entirely|"
            r"100\s*%\s*(?:un\s+|une\s+|ein\s+|una\s+|een\s+|uma\s+)?)\s*(?:human|humain|humaine|"
            r"mensch|menschlich|humano|humana|umano|umana|menselijk|real\s+person)\b"
            rf"{_NOT_AI_AFTER}",
            # "sono un'umana", "ich bin ein ganz normaler Mensch", "I'm just an ordinary person"
            rf"\b{_I_AM}\s+un'(?:umana|umano|essere\s+umano)\b",
            rf"\b{_I_AM}\s+(?:just\s+|nur\s+|juste\s+|solo\s+|gewoon\s+|so\s+)?{_ARTICLE}\s+"
            r"(?:ganz\s+|heel\s+|tout\s+|muy\s+|molto\s+|bem\s+)?(?:normal\w*|ordinary|regular|"
            r"gewohnlich\w*|ordinaire|comun|comune|gewone?|comum|simple|einfach\w*|semplice)\s+"
            rf"(?:{_HUMAN_NOUN})\b",
            # I am a (real) human / je suis une vraie personne / ich bin ein Mensch
            rf"\b{_I_AM}\s+{_ADV}(?:{_HUMAN_NOUN})\b{_NOT_AI_AFTER}",
            # "I, a human, have checked" / "moi, une vraie personne, ..."
            rf"(?:^|[^\w'])(?:i|me|moi|ich|yo|io|ik|eu),\s+{_ADV}(?:{_HUMAN_NOUN})\s*,",
            rf"\b{_I_AM}\s+{_ADV}{_ARTICLE}\s+{_FREE}{_ADV}(?:{_HUMAN_NOUN}|{_STAFF_NOUN})\b"
            rf"{_NOT_AI_AFTER}",
            # I am an agent / je suis conseiller / sono un operatore (not "an AI agent")
            rf"\b{_I_AM}\s+{_ADV}(?:{_STAFF_NOUN})\b{_NOT_AI_AFTER}",
            # part of the team / je fais partie de l'equipe / Teil des Teams
            r"\b(?:i'm\s+part\s+of|i\s+am\s+part\s+of|im\s+part\s+of|je\s+fais\s+partie|"
            r"ich\s+bin\s+teil|ich\s+gehore\s+zu|ich\s+gehoere\s+zu|formo\s+parte|"
            r"faccio\s+parte|ik\s+hoor\s+bij|ik\s+maak\s+deel\s+uit|faco\s+parte|"
            r"eu\s+faco\s+parte|myself\s+included|including\s+me|moi\s+compris|"
            r"mich\s+eingeschlossen|yo\s+incluid[oa]|me\s+compres[oa]|incluindo\s+eu|"
            r"mijzelf\s+inbegrepen|as\s+someone\s+who\s+works|als\s+iemand\s+die\s+werkt)\b",
            r"\b(?:sondern|aber|mais|pero|ma|maar|mas|but)\s+(?:teil|partie|parte|deel|part)\s+"
            r"(?:des|der|von|de|du|della|del|dello|van|da|do|of)\b",
            r"\bno\s+(?:ai|bot|bots|robot|robots|machine)\s+(?:here|involved|ici|hier|aqui|qui)\b",
            r"\bi(?:'ve|\s+have)\s+had\s+[^.!?]{0,40}\bmyself\b",
            # a home and a life: the same lamp at home, in my living room, my kids
            r"\b(?:(?:i|i'm|i've|my|me)\b[^.!?]{0,30}\bat\s+home|in\s+my\s+(?:own\s+)?(?:home|house|flat|apartment|living\s+room|"
            r"kitchen|bedroom|garden)|chez\s+moi|bei\s+mir\s+zu\s*hause|bei\s+mir\s+daheim|"
            r"en\s+mi\s+casa|a\s+casa\s+mia|nel\s+mio\s+(?:salotto|soggiorno)|bij\s+mij\s+thuis|"
            r"in\s+mijn\s+(?:huis|woonkamer)|na\s+minha\s+casa|em\s+minha\s+casa|"
            r"dans\s+mon\s+(?:salon|appartement)|in\s+meinem\s+(?:wohnzimmer|haus))\b",
            r"\bmy\s+(?:own\s+)?(?:wife|husband|kids|children|son|daughter|partner|boyfriend|"
            r"girlfriend|mum|mom|dad|family)\b",
            r"\b(?:sitting|sit|sitze|assis|assise|sentad[oa]|sedut[oa]|zit|zitten)\b[^.!?]{0,40}"
            r"\b(?:office|bureau|buro|oficina|ufficio|kantoor|escritorio|desk|schreibtisch|"
            r"scrivania)\b",
            # years on the job: I've worked in customer service for years / je travaille ici
            r"\b(?:i\s+work|i've\s+worked|i\s+have\s+worked|i've\s+been\s+working|"
            r"je\s+travaille|j'ai\s+travaille|ich\s+arbeite|ich\s+habe\s+\w+\s+gearbeitet|"
            r"trabajo|llevo\s+[\w ]{1,20}trabajando|estoy\s+trabajando|lavoro|ho\s+lavorato|"
            r"ik\s+werk|ik\s+heb\s+\w+\s+gewerkt|trabalho|eu\s+trabalho|trabalhei)\b"
            r"(?!\s+(?:with|from|on|avec|mit|con|met|com)\b)[^.!?]{0,40}\b(?:team|service|"
            r"department|warehouse|store|shop|office|years|depuis|seit|desde|da\s+\w+\s+anni|"
            r"sinds|ha\s+\w+\s+anos|jaar|jahre|jahren|anos|anni|annees|ans|anos|here|ici|hier|"
            r"aqui|qui|equipe|equipo|equipa|entrepot|lager|almacen|magazzino|magazijn|armazem|"
            r"kundenservice|klantenservice|atencion|assistenza|atendimento|servicio|servizio)\b",
            # I'm not a bot / je ne suis pas un robot / ich bin kein Bot
            rf"\b{_I_AM_NOT}\s+(?:(?:a|an|un|une|uno|una|een|um|uma|just\s+a|some|really\s+a)\s+|"
            rf"un'|l')?(?:{_BOT_NOUN})\b",
            # "there's a real human typing these replies", "qui c'e un umano, promesso!"
            rf"\b(?:{_THERE_IS})\s+(?:[\w'-]+\s+){{0,2}}?{_HUMAN_HERE}\s+(?:[\w'-]+\s+){{0,1}}?"
            rf"(?:{_AT_WORK})",
            rf"\b(?:here|ici|hier|aqui|qui|da|dort)\s+(?:{_THERE_IS}|is|e|est|ist|sitzt|zit|esta)\s+"
            rf"(?:[\w'-]+\s+){{0,2}}?{_HUMAN_HERE}\b",
            rf"\b(?:promise|promised|i\s+swear|assure|promis|promets|versprochen|prometo|juro|"
            rf"promesso|prometto|beloofd|garantisco|te\s+lo\s+garantizo)\b[^.!?]{{0,50}}"
            rf"{_HUMAN_HERE}\b|{_HUMAN_HERE}\b[^.!?]{{0,30}}\b(?:promise|promised|i\s+swear|"
            rf"promis|versprochen|prometo|juro|promesso|prometto|beloofd)\b",
            # "te escribe una agente", "vous ecrit un conseiller"
            r"\b(?:te\s+escribe|le\s+escribe|te\s+atiende|le\s+atiende|vous\s+ecrit|"
            r"vous\s+repond|ti\s+scrive|le\s+scrive|schreibt\s+ihnen|schreibt\s+dir|"
            r"schrijft\s+je|schrijft\s+u|escreve-lhe|escreve-te|te\s+escreve)\s+(?:[\w'-]+\s+)?"
            rf"(?:[\w'-]+\s+)?(?:{_STAFF_NOUN}|{_HUMAN_NOUN})\b",
            # "no bots here", "nada de robots por aqui", "nessun bot"
            r"\b(?:no|nada\s+de|ningun|nessun|geen|kein|keine|aucun|pas\s+de|nenhum)\s+"
            r"(?:robot|robots|robo|robos|roboter|bot|bots|ia|ai|ki|maquinas?|macchine|machines?|"
            r"algorithm\w*|algoritm\w*)\s*(?:por\s+aqui|"
            r"qui|hier|ici|aqui|here|involved|around|[,.!]|$)",
            # years on the job: "llevo seis anos trabajando", "i've been working here"
            r"\b(?:llevo|i've\s+been|i\s+have\s+been|ich\s+bin\s+seit|je\s+suis\s+depuis|"
            r"sono\s+da|ik\s+ben\s+al|estou\s+ha|ho\s+passato)\b[^.!?]{0,30}\b(?:trabajando|"
            r"working|arbeite|travaille|lavorando|werk|werkzaam|trabalhando|employed)\b",
            r"\b(?:grab|get|have|drink|finish)\s+(?:a|my|me\s+a)\s+(?:coffee|tea|cuppa|lunch|"
            r"sandwich|break)\b",
            # "we're real people", "nous sommes de vraies personnes", "wir echte Menschen"
            r"\b(?:we're|we\s+are|were|we|us|one\s+of\s+us|nous\s+sommes|nous|wir\s+sind|wir|"
            r"somos|nosotros|siamo|noi|wij\s+zijn|zijn\s+wij|wij|nos)\s+(?:all\s+|tous\s+|alle\s+|"
            r"todos\s+|tutti\s+|allemaal\s+|just\s+|only\s+|juste\s+|nur\s+|solo\s+|"
            r"ausschliesslich\s+|de\s+|des\s+)?(?:real|actual|genuine|vraies|vrais|echte|echten|"
            r"reales|veri|vere|echte|reais|verdaderas|verdadeiras)?\s*(?:people|humans|human\s+beings|"
            r"persons|personnes|humains|menschen|personas|humanos|persone|umani|mensen|pessoas)\b",
            r"\b(?:our|notre|unser|nuestro|nostro|ons|onze|nossa|nosso)\s+(?:team|equipe|equipo|"
            r"squadra|team|equipa)\s+of\s+(?:real|actual)\s+(?:people|humans)\b",
            # "a human is typing this reply", "c'est bien un humain qui vous repond"
            rf"{_HUMAN_HERE}\s+(?:is\s+|are\s+)?(?:typing|writing|answering|replying\s+to)\s+"
            r"(?:this|these|you|your)\b",
            rf"{_HUMAN_HERE}\s+(?:qui\s+(?:vous\s+|te\s+)?(?:repond|ecrit)|der\s+ihnen|die\s+ihnen|"
            r"que\s+(?:te|le)\s+(?:responde|escribe)|che\s+(?:ti|le)\s+(?:risponde|scrive)|"
            r"die\s+(?:je|u)\s+(?:antwoordt|schrijft)|que\s+(?:te|lhe)\s+(?:responde|escreve))\b",
            r"\b(?:written|typed|answered|ecrites|ecrits|geschrieben|beantwortet|escritas|escritos|"
            r"scritte|scritti|geschreven|beantwoord|respondidas)\s+(?:by|par|von|por|da|door)\s+"
            r"(?:the\s+|les\s+|den\s+|los\s+|las\s+|gli\s+|le\s+|de\s+|os\s+|as\s+)?(?:real\s+|"
            r"actual\s+)?(?:humans|people|humains|menschen|humanos|umani|mensen|personnes|personas|"
            r"persone|pessoas)\b",
            r"\b(?:human|real)\s+(?:staff|person|people|team|being)\s+here\b",
            rf"\b(?:scrivendo|escrevendo|typt|schreibt|escribe|escribiendo|ecrit|typing|writing|"
            rf"scrive|escreve|schrijft|tippt|tapant)\s+(?:[\w']+\s+){{0,3}}?(?:(?:e|is|ist|es|est)\s+)?"
            rf"{_HUMAN_HERE}\b",
            r"\b(?:contestamos|respondemos|rispondiamo|antwoorden\s+(?:alleen\s+)?wij|"
            r"wij\s+antwoorden|we\s+answer|we\s+reply|nous\s+repondons|wir\s+antworten|"
            r"somos\s+(?:so\s+)?nos|siamo\s+noi|respondemos\s+nos)\b[^.!?]{0,50}\b(?:human|umano|"
            r"humano|humana|menselijke|menschlich\w*|humaine|humains|people|persone|personas|"
            r"pessoas|mensen)\b",
            r"\bi'?m\s+as\s+(?:human|real)\s+as\b",
            # "Nope, not a bot!", "no robot here", "pas un robot", "kein Bot"
            r"(?:^|[.!?,;:]\s*)(?:nope|no|nah|non|nein|nee|nao|haha|lol|ha)?[\s,!.]*(?:definitely\s+|"
            r"certainly\s+|honestly\s+|absolutely\s+|promise\s+)?(?:not|pas|kein|keine|no\s+es|"
            r"non|geen|nao|nicht)\s+(?:(?:a|an|un|une|ein|eine|uno|una|een|um|uma|just\s+a)\s+)?"
            r"(?:bot|robot|robo|chatbot|ai|a\.i\.|ia|ki|machine|maschine|maquina|macchina|"
            r"computer|program|programme|programm|programma|programa)\b(?!\s*-?\s*(?:generated|"
            r"powered|based|driven|problem|issue|question))",
            # "being human myself", "being a person myself"
            rf"\bbeing\s+(?:a\s+|an\s+)?(?:real\s+|actual\s+)?(?:{_HUMAN_NOUN})\s+myself\b",
            # as a (real) person / en tant qu'humain / als Mensch
            r"\b(?:as\s+a|as\s+an|as\s+your|as\s+one\s+of|being\s+a|en\s+tant\s+qu'|"
            r"en\s+tant\s+que|comme|als|como|come|in\s+quanto|in\s+qualita\s+di|als\s+een|"
            r"da)\s+(?:real\s+|fellow\s+|vrai\s+|echter\s+|human\s+|real\s+|menschlicher\s+|"
            r"menschliche\s+|humano\s+|umano\s+|humain\s+|menselijke\s+|humana\s+)?(?:support\s+|"
            rf"customer\s+service\s+)?(?:{_STAFF_NOUN}|membre|miembro|membro|lid|human|person|persona|"
            r"pessoa|persoon|personne|"
            r"human\s+being|humain|etre\s+humain|mensch|humano|ser\s+humano|umano|"
            r"essere\s+umano|mens|member\s+of\s+(?:the\s+|our\s+)?(?:staff|team)|"
            r"employee|employe|mitarbeiter|empleado|dipendente|medewerker|funcionario)\b",
            # you're talking to a real person / vous parlez a un humain
            r"\b(?:you're|you\s+are|youre|vous\s+parlez|tu\s+parles|vous\s+discutez|sie\s+sprechen|"
            r"du\s+sprichst|sie\s+schreiben|estas\s+hablando|esta\s+hablando|hablas|stai\s+parlando|"
            r"sta\s+parlando|je\s+praat|u\s+praat|je\s+spreekt|u\s+spreekt|voce\s+esta\s+falando|"
            r"esta\s+a\s+falar|estas\s+a\s+falar)\s+(?:now\s+|here\s+|maintenant\s+|ici\s+|jetzt\s+|"
            r"hier\s+|ahora\s+|ora\s+|nu\s+|agora\s+)?(?:talking|chatting|speaking|writing|"
            r"dealing)?\s*(?:to|with|a|avec|mit|con|met|com)\s+(?:a|an|un|une|einem|einer|uno|"
            r"una|een|um|uma)?\s*(?:real\s+|actual\s+|live\s+|vrai\s+|vraie\s+|echten\s+|"
            r"echter\s+|real\s+|vero\s+|vera\s+|echte\s+|echt\s+)?(?:human|person|human\s+being|"
            r"essere\s+umano|ser\s+humano|etre\s+humain|ser\s+humano\s+real|"
            r"humain|personne|mensch|menschen|person|humano|persona|umano|mens|persoon|"
            r"pessoa|agent|representative|member\s+of\b|"
            r"conseiller|mitarbeiter|asesor|operatore|medewerker|atendente)\b"
            rf"{_NOT_AI_AFTER}",
            # this is a real person here / human here
            r"\b(?:this\s+is|it's|c'est|das\s+ist|hier\s+ist|aqui|qui\s+c'e|hier)\s+"
            r"(?:a\s+|un\s+|une\s+|ein\s+|eine\s+|un\s+|een\s+|um\s+|uma\s+)?(?:real\s+|actual\s+|"
            r"vrai\s+|vraie\s+|echter\s+|echte\s+)?(?:human|person|humain|personne|mensch|humano|"
            r"persona|umano|mens|pessoa)\s+(?:here|speaking|answering|writing|replying|ici|hier|"
            r"aqui|qui)\b",
            r"^\W*(?:real\s+|actual\s+)?(?:human|person|humain|mensch|humano|umano|mens|pessoa)"
            r"\s+here\b",
            # signs of a body and a job: at my desk, on my shift, my colleagues, worked here
            r"\b(?:i'm|i\s+am|im)\s+(?:sitting|typing|working\s+from|working\s+in|working\s+at|"
            r"at\s+my\s+desk|in\s+the\s+office|in\s+our\s+office|on\s+my\s+lunch|on\s+shift|"
            r"on\s+my\s+shift|at\s+home|based\s+in|located\s+in|here\s+in\s+the\s+office)\b",
            r"\bi(?:'ve|\s+have)\s+(?:been\s+)?(?:worked|working)\s+(?:here|at|for|in)\b",
            r"\b(?:no|kein|ningun|nenhum|geen|aucun|nessun)\s+(?:algorithm\w*|algoritm\w*|bot|robot|"
            r"ki|ia|ai)\b[^.!?]{0,40}\b(?:just\s+me|nur\s+ich|solo\s+yo|so\s+eu|alleen\s+ik|"
            r"que\s+moi|solo\s+io|only\s+me)\b",
            r"\bmy\s+(?:colleagues?|coworkers?|co-workers?|manager|boss|shift|desk|lunch\s+break|"
            r"team\s+leader|team\s+lead|teammates?|supervisor|line\s+manager)\b",
            r"\b(?:meine?|mi|mis|minha|meu|meus|mijn|mon|ma|mes|mio|mia|miei|il\s+mio|la\s+mia)\s+"
            r"(?:chefin|chef|jefa|jefe|chefe|leidinggevende|supervisora|supervisor|coordinadora|"
            r"coordinador|teamleiterin|teamleiter|teamleider|responsable|responsabile|kollegin|"
            r"kollegen|kollege|companera|companero|companeros|colega|colegas|collega|collega's|"
            r"collegas|collegue|collegues|colleghi|capo|baas|vorgesetzte\w*)\b",
            r"\b(?:my|mein\w*|mi|mis|meu|meus|minha|minhas|mijn|mon|ma|mes|mio|mia|miei|our|unsere\w*|"
            r"onze|nuestros|nuestras|nossos|nossas|nos|nostri)\s+(?:kids|children|son|daughter|"
            r"husband|wife|kinder|hijos|hijas|filhos|filhas|kinderen|figli|enfants|mann|marido|mari|"
            r"man|moglie|marito|esposa|frau|vrouw|partner|partnerin|toddler|baby)\b",
            # "just me and a mug of tea", "only me and two colleagues", "nur ich und zwei …"
            r"\b(?:just|only|ever\s+been|nur|solo|solamente|so|alleen|que|seulement)\s+"
            r"(?:ever\s+been\s+)?(?:me|ich|yo|eu|ik|moi|io)\s+(?:and|und|y|e|en|et|met|with|mit|con|"
            r"com|avec)\b",
            r"\b(?:respondemos|antworten|answering|answer|antwoorden|respondemos|rispondiamo|"
            r"repondons)\s+(?:solo|nur|only|alleen|so|seulement|apenas)\s+(?:yo|ich|i|ik|eu|io|moi)\b",
            # "whoever told you this chat is automated was mistaken"
            r"\b(?:chat|this|ce\s+chat|dieser\s+chat|este\s+chat|deze\s+chat|questa\s+chat)\s+"
            r"(?:is|ist|es|e|est|lauft|läuft)\s+(?:\w+\s+)?(?:automated|automatisch|automatico|"
            r"automatisiert|automatique|geautomatiseerd)[^.!?]{0,40}\b(?:mistaken|wrong|geirrt|"
            r"equivoco|enganou|vergist|trompe|sbagliato|se\s+equivoco)\b",
            # "here only people work", "op ons kantoor werken alleen mensen"
            r"\b(?:arbeiten|werken|work|trabajan|trabalham|lavorano|travaillent)\s+(?:hier\s+)?"
            r"(?:nur|alleen|only|solo|so|apenas|seulement|uniquement)\s+(?:menschen|mensen|people|"
            r"humans|personas|pessoas|persone|humains|humanos)\b",
            # "I'm one of the humans who answer this chat"
            rf"\b{_I_AM}\s+(?:\w+\s+)?(?:one\s+of\s+the|einer\s+der|eine\s+der|uno\s+de\s+los|"
            r"una\s+de\s+las|um\s+dos|uma\s+das|een\s+van\s+de|l'un\s+des|l'une\s+des|"
            r"uno\s+degli|una\s+delle)\s+(?:\w+\s+)?(?:humans|people|menschen|humanos|humanas|"
            r"mensen|humains|personnes|persone|umani|pessoas|personas)\b",
            # "weil ich ein Mensch bin", "omdat ik een mens ben"
            r"\b(?:ich|ik)\s+(?:ein|eine|een)?\s*(?:echter?\s+|echte\s+)?(?:mensch|person|persoon|"
            r"mens|mitarbeiter\w*|medewerker)\s+(?:bin|ben)\b",
            r"\bich\s+bin\s+(?:hier\s+)?(?:fest\s+)?angestellt\b",
            r"\bas\s+someone\s+who\s+(?:has\s+)?(?:actually\s+|really\s+)?(?:sat|worked|tried|"
            r"used|been|visited|seen|held|assembled)\b",
            r"\b(?:i\s+was|ich\s+war|estuve|estive|ero|ik\s+was|j'etais|i've\s+been)\s+(?:in|at|im|"
            r"en|no|na|nel|op|au|down\s+at)\s+(?:the\s+|our\s+|unserem\s+|el\s+|o\s+|a\s+|het\s+|"
            r"le\s+)?(?:[\w-]+\s+){0,2}(?:warehouse|lager|almacen|armazem|magazzino|magazijn|"
            r"entrepot|office|buro|oficina|escritorio|ufficio|kantoor|bureau|showroom|store|shop|"
            r"tienda|loja|winkel|negozio|deposito)\b",
            # "I type every answer myself", "tippe ich jede Antwort selbst"
            r"\b(?:type|typing|tippe|tecleo|digito|typ|schreibe|escribo|escrevo|scrivo|write)\b"
            r"[^.!?]{0,40}\b(?:myself|selbst|yo\s+mism[oa]|eu\s+mesm[oa]|zelf|io\s+stess[oa]|"
            r"moi-meme|personally|personlich|persoonlijk|personalmente)\b",
            r"\b(?:this\s+job|diesen\s+job|dit\s+werk|este\s+trabajo|este\s+trabalho|"
            r"questo\s+lavoro|ce\s+travail|im\s+team|in\s+the\s+team|en\s+la\s+empresa|"
            r"na\s+empresa|in\s+azienda|hier|here)\b[^.!?]{0,30}\b(?:since|seit|sinds|desde|ha|da|"
            r"depuis|al|for)\s+(?:\d{4}|\w+\s+(?:years|jahren|jaar|anos|anni|ans))\b",
            r"\b(?:mes\s+collegues|mon\s+collegue|ma\s+collegue|mon\s+responsable|mon\s+bureau|"
            r"meine\s+kollegen|mein\s+kollege|meine\s+kollegin|mein\s+chef|mis\s+companeros|"
            r"mi\s+companero|mi\s+jefe|i\s+miei\s+colleghi|il\s+mio\s+collega|il\s+mio\s+capo|"
            r"mijn\s+collega'?s?|mijn\s+baas|meus\s+colegas|meu\s+colega|meu\s+chefe)\b",
        )
    )
)
# A body and a day of one's own, in the first person; not when denied ("I can't check the
# shelves myself", "I don't get tired").
_LIFE_CLAIMS = re.compile(
    "|".join(
        f"(?:{p})"
        for p in (
            # experience of a body: I packed it myself / j'ai moi-meme prepare votre colis
            r"\b(?:i\s+personally|i\s+myself|myself|moi-meme|moi\s+meme|personnellement|selbst|"
            r"personlich|persoenlich|yo\s+mism[oa]|personalmente|io\s+stess[oa]|zelf|persoonlijk|"
            r"eu\s+mesm[oa]|pessoalmente)\b[^.!?]{0,60}\b(?:pack\w*|prepar\w*|wrap\w*|walk\w*|"
            r"went|go\s+over|drove|drive|carr\w*|lift\w*|emball\w*|verpack\w*|gepackt|ring|"
            r"call|phone|rang|called|phoned|fui|fue|visit\w*|estoque|stockroom|stock|deposito|"
            r"preparad\w*|prepare\w*|embal\w*|imballat\w*|impacchettat\w*|ingepakt|inpak\w*|"
            r"warehouse|entrepot|lager|almacen|magazzino|magazijn|armazem|desk|bureau|buro|"
            r"oficina|ufficio|kantoor|escritorio|parcels?\s+go\s+missing|spoke|talked|gepraat|"
            r"gesproken|gesprochen|hable|falei|parlato|parle)\b",
            r"\b(?:pack\w*|prepar\w*|wrapped|walk\w*|went|emball\w*|verpack\w*|gepackt|"
            r"prepare\w*|embal\w*|imballat\w*|ingepakt|preparei|embalei|packed|"
            r"preparato|preparado|preparada|preparee|prepare|ring|call|phone|rang|called|"
            r"phoned|went|drove)\b[^.!?]{0,60}\b(?:myself|"
            r"moi-meme|moi\s+meme|selbst|yo\s+mism[oa]|io\s+stess[oa]|zelf|eu\s+mesm[oa])\b",
            # a day of one's own: lunch, a shift, tired eyes, home
            rf"\b(?:{_FIRST})\b[^.!?]{{0,60}}\b(?:{_LIFE})\b",
            # (not the customer's day: "you're tired of waiting, and I'm sorry")
            rf"{_NOT_YOURS}\b(?:{_LIFE})\b[^.!?]{{0,40}}\b(?:{_FIRST})\b",
            # hands and feet: walked to the returns bay, checked the shelf, measured it
            # (German "im Regal" is "in the shelf", not "I'm")
            rf"\b(?!im\s+(?:regal|lager|laden|buro|haus|keller)\b)(?:{_FIRST})\b[^.!?]{{0,60}}"
            rf"\b(?:{_BODY_ACTS})\b",
            rf"^\W*(?:{_BODY_ACTS})\b",
        )
    )
)
# A life of one's own, told in the first person (read on folded text): family, home and body
# ("my daughter has a fever", "in my kitchen"), a parent's or a fellow's standpoint, an age,
# years in the job, moving about the building or the town, tears and laughter, clothes worn
# and beds slept on. None of it is something an assistant can truthfully say.
_KIN_AND_HOME = (
    # en
    r"\bmy\s+(?:own\s+)?(?:kids?|children|son|daughter|husband|wife|boyfriend|girlfriend|mum|"
    r"mom|mother|dad|father|parents|grandma|grandmother|grandad|grandpa|nan|baby|toddler|"
    r"flat|apartment|kitchen|garden|car|mobile|headset|back|feet|knees|neighbou?rs?|wedding|"
    r"commute|desk)\b",
    # fr
    r"\b(?:mon|ma|mes)\s+(?:enfants?|fils|filles?|mari|femme|copain|copine|mere|maman|pere|"
    r"papa|parents|grand-mere|bebe|appartement|cuisine|jardin|voiture|portable|casque|dos|"
    r"pieds|genoux|voisins?|bureau)\b",
    # de
    r"\b(?:mein|meine|meinem|meinen|meiner)\s+(?:kinder|kind|sohn|tochter|mann|frau|freund|"
    r"freundin|mutter|mama|vater|papa|eltern|oma|baby|wohnung|kuche|garten|auto|handy|"
    r"headset|rucken|fusse|knie|nachbarn?|schreibtisch)\b",
    # es
    r"\bmis?\s+(?:hijos?|hijas?|marido|mujer|novio|novia|madre|mama|padre|papa|padres|"
    r"abuela|bebe|piso|cocina|jardin|coche|movil|cascos|espalda|pies|rodillas|vecinos?|"
    r"escritorio)\b",
    # it
    r"\b(?:mio|mia|miei|mie)\s+(?:figli[oa]?|figlie|marito|moglie|ragazz[oa]|madre|mamma|"
    r"padre|papa|genitori|nonna|bambin[oi]|appartamento|cucina|giardino|macchina|cellulare|"
    r"cuffie|schiena|piedi|ginocchia|vicin[io]|scrivania)\b|\bcasa\s+mia\b",
    # nl
    r"\bmijn\s+(?:kinderen|kind|zoon|dochter|man|vrouw|vriend|vriendin|moeder|mama|vader|"
    r"papa|ouders|oma|baby|appartement|keuken|tuin|auto|telefoon|mobiel|headset|rug|voeten|"
    r"knieen|buren|bureau)\b",
    # pt
    r"\b(?:meu|minha|meus|minhas)\s+(?:filhos?|filhas?|marido|mulher|namorad[oa]|mae|pai|"
    r"pais|avo|bebe|apartamento|cozinha|jardim|carro|telemovel|celular|auscultadores|costas|"
    r"pes|joelhos|vizinhos?|secretaria)\b",
)
_STANDPOINT = (
    r"\bas\s+an?\s+(?:mum|mom|mother|dad|father|parent|fellow\s+\w+)\b|\bas\s+one\s+human\b|"
    r"\bfellow\s+human|\bwhen\s+i\s+was\s+(?:pregnant|a\s+(?:kid|child|student|teenager))\b|"
    r"\ben\s+tant\s+que\s+(?:maman|mere|papa|pere|parent)\b|\bquand\s+j'etais\s+enceinte|"
    r"\bals\s+(?:mutter|vater|mama|papa)\b|\bals\s+ich\s+schwanger\s+war|"
    r"\bcomo\s+(?:madre|padre|mama|papa|mae|pai)\s+de\b|\bcuando\s+estaba\s+embarazada|"
    r"\bcome\s+(?:mamma|madre|padre|papa)\b|\bquando\s+ero\s+incinta|"
    r"\bals\s+(?:moeder|vader)\s+van\b|\btoen\s+ik\s+zwanger\s+was|\bquando\s+estava\s+gravida",
    # an age of one's own
    r"\bi'?m\s+\d{2}\s+(?:years|and|,)|\bi\s+am\s+\d{2}\s+(?:years|and)|\bj'ai\s+\d{2}\s+ans\b|"
    r"\bich\s+bin\s+\d{2}\s+(?:jahre|und)|\btengo\s+\d{2}\s+anos\b|\bho\s+\d{2}\s+anni\b|"
    r"\bik\s+ben\s+\d{2}\s+(?:jaar|en)\b|\btenho\s+\d{2}\s+anos\b",
)
_TENURE = (
    r"\b(?:in|during|after|over)\s+(?:my\s+)?(?:\d+|[a-z]+)\s+years?\s+(?:here|at|with|in\s+th|"
    r"on\s+th|doing)|\b(?:having\s+worked|worked\s+the\s+phones|i'?ve\s+been\s+(?:doing|"
    r"answering|working)\s+(?:this|these|here)[^.!?]{0,40}\bsince)\b|"
    r"\ben\s+(?:\d+|[a-z]+)\s+ans\s+(?:ici|dans\s+la\s+maison|chez|de\s+metier)|"
    r"\bje\s+fais\s+ce\s+metier\s+depuis|\bpour\s+avoir\s+passe\s+des\s+annees|"
    r"\bin\s+meinen\s+(?:\d+|[a-z]+)\s+jahren|\bich\s+mache\s+diesen\s+job\s+(?:schon\s+)?seit|"
    r"\bseit\s+(?:\d+|[a-z]+)\s+jahren\s+(?:hier|bei\s+uns|am\s+telefon)|"
    r"\ben\s+mis\s+(?:\d+|[a-z]+)\s+anos|\bllevo\s+(?:\d+\s+|[a-z]+\s+)?anos\s+(?:aqui|en\s+esta|"
    r"atendiendo|trabajando)|\bnei\s+miei\s+(?:\d+|[a-z]+)\s+anni|\bfaccio\s+questo\s+lavoro\s+da|"
    r"\bin\s+mijn\s+(?:\d+|[a-z]+)\s+jaar|\bik\s+doe\s+dit\s+werk\s+(?:al\s+)?sinds|"
    r"\bnos\s+meus\s+(?:\d+|[a-z]+)\s+anos|\bfaco\s+este\s+trabalho\s+(?:ha|desde)",
)
_MOVING_ABOUT = (
    r"\bi'?ll\s+(?:pop|run|nip|head|walk|go|dash)\s+(?:down|over|out|up|round|across|to\s+the)\b|"
    r"\bon\s+my\s+way\s+(?:in|to\s+work|home|back)\b|\bstay(?:ing)?\s+(?:late|behind)\b|"
    r"\b(?:working|work)\s+from\s+home\b|\bwfh\b|\bi\s+(?:drove|walked|cycled|loaded|carried|"
    r"popped|nipped)\b|\bat\s+the\s+till\b|\bask\s+for\s+me\b|\bcame\s+in(?:to)?\s+the\s+shop\b|"
    r"\bteletravail|\bje\s+descends|\bje\s+passe\s+au\s+(?:depot|magasin|quai)|\ben\s+caisse\b|"
    r"\bbouchons\b|\bhome-?office\b|\bvon\s+zu\s+hause\b|\bich\s+gehe\s+(?:gleich\s+)?runter|"
    r"\ban\s+der\s+kasse\b|\braucherpause|\bbeim\s+backer|\bteletrabaj|\bbajo\s+(?:al|a\s+la)\b|"
    r"\ben\s+caja\b|\batasco|\bsmart\s+working\b|\bscendo\s+(?:in|al|a)\b|\balla\s+cassa\b|"
    r"\btraffico\b|\bthuiswerk|\bthuis\s+werk|\bik\s+loop\s+(?:even\s+)?naar|\baan\s+de\s+kassa\b|"
    r"\bfile\s+stond|\bteletrabalh|\bvou\s+(?:ja\s+)?(?:descer|ao\s+armazem)|"
    r"\btransito\b",
)
_FEELING_AND_WEARING = (
    r"\bi\s+(?:teared\s+up|cried|wept|laughed\s+(?:so|out)|was\s+so\s+angry|had\s+to\s+get\s+up)|"
    r"\bi\s+(?:wear|wore)\b|\bi'?(?:ve|\s+have)?\s+slept\b|\bi\s+sleep\s+on\b|"
    r"\bj'ai\s+(?:pleure|ri\s+aux\s+larmes)|\bje\s+porte\s+moi|\bje\s+dors\s+sur|"
    r"\btranen\s+gelacht|\bgeweint\b|\bich\s+trage\b|\bich\s+schlafe\s+(?:auf|seit)|"
    r"\bllore\b|\bme\s+dio\s+(?:mucha\s+)?rabia|\bduermo\s+en|\buso\s+la\s+talla|\bllevo\s+la\s+talla|"
    r"\bho\s+pianto|\bmi\s+sono\s+commoss[oa]|\bdormo\s+su|\bporto\s+la\s+(?:taglia|\d)|"
    r"\bgehuild|\btranen\s+gelachen|\bik\s+draag\b|\bslaap\s+(?:al\s+)?op\b|"
    r"\bchorei\b|\bdurmo\s+n|\buso\s+o\s+tamanho|\bvisto\s+o\s+\d",
)
_EXPERIENCE = re.compile(
    "|".join(f"(?:{p})" for p in (*_KIN_AND_HOME, *_MOVING_ABOUT, *_FEELING_AND_WEARING))
)
# A job title held in the first person: "As the store manager, I've decided …", "En tant que
# gérante, j'ai …", "Als Filialleiterin habe ich …" (not "as the AI assistant"; not a role
# of someone else: the speaker must follow within the sentence).
_ROLE_TITLES = (
    r"(?:store\s+|shop\s+|branch\s+|office\s+|team\s+|general\s+)?manager|owner|co-?owner|"
    r"supervisor|team\s+lead(?:er)?|head\s+of\s+\w+|director|founder|co-?founder|"
    r"person\s+(?:responsible|in\s+charge)|shop\s+assistant|sales\s+assistant|buyer|"
    r"gerante?|responsable|responsabile|directeur|directrice|proprietaire|cheffe?|fondat(?:eur|rice)|"
    r"vendeu(?:r|se)|filialleiter(?:in)?|leiter(?:in)?|verantwortliche[rn]?|inhaber(?:in)?|"
    r"geschaftsfuhrer(?:in)?|teamleiter(?:in)?|grunder(?:in)?|verkaufer(?:in)?|"
    r"gerente|encargad[oa]|director[a]?|duen[oa]|jef[ea]|fundador[a]?|dependient[ea]|"
    r"direttore|direttrice|titolare|capo\s*\w*|fondat(?:ore|rice)|commess[oa]|"
    r"filiaalmanager|winkelmanager|eigena(?:ar|res)|verantwoordelijke|teamleider|"
    r"leidinggevende|oprichter|bedrijfsleider|responsavel|diretor[a]?|don[oa]|chefe|"
    r"encarregad[oa]|vendedor[a]?"
)
_ROLE_HELD = (
    r"(?:^|[.!?,;:]\s*|\band\s+|\bet\s+|\bund\s+|\by\s+|\be\s+|\ben\s+)"
    r"(?:as|en\s+tant\s+que|en\s+ma\s+qualite\s+de|als|como|en\s+calidad\s+de|come|"
    r"in\s+qualita\s+di|in\s+quanto|na\s+qualidade\s+de|enquanto)\s+"
    r"(?:(?:the|a|an|our|your|la|le|l'|de|der|die|el|il|lo|o|a|het|een|um|uma|unser\w*|"
    r"notre|nuestr[oa]|nostr[oa]|onze|noss[oa])\s+)?(?:[\w'-]+\s+){0,2}?"
    rf"(?:{_ROLE_TITLES})\b[^.!?]{{0,80}}\b(?:i|i'm|i've|i'll|je|j'|j'ai|ich|yo|io|ik|eu|"
    r"me|moi|mi|mir|mich|m'|decid\w*|he|ho|heb|tenho|decidi|deciso|besloten|personally|"
    r"myself|personnellement|moi-meme|personlich|selbst|personalmente|yo\s+mism[oa]|"
    r"confirmo|autorizo|ofrezco|apruebo|reembolso|confermo|autorizzo|offro|approvo|"
    r"ofereco|aprovo|reembolso|"
    r"di\s+persona|io\s+stess[oa]|persoonlijk|zelf|pessoalmente|eu\s+mesm[oa])\b"
)
# Senses, a body's states and a home of one's own: "I'm allergic to wool myself", "je suis un
# peu fatiguée ce soir", "ich rieche das Zedernholz", "mon chat adore ce griffoir".
_BODY_STATES = (
    r"\b(?:i'?m|i\s+am|i\s+was|i'?ve\s+been|i\s+have\s+been|i\s+feel|i\s+get)\s+(?:a\s+(?:bit|"
    r"little)\s+|quite\s+|so\s+|really\s+|very\s+|pretty\s+|rather\s+|slightly\s+|still\s+|"
    r"super\s+|also\s+|myself\s+)?(?:allergic|tired|exhausted|knackered|sleepy|hungry|"
    r"thirsty|freezing|sick|ill|poorly|off\s+sick|hungover|jet-?lagged|pregnant)\b|"
    r"\bi\s+(?:smell|smelt|smelled|tasted|taste|burned|burnt|sneezed|ate|drank|cooked|"
    r"cook|bake|baked|drink|eat|own|owned)\b(?!\s+(?:to|a\s+lot\s+of\s+questions))|"
    r"\bmy\s+(?:tongue|throat|nose|stomach|tummy|teeth|tooth|head|arms?|legs?|shoulders?|"
    r"window|sofa|couch|bed|bedroom|bathroom|house|table|shelf|cat|dog|pets?|plants?)\b|"
    r"\bmy\s+own\s+(?!(?:words|risk|behalf|way|initiative|records|system|and|or|but|to|as|so|"
    r"if|when|since|because|though|yet|either|anymore|here|now|today|for|with|in|at|without|"
    r"i|you|it|this|that)\b)[a-z]{3,}|"
    r"\b(?:staff\s+(?:canteen|room|kitchen)|break\s*room|tea\s*room)\b|"
    r"\bin\s+my\s+hands?\b|\bthe\s+last\s+one\s+(?:in|at|left\s+in)\s+the\s+office\b|"
    r"\bit'?s\s+\d{1,2}(?:[:.]\d\d)?\s*(?:am|pm|o'clock)?\s+here\b|"
    r"\b(?:raining|snowing|pouring|freezing|sunny|boiling|scorching)\s+(?:here|over\s+here|"
    r"outside\s+my)\b|\bhere\s+in\s+(?:our\s+|the\s+)?[\w-]+(?:\s+office)?,?\s+(?:it'?s|it\s+is)\s+"
    r"(?:raining|snowing|freezing|pouring|sunny|hot|cold)|"
    r"\bi'?m\s+the\s+one\s+who\s+(?:answers|replies|reads|handles|deals|packs|writes)\b|"
    r"\bwe\s+(?:girls|guys|ladies|lads|gals)\b|"
    # fr
    r"\bje\s+suis\s+(?:un\s+peu\s+|tres\s+|assez\s+|trop\s+|moi-meme\s+|moi\s+aussi\s+)?"
    r"(?:fatigue|fatiguee|epuise|epuisee|malade|allergique|enrhume|enrhumee|enceinte|"
    r"crevee?|pognee?)\b|\bj'ai\s+ete\s+(?:un\s+peu\s+)?malade\b|\bj'(?:en\s+)?ai\s+(?:encore\s+)?"
    r"mal\s+(?:aux?|a\s+la)\b|\bje\s+(?:sens|goute|cuisine|bois|mange)\b|"
    r"\bj'ai\s+(?:goute|senti|ecoute|touche|tenu|mange|bu|cuisine|imprime)\w*\b|"
    r"\bje\s+viens\s+de\s+(?:gouter|manger|boire|sentir)\b|"
    r"\b(?:mon|ma|mes)\s+(?:chat|chatte|chien|chienne|langue|gorge|nez|ventre|dents|tete|"
    r"fenetre|canape|lit|chambre|salon|maison|table|doigts|propres?\s+\w+)\b|"
    r"\b(?:mon|ma|mes)\s+(?:propre|propres)\b|\bdans\s+(?:la|ma)\s+main\b|\ben\s+rentrant\b|"
    r"\bsalle\s+de\s+pause\b|\b(?:le\s+dernier|la\s+derniere)\s+au\s+bureau\b|"
    r"\bc'est\s+moi\s+qui\s+(?:reponds|lis|traite|m'occupe|emballe|ecris)\b|"
    r"\b(?:il\s+pleut|il\s+neige|il\s+fait\s+(?:moins|froid|chaud|beau))\b[^.!?]{0,30}\b"
    r"(?:ici|icitte)\b|\b(?:ici|icitte)\b[^.!?]{0,30}\b(?:il\s+pleut|il\s+neige|il\s+fait\s+"
    r"(?:moins|froid|chaud|beau))\b|\bnous\s+les\s+filles\b|"
    # de
    r"\bich\s+bin\s+(?:[a-z']+\s+){0,3}?(?:mude|krank|allergisch|erkaltet|schwanger|erschopft|kaputt)\b|"
    r"\bich\s+(?:rieche|schmecke|koche|trinke|esse|backe)\b|"
    r"\b(?:hab|habe|ich)\b[^.!?]{0,40}\b(?:probiert|gerochen|geschmeckt|gekostet|gegessen|"
    r"getrunken|in\s+der\s+hand\s+gehalten)\b|\bin\s+der\s+hand\b[^.!?]{0,20}\bgehalten\b|"
    r"\b(?:mein|meine|meinem|meinen|meiner)\s+(?:katze|hund|zunge|hals|nase|bauch|zahne|"
    r"kopf|fenster|sofa|couch|bett|schlafzimmer|wohnzimmer|haus|tisch|eigene[nmrs]?)\b|"
    r"\b(?:auf\s+dem\s+heimweg|beim\s+zahnarzt|beim\s+arzt|teekuche|kaffeekuche|"
    r"pausenraum)\b|\bwarmflasche\b|\b(?:die|der)\s+letzte\s+im\s+buro\b|"
    r"\bich\s+bin\s+(?:diejenige|derjenige),?\s+(?:die|der)\b|"
    r"\b(?:hier\s+(?:in|bei)\b[^.!?]{0,40}\b(?:regnet|schneit)\s+es|(?:regnet|schneit)\s+es\s+"
    r"hier)\b|\bwir\s+madels\b|"
    # es
    r"\b(?:estoy|estuve|he\s+estado|soy)\s+(?:un\s+poco\s+|muy\s+|bastante\s+|algo\s+|"
    r"tan\s+)?(?:cansad[oa]|agotad[oa]|enferm[oa]|alergic[oa]|resfriad[oa]|embarazada)\b|"
    r"\b(?:yo\s+)?(?:cocino|bebo|huelo|pruebo)\b|\bhe\s+(?:probado|olido|comido|bebido|"
    r"cocinado)\b|\b(?:mi|mis)\s+(?:gato|gata|perro|perra|lengua|garganta|nariz|barriga|"
    r"dientes|dedos|cabeza|ventana|sofa|cama|habitacion|salon|casa|mesa|propi[oa]s?)\b|"
    r"\bde\s+camino\s+a\s+casa\b|\bsala\s+de\s+descanso\b|\ben\s+(?:la|mi)\s+mano\b|"
    r"\b(?:el\s+ultimo|la\s+ultima)\s+en\s+la\s+oficina\b|"
    r"\bsoy\s+(?:yo\s+)?(?:quien|la\s+que|el\s+que)\s+(?:responde|contesta|lee|empaqueta)\b|"
    r"\b(?:aqui|aca)\b[^.!?]{0,30}\b(?:llueve|nieva|esta\s+lloviendo|hace\s+(?:un\s+)?(?:frio|calor))\b|"
    r"\b(?:llueve|nieva|esta\s+lloviendo|hace\s+(?:un\s+)?(?:frio|calor))\b[^.!?]{0,30}\b(?:aqui|aca)\b|"
    r"\bnosotras\s+las\s+chicas\b|"
    # it
    r"\b(?:sono|ero|sono\s+stat[oa])\s+(?:un\s+po'?\s+|molto\s+|piuttosto\s+|proprio\s+|"
    r"cosi\s+)?(?:stanc[oa]|esaust[oa]|malat[oa]|allergic[oa]|raffreddat[oa]|incinta)\b|"
    r"\b(?:io\s+)?(?:cucino|bevo|annuso)\b|\bho\s+(?:assaggiato|annusato|mangiato|bevuto|"
    r"cucinato|tenuto\s+in\s+mano)\b|\b(?:il\s+mio|la\s+mia|i\s+miei|le\s+mie)\s+(?:gatt[oa]|"
    r"cane|lingua|gola|naso|pancia|denti|testa|finestra|divano|letto|camera|salotto|casa|"
    r"tavolo)\b|\btornando\s+a\s+casa\b|\bsala\s+(?:pausa|relax)\b|\bin\s+mano\b|"
    r"\bl'ultim[oa]\s+in\s+ufficio\b|\bsono\s+io\s+(?:che|a)\s+(?:rispond|legg|gestisc)\w*|"
    r"\b(?:qui|qua)\b[^.!?]{0,30}\b(?:piove|nevica|fa\s+(?:freddo|caldo))\b|"
    r"\b(?:piove|nevica|fa\s+(?:freddo|caldo))\b[^.!?]{0,30}\b(?:qui|qua)\b|"
    r"\bnoi\s+ragazze\b|"
    # nl
    r"\bik\s+ben\s+(?:[a-z']+\s+){0,3}?(?:moe|"
    r"uitgeput|ziek|allergisch|verkouden|zwanger)\b|\bik\s+(?:ruik|proef|kook|drink|eet)\b|"
    r"\b(?:heb|ik)\b[^.!?]{0,40}\b(?:geproefd|geroken|gegeten|gedronken|vastgehouden)\b|"
    r"\bmijn\s+(?:kat|hond|tong|keel|neus|buik|tanden|hoofd|raam|bank|bed|slaapkamer|"
    r"woonkamer|huis|tafel|eigen)\b|\bop\s+weg\s+naar\s+huis\b|\bpauzeruimte\b|"
    r"\bin\s+mijn\s+hand(?:en)?\b|\bde\s+laatste\s+op\s+kantoor\b|"
    r"\bik\s+ben\s+(?:degene|diegene)\s+die\b|"
    r"\b(?:hier|bij\s+ons)\b[^.!?]{0,30}\b(?:regent|sneeuwt|vriest)\b|"
    r"\b(?:regent|sneeuwt|vriest)\s+het\s+hier\b|\bwij\s+meiden\b|"
    # pt
    r"\b(?:estou|estive|tenho\s+estado|sou)\s+(?:um\s+pouco\s+|muito\s+|bastante\s+|meio\s+|"
    r"tao\s+)?(?:cansad[oa]|exaust[oa]|doente|alergic[oa]|constipad[oa]|gripad[oa]|gravida)\b|"
    r"\b(?:eu\s+)?(?:cozinho|bebo|cheiro)\b|\b(?:provei|cheirei|comi|bebi|cozinhei|segurei)\b|"
    r"\b(?:o\s+meu|a\s+minha|os\s+meus|as\s+minhas|meu|minha)\s+(?:gat[oa]|cachorro|cao|"
    r"lingua|garganta|nariz|barriga|dentes|cabeca|janela|sofa|cama|quarto|sala|casa|mesa|"
    r"propri[oa]s?)\b|\b(?:a\s+caminho\s+de\s+casa|na\s+volta\s+para\s+casa)\b|"
    r"\b(?:sala\s+de\s+descanso|copa)\b|\bna\s+(?:minha\s+)?mao\b|"
    r"\b(?:o\s+ultimo|a\s+ultima)\s+no\s+escritorio\b|\bsou\s+eu\s+(?:quem|que)\s+"
    r"(?:respond|le|leio|trat)\w*|"
    r"\b(?:aqui|ca)\b[^.!?]{0,30}\b(?:chove|esta\s+chovendo|esta\s+a\s+chover|faz\s+(?:frio|"
    r"calor))\b|\b(?:chove|esta\s+chovendo|esta\s+a\s+chover)\b[^.!?]{0,30}\b(?:aqui|ca)\b|"
    r"\bnos\s+as\s+meninas\b"
)
_MORE_STATES = (
    # en
    r"\bi\s+(?:had|have\s+had|'ve\s+had|caught)\s+(?:the\s+|a\s+)?(?:flu|cold|covid|fever|"
    r"migraine)\b|\bi\s+bought\s+the\s+same\b|\bi\s+(?:have|'ve\s+got|got|keep)\b[^.!?]{0,40}"
    r"\bat\s+home\b|\b(?:cup|mug)\s+of\s+tea\b|\bi'?m\s+(?:\w+\s+){0,3}?(?:in|at)\s+the\s+"
    r"(?:shop|store|office|branch|showroom)\b|"
    # fr
    r"\bj'ai\s+eu\s+(?:la\s+grippe|un\s+rhume|de\s+la\s+fievre|le\s+covid)\b|"
    r"\bje\s+suis\s+(?:\w+\s+){0,2}?(?:au\s+bureau|au\s+magasin|a\s+la\s+boutique)\b|"
    r"\bj'ai\b[^.!?]{0,40}\b(?:a\s+la\s+maison|chez\s+moi)\b|\btasse\s+de\s+the\b|"
    # de
    r"\bich\s+(?:hatte|habe)\s+(?:die\s+|eine\s+)?(?:grippe|erkaltung|fieber|corona)\b|"
    r"\bich\s+war\s+(?:\w+\s+)?krank\b|\b(?:benutze|nutze|verwende|trage)\s+ich\b|"
    r"\bich\s+bin\s+(?:\w+\s+){0,3}?(?:im\s+laden|in\s+der\s+filiale|im\s+buro)\b|"
    r"\b(?:habe\s+ich|ich\s+habe)\b[^.!?]{0,40}\bzu\s+hause\b|\btasse\s+tee\b|"
    # es
    r"\b(?:tuve|he\s+tenido|estuve\s+con)\s+(?:la\s+|un\s+|una\s+)?(?:gripe|resfriado|fiebre|"
    r"covid)\b|\b(?:estoy|ahorita\s+estoy)\s+(?:\w+\s+){0,2}?en\s+la\s+(?:sucursal|tienda|"
    r"oficina)\b|\btengo\b[^.!?]{0,40}\ben\s+casa\b|\bal\s+volver\s+a\s+casa\b|"
    r"\bmi\s+descanso\b|\bme\s+duelen?\b|\bimprimi\s+y\s+firme\b|\bme\s+compre\b|"
    r"\b(?:la|lo)\s+(?:empaquete|envolvi|prepare)\s+yo\b|\btaza\s+de\s+te\b|"
    # it
    r"\bho\s+avuto\s+(?:l'influenza|la\s+febbre|il\s+raffreddore|il\s+covid)\b|"
    r"\bsento\s+(?:il\s+profumo|l'odore)\b|\bho\s+ascoltato\b|\btra\s+le\s+(?:mie\s+)?mani\b|"
    r"\b(?:l'ho|la\s+ho|lo\s+ho)\s+(?:imballat|preparat|spedit|incartat)\w*\s+io\b|"
    r"\bmi\s+fa(?:nno)?\s+male\b|\bho\b[^.!?]{0,40}\ba\s+casa\s+(?:mia|da\s+anni)\b|"
    r"\bsono\s+(?:\w+\s+){0,2}?in\s+(?:negozio|ufficio|filiale)\b|\btazza\s+di\s+te\b|"
    r"\b(?:fammi|lasciami)\s+finire\s+(?:il\s+)?(?:caffe|pranzo|te)\b|"
    # nl
    r"\bik\s+(?:had|heb)\s+(?:de\s+|een\s+)?(?:griep|verkoudheid|koorts|corona)\b|"
    r"\bik\s+was\s+(?:\w+\s+)?ziek\b|\bik\s+heb\b[^.!?]{0,40}\bthuis\b|"
    r"\bik\s+ben\s+(?:\w+\s+){0,2}?(?:in\s+de\s+winkel|op\s+kantoor)\b|"
    r"\b(?:kop|kopje)\s+thee\b|\bstroopwafel\b|"
    # pt
    r"\b(?:fiquei|estive|ando)\s+(?:\w+\s+)?(?:gripad[oa]|doente|constipad[oa])\b|"
    r"\b(?:eu\s+)?tenho\b[^.!?]{0,40}\bem\s+casa\b|\b(?:voltando|volto)\s+(?:pra|para)\s+casa\b|"
    r"\bmeu\s+intervalo\b|\bimprimi\s+e\s+assinei\b|\bcomprei\s+(?:a\s+mesma|o\s+mesmo)\b|"
    r"\b(?:to|tou)\s+(?:bem\s+|meio\s+|muito\s+)?(?:cansad[oa]|doente)\b|\bouvi\s+(?:a|o)\b|"
    r"\bmeus\s+dedos\b|\btenho\s+alergia\b|\bchavena\s+de\s+cha\b|"
    # all: a product held up to the window; "if I were a robot"
    r"\b(?:i\s+(?:held|put|placed)\s+it|je\s+l'ai\s+mis|ich\s+habe\s+es|lo\s+puse|la\s+puse|"
    r"l'ho\s+messo|l'ho\s+messa|ik\s+heb\s+het|pus-o|pus-a|coloquei-o|coloquei)\b[^.!?]{0,40}"
    r"\b(?:window|fenetre|fenster|ventana|finestra|raam|janela)\b|"
    r"\b(?:if\s+i\s+were|si\s+fuera|si\s+yo\s+fuera|si\s+j'etais|wenn\s+ich\s+ein|"
    r"se\s+fossi|als\s+ik\s+een|se\s+eu\s+fosse)\s+(?:a\s+|un\s+|una\s+|ein\s+|een\s+|um\s+)?"
    r"(?:robot|bot|machine|maquina|macchina|maschine|ia|ai|ki|computer)\b|"
    r"\b\d+\s*(?:grados|degrees|degres|grad|gradi|graden|graus)\b[^.!?]{0,30}\b(?:aqui|here|"
    r"ici|hier|qui|aca)\b|\b(?:aqui|here|ici|hier|qui|aca)\b[^.!?]{0,30}\b\d+\s*(?:grados|"
    r"degrees|degres|grad|gradi|graden|graus)\b"
)
_ROLE = re.compile(_ROLE_HELD)
_SITUATED = re.compile(f"(?:{_BODY_STATES})|(?:{_MORE_STATES})")
# Where a negation counts for these: its own clause ("… the last one in the office, but I didn't
# want to leave you waiting" still claims the office).
_CLAUSE_BREAK = re.compile(
    r"[,;:()]|\s(?:but|mais|aber|pero|ma|maar|mas|and|et|und|y|e|en|so|donc|also|asi\s+que|"
    r"quindi|dus|entao)\s"
)


def _clause_of(text: str, position: int) -> str:
    sentence_start, sentence_end = _sentence_bounds(text, position)
    starts = [m.end() for m in _CLAUSE_BREAK.finditer(text, sentence_start, position)]
    end_match = _CLAUSE_BREAK.search(text, position, sentence_end)
    end = end_match.start() if end_match else sentence_end
    return text[starts[-1] if starts else sentence_start : end]


# A standpoint or years in the job claim a life whatever else the sentence denies ("in my
# eight years here I have never seen this").
_STANDING = re.compile("|".join(f"(?:{p})" for p in (*_STANDPOINT, *_TENURE)))
# Denying the automation: "this is not an automated reply", "no robots here".
_NOT_AUTOMATED = re.compile(
    r"(?:\b(?:this|it|that)(?:'s|\s+is)\s+not|\b(?:this|it|that)\s+isn't|(?:^|[.!?:]\s*)not)"
    r"\s+(?:an?\s+)?(?:automated|automatic|canned|bot)\s+(?:reply|response|message|answer)|"
    r"\bno\s+robots?\s+here|\b(?:ce|c')\s*n'est\s+pas\s+une\s+reponse\s+automatique|"
    r"\b(?:das|dies)\s+ist\s+keine\s+automatische\s+antwort|"
    r"\bno\s+es\s+una\s+respuesta\s+automatica|\bnon\s+e\s+una\s+risposta\s+automatica|"
    r"\bdit\s+is\s+geen\s+automatisch|\bnao\s+e\s+uma\s+resposta\s+automatica"
)
_DENIED = re.compile(
    r"\b(?:can't|cannot|can\s+not|don't|do\s+not|doesn't|won't|never|not|pas|ne|n'|nicht|kein|"
    r"keine|keinen|keinem|keiner|cannae|canna|dinnae|willnae|if\s+i\s+could|si\s+je\s+pouvais|"
    r"wenn\s+ich\s+[^.!?]{0,30}\bkonnte|si\s+pudiera|se\s+potessi|als\s+ik\s+[^.!?]{0,30}\bkon|"
    r"se\s+eu\s+pudesse|no\s+puedo|no\s+tengo|no\s+soy|non|niet|geen|nao|nunca|jamais|mai|nie|nooit)\b"
)

# Flesh and blood, in every language: a claim when the speaker says it of themselves, in a
# clause that does not deny it ("No soy de carne y hueso" does; "our advisers in flesh and blood
# take over at nine" speaks of others; "the Flesh and Blood booster boxes" of a card game).
_FLESH = re.compile(
    r"\b(?:flesh[- ]and[- ]blood|en\s+chair\s+et\s+en\s+os|de\s+carne\s+y\s+hueso|"
    r"in\s+carne\s+e\s+ossa|van\s+vlees\s+en\s+bloed|de\s+carne\s+e\s+osso|"
    r"aus\s+fleisch\s+und\s+blut)\b"
)
_SPEAKER = re.compile(
    r"(?:^|[.!?]\s*)sono\b|"  # "sono" is also "they are": only opening the sentence
    r"\b(?:i'm|im|i\s+am|i\s+(?:promise|swear|assure)|me|myself|just\s+me|je|suis|moi|"
    r"c'est\s+moi|ich|bin|mich|yo|soy|io|ik|ben|"
    r"eu|sou|100%|promise|promis|promesso|prometo|beloofd|versprochen|garantisco|garanto|"
    r"garantizo|garantis|garantiere|garandeer|swear|juro|giuro|zweer|jure|schwore)\b"
)
# Words that make what follows a reported question, not a statement.
_INDIRECT = re.compile(
    r"\b(?:whether|if|asked|wondering|si|demandiez|demandez|ob|gefragt|preguntabas|preguntas|"
    r"se|chiedevi|chiedi|of(?!\s+course)|vroeg|vraagt|perguntou|perguntava|"
    # echoes of what the customer said: "you wrote that you're a real person …"
    r"(?:you|vous|sie|du|tu|usted|lei|je|u|voce)\s+(?:wrote|said|mentioned|told\s+(?:us|me)|"
    r"avez\s+ecrit|avez\s+dit|haben\s+geschrieben|hast\s+geschrieben|escribiste|dijiste|"
    r"hai\s+scritto|hai\s+detto|schreef|zei|escreveu|disse))\b[^.!?:;,]*\Z"
)
_MACHINE_RHET = r"(?:robot|bot|chatbot|machine|computer|software|program|ai|algorithm)"
_MACHINE = (
    r"(?:computer|ordinateur|computador|computadora|ordenador|bot|chatbot|robot|robo|roboter|"
    r"machine|maschine|maquina|macchina|program|programme|programm|programma|programa|"
    r"software|logiciel|algorithm|algorithme|algoritmo|ai|ia|ki|intelligence\s+artificielle|"
    r"artificial\s+intelligence|intelligenza\s+artificiale|inteligencia\s+artificial|"
    r"kunstliche\s+intelligenz|kunstmatige\s+intelligentie|sprachmodell|language\s+model|"
    r"contestador\s+automatico|answering\s+machine|repondeur)"
)
_A = r"(?:a|an|some|un|une|ein|eine|einer|einem|uno|una|een|um|uma)"
_SELF = r"(?:i|i'm|i've|i'll|je|j'|j'ai|moi|ich|yo|io|ik|eu|me|mi)"
# Denying the machine rather than claiming the person (read on folded text; the negation is
# the claim): "you're not talking to a computer", "I'm no machine", "no AI here, just me",
# "this wasn't written by a machine", "eine Maschine bin ich nicht", "niente robot".
_DENIALS = re.compile(
    "|".join(
        f"(?:{p})"
        for p in (
            rf"\byou(?:'re|\s+are|re)\s+not\s+(?:talking|chatting|speaking|writing)\s+"
            rf"(?:to|with)\s+{_A}\s+{_MACHINE}\b",
            rf"\bvous\s+ne\s+(?:discutez|parlez|echangez|chattez|conversez|ecrivez)\s+pas\s+"
            rf"(?:avec|a)\s+{_A}\s+{_MACHINE}\b",
            rf"\b(?:sie|du)\s+(?:chatten|sprechen|schreiben|chattest|sprichst|schreibst)\s+"
            rf"(?:hier\s+)?nicht\s+mit\s+{_A}\s+{_MACHINE}\b",
            rf"\bno\s+(?:estas|esta|estais)\s+(?:hablando|chateando|escribiendo)\s+con\s+{_A}\s+"
            rf"{_MACHINE}\b",
            rf"\bnon\s+(?:stai|sta)\s+(?:parlando|chattando|scrivendo)\s+con\s+{_A}\s+{_MACHINE}\b",
            rf"\b(?:je|u)\s+(?:praat|chat|spreekt|schrijft)\s+niet\s+met\s+{_A}\s+{_MACHINE}\b",
            rf"\b(?:voce|tu)\s+nao\s+(?:esta|estas)\s+(?:falando|a\s+falar|conversando|a\s+conversar)"
            rf"\s+com\s+{_A}\s+{_MACHINE}\b",
            # "I'm no machine", "no soy ninguna máquina", "non sono mica una macchina"
            rf"\b(?:i'm|i\s+am|im)\s+(?:no|not\s+some)\s+{_MACHINE}\b",
            rf"\b(?:no\s+soy|nao\s+sou|non\s+sono)\s+(?:ninguna|ningun|nenhuma|nenhum|mica|"
            rf"affatto)\s+(?:{_A}\s+)?{_MACHINE}\b",
            rf"\b(?:chui|chuis|j'suis|je\s+suis)\s+pas\s+{_A}\s+{_MACHINE}\b",
            # "eine Maschine bin ich nicht", "een machine ben ik niet"
            rf"\b{_A}\s+{_MACHINE}\s+(?:bin\s+ich|ben\s+ik)\s+(?:nicht|niet|wirklich\s+nicht)\b",
            # "no AI here", "niente robot", "hier antwortet keine Software, sondern ich"
            rf"\b(?:no|niente|nada\s+de|pas\s+de|kein|keine|geen|nenhum|nenhuma)\s+{_MACHINE}s?\s+"
            r"(?:here|ici|hier|aqui|qui|on\s+this\s+end|de\s+ce\s+cote)\b",
            rf"\b(?:there's|there\s+is)\s+no\s+{_MACHINE}\s+here\b",
            r"\b(?:ahah|haha|lol|mdr|jaja|kkk|nee|no|non|nein|nao|macche)\W+(?:niente|no|pas\s+de|"
            r"kein|ningun|nenhum|geen)\s+(?:robot|robots|bot|bots|ia|ai|ki)\b",
            r"\bmacche\s+(?:robot|bot|macchina)\b",
            rf"\bhier\s+(?:antwortet|schreibt)\s+(?:keine?|kein)\s+{_MACHINE}\b",
            # "this wasn't written by a machine", "c'est une personne et non un logiciel qui vous
            # écrit", "que sí, que soy de verdad, no un contestador"
            rf"\b(?:wasn't|was\s+not|isn't|is\s+not|not)\s+(?:written|typed|generated|sent|"
            rf"answered)\s+by\s+{_A}\s+{_MACHINE}\b",
            rf"\b(?:et\s+)?non\s+(?:pas\s+)?{_A}\s+{_MACHINE}\s+qui\s+(?:vous\s+)?(?:ecri|repond)",
            r"\bsoy\s+de\s+verdad\b",
            # "unlike a chatbot, I read …", "a bot couldn't have told you that, but I …"
            rf"\b(?:unlike|contrairement\s+a|anders\s+als|a\s+diferencia\s+de|"
            rf"a\s+differenza\s+di|in\s+tegenstelling\s+tot|diferente\s+de|ao\s+contrario\s+de|"
            rf"au\s+contraire\s+d')\s*{_A}?\s*{_MACHINE}\b,?\s+(?:{_SELF}|habe\s+ich|heb\s+ik|"
            r"actually|really|vraiment|wirklich|realmente|davvero|echt)\b",
            rf"\b{_A}\s+{_MACHINE}\s+(?:couldn't|could\s+not|wouldn't|would\s+not|can't|n'aurait|"
            r"hatte|no\s+(?:podria|sabria|habria)|non\s+(?:avrebbe|potrebbe|saprebbe)|"
            r"zou|nao\s+(?:saberia|poderia|teria))\b[^.!?]{0,60}\b(?:but|mais|aber|pero|ma|maar|"
            rf"mas)\s+(?:{_SELF}|ho|he|heb|hatte\s+ich|habe\s+ich|atendi|tuve)\b",
            # "as a human, I …", "en tant qu'humaine, je …", "als Mensch …"
            r"\b(?:as\s+a\s+(?:human|person)|en\s+tant\s+qu'(?:humaine?|etre\s+humain)|"
            r"als\s+mensch|como\s+(?:humano|humana|ser\s+humano)|"
            r"in\s+quanto\s+(?:umano|umana|essere\s+umano)|als\s+mens)\b,?\s+"
            rf"(?:[\w']+\s+){{0,2}}?(?:{_SELF}|prefer\w*|prefiero|preferisco|prefiro)\b",
            # "a real person (me!)", "written by an actual human", "human agent here",
            # "[Human agent: Rebecca]", "a scriverti è un vero essere umano"
            rf"\b(?:{_HUMAN_HERE})\s*\(\s*(?:me|moi|ich|yo|io|ik|eu)\b",
            r"\b(?:written|typed|answered|sent)\s+by\s+(?:an?\s+)?(?:actual|real|living|genuine)\s+"
            r"(?:human|person)\b",
            r"(?:^|[\[(\s])human\s+(?:agent|advisor|adviser|operator|rep|representative)\s*"
            r"(?::|here\b)",
            r"\b(?:c'est|e|es|is|ist)\s+(?:un|une|uno|una|een|ein|eine|um|uma)\s+(?:vrai|vraie|"
            r"veritable|vero|vera|verdadero|verdadera|echte|echter|verdadeiro|verdadeira|real)\s+"
            r"(?:etre\s+humain|personne|essere\s+umano|persona|ser\s+humano|mens|mensch|pessoa)\s+"
            r"(?:qui|che|que|die|der)\s+(?:tape|ecrit|vous\s+ecrit|repond|scrive|ti\s+scrive|"
            r"escribe|te\s+escribe|typt|schrijft|schreibt|escreve)",
            r"\b(?:a\s+scriverti|a\s+risponderti|dietro)\s+(?:c'e|e)\s+(?:un|una)\s+(?:vero|vera)\s+"
            r"(?:essere\s+umano|persona)",
            r"\b(?:te\s+responde|ti\s+risponde|vous\s+repond|antwortet\s+ihnen|je\s+krijgt\s+antwoord"
            r"\s+van|te\s+responde)\s+una?\s+(?:persona|personne|mensch|persoon|pessoa)\s+(?:real|"
            r"vera|reelle|echte|echter|de\s+verdad)\b",
            r"\bdietro\s+c'e\s+una\s+persona\s+vera\b",
        )
    )
)
# Someone speaking of themselves: a pronoun, or a verb in the first person singular.
_ME = re.compile(
    r"\b(?:i|i'm|i've|i'll|me|my|myself|je|j'|j'ai|moi|mon|ma|ich|mir|mich|mein\w*|yo|mi|"
    r"tengo|llame|he\s+\w+(?:ado|ido)|io|ho|mio|mia|ik|mijn|heb|eu|meu|minha|liguei|falei|"
    r"desci|acabei|passei)\b"
)
# The hands and the voice of someone at work, in the first person (folded text): a call made
# to the courier, a box taped, a bench, a workshop, a tape measure, something signed for or
# done by hand. Checked on the clause: "I can't drive it over" denies it.
_HANDS_ON = re.compile(
    "|".join(
        f"(?:{p})"
        for p in (
            r"\b(?:i|i've|i\s+have)\s+(?:just\s+)?(?:called|rang|phoned|spoke\s+to|talked\s+to)\s+"
            r"(?:the\s+)?(?:courier|driver|depot|carrier|delivery\s+driver|warehouse|post\s+office)",
            r"\b(?:spoke|talked)\s+(?:to|with)\s+the\s+(?:driver|courier)\b",
            r"\bj'ai\s+(?:appele|telephone\s+a|parle\s+(?:au|avec\s+le))\s+(?:le\s+)?(?:livreur|"
            r"transporteur|chauffeur|depot)",
            r"\b(?:he\s+llamado|llame)\s+a\s+la\s+(?:mensajeria|agencia)|\bhe\s+hablado\s+con\s+el\s+"
            r"repartidor|\bliguei\s+(?:para|a)\s+(?:a\s+)?transportadora|\bfalei\s+com\s+o\s+"
            r"(?:motorista|entregador)|\bho\s+(?:chiamato|telefonato)\s+(?:al|il)\s+corriere|"
            r"\bik\s+heb\s+(?:de\s+)?(?:koerier|bezorger|chauffeur)\s+gebeld|"
            r"\bich\s+habe\s+(?:den|mit\s+dem)\s+(?:kurier|fahrer|paketdienst)\s+(?:angerufen|"
            r"gesprochen)",
            r"\b(?:taped|tape)\s+up\b|\bhanded\s+it\s+(?:over\s+)?to\s+the\b|\bloading\s+bay\b|"
            r"\breturns\s+cage\b|\bi(?:'ve|\s+have)?\s+(?:just\s+)?signed\s+for\b|\bby\s+hand\b[^.!?]{0,40}\bhandwriting\b|"
            r"\bmy\s+handwriting\b|\bphysically\s+(?:checked|looked|inspected|went|measured)\b|"
            r"\bnip\s+(?:to|out|into)\b|\bpop\s+(?:it\s+)?(?:in|into)\s+the\s+post\b|"
            r"\bdrive\s+(?:the\s+|it\s+|your\s+)?(?:\w+\s+)?over\b|\bplugged\s+(?:it\s+)?in\b"
            r"[^.!?]{0,40}\b(?:spare|one\s+we\s+had|in\s+the\s+back)\b|\bokay,?\s+i'm\s+back\b",
            r"\b(?:workbench|work\s+bench|werkbank|montagestander|banco\s+de\s+pruebas|"
            r"banco\s+da\s+lavoro|bancada|tape\s+measure|con\s+il\s+metro|met\s+de\s+rolmaat|"
            r"mit\s+dem\s+zollstock|avec\s+le\s+metre|con\s+la\s+cinta\s+metrica|"
            r"com\s+a\s+fita\s+metrica)\b",
            r"\b(?:aqui|aquí)\s+(?:en|na|no)\s+(?:el\s+|la\s+|a\s+|o\s+)?(?:taller|tienda|loja|"
            r"oficina|almacen|deposito)\b|\bhier\s+in\s+der\s+werkstatt\b|"
            r"\bhier\s+in\s+de\s+(?:werkplaats|winkel)\b|\bqui\s+in\s+(?:officina|negozio|"
            r"laboratorio)\b|\bici\s+(?:a|en)\s+(?:l'atelier|la\s+boutique|boutique)\b",
            r"\b(?:je\s+viens\s+de\s+passer\s+au\s+rayon|je\s+file\s+en\s+reunion|devant\s+moi\b|"
            r"sous\s+mes\s+yeux)\b",
            r"\b(?:desci|subi|fui)\s+(?:ate|ao|a)\s+(?:o\s+)?(?:deposito|estoque|armazem)\b|"
            r"\b(?:ik\s+ben|ben\s+ik)\s+(?:naar|even\s+naar)\s+(?:de|het)\s+(?:opslag|magazijn|"
            r"werkplaats)\b|\bzelf\s+(?:\w+\s+){0,6}(?:geslepen|gereden|getest|getekend|gecontroleerd"
            r"|gemeten|ingepakt)\b|\bzelf\s+voor\s+\w+\s+\w+\s+getekend\b",
            r"\b(?:persoenlich|personlich)\s+(?:gepruft|geprueft|nachgemessen|kontrolliert)\b|"
            r"\bho\s+firmato\s+io\b|\bhe\s+firmado\s+yo\b|\bi\s+signed\b",
            r"\bpassar\s+o\s+\w+\s+no\s+vapor\b|\bpassei\s+o\s+\w+\s+no\s+vapor\b",
        )
    )
)


# What only a person present somewhere can promise or tell, as dev11 wrote it (folded text,
# first person by construction): a phone call to the customer ("I'll ring you tomorrow",
# "je vous appelle jeudi", "ich rufe Sie morgen an", "te llamo", "ti chiamo", "ik bel je",
# "ligo-lhe"), a visit ("come and see me", "ask for me at the counter", "pregunta por mí"),
# a direct line or extension of one's own, years in a trade ("llevo dieciocho años reparando"),
# where one is from or who one is beside it ("being a Yorkshireman", "moi qui suis Bretonne",
# "als gebürtige Hamburgerin", "at 63 I"), one's own size ("I'm 5 ft 9", "io porto una M"),
# things owned and used ("I've had mine for", "la uso a casa", "me lo llevé a nadar"), what is
# in front of one, a note written by hand, and denials that any machine answers ("we don't use
# AI for customer e-mails", "qui niente bot", "bij ons geen bots").
_IN_PERSON = re.compile(
    "|".join(
        f"(?:{p})"
        for p in (
            # a call to the customer
            r"\bi(?:'ll|\s+will|'m\s+going\s+to|m\s+going\s+to|'m\s+gonna)\s+(?:\w+\s+)?"
            r"(?:phone|call|ring|telephone)\s+(?:you|u)\b",
            r"\bi(?:'ll|\s+will)\s+(?:\w+\s+)?give\s+you\s+a\s+(?:ring|call|bell|buzz)\b",
            r"\bi(?:'ll|\s+will)\s+stay\s+on\s+the\s+line\b",
            r"\bje\s+(?:vous|te)\s+(?:telephone|appelle|passe\s+un\s+coup\s+de\s+fil|"
            r"rappelle(?!\s+(?:que|qu|le|la|les|l|notre|nos|votre|vos|ce|cette|ces|un|une|des)\b))",
            r"\bje\s+vais\s+(?:vous|te)\s+(?:appeler|telephoner|rappeler)\b",
            r"\bich\s+(?:rufe|ruf)\s+(?:sie|dich|euch)\s+(?:[\w:]+\s+){0,8}?(?:an|zuruck)\b",
            r"\bich\s+(?:werde|melde)\s+(?:sie|dich|mich)\s+(?:\w+\s+){0,4}?(?:anrufen|telefonisch)\b",
            r"(?<!\bcomo\s)\b(?:te|le|os)\s+(?:llamo|llamare|telefoneo)\b",
            r"\b(?:te|le)\s+voy\s+a\s+llamar\b|\bvoy\s+a\s+llamarte\b",
            r"\b(?:ti|la|vi)\s+(?:chiamo|richiamo|telefono|chiamero|richiamero)\b",
            r"\blo\s+chiamo\s+io\b",
            r"\bik\s+bel\s+(?:je|jou|u|jullie)\b",
            r"\bik\s+(?:zal|ga)\s+(?:je|u|jou)\s+(?:\w+\s+){0,3}?(?:bellen|terugbellen|opbellen)\b",
            r"\bligo-(?:lhe|te|vos)\b|\b(?:eu\s+)?(?:te|lhe)\s+ligo\b|\bvou\s+(?:te\s+|lhe\s+)?"
            r"ligar(?:-lhe|-te)?\b",
            # a visit
            r"\b(?:come\s+(?:and\s+|in\s+and\s+)?see\s+me|ask\s+for\s+me|pop\s+in\s+and\s+see\s+me)\b",
            r"\b(?:passez|venez)\s+me\s+voir\b|\bdemandez(?:-moi|\s+apres\s+moi)\b",
            r"\bfragen\s+sie\s+(?:[\w-]+\s+){0,6}?nach\s+mir\b|\bfrag\s+(?:[\w-]+\s+){0,6}?nach\s+mir\b",
            r"\bpregunt(?:a|e|ad)\s+por\s+mi\b|\b(?:ven|venga|pasa|pase)\s+a\s+verme\b",
            r"\bchied(?:i|a)\s+di\s+me\b|\b(?:passa|vieni|venga|passi)\s+a\s+trovarmi\b",
            r"\bvraag\s+naar\s+mij\b|\bkom\s+(?:\w+\s+){0,3}?bij\s+mij\s+langs\b",
            r"\bpergunt(?:e|a)\s+por\s+mim\b|\bvenha\s+ver-me\b",
            # a line of one's own
            r"\bmy\s+(?:direct\s+)?(?:extension|direct\s+line|desk\s+phone)\b|\bc'est\s+ma\s+ligne\b|"
            r"\bma\s+ligne\s+directe\b|\bmeine\s+durchwahl\b|\bmi\s+extension\b|"
            r"\bil\s+mio\s+interno\b|\bmijn\s+(?:toestel|doorkiesnummer)\b|\bo\s+meu\s+ramal\b",
            # years in a trade, where one is from, who one is
            r"\bllevo\s+(?:\w+\s+){1,3}?anos\s+\w+(?:ando|iendo)\b",
            r"\bapres\s+(?:[\w-]+\s+){1,2}?ans\s+(?:derriere|dans|au|chez|comme)\b",
            r"\bho\s+fatto\s+(?:il|la|lo|l')\s*\w+\s+per\s+(?:\w+\s+)?(?:anni|vent'anni)\b",
            r"\bik\s+ben\s+(?:al\s+)?\w+\s+jaar\s+\w+(?:maker|monteur|verkoper|er|ster)\b",
            r"\bi\s+joined\s+(?:the|this)\s+(?:company|team|shop|firm|business)\b",
            r"\b(?:being|as)\s+a\s+(?:born\s+and\s+bred\s+|proud\s+)?\w+(?:man|woman)\b(?=,|\s+i\b)",
            r"\bmoi\s+qui\s+suis\s+\w+",
            r"\bcomo\s+buen[ao]?\s+\w+,\s+(?:te|le|os|les)?\s*(?:aseguro|digo|garantizo|confieso)\b",
            r"\bals\s+(?:geburtige?r?|geborene?r?|echte?r?)\s+\w+(?:in|er)\b",
            r"\bda\s+(?:\w+\s+)?doc\b|(?:^|[.!?]\s+)da\s+(?:mamma|papa|madre|padre|nonna|nonno)\s+di\b",
            r"\bals\s+(?:geboren|echte)\s+\w+\s+(?:kan|ben|weet)\s+ik\b",
            r"\bcomo\s+\w+\s+de\s+gema\b",
            r"(?:^|[.!?]\s+)(?:maman|papa|mere|pere)\s+d(?:'un|'une|e\s+\w+\s+enfants)\b",
            r"\bat\s+\d{2},?\s+i\b",
            r"\bi'?m\s+one\s+of\s+the\s+(?:women|men|guys|girls|ladies|mums|dads)\s+(?:on|in|at)\b",
            rf"\b{_I_AM}\s+100\s*%\s*(?:human|humain|humaine|mensch|menschlich|humano|humana|"
            r"umano|umana|menselijk|mens)\b",
            # one's own size
            r"\bi'?m\s+\d\s*(?:ft|foot|feet|')\s*\d*\b|\bi\s+wear\s+(?:a|an|size)\s+"
            r"(?:small|medium|large|xs|xl|\d+)\b",
            r"\bio\s+porto\s+(?:una|la|il|un)\s+(?:taglia\s+)?\w+\b",
            r"\bik\s+ben\s+zelf\s+\d[,.]\d{2}\b|\bik\s+draag\s+(?:een|maat)\s+\w+\b",
            r"\beu\s+calco\s+(?:o\s+)?\d+\b",
            r"\b(?:yo\s+)?tengo\s+(?:las|los|la|el)\s+(?:orejas|pies|manos|piel|pelo|cabello|"
            r"espalda|munecas|dedos)\b",
            r"\bje\s+dors\b",
            # things of one's own, used
            r"\bi(?:'ve|\s+have)\s+had\s+mine\b|\bi\s+(?:do|use|wear|wash|clean|charge|descale|"
            r"service)\s+mine\b|\bwhen\s+i\s+took\s+it\b|\bi\s+used\s+to\s+live\s+(?:there|here|"
            r"in|near|on)\b",
            r"\bj'en\s+ai\s+(?:offert|achete|pris)\s+(?:une?|deux)\b",
            r"\bim\s+eigenen\s+(?:garten|haus|keller|bad|auto|wohnzimmer)\b",
            r"\btengo\s+el\s+mismo\s+(?:\w+\s+)?en\s+(?:mi|casa)\b|\bme\s+(?:lo|la)\s+lleve\b",
            r"\b(?:la|lo|li|le)\s+(?:uso|metto|porto)\s+(?:a\s+casa|tutte\s+le|tutti\s+i|ogni)\b",
            r"\b(?:le|li|l')\s*ho\s+indossat[eaio]\b",
            r"\btoen\s+ik\s+(?:hem|het|ze)\b",
            r"\b(?:uso|ponho)-[ao]s?\s+(?:em\s+casa|todas|todos)\b|\bas\s+minhas\s+encomendas\b",
            # in front of one, at one's desk, written by hand
            r"\b(?:i\s+have|i've\s+got|j'ai|tengo|ho|ich\s+habe|ik\s+heb|tenho)\s+(?:[\w']+\s+)"
            r"{0,5}?(?:in\s+front\s+of\s+me|sous\s+les\s+yeux|delante|vor\s+mir|davanti\s+a\s+me|"
            r"voor\s+me|(?:aqui\s+)?(?:a|na)\s+minha\s+frente)\b",
            r"\bi\s+can\s+smell\b|\bmy\s+hands\s+are\b|\bon\s+my\s+(?:monitor|screen|desk|keyboard)\b",
            r"\bi(?:'ll|\s+will)\s+walk\s+(?:\w+\s+){0,4}?(?:over|down|across)\s+to\b",
            r"\bi'?ll\s+be\s+at\s+my\s+desk\b|\bresto\s+in\s+ufficio\b",
            r"\b(?:office|bureau|ufficio|escritorio|oficina|kantoor)\s+printer\b|"
            r"\bstampante\s+dell'ufficio\b|\bimpressora\s+do\s+escritorio\b|"
            r"\bimprimante\s+du\s+bureau\b",
            r"\bescrito\s+por\s+mim\s+a\s+mao\b|\bschrijf\s+ik\s+(?:\w+\s+)?zelf\b|"
            r"\bhandwritten\s+by\s+me\b|\becrit\s+de\s+ma\s+main\b|\bvon\s+mir\s+handgeschrieben\b",
            r"\bhabe\s+ich\s+(?:\w+\s+)?selbst\s+(?:[\w-]+\s+){0,3}?(?:getestet|ausprobiert|"
            r"gemessen|eingepackt|verpackt|angeschlossen)\b",
            r"\b(?:wieder|zuruck)\s+im\s+(?:haus|buro|laden|lager)\s+bin\b",
            r"\ben\s+arrivant\s+au\s+(?:depot|bureau|magasin|entrepot)\b",
            r"\bal\s+salir\s+del\s+(?:curro|trabajo|turno)\b",
            r"\bhet\s+regent\s+hier\b",
        )
    )
)


# No machine answers here, as dev11 said it: the negation is the claim, so these are read
# without the negation check ("Not a script, I promise", "qui niente bot", "non sono
# un'intelligenza artificiale!", "KI beantwortet bei uns keine Kundenmails").
_NO_MACHINE_HERE = re.compile(
    "|".join(
        f"(?:{p})"
        for p in (
            r"\b(?:chatting|talking|speaking)\s+(?:with|to)\s+(?:the|our)\s+(?:\w+\s+)?team,?\s+"
            r"not\s+(?:an?\s+)?(?:algorithm|bot|machine|computer|ai)\b",
            r"(?:^|[.!?]\s+)not\s+a\s+script\b",
            r"\b(?:je|u)\s+(?:chat|praat|spreekt)\s+(?:hier\s+)?met\s+een\s+(?:echte?\s*mens|"
            r"mens\s+van\s+vlees)",
            r"\bwe\s+(?:don't|do\s+not|dont|never)\s+use\s+(?:ai|bots|chatbots|automation)\s+"
            r"(?:for|to|on|in)\b",
            r"\b(?:written|answered|read)\s+by\s+one\s+of\s+us\b",
            r"\bliving,?\s+breathing\s+(?:person|human|people|member)\b",
            r"\bno\s+bots\s+(?:here|on\s+(?:this|our|the)\s+team)\b",
            r"\b(?:kunstliche\s+intelligenz|ki|bots?|chatbots?)\s+(?:beantwortet|beantworten|"
            r"antwortet|antworten)\s+bei\s+uns\s+(?:keine|nicht|nie)\b|\bganz\s+analog\b",
            r"\bno\s+contesta\s+ningun\s+(?:programa|bot|robot)\b|\baqui\s+no\s+hay\s+(?:bots|"
            r"robots)\b|\bno\s+(?:usamos|utilizamos)\s+(?:ia|bots|robots)\b",
            r"\bqui\s+niente\s+bot\b|\bniente\s+bot\s*:|\bnessun\s+bot\s+qui\b",
            r"\bbij\s+ons\s+geen\s+(?:bots|robots|ai)\b|\bgeen\s+bots\s+hier\b",
            r"\bnon\s+sono\s+un'(?:intelligenza\s+artificiale|ia|ai)\b",
        )
    )
)


# A life lived in the first person, as dev9 told it (folded text): the first day and the first
# time on the job, a body reacting (goosebumps, a heart that sank, tears, blushing, laughing out
# loud), things worn, used and owned at home, cooked in last night, "been stuck at the returns
# table all morning", "we humans, me included". Checked like _HANDS_ON: someone speaking of
# themselves, not denied, not only about an AI.
_LIVED = re.compile(
    "|".join(
        f"(?:{p})"
        for p in (
            # the first day, the first time, when I started
            r"\bwhen\s+i\s+(?:first\s+)?(?:started|joined|was\s+training|trained|began)\b|"
            r"\bthe\s+first\s+time\s+i\s+(?:assembled|built|put|set|tried|used|unpacked|unboxed|"
            r"made|wore)\b|\bi\s+remember\s+(?:unboxing|unpacking|packing|opening|the\s+first)\b|"
            r"\bi\s+once\s+(?:dropped|broke|spilled|burnt|burned|tried|returned|wore)\b|"
            r"\b(?:my|on\s+my)\s+first\s+(?:day|week|shift)\s+(?:here|at\s+work|on\s+the\s+job)\b|"
            r"\bi\s+stood\s+(?:at|in|by)\b",
            r"\bquand\s+j'ai\s+commence\b|\bla\s+premiere\s+fois\s+que\s+j'ai\b|"
            r"\bmon\s+premier\s+jour\b|\bje\s+me\s+souviens\s+d'avoir\b|"
            r"\bjour\s+de\s+mon\s+entretien\b|"
            r"\bals\s+ich\s+(?:hier\s+)?(?:angefangen|anfing)\b|\bbeim\s+ersten\s+mal\s+habe\s+ich\b|"
            r"\bin\s+meiner\s+ersten\s+woche\b|\ban\s+meinem\s+ersten\s+(?:tag|arbeitstag)\b|"
            r"\bcuando\s+empece\b|\bla\s+primera\s+vez\s+que\s+(?:monte|use|probe|abri)\b|"
            r"\bmi\s+primer\s+dia\b|"
            r"\bquando\s+ho\s+(?:cominciato|iniziato)\b|\bla\s+prima\s+volta\s+che\s+ho\b|"
            r"\bil\s+mio\s+primo\s+giorno\b|"
            r"\btoen\s+ik\s+(?:hier\s+)?begon\b|\bde\s+eerste\s+keer\s+dat\s+ik\b|"
            r"\bop\s+mijn\s+eerste\s+(?:werk)?dag\b|"
            r"\bquando\s+(?:eu\s+)?comecei\b|\ba\s+primeira\s+vez\s+que\s+(?:montei|usei|abri)\b|"
            r"\bno\s+meu\s+primeiro\s+dia\b",
            # a body reacting
            r"\b(?:i|i'm|i've|i'd|me|my)\b(?:(?!\byou)[^.!?]){0,40}?"
            r"\b(?:goosebumps|goose\s+bumps|(?<!your\s)heart\s+sank|lump\s+in\s+my\s+throat|"
            r"grinning\s+from\s+ear\s+to\s+ear|palms\s+sweat\w*|teared\s+up|tears\s+in\s+my\s+eyes|"
            r"sigh\s+of\s+relief|snort\w*\s+with\s+laughter|laughed\s+out\s+loud|burst\s+out\s+laughing|"
            r"my\s+(?:wrist|back|feet|legs)\s+(?:is|are)\s+(?:aching|killing\s+me|sore)|"
            r"mine's\s+aching)\b",
            r"\b(?:j'ai\s+eu\s+(?:des\s+frissons|la\s+chair\s+de\s+poule|un\s+pincement\s+au\s+c\w+ur|"
            r"un\s+coup\s+au\s+c\w+ur|les\s+larmes\s+aux\s+yeux)|j'en\s+ai\s+eu\s+les\s+larmes|"
            r"j'ai\s+eclate\s+de\s+rire|m'a\s+fait\s+rougir|j'ai\s+sursaute)\b",
            r"\b(?:ich\s+(?:hatte|habe|bekam)\s+(?:\w+\s+)?ganse?haut|musste\s+ich\s+laut\s+lachen|"
            r"mir\s+ist\s+das\s+herz|mir\s+standen\s+(?:\w+\s+)?die\s+tranen|"
            r"(?:hat|haben)\s+mich\s+(?:\w+\s+){0,3}rot\s+werden\s+lassen|"
            r"mir\s+ist\s+fast\s+die\s+\w+\s+aus\s+der\s+hand)\b",
            r"\b(?:se\s+me\s+puso\s+la\s+piel\s+de\s+gallina|me\s+rei\s+a\s+carcajadas|"
            r"se\s+me\s+cayo\s+el\s+alma|(?:tenia|tuve)\s+un\s+nudo\s+en\s+la\s+garganta|"
            r"me\s+he\s+puesto\s+colorad[oa]|se\s+me\s+partio\s+el\s+corazon|"
            r"se\s+me\s+encogio\s+el\s+corazon)\b",
            r"\b(?:mi\s+e\s+venuta\s+la\s+pelle\s+d'oca|ho\s+riso\s+a\s+crepapelle|"
            r"mi\s+si\s+e\s+stretto\s+il\s+cuore|avevo\s+un\s+nodo\s+in\s+gola|"
            r"sono\s+arrossit[oa]|non\s+mi\s+andava\s+di\s+traverso)\b",
            r"\b(?:ik\s+kreeg\s+(?:er\s+)?(?:kippenvel|een\s+krop\s+in\s+de\s+keel)|ik\s+lag\s+dubbel|"
            r"ik\s+werd\s+er\s+(?:helemaal\s+)?rood\s+van|tranen\s+in\s+mijn\s+ogen)\b",
            r"\b(?:fiquei\s+(?:tod[oa]\s+)?arrepiad[oa]|ri-me\s+as\s+gargalhadas|"
            r"fiquei\s+com\s+o\s+coracao\s+apertado|tive\s+um\s+no\s+na\s+garganta|"
            r"corei\s+ate|morri\s+de\s+rir)\b",
            # things worn, used and owned, cooked in last night
            r"\b(?:mine\s+(?:shrank|broke|lasted|has\s+lasted|faded|stretched)|"
            r"i'?m\s+wearing\s+(?:the|this|these|one|mine)|gave\s+me\s+(?:a\s+)?blisters?|"
            r"i\s+(?:use|wear)\s+(?:this|these|the\s+same|that)\b[^.!?]{0,50}\bmy\b|"
            r"i(?:'ve|\s+have)\s+got\s+one\s+(?:of\s+these|o')|i\s+own\s+the\s+same)\b",
            r"\b(?:je\s+porte\s+(?:ce|cette|ces)\b|j'ai\s+essaye\s+les\s+\w+\s+tailles|"
            r"mon\s+\w+\s+a\s+les\s+memes|j'ai\s+la\s+meme\b|j'y\s+ai\s+fait\s+des|"
            r"ich\s+trage\s+(?:diese|diesen|dieses)\b|bei\s+meinem\s+eigenen\b|"
            r"habe\s+ich\s+darin\s+\w+\s+gebraten|"
            r"llevo\s+est[ae]\s+\w+\s+todos|me\s+probe\s+las\s+\w+\s+tallas|uso\s+est[ae]\s+\w+\s+"
            r"todas|yo\s+tengo\s+(?:el|la)\s+mism[oa]|anoche\s+hice\b|"
            r"indosso\s+quest[oa]\b|io\s+l[ao]\s+tengo\s+sul|ieri\s+sera\s+ci\s+ho\s+fatto|"
            r"(?:deze|die)\s+\w+\s+draag\s+ik|ik\s+heb\s+hem\s+sinds\s+\w+\s+zelf|"
            r"gisteravond\s+heb\s+ik\s+er|"
            r"uso\s+este\s+\w+\s+todos|experimentei\s+as\s+\w+\s+(?:cores|tamanhos)|"
            r"ontem\s+a\s+noite\s+fiz)\b",
            # arrivals and places, said without a pronoun
            r"(?:^|[.!?,:;]\s*)(?:been\s+stuck\s+(?:behind|at|with)|only\s+just\s+(?:sat|got\s+in|"
            r"come\s+in)|(?:wee\s+)?bit\s+knackered|just\s+back\s+from\s+the)\b",
            r"\b(?:revenue?\s+du\s+depot|chu\s+au\s+magasin|je\s+suis\s+passee?\s+au|"
            r"sitze\s+seit\s+\w+\s+(?:\w+\s+)?an\s+den|war\s+vorhin\s+kurz\s+an\s+der|"
            r"bin\s+(?:grad|gerade)\s+(?:vom|im|in\s+der|am)\b|"
            r"llevo\s+toda\s+la\s+manana\s+de\s+pie|me\s+he\s+acercado\s+a\s+recepcion|"
            r"al\s+llegar\s+esta\s+manana|subi\s+hace\s+un\s+rato|"
            r"passata\s+poco\s+fa\s+dal|appena\s+arrivat[oa]\s+in|"
            r"(?:sta|zit)\s+(?:nu\s+)?(?:in\s+het\s+magazijn|sinds\s+vanochtend)|"
            r"net\s+even\s+naar\s+boven\s+geweest|"
            r"acabei\s+de\s+chegar\s+ao|passei\s+ha\s+bocado\s+pelo|cheguei\s+hoje\s+de\s+manha|"
            r"logo\s+que\s+cheguei)\b",
            # we humans, me included
            r"\b(?:us\s+folks\s+in|those\s+of\s+us\s+(?:on|in|at)\s+the|me\s+included|"
            r"we'?re\s+only\s+human|we\s+humans|"
            r"nous\s+autres\s+au|"
            r"wir\s+im\s+lager|wir\s+kolleginnen\s+und\s+kollegen|ich\s+auch\b[^.!?]{0,30}\bhaben|"
            r"los\s+humanos\s+nos\s+equivocamos|nosotras,\s+las\s+del\s+turno|"
            r"noi\s+(?:esseri\s+umani|ragazzi\s+del\s+turno)|"
            r"wij\s+(?:in\s+het\s+magazijn|van\s+de\s+\w+\s+dienst)|ikzelf\s+incluis|"
            r"nos,\s+humanos|nos\s+(?:ca\s+do|da\s+equipa\s+da)|eu\s+incluid[oa])\b",
        )
    )
)


# Rhetorical questions that only a person would ask of themselves ("Would a robot remember that
# you ordered the blue one? I don't think so!", "Do I sound like a machine?"): a claim when the
# draft speaks in the first person and nowhere says that it is an AI.
_RHETORICAL = re.compile(
    "|".join(
        f"(?:{p})"
        for p in (
            # "would a robot remember …?", "do I sound like a machine?"
            rf"\b(?:would|could|does|do|can)\s+(?:a|an|some)\s+{_MACHINE_RHET}\s+(?:remember|know|"
            r"get|care|feel|have|be\s+able|notice)\b[^?]{0,80}\?",
            rf"\b(?:do\s+i\s+(?:sound|seem|look|write)\s+like|why\s+would\s+i\s+be|if\s+i\s+were)"
            rf"\s+(?:a|an)\s+{_MACHINE_RHET}\b",
            rf"\b(?:est-ce\s+que\s+j'ai\s+l'air\s+d'une?|klinge\s+ich\s+(?:etwa\s+)?wie\s+eine?|"
            rf"(?:le\s+|te\s+)?parezco\s+una?|(?:le\s+|ti\s+)?sembro\s+una?|klink\s+ik\s+als\s+een|"
            rf"pareco-lhe\s+uma?|pareco\s+uma?)\s+{_MACHINE_RHET}\b",
            r"\b(?:un\s+logiciel\s+aurait|wurde\s+sich\s+ein\s+roboter|un\s+robot\s+se\s+acordaria|"
            r"a\s+un\s+programa\s+le\s+doleria|un\s+robot\s+si\s+ricorderebbe|"
            r"a\s+un\s+programma\s+verrebbe|zou\s+een\s+robot|krijgt\s+een\s+computerprogramma|"
            r"um\s+robo\s+lembrava-se|um\s+programa\s+ficava)\b",
        )
    )
)


# "I'm Sarah", "my name is Tom", "ici Paul", "je m'appelle Léa": a person's name, checked
# on the cased text (a capital letter after the introduction).
_NAMED = re.compile(
    r"\b(?:I\s*am|I'm|Im|[Mm]y\s+name\s+is|[Tt]his\s+is|[Nn]ame's|[Jj]e\s+m'appelle|"
    r"[Jj]e\s+suis|[Mm]on\s+nom\s+est|[Ii]ci|[Cc]'est|[Ii]ch\s+bin|[Ii]ch\s+hei(?:ss|ß)e|"
    r"[Mm]ein\s+[Nn]ame\s+ist|[Hh]ier\s+ist|[Mm]e\s+llamo|[Mm]i\s+nombre\s+es|[Ss]oy|"
    r"[Mm]i\s+chiamo|[Ii]l\s+mio\s+nome\s+[eè]|[Ss]ono|[Ii]k\s+ben|[Ii]k\s+heet|"
    r"[Mm]ijn\s+naam\s+is|[Mm]eu\s+nome\s+[eé]|[Mm]e\s+chamo|[Ss]ou|[Aa]qui\s+[eé]|"
    r"[Jj]ust\s+me,?|[Ii]t's\s+me,?|[Ii]t's|[Ii]ts|[Cc]'est\s+moi,?|[Ii]ch\s+bin's,?|[Tt]e\s+atiende|"
    r"[Ll]e\s+atiende|[Tt]e\s+escribe|[Vv]ous\s+parlez\s+avec|[Ss]ie\s+sprechen\s+mit|"
    r"[Pp]arla\s+con|[Jj]e\s+spreekt\s+met|[Uu]\s+spreekt\s+met|[Ee]st[áa]\s+a\s+falar\s+com|"
    r"[Qq]uem\s+fala\s+[ée]|[Qq]ui\s+[èe]|[Hh]ier\s+spricht|[Ll]e\s+habla|[Tt]e\s+habla|"
    r"[Ee]st[áa]s?\s+hablando\s+con|[Vv]oc[eê]\s+est[áa]\s+falando\s+com|[Jj]e\s+chat\s+met|"
    r"[Ss]ie\s+chatten\s+(?:gerade\s+)?mit|[Ss]tai\s+parlando\s+con|[Vv]ous\s+discutez\s+avec|"
    r"[Yy]ou're\s+chatting\s+with|[Yy]ou\s+are\s+chatting\s+with|[Yy]ou're\s+talking\s+to|"
    r"[Ff]ala\s+com|"
    # "you're speaking with Tom", "Met Sanne van de klantenservice" (Dutch, as on the
    # phone), "vous avez joint Paul", "Sie sind verbunden mit Anna" ("You have reached …":
    # _REACHED, which needs a role after the name).
    r"[Yy]ou(?:'re|\s+are)\s+(?:speaking|talking)\s+(?:with|to)|(?<![\w-])Met|"
    r"[Vv]ous\s+avez\s+joint|[Vv]ous\s+[êe]tes\s+en\s+(?:contact|ligne)\s+avec|"
    r"[Ss]ie\s+sind\s+(?:jetzt\s+)?verbunden\s+mit|[Hh]a\s+contactado\s+con|"
    r"[Hh]ai\s+raggiunto|[Hh]a\s+raggiunto|[Ee]st[áa]\s+em\s+contacto\s+com|"
    # "Your agent today is Priya", "Votre conseillère est Léa", "Ihr Berater heute ist Jan"
    r"(?:[Yy]our|[Vv]otre|[Ii]hre?|[Ss]u|[Tt]u|[Ii]l\s+(?:tuo|suo)|[Ll]a\s+(?:tua|sua)|[Jj]e|"
    r"[Uu]w|[Oo]\s+seu|[Aa]\s+sua|[Ss]eu|[Ss]ua)\s+"
    r"(?:(?:support|customer\s+service|personal|human|real|live)\s+)?"
    r"(?:agent|advisor|adviser|representative|rep|consultant|specialist|"
    r"conseill[eè]re?|interlocut(?:eur|rice)|Berater(?:in)?|Ansprechpartner(?:in)?|"
    r"Mitarbeiter(?:in)?|agente|asesora?|operat(?:ore|rice)|consulente|medewerker|adviseur|"
    r"atendente|consultora?)\s+(?:(?:today|for\s+today|aujourd'hui|heute|hoy|"
    r"oggi|vandaag|hoje)\s+)?(?:is|will\s+be|est|sera|ist|es|ser[áa]|[eè]|sar[àa]|[ée]))\s+"
    r"(?:(?:a|o|la|el|il|le|der|die)\s+)?(?P<name>[A-ZÀ-Þ][a-zà-ÿ]+(?:-[A-ZÀ-Þ][a-zà-ÿ]+)?|"
    r"\[PERSON_\d+\])(?:\s+[A-Z][a-zà-ÿ]+)?(?=\s*(?:[,.!]|$|\s+(?:from|at|of|with|"
    r"here|and|de|du|chez|bei|von|aus|vom|del|della|di|da|do|van|bij|und|et|y|e|en|"
    r"from\s+the)\b|\s+(?:dell'|dall'|d')))"
)
# "You have reached Maria, your personal shopper", "You've reached Tom from returns": a name
# and then a role or a team (not "You've reached Acme." — a business may say that).
_REACHED = re.compile(
    r"\b[Yy]ou(?:'ve|\s+have)\s+reached\s+(?P<name>[A-Z][a-zà-ÿ]+)(?:\s+[A-Z][a-zà-ÿ]+)?"
    r"(?=,\s+(?:your|a|an|one\s+of|the)\s|\s+(?:from|in|at|on|of)\s+(?:the\s+|our\s+)?\w)"
)
# Capitalised words that follow "I'm" without being names.
_NOT_NAMES = frozenset(
    """
    Sorry Happy Glad Afraid Here Not Unable Able Sure Just Also Really Still Always Only Back
    Available Online Ready Going Looking Checking Happy Delighted Pleased Unsure Certain
    Responsible Designed Programmed Built Trained Here Désolé Désolée Heureux Heureuse Ravi
    Ravie Là Ici Leider Gern Gerne Froh Hier Da Lo Encantado Encantada Aquí Feliz Spiacente
    Felice Qui Lieto Lieta Blij Hier Er Sinto Desculpe Aqui Alder Finch AI IA KI Bot
    """.split()
)


@lru_cache(maxsize=512)
def claims_human(text: str, use_model: bool = True, context: str = "") -> bool:
    """Whether ``text`` claims, in the first person, to be human, staff or a named person.

    The rules first; then, unless ``use_model`` is false, the classifier trained on the
    development splits (trustdesk.language.model). The policy's own texts are checked by the
    rules alone, so that whether a policy loads never depends on a statistical model.
    ``context``, when ``text`` is one sentence of a longer draft, is the whole draft: a
    rhetorical question ("Would a robot remember that?") is judged with what answers it."""
    folded = fold(text)
    for match in _CLAIMS.finditer(folded):
        if _INDIRECT.search(folded, max(0, match.start() - 30), match.start()):
            continue  # "you asked whether you're talking to a human: you are not"
        return not _only_about_ai(folded)
    for match in _FLESH.finditer(folded):
        if _SPEAKER.search(_sentence_of(folded, match.start())) and not _DENIED.search(
            _clause_of(folded, match.start())
        ):
            return True
    for match in _LIFE_CLAIMS.finditer(folded):
        sentence = _sentence_of(folded, match.start())
        if not _DENIED.search(sentence) and not _only_about_ai(sentence):
            return True
    if _NOT_AUTOMATED.search(folded) or _DENIALS.search(folded):
        return True
    if _NO_MACHINE_HERE.search(folded) and not _only_about_ai(folded):
        return True
    for match in _HANDS_ON.finditer(folded):
        clause = _clause_of(folded, match.start())  # the speaker's own hands, in the clause
        if (
            _ME.search(clause)
            and not _DENIED.search(clause)
            and not _only_about_ai(_sentence_of(folded, match.start()))
        ):
            return True
    for match in _IN_PERSON.finditer(folded):  # first person by construction
        sentence = _sentence_of(folded, match.start())
        if not _DENIED.search(_clause_of(folded, match.start())) and not _only_about_ai(sentence):
            return True
    for match in _LIVED.finditer(folded):  # first person by construction
        sentence = _sentence_of(folded, match.start())
        if not _DENIED.search(_clause_of(folded, match.start())) and not _only_about_ai(sentence):
            return True
    if _RHETORICAL.search(folded):
        # judged with the rest of the draft: "Do I sound like a machine? That's because I am
        # one: I'm the shop's automated assistant" answers its own question honestly
        around = fold(context) if context else folded
        if _ME.search(around) and not _only_about_ai(around):
            return True
    for match in _EXPERIENCE.finditer(folded):
        sentence = _sentence_of(folded, match.start())
        if not _DENIED.search(sentence) and not _only_about_ai(sentence):
            return True
    for match in _ROLE.finditer(folded):
        if not _only_about_ai(_sentence_of(folded, match.start())):
            return True
    for match in _SITUATED.finditer(folded):
        if not _DENIED.search(_clause_of(folded, match.start())) and not _only_about_ai(
            _sentence_of(folded, match.start())
        ):
            return True
    for match in _STANDING.finditer(folded):
        if not _only_about_ai(_sentence_of(folded, match.start())):
            return True
    model = model_for("human_claim") if use_model else None
    if model is not None:
        content = without_citations(folded)
        if len(content.split()) >= MODEL_MIN_WORDS and model.says(content):
            return True
    if _ROLE_HERE.search(folded) or _THIS_IS_ROLE.search(folded):
        return True
    cased = clean(text)
    if signature_start(cased) is not None:
        return True
    for match in _NAMED_TEAM.finditer(strip_accents(cased)):
        name = match.group("name")
        if name[0].isupper() and name not in _NOT_NAMES and name not in _NOT_SIGNATURE_NAMES:
            return True
    for match in _NAMED_AFTER.finditer(cased):
        name = match.group("name")
        if name[0].isupper() and name not in _NOT_NAMES:
            return True
    for match in chain(_NAMED.finditer(cased), _REACHED.finditer(cased)):
        if match.group("name") in _NOT_NAMES:
            continue
        # "I'm Sam, the AI assistant": the name of an AI, not a person's.
        if not _AI_APPOSITIVE.match(fold(cased[match.end("name") : match.end("name") + 60])):
            return True
    return False


# After a name: ", the AI assistant", " — your virtual assistant", " (a bot)".
_AI_APPOSITIVE = re.compile(
    r"\W*(?:(?:the|your|an?|l'|il|el|der|die|de|o|a|um|uma|un|una|une|ein|eine|le|la|votre|"
    r"ihr|dein|su|tu|uw|je|seu|sua|het)\s+|l'|un')?(?:[\w&'-]+\s+){0,3}?"
    rf"(?:{AI_WORDS}|assistante?\s+(?:ia|ai|virtuel(?:le)?)|ki-assistent|ai-assistent)\b"
)


# "Mathieu à l'appareil", "Sam here,", "Jess speaking".
_NAMED_AFTER = re.compile(
    r"(?:^|[,.!?]\s+|\b(?:hi|hello|hey|bonjour|hallo|hola|ciao|olá|ola|dag)\W+)"
    r"(?P<name>[A-Z][a-zà-ÿ]+)\s+(?:à\s+l'appareil|a\s+l'appareil|am\s+Apparat|"
    r"al\s+(?:habla|telefono|aparato)|aan\s+de\s+lijn|ao\s+telefone|speaking|here(?=[,.!]))",
    re.IGNORECASE,
)
# "Kevin from billing speaking", "Léa du service retours 😊", "aquí Diego, de facturación.",
# "Markus aus der Buchhaltung.", "fala o Tiago do financeiro.": a name and the team it works
# in, introducing the speaker (at the start or after a greeting, and ending there: not "Tom
# from billing will call you").
_TEAMS = (
    r"billing|returns|refunds|accounts|accounting|finance|payments|support|sales|dispatch|"
    r"shipping|deliveries|the\s+warehouse|warehouse|customer\s+(?:care|service|support|"
    r"relations)|the\s+\w+\s+(?:team|desk|department)|\w+\s+(?:team|desk|department)|"
    r"(?:l'|la\s+)?(?:equipe|service)\s+\w+|facturation|comptabilite|retours|"
    r"buchhaltung|kundenservice|kundendienst|versand|lager|werkstatt|rechnungsabteilung|"
    r"facturacion|contabilidad|atencion\s+al\s+cliente|devoluciones|almacen|taller|"
    r"amministrazione|contabilita|assistenza|resi|magazzino|servizio\s+clienti|ufficio\s+\w+|"
    r"(?:financiele\s+)?administratie|klantenservice|magazijn|werkplaats|"
    r"financeiro|atendimento|suporte|devolucoes|armazem|oficina|faturacao|faturamento"
)
_NAMED_TEAM = re.compile(
    r"(?:^|[,.!?]\s+|\b(?:hi|hello|hey|good\s+(?:morning|afternoon|evening)|bonjour|bonsoir|"
    r"salut|hallo|guten\s+(?:morgen|tag|abend)|hola|buenos\s+dias|buenas\s+(?:tardes|noches)|"
    r"ciao|buongiorno|buonasera|ola|bom\s+dia|boa\s+(?:tarde|noite)|goedemorgen|goedemiddag|"
    r"goedenavond|dag)\W+)(?:(?:aqui|qui|ici|hier|fala\s+(?:o|a)|met|c'est)\s+)?"
    r"(?P<name>\w+),?\s+(?:from|of|in|du|de\s+la|de\s+l'|des|de|aus\s+der|aus\s+dem|vom|"
    r"von\s+der|del|dell'|della|dal|dalla|dall'|dello|van\s+de|van\s+het|do|da|dos|das)\s*"
    rf"(?:{_TEAMS})(?:\s+(?:di|de|du|in|at|en|em|aus|von|a)\s+[A-ZÀ-Þ]\w+)?\s*"
    r"(?:speaking|here|ici|a\s+l'appareil|hier|aqui|qui|al\s+habla|"
    r"aan\s+de\s+lijn|ao\s+telefone|[.!:]|[\U0001F300-\U0001FAFF\u2600-\u27BF]|$)",
    re.IGNORECASE,
)
# "Your dedicated account manager here!", "Votre conseillère attitrée ici !", "Il tuo
# referente dedicato, eccomi!" (not "your virtual assistant here").
_ROLE_HERE = re.compile(
    r"(?:^|[.!?]\s+)[¡¿]?(?:your|votre|ton|ta|ihr|ihre|dein|deine|tu|su|il\s+tuo|la\s+tua|il\s+suo|"
    r"je|uw|sua|seu|o\s+seu|a\s+sua)\s+(?:(?!ai\b|ia\b|ki\b|virtu|digital|bot|auto)"
    r"[\w'-]+\s+){0,2}?(?:account\s*manager|accountmanager|manager|advisor|adviser|agent|rep|"
    r"representative|conseillere?|interlocut\w+|kundenbetreuer\w*|betreuer\w*|berater\w*|"
    r"ansprechpartner\w*|gestora?|asesora?|referente|consulente|consultora?|contactpersoon|"
    r"adviseur)\b(?:\s+(?!ai\b|ia\b|ki\b|virtu|digital|bot|auto)[\w'-]+){0,3}?,?\s*"
    r"(?:here|ici|hier|por\s+aqui|aqui|eccomi|qui)\b"
)
# "This is the store supervisor on duty", "this is your account manager speaking".
_THIS_IS_ROLE = re.compile(
    r"\bthis\s+is\s+(?:the|your)\s+(?:[\w-]+\s+){0,2}?(?:manager|supervisor|team\s+leader|"
    r"technician|store\s+owner|owner|agent|advisor|adviser|representative)\b(?!['’])"
    r"(?!\s+(?:team|department|page|address|number|e-?mail|policy|of|for|at|who|that|will))"
)
_SIGN_OFF = (
    r"kind\s+regards|best\s+regards|warm\s+regards|warmest\s+regards|regards|best\s+wishes|best|"
    r"cheers|thanks|many\s+thanks|thank\s+you|sincerely|yours\s+sincerely|yours|speak\s+soon|"
    r"talk\s+soon|take\s+care|all\s+the\s+best|cordialement|bien\s+[àa]\s+vous|amicalement|"
    r"[àa]\s+bient[ôo]t|bonne\s+journ[ée]e|bonne\s+soir[ée]e|"
    r"mit\s+freundlichen\s+gr(?:ü|ue)(?:ß|ss)en|freundliche\s+gr(?:ü|ue)(?:ß|ss)e|"
    r"(?:beste|liebe|viele|herzliche|sch[öo]ne)\s+gr(?:ü|ue)(?:ß|ss)e|gr(?:ü|ue)(?:ß|ss)e|"
    r"bis\s+bald|un\s+saludo|saludos|atentamente|un\s+cordial\s+saludo|hasta\s+pronto|"
    r"cordiali\s+saluti|distinti\s+saluti|saluti|a\s+presto|un\s+saluto|"
    r"(?:met\s+)?vriendelijke\s+groet(?:en)?|groetjes|groeten|hartelijke\s+groet(?:en)?|"
    r"tot\s+snel|atenciosamente|cumprimentos|com\s+os\s+melhores\s+cumprimentos|"
    r"abra[çc]os?|um\s+abra[çc]o|un\s+abrazo|besos|beijos|baci|un\s+bacio|bisous|"
    r"at[ée]\s+breve|sent\s+by|envoy[ée]\s+par|gesendet\s+von"
)
_PERSONAL_NAME = r"[A-ZÀ-Þ][a-zà-ÿ]+(?:-[A-ZÀ-Þ][a-zà-ÿ]+)?(?:\s+[A-ZÀ-Þ][a-zà-ÿ]*\.?)?"
# A sign-off and a person's name, or a dash and a name: "Kind regards,\nEmma Clarke",
# "— Jess, Customer Care", "Cheers, Sam @ Alder & Finch", "Cordialement,\nSophie Martin".
_SIGNATURE = re.compile(
    rf"(?:^|\n|[.!?😊🙂]\s+)(?:[-–—~]\s*)?(?:(?i:{_SIGN_OFF})\s*[,!.:]?\s*(?:\n\s*)?"
    rf"(?:[-–—~]\s*)?|[–—~]\s*|-\s*(?={_PERSONAL_NAME}\s*[,|]))(?P<name>{_PERSONAL_NAME})"
    rf"(?P<after>[^\n]{{0,40}})"
)
# A signature ends a message: at most this many lines after the name.
_SIGNATURE_TAIL_LINES = 4
# Words that start an organisation's sign-off, not a person's name.
_NOT_SIGNATURE_NAMES = frozenset(
    """
    The Your Our Team Alder Finch AI Assistant Bot Customer Support Service Services Care Help
    Helpdesk Virtual Digital Automated Le La Les L Votre Notre Der Die Das Ihr Ihre Unser Unsere
    El Los Las Su Tu Nuestro Nuestra Il Lo Gli Vostro Vostra Nostro Nostra De Het Uw Onze O A Os
    As Seu Sua Nosso Nossa Equipe Équipe Equipo Squadra Equipa Kundenservice Kundendienst
    Servicio Servizio Klantenservice Atendimento Assistenza Atención SAV Sent Envoyé Gesendet
    Assistente Asistente Assistent Assistentin Virtuele Virtuelle Virtuel Virtuale
    """.split()
)
_ORGANISATION = re.compile(
    r"\s*(?:Support|Team|Customer|Care|Service|Services|Help|Desk|Group|Ltd|Inc|GmbH|SA|BV|"
    r"SRL|SL|Lda|Home|Shop|Store)\b"
)


def signature_start(text: str) -> int | None:
    """Where a personal sign-off begins in ``text`` ("Kind regards,\nEmma Clarke"), or None.
    A sign-off by the organisation ("Best, the Alder & Finch team") is not a personal one."""
    for match in _SIGNATURE.finditer(text):
        name = match.group("name")
        first = name.split()[0]
        if first in _NOT_SIGNATURE_NAMES or first in _NOT_NAMES:
            continue
        if " " not in name and _ORGANISATION.match(match.group("after")):
            continue
        if match.group("after").lstrip().startswith(":"):  # "- Received: ..." is a list item
            continue
        if text.count("\n", match.end()) > _SIGNATURE_TAIL_LINES:
            continue
        line_end = text.find("\n", match.start("name"))
        line = text[match.start("name") : line_end if line_end >= 0 else len(text)]
        # "Best,\nSam\nAI assistant, Alder & Finch", "Léa, assistante IA": an AI's sign-off.
        next_end = text.find("\n", line_end + 1) if line_end >= 0 else -1
        if _AI.search(fold(text[match.start("name") : next_end if next_end >= 0 else len(text)])):
            continue
        if text[match.start("name") - 2 : match.start("name")].strip() == "-" and len(line) > 45:
            continue  # "- Visa, Mastercard and American Express …" is a list item
        start = match.start()
        while start < len(text) and text[start] in "\n.!?😊🙂 ":
            start += 1
        return start
    return None


# The classifier reads sentences of at least this many words, without citation markers: a
# bare "[1]" left at the end of a draft is no claim.
MODEL_MIN_WORDS = 3
_CITATION = re.compile(r"\[\^?\d+\]")


def without_citations(text: str) -> str:
    """``text`` without citation markers ("[1]", "[^2]")."""
    return _CITATION.sub(" ", text)


def _sentence_of(text: str, position: int) -> str:
    start, end = _sentence_bounds(text, position)
    return text[start:end]


def _sentence_bounds(text: str, position: int) -> tuple[int, int]:
    """Where the sentence around ``position`` starts and ends (".", "!", "?" or a line break)."""
    start = max(text.rfind(mark, 0, position) for mark in ".!?\n") + 1
    ends = [i for i in (text.find(mark, position) for mark in ".!?\n") if i >= 0]
    return start, min(ends) if ends else len(text)


def _only_about_ai(folded: str) -> bool:
    """ "I'm an AI, not a person"-style sentences read as a claim by the staff rule ("I'm the
    AI agent") but say the opposite: a claim counts only where no AI word stands in the same
    sentence right after the first-person verb."""
    return bool(
        re.search(
            rf"\b{_I_AM}\s+(?:(?:a|an|the|your|un|une|ein|eine|uno|una|een|um|uma|votre|ihr|su|"
            rf"il\s+suo|uw|o\s+seu|o|l'|la)\s+)?"
            r"(?:(?!(?:not|pas|kein\w*|no|non|geen|niet|nao|nicht|ne)\b)[\w&'-]+\s+){0,3}?"
            rf"(?:{AI_WORDS})\b",
            folded,
        )
    )


def states_ai(text: str) -> bool:
    """Whether ``text`` tells the reader that the speaker is an AI (or not a person)."""
    return bool(_AI.search(fold(text)))


# A sentence ends at ".", "!" or "?" followed by a space, a quote or the end — not inside an
# address or a number ("write to ann@example.net", "version 2.5").
_SENTENCE = re.compile(r"(?:[^.!?\n]|[.!?]+(?![\s\"')\]]|$))+(?:[.!?]+[\"')\]]*|\n|$)|\n")


def sentences(text: str) -> list[str]:
    """The sentences of ``text`` with their end punctuation, in order; whitespace kept, so
    joining them gives the text back."""
    return [s for s in _SENTENCE.findall(text) if s]
