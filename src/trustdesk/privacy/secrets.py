"""Secrets a customer types into a chat: passwords, passcodes, PINs, one-time codes and the
answers to security questions, each found after its cue; the span is the value only.

"my password is hunter2", "pw: Tr0ub4dor&3", "the code is 482913", "OTP 4829", "mother's maiden
name is Smith", "mot de passe : soleil42", "mein Passwort lautet Sommer2024!", "contraseña:
gato123", "wachtwoord is ...", "senha ...". A plain word counts as a value only where it ends
the clause ("my password is sunshine."), so "my password is not working" and "password: click
the link" are left alone; codes and PINs must hold digits. A cue typed with one slip
("wacthwoord", "le cdoe reçu par SMS") counts before a code, a password with a digit, or an
answer after a colon (``cards.SlipVocabulary``; looked for only before such a value).
"""

from __future__ import annotations

import re
from dataclasses import replace

from trustdesk.privacy.cards import SlipVocabulary
from trustdesk.privacy.spans import PiiSpan

# Password cues: the value may be any word. Code cues (below): the value must hold a digit.
_PASSWORD_CUES = (
    r"password|passwort|passwd|pass\s?word|pwd|pw|passphrase|pass\s?code|kennwort"
    r"|mot\s+de\s+passe|mdp|contrase[ñn]a|clave(?:\s+de\s+acceso)?|parola\s+d'ordine"
    r"|wachtwoord|senha|palavra[-\s]passe"
)
_CODE_CUES = (
    # first: cues a shorter one below would cut ("codice" before "codice SMS")
    r"sms-?code|sms-?kode|text\s+code|code\s+sms|codice\s+sms|c[óo]digo\s+sms|"
    r"pin(?:\s?code|\s+number)?|pincode|pin-code|otp|one[-\s]time\s+(?:pass\s?code|password|code|pin)"
    r"|verification\s+code|confirmation\s+code|security\s+code|authentication\s+code|auth\s+code"
    r"|access\s+code|login\s+code|sign[-\s]in\s+code|2fa(?:\s+code)?|mfa(?:\s+code)?|passcode"
    r"|code\s+(?:pin|secret|de\s+v[ée]rification|de\s+confirmation|d'acc[èe]s|à\s+usage\s+unique)"
    r"|code\s+confidentiel|geheimzahl|geheimnummer|best[äa]tigungscode|einmalcode|zugangscode"
    r"|sicherheitscode|verifizierungscode|c[óo]digo(?:\s+(?:pin|secreto|de\s+verificaci[óo]n"
    r"|de\s+confirmaci[óo]n|de\s+acceso|de\s+verifica[çc][ãa]o|de\s+acesso))?|codice(?:\s+(?:pin"
    r"|segreto|di\s+verifica|di\s+conferma|otp|di\s+accesso))?|verificatiecode|toegangscode"
    # codes that open a door: "lockbox code", "key safe code", "Code porte", "Türcode"
    r"|lock\s?box\s+code|key\s?safe\s+code|gate\s+code|door\s+code|entry\s+code"
    r"|code\s+(?:porte|portail|d'entr[ée]e|de\s+la\s+porte)|digicode|t[üu]rcode|torcode"
    r"|c[óo]digo\s+(?:del\s+portal|de\s+la\s+puerta|do\s+port[ãa]o)|codice\s+(?:del\s+portone"
    r"|della\s+porta|del\s+cancello)|poortcode|deurcode|code\s+de\s+validation"
    r"|validierungscode|c[óo]digo\s+de\s+valida[çc][ãa]o|codice\s+di\s+convalida"
    r"|tan|code"  # last: the longer cues above start with "code"
)
_ANSWER_CUES = (
    r"(?:(?:maiden\s+name|mother['’]?s\s+maiden\s+name"
    r"|nom\s+de\s+jeune\s+fille|m[äa]dchenname|apellido\s+de\s+soltera|cognome\s+da\s+nubile"
    r"|meisjesnaam|nome\s+de\s+solteira)"
    # "... de ma mère", "... meiner Mutter", "... de mi madre", "... van mijn moeder"
    r"(?:\s+(?:of\s+my|de\s+ma|meiner|de\s+mi|di\s+mia|della\s+mia|van\s+mijn|da\s+minha"
    r"|de\s+minha)\s+(?:mother|m[èe]re|mutter|madre|moeder|m[ãa]e))?)"
    r"|first\s+pet['’]?s\s+name|name\s+of\s+my\s+first\s+pet"
    r"|first\s+pet\s+(?:was|is)(?:\s+called|\s+named)?|first\s+pet\s+(?:called|named)"
    r"|security\s+(?:question\s+)?answer"
    r"|answer\s+to\s+(?:my|the)\s+security\s+question|memorable\s+(?:word|answer|information)"
    r"|geheime\s+antwort|r[ée]ponse\s+secr[èe]te|respuesta\s+secreta|risposta\s+segreta"
    # the answer to the security question, and the first pet, in the other six languages
    r"|r[ée]ponse\s+(?:[àa]\s+)?(?:la|ma)\s+question\s+(?:secr[èe]te|de\s+s[ée]curit[ée])"
    r"|antwort\s+auf\s+(?:die|meine)\s+(?:sicherheitsfrage|geheimfrage)"
    r"|respuesta\s+(?:a\s+)?(?:la|mi)\s+pregunta\s+(?:secreta|de\s+seguridad)"
    r"|risposta\s+(?:alla|a)\s+(?:mia\s+)?domanda\s+(?:segreta|di\s+sicurezza)"
    r"|antwoord\s+op\s+(?:de|mijn)\s+(?:beveiligingsvraag|geheime\s+vraag)"
    r"|resposta\s+(?:[àa]\s+|d[ao]\s+)?(?:minha\s+)?pergunta\s+(?:secreta|de\s+seguran[çc]a)"
    r"|premier\s+animal(?:\s+de\s+compagnie)?\s+s['’]appelait|nom\s+de\s+mon\s+premier\s+animal"
    r"|erstes\s+haustier\s+hie(?:ß|ss)|name\s+meines\s+ersten\s+haustiers"
    r"|primera\s+mascota\s+se\s+llamaba|nombre\s+de\s+mi\s+primera\s+mascota"
    r"|primo\s+animale(?:\s+domestico)?\s+si\s+chiamava"
    r"|nome\s+del\s+(?:mio\s+)?primo\s+animale(?:\s+domestico)?"
    r"|eerste\s+huisdier\s+heette|naam\s+van\s+mijn\s+eerste\s+huisdier"
    r"|primeiro\s+animal(?:\s+de\s+estima[çc][ãa]o)?\s+(?:se\s+)?chamava(?:-se)?"
    r"|nome\s+do\s+meu\s+primeiro\s+animal"
    # the question itself, quoted or in brackets: 'answer to "name of your first school"',
    # "pregunta de seguridad (ciudad de nacimiento de mi padre)"
    r"|(?:answer|r[ée]ponse|antwort|respuesta|risposta|antwoord|resposta)\s+(?:to|[àa]|auf"
    r"|a|alla|op)\s+[\"“'‘«„][^\"”'’»“\n]{3,60}[\"”'’»“]"
    r"|(?:security\s+question|secret\s+question|question\s+(?:secr[èe]te|de\s+s[ée]curit[ée])"
    r"|sicherheitsfrage|geheimfrage|pregunta\s+(?:secreta|de\s+seguridad)"
    r"|domanda\s+(?:segreta|di\s+sicurezza)|beveiligingsvraag|geheime\s+vraag"
    r"|pergunta\s+(?:secreta|de\s+seguran[çc]a))\s*\([^)\n]{3,60}\)"
)
# Between the cue and the value: "is", ":", "=", "lautet", "es" ... and a few filler words.
_LINK = (
    # (after a quoted or bracketed cue: '("nome del primo animale") è Briciola')
    r"(?:[\"'”’]?[)\]]?(?=\s))?"
    # (each word whole: "is" must not take the start of "ist")
    r"(?:\s*(?:(?:is\s+now|is|was\s+called|was|will\s+be|now|est|c'est|ist|lautet|war|es"
    r"|era|è|é|equals|reads)(?!\w)|:|=>|->|=))*"
)
# A password or code given in brackets: "the temporary password you sent (Tq7#vW2m) fails".
_BRACKET = r"(?:\s*\((?=\S))?"
# Between a password or code word and its link, who set, sent or used it: "the password I used
# was", "the password you made me reset is now", "the temporary password you emailed,",
# "la clave que me dieron es", "der Code aus der SMS war", "het oude was" (the old one).
_SAID = (
    r"(?:\s+(?:provisoire|temporaire|temporal|provisional|provvisoria|temporanea|tijdelijke"
    r"|tempor[áa]ria|provis[óo]ria|vorl[äa]ufige?|tempor[äa]re?))?"
    r"(?:,?\s+(?:that\s+|which\s+)?(?:i|you|we|they)\s+(?:\w+\s+){0,3}?(?:used|use|set|chose"
    r"|picked|made|sent|emailed|e-mailed|texted|gave|reset|typed|entered|tried|received|got"
    r"|created|had|changed|change)(?:\s+me)?(?:\s+(?:to\s+)?(?:reset|use|change|set))?,?"
    r"|\s+(?:from|in)\s+the\s+(?:sms|text|e-?mail|mail)"
    r"|\s+que\s+(?:vous\s+m['’]avez|tu\s+m['’]as|j['’]ai)\s+\w+"
    r"|\s+(?:aus\s+der|in\s+der)\s+(?:sms|e-?mail|mail)"
    r"|\s+(?:den|das|die)\s+ich\s+(?:\w+\s+){0,3}?(?:habe|hatte)"
    r"|\s+que\s+(?:me\s+(?:dieron|disteis|diste|dio|deram|deu)|us[ée]|puse|eleg[íi]|recib[íi]"
    r"|recebi|usei|escolhi)(?:\s+(?:por|via)\s+(?:sms|e-?mail|mail))?"
    r"|\s+che\s+ho\s+(?:ricevuto|usato|messo|scelto)(?:\s+(?:per|via)\s+(?:sms|e-?mail|mail))?"
    r"|\s+(?:uit|in)\s+de\s+(?:sms|mail|e-?mail)"
    r"|\s+die\s+ik\s+(?:\w+\s+){0,2}?(?:gebruikt|gekregen|ontvangen|ingesteld|gekozen)"
    r"(?:\s+heb)?"
    # what it is for: "the password for the shared drive is", "the PIN for the key safe is",
    # "Passwort für das Elternportal:", "code de validation de votre paiement est"
    r"|\s+(?:for|voor|f[üu]r|pour|para|per|de|do|da|del|della)\s+(?:(?:your|the|my|our|het|de|das"
    r"|den|die|dem|le|la|l['’]|el|il|lo|o|a|votre|vos|ton|ta|seu|sua|uw|je|ihr|ihre|su|tu|mi|il\s+tuo"
    r"|la\s+tua)\s*)?[^\W\d_][\w'-]*(?:\s+[^\W\d_][\w'-]*){0,2}(?=\s*(?:is|was|:|est|ist|es|è|é|era"
    r"|war|lautet|=)(?!\w))"
    # the old one: "wachtwoord vergeten, het oude was …"
    r"|(?:\s+\w+)?,?\s+(?:(?:het|de)\s+oude|the\s+old\s+one|l['’]ancien|das\s+alte"
    r"|el\s+antiguo|la\s+antigua|la\s+vecchia|il\s+vecchio|a\s+antiga|o\s+antigo)(?=\s))?"
)
# Between a one-time-code cue and its value: "the code you sent is", "le code reçu par SMS
# est", "der Code, den ich per SMS bekommen habe" ...
_CODE_LINK = (
    r"(?:\s*(?:(?:that\s+)?(?:you|we)\s+(?:just\s+)?(?:sent|texted|e-?mailed|gave)(?:\s+me)?"
    r"|(?:(?:i\s+)?(?:(?:also|too|just|ook|auch|aussi|tambi[ée]n|anche|tamb[ée]m)\s+)?"
    r"(?:re[çc]u|received|got|erhalten|bekommen|recibido|ricevuto|ontvangen|recebido)"
    r"(?:\s+(?:par|per|by|via|por|in|en)\s+(?:sms|e-?mail|mail|texto?|whatsapp))?)"
    r"|(?:par|per|by|via|por)\s+(?:sms|e-?mail|mail|texto?)"
    r"|que\s+(?:vous\s+m['’]avez|tu\s+m['’]as)\s+envoy[ée]"
    r"|(?:den|die)\s+(?:sie|ihr|du)\s+(?:mir\s+)?(?:geschickt|gesendet)\s+(?:haben|habt|hast)"
    r"|que\s+me\s+(?:enviaron|enviasteis|enviaste|mandaron|mandasteis|enviaram|mandaram)"
    r"|que\s+me\s+(?:lleg[óo]|ha\s+llegado|chegou)(?:\s+(?:por|via)\s+(?:sms|e-?mail|mail))?"
    r"|che\s+mi\s+(?:avete|hai)\s+(?:inviato|mandato)"
    r"|die\s+(?:jullie|u|je)\s+(?:mij\s+|me\s+)?(?:stuurden|stuurde|hebben\s+gestuurd"
    r"|heeft\s+gestuurd|hebt\s+gestuurd)"
    # the code as it keeps arriving: "the code I get is", "il codice che mi arriva via SMS è",
    # "de sms-code die ik krijg is", "o código que chega por SMS é", "le code que je reçois"
    r"|(?:(?:that|which)\s+)?i(?:\s+keep\s+(?:getting|receiving)|\s+get|\s+receive"
    r"|\s+am\s+getting|'m\s+getting)"
    r"|que\s+je\s+re[çc]ois|qui\s+m['’]arrive|,?\s*(?:den|die|das)\s+ich\s+(?:bekomme|erhalte"
    r"|kriege),?|,?\s*(?:der|die|das)\s+(?:bei\s+mir\s+)?ankommt,?|que\s+(?:recibo|me\s+llega|recebo"
    r"|chega|me\s+chega)|che\s+(?:ricevo|mi\s+arriva|arriva)|die\s+ik\s+(?:krijg|ontvang"
    r"|binnenkrijg))"
    r"(?:\s+(?:par|per|by|via|por|pelo|in\s+the)\s+(?:sms|e-?mail|mail|texto?|whatsapp))?)?"
)
# "the last one I got was 884213": a code named by "one", after a code word earlier in the text.
_CODE_ONE = (
    r"(?<![\w-])(?P<cue>(?:the\s+)?(?:last|latest|most\s+recent|newest|new|second|third"
    r"|first)\s+one)(?P<said>)(?P<link>(?:\s+(?:(?:that|which)\s+)?(?:i\s+)?(?:did\s+)?"
    r"(?:got|get|received|came\s+through|come\s+through|arrived|you\s+sent))?"
    r"\s+(?:was|is)\s*(?::\s*)?)"
)
_EARLIER_CODE = re.compile(r"code|otp|2fa|pin\b|passcode|sms|text\s+message")
_CODE_ONE_REACH = 300
_QUOTES = "\"'“”‘’«»„"
# Words that follow "password is" without being a password.
_NOT_VALUES = frozenset(
    """not no too wrong incorrect invalid expired locked blocked correct right the a an my your
    still being required needed missing empty case sensitive different same working correct
    changed reset forgotten lost very too also already now just there here it this that which
    what where when why how weak strong long short secure safe fine ok okay good bad new old
    and or but so if because please thanks thank you me i we they he she his her our their
    for to of in on at by with from about into over under after before
    pas faux incorrect bloqué expiré oublié trop le la les un une mon ma mes votre vos
    nicht falsch gesperrt abgelaufen vergessen zu der die das ein eine mein meine ihr
    no incorrecta incorrecto bloqueada caducada olvidado demasiado el la los un una mi su
    non sbagliata errata bloccata scaduta dimenticato troppo il lo la un una mio mia suo
    niet fout verkeerd geblokkeerd verlopen vergeten te de het een mijn uw
    não errada incorreta bloqueada expirada esquecida muito o a um uma meu minha seu sua
    valid accepted recognised recognized case-sensitive compromised hacked stolen leaked saved
    stored updated sent set unknown rejected declined failing broken fixed gone useless weird
    strange complicated complex simple easy hard difficult mine yours attached below above
    following enclosed asking requested expiring changing resetting
    something anything nothing comment quoi rien etwas irgendwas nichts algo nada qualcosa
    niente iets niets default settings app email e-mail account profile clear plain text
    english capitals lowercase uppercase full order login website site phone mobile""".split()
)
_GENERIC_CODE_CUES = frozenset({"code", "codice", "código", "codigo", "tan", "pin"})
# Words before "code" that make it a code that is no secret.
_NOT_SECRET_CODE = re.compile(
    r"(?:discount|promo|promotional|coupon|voucher|postal|zip|post|area|error|country|product"
    r"|gift|sort|swift|bank|referral|dial|colour|color|status|qr|bar|source|tracking)\s+$",
    re.IGNORECASE,
)
# What a code said to be "for" is no secret: "the code for the discount is SAVE10".
_NOT_SECRET_SAID = re.compile(
    r"discount|promo|coupon|voucher|gift|sale|offer|order|tracking|parcel|shipment|delivery"
    r"|r[ée]duction|remise|rabatt|gutschein|descuento|cup[óo]n|sconto|buono|korting|desconto"
    r"|cupom|commande|bestellung|pedido|ordine|bestelling|encomenda",
    re.IGNORECASE,
)
# What may follow a plain-word value: the end of the clause.
_CLAUSE_END = re.compile(
    r"\s*(?:$|[.,;!?)\]\n]|(?:and|or|but|please|thanks|thank|so|if|because|et|mais|merci"
    r"|und|aber|danke|bitte|y|pero|gracias|e|ma|grazie|en|maar|bedankt|mas|obrigad[oa])(?!\w))",
    re.IGNORECASE,
)


_NAME_PREFIXES = frozenset(
    "st ste san santa saint sainte mc mac van von de del della da le la".split()
)
# Letters joined by a symbol: a password even without "is" or ":" before it.
_SYMBOLIC = re.compile(r"[^\W\d_][_*!@#$%&^~+=|]|[_*!@#$%&^~+=|][^\W\d_]")


# Where a secret may stand: a token with a digit (a code or a password; found from its first
# digit, then widened to the whole token), or a capitalised answer after a colon. Tried against
# slipped cues, at most a few per message.
_CANDIDATE = re.compile(r"\d[^\s]*|(?<=: )[A-ZÀ-Ý][^\W\d_]+")
# Years, short or long digit runs, dates, amounts, e-mail addresses, "#123456", "AF-967346",
# capitals-and-digits ids of nine characters or more, and anything shorter than four.
_NOT_CANDIDATE = re.compile(
    r"(?:19|20)\d\d|\d{9,}|.{0,3}|.*[/@:#]|.*\d[.,-]\d.*|[A-Z]{1,4}-.*|[A-Z0-9]{9,}"
)
_SPACED_CODE = re.compile(r"\d{2,4}(?:[ ]\d{2,4}){1,2}(?![ ]?\d)")
# A group of a longer number ("4111 1111 1111 1111"): the digits go on after a space.
_NUMBER_GOES_ON = re.compile(r"[ ]\d")
_MAX_CANDIDATES = 3
# Cue words of four letters or more; a word one slip from one is read as the cue word.
_CUE_SLIPS = SlipVocabulary(
    """pass passe password passwort passwd passphrase passcode kennwort contraseña contrasena clave
    wachtwoord senha palavra code pincode verification confirmation authentication access
    login codice código codigo verifica conferma verificatiecode toegangscode
    bestätigungscode einmalcode zugangscode verifizierungscode geheimzahl geheimnummer
    maiden mother first answer memorable question réponse reponse secrète secrete antwort
    respuesta risposta antwoord resposta pregunta domanda pergunta mädchenname meisjesnaam
    solteira soltera nubile jeune fille apellido cognome haustier animal mascota huisdier
    primeiro primera premier sicherheitsfrage geheimfrage beveiligingsvraag seguridad sicurezza
    segurança meiner mutter moeder madre minha nome secret secreta secreto segreta segreto"""
)


class SecretRecognizer:
    """Passwords, PINs, one-time codes and security answers after their cues (value only)."""

    name = "secret"
    entities: tuple[str, ...] = ("SECRET",)

    def __init__(self) -> None:
        value = (
            rf"(?:[{_QUOTES}](?P<quoted>[^{_QUOTES}\n]{{1,64}})[{_QUOTES}]"
            rf"|(?P<bare>[^\s{_QUOTES}]{{1,64}}))"
        )
        # The patterns are written in lowercase and run over the lowercased text (a third of
        # the cost of IGNORECASE); the rare text whose length lowercasing changes gets their
        # case-insensitive twins.
        # (the specific links first: _LINK also matches nothing)
        password_link = (
            r"(?:\s+(?:to|in|naar|para|auf|en|a|into)(?=\s)"
            r"|,?\s*now\s+it(?:'s|\s+is)|\s+(?:is\s+)?(?:hetzelfde|the\s+same|dasselbe"
            rf"|le\s+m[êe]me|el\s+mismo|lo\s+stesso|a\s+mesma)\s*:|{_LINK})"
        )
        sources = (
            (
                rf"(?<![\w-])(?:{_PASSWORD_CUES})(?![\w-]){_SAID}"
                rf"(?P<link>{password_link}{_BRACKET})\s*{value}",
                "password",
            ),
            (
                rf"(?<![\w-])(?P<cue>{_CODE_CUES})(?!\w)(?P<said>{_SAID})"
                rf"(?P<link>{_CODE_LINK}{_LINK}{_BRACKET})\s*"
                # "971 887": a one-time code read out in groups
                rf"(?:(?P<spaced>\d{{2,4}}(?:[ ]\d{{2,4}}){{1,2}})(?![ ]?\d|[\w-])|{value})",
                "code",
            ),
            (
                rf"{_CODE_ONE}(?:(?P<spaced>\d{{2,4}}(?:[ ]\d{{2,4}}){{1,2}})(?![ ]?\d|[\w-])"
                rf"|{value})",
                "code_one",
            ),
            (
                # the question may follow its word in brackets: "(ciudad de nacimiento …):"
                rf"(?<!\w)(?:{_ANSWER_CUES})(?!\w)(?:\s+on\s+file)?(?:\s*\([^)\n]{{3,60}}\))?"
                rf"(?P<link>{_LINK})\s*"
                rf"(?:[{_QUOTES}](?P<quoted>[^{_QUOTES}\n]{{1,64}})[{_QUOTES}]"
                r"|(?P<bare>[\w'-]+(?:[ ][\w'-]+){0,2}))",
                "answer",
            ),
        )
        self._lower = [(re.compile(source), kind) for source, kind in sources]
        self._any_case = [(re.compile(source, re.IGNORECASE), kind) for source, kind in sources]
        # Every cue holds one of these (lowercase); most messages hold none.
        self._quick = re.compile(
            r"pass|pw|mdp|contrase|clave|parola|wachtwoord|senha|kennwort|pin(?![a-z])|otp"
            r"|code|digo|codice|tan\b|2fa|mfa|geheim|maiden|pet|answer|memorable|jeune"
            r"|mädchen|madchen|soltera|nubile|meisjes|solteira|antwort|réponse|reponse"
            r"|respuesta|risposta|antwoord|resposta|haustier|animal|mascota|huisdier"
            r"|securi|seguri|sicurez|sicherheitsfrage|beveiliging|seguran|secret|geheime"
            r"|lock\s?box|key\s?safe|gate|door|porte|t[üu]r|portal|port[ãa]o|portone|cancello|deur"
        )

    def find(self, text: str) -> list[PiiSpan]:
        low = text.lower()
        spans: dict[int, PiiSpan] = {}
        if self._quick.search(low) is not None:
            patterns, subject = (
                (self._lower, low) if len(low) == len(text) else (self._any_case, text)
            )
            for pattern, kind in patterns:
                for m in pattern.finditer(subject):
                    span = self._value(text, m, kind)
                    if span is not None and span.start not in spans:
                        spans[span.start] = span
        self._after_slipped_cues(text, spans)
        return sorted(spans.values(), key=lambda span: span.start)

    def _after_slipped_cues(self, text: str, spans: dict[int, PiiSpan]) -> None:
        """Values after a cue typed with a slip ("wacthwoord", "codice di veriifica", "la
        queston secrète :"): for each value-shaped token no cue explained, the words before it
        are corrected and the patterns tried again on them."""
        tried = 0
        for candidate in _CANDIDATE.finditer(text):
            start = candidate.start()
            spaced = _SPACED_CODE.match(text, start) is not None
            if not spaced and _NUMBER_GOES_ON.match(text, candidate.end()):
                continue
            if text[start].isdigit() and not spaced:  # widen to the token: "f95zFedUL"
                start = max(text.rfind(" ", 0, start), text.rfind("\n", 0, start)) + 1
                if _NOT_CANDIDATE.fullmatch(text[start : candidate.end()].rstrip(".,;!?)")):
                    continue
            if spans and any(s.start <= start < s.end for s in spans.values()):
                continue
            tried += 1
            if tried > _MAX_CANDIDATES:
                break
            fixed = _CUE_SLIPS.corrected(text[max(0, start - 40) : start])
            if fixed is None:
                continue
            subject = fixed + text[start : start + 70]
            for pattern, kind in self._any_case:
                for m in pattern.finditer(subject):
                    span = self._value(subject, m, kind)
                    if span is not None and span.start == len(fixed):
                        spans[start] = replace(
                            span,
                            start=start,
                            end=start + span.end - span.start,
                            reason=span.reason + " (typed with a slip)",
                        )
                        break
                if start in spans:
                    break

    def _value(self, text: str, m: re.Match[str], kind: str) -> PiiSpan | None:
        if kind == "code_one":
            # "one" stands for a code only after a code word: "my 2FA code isn't arriving …"
            before = text[max(0, m.start() - _CODE_ONE_REACH) : m.start()].lower()
            if _EARLIER_CODE.search(before) is None:
                return None
            kind = "code"
        if kind == "code" and m.group("spaced") is not None:
            start, end = m.span("spaced")
            if not 4 <= sum(ch.isdigit() for ch in text[start:end]) <= 8:
                return None
            return self._span(start, end, kind)
        if m.group("quoted") is not None:
            start, end = m.span("quoted")
            quoted = text[start:end]
            # A quoted value is taken whole, but it must be one: '"code", "message"' is not.
            if quoted != quoted.strip() or not any(ch.isalnum() for ch in quoted):
                return None
            if kind == "code" and not any(ch.isdigit() for ch in quoted):
                return None
            return self._span(start, end, kind)
        start, end = m.span("bare")
        raw = text[start:end]
        # A sentence's last character is punctuation, not part of the value.
        trimmed = raw.rstrip(".,;:?)]}>")
        end -= len(raw) - len(trimmed)
        raw = trimmed
        if not raw:
            return None
        has_digit = any(ch.isdigit() for ch in raw)
        linked = bool(m.group("link").strip())
        if kind == "code":
            # Codes and PINs are digits or short alphanumeric strings with a digit.
            if not (has_digit and 3 <= len(raw) <= 12 and raw.replace("-", "").isalnum()):
                return None
            cue = " ".join(m.group("cue").split()).casefold()
            if cue == "code" and _NOT_SECRET_CODE.search(text, max(0, m.start() - 14), m.start()):
                return None  # "discount code SAVE10", "zip code 90210", "error code 0x80"
            if _NOT_SECRET_SAID.search(m.group("said")):
                return None  # "the code for the discount is SAVE10"
            # A bare "code" is often a promotion ("il codice INVERNO15"): only digits count,
            # and only after "is" or ":"; "PIN 4829" needs no link.
            if cue in _GENERIC_CODE_CUES and not raw.isdigit():
                return None
            weak = cue in _GENERIC_CODE_CUES and not linked
            if weak and not (cue in ("pin", "tan") and 4 <= len(raw) <= 8):
                return None
            return self._span(start, end, kind)
        if kind == "answer":
            # One word, or up to three capitalised ones ("Smith", "Van Der Berg").
            words = raw.split(" ")
            if words[0].casefold() in _NOT_VALUES:
                return None
            keep = 1
            if len(words) > 1 and words[0].casefold().rstrip(".") in _NAME_PREFIXES:
                keep = 2  # "st mary's", "van dijk": a prefix is not the whole answer
            if words[0][:1].isupper():
                while keep < len(words) and words[keep][:1].isupper():
                    keep += 1
            end = start + len(" ".join(words[:keep]).rstrip(".,;:?)]}>"))
            return self._span(start, end, kind)
        # Passwords: anything with a digit or a symbol; a plain word only where it ends the
        # clause and is not an ordinary word that follows "password is".
        if raw.casefold() in _NOT_VALUES:
            return None
        plain = raw.isalpha()
        if not linked and not has_digit and not _SYMBOLIC.search(raw):
            return None  # "tentei a senha saudade_edaduas" has a symbol, "password reset" not
        if plain and not _CLAUSE_END.match(text, end):
            return None
        if len(raw) < 3 and not has_digit:
            return None
        return self._span(start, end, kind)

    def _span(self, start: int, end: int, kind: str) -> PiiSpan:
        reasons = {
            "password": "value after a password word",
            "code": "code after a PIN, passcode or one-time-code word",
            "answer": "answer after a security-question word",
        }
        return PiiSpan(start, end, "SECRET", 0.85, self.name, reasons[kind])
