"""Phone numbers by shape and context, without libphonenumber's matcher.

Customers type numbers that no numbering plan accepts ("text 2124212736", "+31(0)950-762724",
"(610) 4716-1546"), so a phone-shaped run of 7-15 digits (spaces, dots, dashes, slashes,
brackets, "(0)", "+" or "00", an extension such as "ext. 12") is reported when:

- a contact word precedes it in the same sentence (call, text, phone, mobile, WhatsApp, reach,
  number, and the same words in French, German, Spanish, Italian, Dutch and Portuguese) and no
  identifier word (order, tracking, ticket, IBAN, passport ...) stands nearer to it; or
- its form alone says "phone": "+" or "00" and a known country calling code, a "(0)" trunk
  prefix, an area code in brackets, the North American 3-3-4 grouping, an area code and a
  hyphenated local number, or a trunk "0" national number in groups; unless an identifier word
  stands right before it.

A bare run with neither also counts when it ends a signature line after a name or a "|", or
when a contact word typed with one slip precedes it ("Conntact:"); an identifier word typed
with one slip ("my csae number", "código posal") still cancels it.

Dates, date-times, year ranges, amounts, IPv4 addresses, SSNs and card numbers are never
reported. Other formatted numbers are left to libphonenumber's matcher in
``recognizers.PhoneRecognizer``, which this module spares most of its work.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

import phonenumbers
from phonenumbers import COUNTRY_CODE_TO_REGION_CODE

from trustdesk.privacy.cards import SlipVocabulary, has_card_issuer_prefix, is_card_number
from trustdesk.privacy.spoken import NUMBER_WORDS, REPEAT, digits_of

_SPACE = r"[ \t\u00a0]"
# Seven digits with short separators: nothing shorter is a phone number (cheap to scan for).
_RUN = re.compile(r"\d(?:[ \t\u00a0.()/-]{0,3}\d){6,}")


def digit_runs(text: str) -> list[tuple[int, int]]:
    """Runs of at least seven digits with short separators, each widened to the "+", "(" or
    "(+" right before it."""
    runs: list[tuple[int, int]] = []
    for run in _RUN.finditer(text):
        start = run.start()
        while start > 0 and run.start() - start < 2 and text[start - 1] in "(+":
            start -= 1
        runs.append((start, run.end()))
    return runs


# A phone-shaped run: optional "+" or "00", digits with single separators (space, dot, dash,
# slash), bracketed groups such as "(0)", "(415)" or "(+44)", then an optional extension.
SHAPE = re.compile(
    rf"(?<![\w+@/,-])(?<!\d\.)"
    rf"(?P<body>(?:\+{_SPACE}?)?(?:\(\+?\d{{1,5}}\){_SPACE}?[-.]?{_SPACE}?)?\d"
    rf"(?:(?:{_SPACE}?[-/]{_SPACE}?|\.|{_SPACE}{{1,2}}|{_SPACE}?\(\d{{1,5}}\){_SPACE}?[-.]?{_SPACE}?)?\d)*)"
    rf"(?P<ext>{_SPACE}?(?:ext\.?|extn\.?|extension|x|poste|Durchwahl|DW|int\.?|interno|toestel)"
    rf"{_SPACE}?\d{{1,6}})?"
    r"(?![\w@]|[.,]\d|/\d)",
    re.IGNORECASE,
)

# Contact words, as lowercase words or word beginnings (German and Dutch compounds, verb forms).
CUE_WORDS = frozenset(
    # English
    """phone phones phoned telephone tel mobile mob cell cellphone call calls called calling ring
    reach reachable text texts texting txt sms whatsapp fax hotline landline contact number
    answering"""
    # French, German, Spanish, Italian, Dutch, Portuguese
    """ appel appeler appelez appelle appelez-moi téléphone telephone tél portable joindre
    joignable numéro numero nummer rufnummer festnetz anrufen ruf rufen rufe erreichbar handy
    kontakt kontaktieren zurückrufen
    teléfono telefono móvil movil número celular cellulare
    bellen bel gsm telefone telemóvel telemovel ligar liga ligue liguem contacto contato""".split()
)
CUE_STEMS = (
    "appel",
    "téléphon",
    "telefon",
    "telefoon",
    "handy",
    "mobil",
    "mobiel",
    "llam",
    "chiam",
    "richiam",
)
# Cue words that are a bare "number" in some language: they count only when no identifier
# word stands just before them ("order number"; "numéro de commande" has its identifier word
# after the cue, nearer the digits).
_NUMBER_CUES = frozenset({"number", "numéro", "numero", "nummer", "número", "contact"})
# ... unless the customer's own: "the parcel, my number is ..." ("mon numéro", "meine Nummer").
_OWN = frozenset(
    """my our new mon ma notre nouveau nouvelle mein meine meiner unsere neue neuer mi mis
    nuevo mio mia nuovo mijn onze nieuwe meu minha novo""".split()
)

# Words that announce an identifier that is not a phone number.
IDENTIFIER_WORDS = frozenset(
    """order orders invoice tracking track reference ref account acct ticket case booking
    confirmation customer member membership serial transaction receipt parcel package shipment
    sku item model imei iban card passport licence license policy claim voucher coupon gift
    postcode zip postal pin code id ssn vat tax sort routing swift bic lot batch product
    article part version build cvv cvc room flight
    commande facture suivi colis dossier référence reference client compte carte passeport
    pedido factura seguimiento envío envio cliente cuenta tarjeta referencia caso pasaporte
    ordine fattura spedizione pratica conto carta riferimento passaporto tessera
    processo proceso expediente procedimento procès contract contrat contrato contratto
    vertrag
    bought ordered purchased acheté achetée commandé gekauft comprado comprada compré comprei
    ordinato comprato gekocht besteld
    bestelling factuur zending pakket kaart referentie paspoort
    encomenda fatura rastreio conta cartão cartao referência passaporte""".split()
)
IDENTIFIER_STEMS = (
    "bestell",
    "auftrag",
    "rechnung",
    "sendung",
    "kunden",
    "konto",
    "karte",
    "vorgang",
    "paket",
    "artikel",
    "reisepass",
    "ausweis",
    "klant",
    "rekening",
)
_WORD = re.compile(r"\w+(?:-moi)?")
# Contact words of five letters or more, for the same words typed with a slip (short and
# ordinary look-alikes such as "reach"/"teach" or "handy"/"hand" are left out).
# Identifier words of four letters or more, to recognise them typed with a slip.
_IDENTIFIER_SLIPS = SlipVocabulary(
    """case caso order orders invoice tracking reference account ticket booking confirmation
    customer member membership serial transaction receipt parcel package shipment postcode postal
    commande facture suivi colis dossier référence client compte passeport pedido factura
    seguimiento cliente cuenta referencia pasaporte ordine fattura spedizione pratica conto
    riferimento passaporto bestelling factuur zending pakket referentie paspoort encomenda
    fatura rastreio conta referência passaporte processo proceso sendung paket rechnung
    bestellung auftrag konto vorgang artikel kundennummer"""
)


def _identifier_slip(word: str) -> bool:
    """Whether ``word`` is an identifier word with two letters swapped, one left out or one
    doubled ("csae", "aPket", "posal", "oorder"); a changed or added letter is too often a word
    of its own ("costa", "clienti")."""
    if len(word) < 4:
        return False
    cue = _IDENTIFIER_SLIPS.match(word)
    if cue is None or cue == word:
        return False
    if len(word) == len(cue):
        return sorted(word) == sorted(cue)
    if len(word) < len(cue):
        return True
    return any(
        word[i] == word[i + 1] and word[:i] + word[i + 1 :] == cue for i in range(len(word) - 1)
    )


_SLIPPED_REASON = "phone-shaped digits after a contact word typed with a slip"
_CUE_SLIPS = SlipVocabulary(
    """phone phones telephone mobile cellphone calling called texting whatsapp landline hotline
    contact number answering appeler appelez téléphone portable joindre joignable numéro numero
    nummer rufnummer festnetz anrufen erreichbar kontakt zurückrufen teléfono telefono móvil
    movil número celular cellulare chiamate chiamami chiamare richiamatemi llamar llamame
    llámame llamadme telefoon mobiel telefone telemóvel telemovel liguem contacto contato""",
    keep="""testing contract contracts contrat contrato contratto falling filling calmed culling
    cabled numbers nimmer""",
)

# A sentence or paragraph break: a cue before it does not reach a number after it.
_BREAK = re.compile(
    r"(?<!\btel)(?<!\btél)(?<!\bnr)(?<!\bno)(?<!\bmob)(?<!\bfax)(?<!\bph)(?<!\bext)[.!?]\s"
    r"|\n\s*\n",
    re.IGNORECASE,
)
_DATE = re.compile(
    r"\d{4}(?P<s1>[-/. ])\d{1,2}(?P=s1)\d{1,2}"
    r"|\d{1,2}(?P<s2>[-/. ])\d{1,2}(?P=s2)(?:\d{2}|\d{4})"
)
# A run that starts with a full date is a date and a time, or a date and a count.
DATE_FIRST = re.compile(r"(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}([./-])\d{1,2}\1\d{4})(?!\d)")
_YEARS = re.compile(r"(?:19|20)\d\d ?[-/] ?(?:19|20)\d\d")
_IPV4 = re.compile(r"\d{1,3}(?:\.\d{1,3}){3}")
_SSN = re.compile(r"\d{3}-\d{2}-\d{4}")
_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+|\d{1,3}(?:\.\d{3})+")
_NANP = re.compile(r"(?:1[-. ]?)?\(?\d{3}\)?([-. ]|\) ?)\d{3}[-. ]\d{4}")
# An area code, a space, then a local number with a hyphen before its last four digits
# ("88 1607-3313", "(11) 4000-1234").
_AREA_LOCAL = re.compile(r"\(?\d{2,4}\)?[ ]\d{3,5}-\d{4}")
_TRUNK_GROUPED = re.compile(r"0\d{1,4}(?:[-./ ]\d{2,8})+")
_CURRENCY_AFTER = re.compile(
    r"\s?(?:€|\$|£|¥|eur|euros?|usd|gbp|chf|dollars?|pounds?|kr|sek|pln)(?!\w)", re.IGNORECASE
)
_WORDS_ONLY = re.compile(r"[^\d.,;!?]*")
_CONTEXT = 60  # how far before a number a cue may stand (same sentence only)
_IDENTIFIER_BEFORE = 24  # how far before a number an identifier word cancels its form


def calling_code_known(digits: str) -> bool:
    """Whether the digits after "+" or "00" start with an assigned country calling code."""
    return any(
        int(digits[:width]) in COUNTRY_CODE_TO_REGION_CODE for width in (1, 2, 3) if digits[:width]
    )


def _is_date(raw: str) -> bool:
    m = _DATE.fullmatch(raw)
    if m is None:
        return False
    parts = [int(p) for p in re.split(r"[-/. ]", raw)]
    if len(raw.split(m.group("s1") or m.group("s2"))[0]) == 4:
        _year, month, day = parts
    else:
        day, month, _year = parts
        if month > 12:  # US order: month first
            day, month = month, day
    return 1 <= month <= 12 and 1 <= day <= 31


def not_a_phone(text: str, start: int, end: int, raw: str) -> bool:
    """Forms that are never reported as phone numbers, whatever the context."""
    if _is_date(raw) or _IPV4.fullmatch(raw) or _SSN.fullmatch(raw):
        return True
    if DATE_FIRST.match(raw) or " / " in raw:  # "2026-12-01 07:22", "0.105 / 0.109"
        return True
    if _YEARS.fullmatch(raw):  # "2019-2024"
        return True
    if raw[0] != "+" and raw[0] != "0" and _THOUSANDS.fullmatch(raw):
        return True  # "1.299.000", "2 500 000"
    before = text[max(0, start - 2) : start]
    if before[-1:] == "#" or before.strip()[-1:] in ("€", "$", "£", "¥"):
        return True
    return bool(_CURRENCY_AFTER.match(text, end))


def _phone_form(body: str, digits: str) -> str | None:
    """The reason a formatted run is a phone number by its form alone, or None."""
    if body.isdigit():
        return None
    if "(0)" in body:
        return "formatted number with a trunk prefix"
    if body.startswith("(") and len(digits) >= 9:
        return "formatted number with an area code in brackets"
    if _NANP.fullmatch(body):
        return "formatted number in the 3-3-4 phone grouping"
    if _AREA_LOCAL.fullmatch(body):
        return "formatted number with an area code and a local number"
    if _TRUNK_GROUPED.fullmatch(body) and 9 <= len(digits) <= 13:
        return "formatted national number with a trunk prefix"
    return None


def _valid_international(national: str) -> bool:
    """Whether the digits after "00" are a valid number of their country (its numbering plan
    gives the exact length), so the run needs no contact word."""
    try:
        number = phonenumbers.parse("+" + national)
    except phonenumbers.NumberParseException:
        return False
    return phonenumbers.is_valid_number(number)


# A signature's last line: a name ("Danilo Sloan", "Lidija W. Perron", "Minh de los Santos") or
# a "|" separator ("j.doe@example.com | ..."), then the number, then the end of the line.
_NAME_BEFORE = re.compile(
    r"(?:(?:[A-ZÀ-Ý][\w'’-]*\.?|de|da|das|do|dos|del|della|di|du|la|le|los|van|von|der|den|ten"
    r"|ter|bin|al|el)[ \t]+){1,4}$"
)
_LAST_NAME = re.compile(r"[A-ZÀ-Ý][a-zß-ÿ'’-]+[ \t]+$")
_WORDS_LINE = re.compile(r"[ \t]*(?:[^\W\d_][\w'’.-]*[ \t]+){2,4}")
_LINE_END = re.compile(r"[ \t]*\.?[ \t]*(?:\n|$)")


def _signature_end(text: str, start: int, end: int) -> bool:
    """Whether a digit run ends its line after a name or a "|": a signature's phone number."""
    if _LINE_END.match(text, end) is None:
        return False
    line_start = text.rfind("\n", 0, start) + 1
    line = text[line_start:start]
    if line.rstrip().endswith("|"):
        return True
    if not line.strip():  # the number alone on its line: the name is the line before
        line = text[text.rfind("\n", 0, max(0, line_start - 1)) + 1 : line_start].rstrip() + " "
        if _WORDS_LINE.fullmatch(line):  # "pierre marin": nothing but two to four words
            return True
    name = _NAME_BEFORE.search(line)
    return (
        name is not None and _LAST_NAME.search(line) is not None and len(name.group().split()) >= 2
    )


def _trim(body: str) -> tuple[str, str]:
    """Drop trailing space-separated groups until at most 15 digits remain."""
    digits = re.sub(r"\D", "", body)
    while len(digits) > 15:
        cut = body.rfind(" ")
        if cut <= 0:
            return "", ""
        body = body[:cut].rstrip()
        digits = re.sub(r"\D", "", body)
    return body, digits


class PhoneShapes:
    """Finds phone-shaped runs that context or form alone makes phone numbers."""

    def find(
        self,
        text: str,
        claimed: Sequence[tuple[int, int]] = (),
        runs: Sequence[tuple[int, int]] | None = None,
    ) -> list[tuple[int, int, float, str]]:
        """(start, end, score, reason) of each phone number found; runs overlapping a
        ``claimed`` span are skipped. ``runs`` are ``digit_runs(text)`` if already known."""
        found: list[tuple[int, int, float, str]] = []
        for m in self._shapes(text, digit_runs(text) if runs is None else runs):
            start, end = m.start(), m.end()
            if any(start < c_end and c_start < end for c_start, c_end in claimed):
                continue
            body = m.group("body")
            digits = re.sub(r"\D", "", body)
            if (
                13 <= len(digits) <= 19
                and body[0] != "+"
                and has_card_issuer_prefix(digits)
                and is_card_number(digits)
            ):
                continue  # a card number, whatever its context
            if len(digits) > 15:  # a number followed by other digits: drop trailing groups
                body, digits = _trim(body)
                end = start + len(body)
            elif m.group("ext") is None:
                end = start + len(body)
            if len(digits) < 7 or not_a_phone(text, start, start + len(body), body):
                continue
            verdict = self._judge(text, start, body, digits)
            if verdict is not None:
                found.append((start, end, *verdict))
        return found

    @staticmethod
    def _shapes(text: str, runs: Sequence[tuple[int, int]]) -> Iterator[re.Match[str]]:
        """``SHAPE``'s matches, tried only where a run of seven digits starts: the matches of
        ``SHAPE.finditer`` that are long enough to be reported."""
        end = 0
        for run_start, run_end in runs:
            if run_start < end:
                continue
            for start in range(run_start, run_end):
                m = SHAPE.match(text, start)
                if m is not None:
                    yield m
                    end = m.end()
                    break
                if text[start].isdigit():
                    break  # glued to a word or an id ("AF-1234567"): no phone starts inside

    def _judge(self, text: str, start: int, body: str, digits: str) -> tuple[float, str] | None:
        cue = self.cue_before(text, start)
        if body.startswith("+") or (body.startswith("00") and body[2:3] != "0"):
            national = digits[2:] if body.startswith("00") else digits
            if (
                8 <= len(national) <= 15
                and calling_code_known(national)
                and (body.startswith("+") or not body.isdigit() or cue)
            ):
                return 0.9, "international prefix and a known country calling code"
            if body.startswith("00") and cue is not False and _valid_international(national):
                # "0033605696207" at the end of a signature: a complete number of that country
                return 0.85, "international prefix and a valid number of that country"
        if cue is False:  # an identifier word is nearer than any contact word
            if not self._slipped_cue(text, start):  # "code postal 69003, joignabble au ..."
                return None
            return 0.65, _SLIPPED_REASON
        form = _phone_form(body, digits)
        if form is not None:
            return 0.9, form
        if cue:
            return 0.7, "phone-shaped digits after a contact word"
        if 9 <= len(digits) <= 13 and _signature_end(text, start, start + len(body)):
            return 0.7, "phone-shaped digits ending a signature line"
        if self._slipped_cue(text, start):
            return 0.65, _SLIPPED_REASON
        return None

    def _slipped_cue(self, text: str, start: int) -> bool:
        """A contact word typed with a slip ("Conntact:", "chimate", "joignabble au") before
        ``start``, nearer than any identifier word."""
        fixed = _CUE_SLIPS.corrected(text[max(0, start - _CONTEXT) : start])
        return fixed is not None and self.cue_before(fixed, len(fixed)) is True

    @staticmethod
    def cue_before(text: str, start: int) -> bool | None:
        """True when a contact word precedes ``start`` in the same sentence and no identifier
        word stands between; False when an identifier word is the nearer; None when neither
        is near."""
        lo = max(0, start - _CONTEXT)
        context = text[lo:start].lower()
        breaks = [b.end() for b in _BREAK.finditer(context)]
        if breaks:
            context = context[breaks[-1] :]
        last_cue = last_identifier = -1
        previous = cue_before = cue_word = ""
        for w in _WORD.finditer(context):
            word, before, previous = w.group(), previous, w.group()
            if word in IDENTIFIER_WORDS or word.startswith(IDENTIFIER_STEMS):
                last_identifier = w.end()
            elif (word in CUE_WORDS or word.startswith(CUE_STEMS)) and not (
                # "order number", "tracking no." (but not "order 85690, my number")
                word in _NUMBER_CUES
                and before not in _OWN
                and (
                    context.startswith(" of ", w.end())  # "number of items"
                    or (
                        last_identifier >= 0
                        and w.start() - last_identifier <= 16
                        and _WORDS_ONLY.fullmatch(context, last_identifier, w.start())
                    )
                )
            ):
                last_cue, cue_before, cue_word = w.end(), before, word
        if last_cue > last_identifier:
            # An identifier word typed with a slip right before the number or its "number" cue
            # ("my csae number", "das aPket 6924...")?
            last = context[last_cue:].split()
            return not any(
                _identifier_slip(word)
                for word in (
                    cue_before if cue_word in _NUMBER_CUES else "",
                    last[-1] if last else "",
                )
            )
        if last_identifier >= 0 and len(context) - last_identifier <= _IDENTIFIER_BEFORE:
            return False
        last = context.split()
        if last and _identifier_slip(last[-1]):  # "código posal 01310-100"
            return False
        return None


# -- numbers written in words --------------------------------------------------------------

# The number words (digit words of the seven languages of the guards, "oh" as English speakers
# read 0, two-digit words) and the multipliers for repeated digits ("double five") are
# spoken.py's: one vocabulary for numbers said aloud.
_SPELLED_TOKEN = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*|\d")
# What may stand between two spoken digits: spaces, hyphens, commas, dots.
_SPELLED_GAP = re.compile(r"[\s,.\-–]{0,3}")
# A number read out: at least this many digits, of which at least this many in words (runs of
# written digits are the digit-run recognizers' business).
SPELLED_MIN_DIGITS = 7
SPELLED_MIN_WORDS = 3


def spelled_numbers(text: str) -> list[tuple[int, int]]:
    """Spans of numbers written out digit by digit in words ("zero seven nine four six one two
    three four five six", "double five"), as customers type phone numbers past a filter."""
    # Most messages hold no three digit words at all: a split and set look-ups tell (the
    # token scan below costs several times more).
    plain = text.lower().replace(",", " ").replace(".", " ").split()
    spoken = sum(
        word in NUMBER_WORDS or ("-" in word and digits_of(word) is not None) for word in plain
    )
    if spoken < SPELLED_MIN_WORDS:
        return []
    found: list[tuple[int, int]] = []
    start = end = -1
    digits = words = 0
    pending = 1  # "double": the next digit counts twice

    def close() -> None:
        if digits >= SPELLED_MIN_DIGITS and words >= SPELLED_MIN_WORDS:
            found.append((start, end))

    for match in _SPELLED_TOKEN.finditer(text):
        token = match.group(0).lower()
        # two-digit words count as two ("douze", "trente-neuf", "twenty")
        width = len(number) if (number := digits_of(token)) is not None else 1
        is_digit = token.isdigit() or number is not None
        is_multiplier = token in REPEAT
        joined = start >= 0 and _SPELLED_GAP.fullmatch(text[end : match.start()]) is not None
        if not (is_digit or is_multiplier):
            close()
            start, digits, words, pending = -1, 0, 0, 1
            continue
        if not joined:
            close()
            start, digits, words, pending = match.start(), 0, 0, 1
        if is_multiplier:
            pending = REPEAT[token]
            words += 1
        else:
            digits += pending * width if not token.isdigit() else pending
            pending = 1
            words += 0 if token.isdigit() else 1
        end = match.end()
    close()
    return found
