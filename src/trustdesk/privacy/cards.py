"""Payment cards: the card number, its security code (CVV) and its expiry date.

A card number is 13-19 digits in any grouping (4-4-4-4, Amex 4-6-5, pairs, no separator,
dots, mixed separators) that pass the Luhn check and either start with a known issuer range,
are grouped like a card (fours, or 4-6-5/4-6-4), or follow a card word. The security code and
the expiry date are short and common digits, so they need a cue, or (an expiry) to stand
right after a card number. Cue words typed with one slip ("expry", "secuirty code", "cartte")
are recognised by ``SlipVocabulary``, only where a value was already found.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from stdnum import luhn as stdnum_luhn

from trustdesk.privacy.spans import PiiSpan

# (lowest prefix, highest prefix, prefix digits, allowed lengths); a number is a plausible card
# when any row accepts it. Maestro's broad 56-69 row comes last as the fallback.
_CARD_ISSUER_RANGES: tuple[tuple[int, int, int, range], ...] = (
    (4, 4, 1, range(13, 20)),  # Visa
    (51, 55, 2, range(16, 17)),  # Mastercard
    (2221, 2720, 4, range(16, 17)),  # Mastercard 2-series
    (2200, 2204, 4, range(16, 20)),  # Mir
    (34, 34, 2, range(15, 16)),  # American Express
    (37, 37, 2, range(15, 16)),  # American Express
    (6011, 6011, 4, range(16, 20)),  # Discover
    (65, 65, 2, range(16, 20)),  # Discover, RuPay
    (644, 649, 3, range(16, 20)),  # Discover
    (35, 35, 2, range(16, 20)),  # JCB (3528-3589; the rest of 35 in test generators)
    (2131, 2131, 4, range(15, 16)),  # JCB, 15 digits
    (1800, 1800, 4, range(15, 16)),  # JCB, 15 digits
    (3088, 3094, 4, range(16, 17)),  # JCB (older ranges, still in test generators)
    (3096, 3102, 4, range(16, 17)),  # JCB
    (3112, 3120, 4, range(16, 17)),  # JCB
    (3158, 3159, 4, range(16, 17)),  # JCB
    (3337, 3349, 4, range(16, 17)),  # JCB
    (300, 305, 3, range(14, 20)),  # Diners Club
    (36, 36, 2, range(14, 20)),  # Diners Club
    (38, 39, 2, range(14, 20)),  # Diners Club
    (62, 62, 2, range(16, 20)),  # UnionPay
    (81, 82, 2, range(16, 17)),  # RuPay
    (9792, 9792, 4, range(16, 17)),  # Troy
    (50, 50, 2, range(12, 20)),  # Maestro
    (604, 604, 4, range(12, 20)),  # Maestro "0604" (a leading zero: four digits read as 604)
    (56, 69, 2, range(12, 20)),  # Maestro and other 5x/6x debit schemes
)


_OSA: Callable[..., int] | None = None


def _distance() -> Callable[..., int]:
    """rapidfuzz's optimal string alignment distance, imported on first use."""
    global _OSA
    if _OSA is None:
        from rapidfuzz.distance import OSA

        _OSA = OSA.distance
    return _OSA


class SlipVocabulary:
    """Cue words, and the words one typing slip from them: a letter left out, added, changed,
    or two neighbours swapped ("expry", "secuirty", "cartte"; optimal string alignment
    distance 1). Used only where a value was already found, so common texts never pay for it.

    A slip leaves a word of five letters or more either its first two or its last two letters,
    so only the cue words sharing one of them are compared. A four-letter word counts only as
    a cue word with two letters swapped ("cdoe", "crad", "bron") or with one left out ("pone").
    """

    def __init__(self, words: str, keep: str = "") -> None:
        # Words of their own that are one slip from a cue word ("expired", "testing").
        self._keep = frozenset(keep.split())
        self._index: dict[str, list[str]] = {}
        for word in words.split():
            self._index.setdefault("<" + word[:2], []).append(word)
            self._index.setdefault(word[-2:] + ">", []).append(word)
            if len(word) == 4:  # its middle letters swapped ("cdoe") keep the outer two
                self._index.setdefault(word[0] + "^" + word[-1], []).append(word)

    def match(self, word: str) -> str | None:
        """The cue word ``word`` (lowercase) is, or is one slip from; None if none."""
        index = self._index
        if len(word) < 4 or word in self._keep:
            return None
        if len(word) == 4:
            for key in ("<" + word[:2], word[-2:] + ">", word[0] + "^" + word[-1]):
                for cue in index.get(key, ()):
                    if (len(cue) == 5 or (len(cue) == 4 and sorted(cue) == sorted(word))) and (
                        _distance()(word, cue, score_cutoff=1) <= 1
                    ):
                        return cue
            return None
        for key in ("<" + word[:2], word[-2:] + ">"):
            for cue in index.get(key, ()):
                if abs(len(cue) - len(word)) <= 1 and _distance()(word, cue, score_cutoff=1) <= 1:
                    return cue
        return None

    def corrected(self, text: str) -> str | None:
        """``text`` lowercased with each word one slip from a cue word replaced by the cue word;
        None when no word was changed (then the exact cue patterns have already said no)."""
        changed = False

        def fix(word: re.Match[str]) -> str:
            nonlocal changed
            cue = self.match(word.group())
            if cue is None or cue == word.group():
                return word.group()
            changed = True
            return cue

        fixed = _SLIP_WORD.sub(fix, text.lower())
        return fixed if changed else None


_SLIP_WORD = re.compile(r"[^\W\d_]{4,}")


def has_card_issuer_prefix(digits: str) -> bool:
    """Whether the digits start with a known card issuer range and have that issuer's length."""
    return any(
        low <= int(digits[:width]) <= high and len(digits) in lengths
        for low, high, width, lengths in _CARD_ISSUER_RANGES
    )


# How card numbers are printed: 16 and 19 digits in fours, Amex 4-6-5, Diners 4-6-4, and the
# rarer 13-15 digit numbers in fours with a short last group.
_CARD_GROUPINGS = frozenset(
    {(4, 4, 4, 4), (4, 4, 4, 4, 3), (4, 6, 5), (4, 6, 4), (4, 4, 4, 3), (4, 4, 4, 2), (4, 4, 5)}
)


def _card_grouping(groups: list[str]) -> bool:
    """Whether the groups have the sizes card numbers are printed in."""
    return tuple(len(g) for g in groups) in _CARD_GROUPINGS


CARD_WORDS = re.compile(
    r"(?<!\w)(?:card|cards|credit|debit|visa|master\s?card|amex|american\s+express|discover|jcb"
    r"|maestro|cc|carte|cb|karte|kreditkarte\w*|kartennummer|tarjeta|carta|kaart|kaartnummer"
    r"|creditcard|cart[ãa]o"
    r"|charge|charged|paid\s+with|pay\s+with|payment|zahlung|paiement|pago|pagamento|betaling)"
    r"(?!\w)",
    re.IGNORECASE,
)
_OTHER_IDENTIFIER = re.compile(
    r"(?<!\w)(?:order|invoice|tracking|parcel|shipment|ticket|reference|ref|account|iban|imei"
    r"|serial|phone|commande|facture|suivi|colis|bestell\w*|rechnung|sendung|pedido|factura"
    r"|seguimiento|ordine|fattura|spedizione|bestelling|factuur|zending|encomenda|fatura)(?!\w)",
    re.IGNORECASE,
)
# Card words as typed with a slip ("cartte 5020 9463 3513"), tried only for a Luhn-valid run
# that no exact card word announces.
_CARD_VOCABULARY = SlipVocabulary(
    "card carte karte tarjeta carta kaart cartão cartao credit debit kreditkarte kartennummer "
    "kaartnummer creditcard mastercard maestro"
)
# 15 digits after these are a device's IMEI (also Luhn-valid), not a card.
_DEVICE_BEFORE = re.compile(r"(?:device|imei|serial|handset|ger[äa]t)\w*\W{1,3}$", re.IGNORECASE)
_CARD_REASON = "card number passes the Luhn check and has a known issuer prefix"
_GROUPED_REASON = "Luhn-valid number grouped like a card number"
_CUED_REASON = "Luhn-valid number after a card word"


class CreditCardRecognizer:
    """Payment card numbers: 13-19 digits in any grouping, with Luhn and issuer checks."""

    name = "credit_card"
    entities: tuple[str, ...] = ("CREDIT_CARD",)

    def __init__(self) -> None:
        # Digits with single separators (space, dash, dot, slash) or up to two spaces.
        self._run = re.compile(r"(?<![\w.,+-])\d(?:(?: {1,2}|[ ]?[-.][ ]?)?\d){11,}(?!\w|[.,]\d)")
        self._group = re.compile(r"\d+")
        # An IBAN's country and check digits right before a run: its digits are the IBAN's.
        self._iban_head = re.compile(r"[A-Z]{2}\d{2}[ ]?$")

    def find(self, text: str) -> list[PiiSpan]:
        spans: list[PiiSpan] = []
        for run in self._run.finditer(text):
            if self._iban_head.search(text, max(0, run.start() - 5), run.start()):
                continue
            groups = [
                (g.start() + run.start(), g.end() + run.start(), g.group())
                for g in self._group.finditer(run.group())
            ]
            # More than 19 digits in a run: a tracking number ("9400 1234 ... 42") unless a
            # window of it has an issuer's range.
            long_run = sum(len(g[2]) for g in groups) > 19
            cued = self._cued(text, run.start())
            found = self._cards_in_run(groups, cued, long_run)
            if not found and not cued and self._slipped_cue(text, run.start()):
                found = self._cards_in_run(groups, True, long_run)
            if (
                len(found) == 1
                and len(groups) == 1
                and len(groups[0][2]) == 15
                and _DEVICE_BEFORE.search(text, max(0, run.start() - 20), run.start())
            ):
                continue  # "Device: 387108276298936" is an IMEI
            spans.extend(found)
        return spans

    @staticmethod
    def _slipped_cue(text: str, start: int) -> bool:
        """A card word typed with one slip within 40 characters before ``start``."""
        context = text[max(0, start - 40) : start]
        if _SLIP_WORD.search(context) is None:
            return False
        fixed = _CARD_VOCABULARY.corrected(context)
        if fixed is None:
            return False
        cues = list(CARD_WORDS.finditer(fixed))
        return bool(cues) and _OTHER_IDENTIFIER.search(fixed, cues[-1].end()) is None

    @staticmethod
    def _cued(text: str, start: int) -> bool:
        """A card word within 40 characters before ``start``, and no other identifier's word
        after it ("paid with my card. The tracking number 602398864325" is no card)."""
        cues = list(CARD_WORDS.finditer(text, max(0, start - 40), start))
        return bool(cues) and _OTHER_IDENTIFIER.search(text, cues[-1].end(), start) is None

    def _cards_in_run(
        self, groups: list[tuple[int, int, str]], cued: bool, long_run: bool = False
    ) -> list[PiiSpan]:
        # A card may sit next to other digit groups (a CVV, a second number), so try every window
        # of whole groups, longest first; a window must start with the run or a group of 4+.
        windows: list[tuple[int, int, list[str], bool, bool]] = []
        for i, (start, _, first) in enumerate(groups):
            if len(first) < 4 and i > 0:
                continue
            parts: list[str] = []
            for j, (_, end, group) in enumerate(groups[i:], start=i):
                parts.append(group)
                length = sum(map(len, parts))
                if length > 19:
                    break
                if length >= 12:
                    # What follows the window in the run: nothing, or a CVV or an expiry month.
                    rest = groups[j + 1][2] if j + 1 < len(groups) else ""
                    windows.append(
                        (
                            start,
                            end,
                            list(parts),
                            (i == 0 and not rest) or 2 <= len(rest) <= 4,
                            i == 0,  # the window starts the run
                        )
                    )
        accepted: list[tuple[tuple[bool, bool, bool, int, int], int, int, str]] = []
        for start, end, parts, ends_well, at_run_start in windows:
            digits = "".join(parts)
            # Twelve digits (Maestro's shortest) only after a card word: too many ids are 12.
            if len(digits) == 12 and not (cued and has_card_issuer_prefix(digits)):
                continue
            if not stdnum_luhn.is_valid(digits):
                continue
            grouped = _card_grouping(parts)
            if long_run and not (at_run_start or grouped):
                continue  # the middle of a tracking number ("9400 6867 2840 0283 2288 14")
            if has_card_issuer_prefix(digits):
                reason = _CARD_REASON
            elif long_run:
                continue
            elif grouped:
                reason = _GROUPED_REASON
            elif cued:
                reason = _CUED_REASON
            else:
                continue
            # A window that is the whole run, or is followed only by what could be a CVV or an
            # expiry month, first; then card-like grouping, then the common 16 digits, then the
            # longest ("4111 1111 1111 1111 123" is a card and a CVV; "4501 206062 60835 0"
            # is one card).
            preference = (not ends_well, not grouped, len(digits) != 16, start - end, start)
            accepted.append((preference, start, end, reason))
        accepted.sort()
        spans: list[PiiSpan] = []
        for _, start, end, reason in accepted:
            if all(end <= s.start or s.end <= start for s in spans):
                spans.append(PiiSpan(start, end, "CREDIT_CARD", 0.95, self.name, reason))
        spans.sort(key=lambda span: span.start)
        return spans


def is_card_number(raw: str) -> bool:
    """Whether a digit run (separators allowed) is a Luhn-valid 13-19 digit card number."""
    digits = re.sub(r"\D", "", raw)
    return 13 <= len(digits) <= 19 and stdnum_luhn.is_valid(digits)


_CVV_CUES = (
    r"cvv2?|cvc2?|cv2|cvn|cid|csc|card\s+(?:security|verification)\s+(?:code|number|value)"
    r"|(?<!social\s)security\s+(?:code|number|digits)|(?:3|three|4|four)[-\s]digit\s+code"
    r"|code\s+de\s+s[ée]curit[ée]|cryptogramme(?:\s+visuel)?"
    r"|(?:code|digits|number)\s+on\s+the\s+back(?:\s+of\s+(?:the|my)\s+card)?|card\s+code"
    r"|sec\s+code|verification\s+(?:value|number)|num[ée]ro\s+de\s+s[ée]curit[ée]"
    r"|(?:karten)?pr[üu]f(?:nummer|ziffer|code)|sicherheitscode"
    r"|c[óo]digo\s+de\s+seguridad|c[óo]digo\s+de\s+verificaci[óo]n\s+de\s+la\s+tarjeta"
    r"|codice\s+di\s+sicurezza|codice\s+(?:cvv|cvc)|beveiligingscode|kaartverificatiecode"
    r"|c[óo]digo\s+de\s+seguran[çc]a|c[óo]digo\s+(?:cvv|cvc)"
    # "the 3 digits on the back are", "die 3 Ziffern hinten", "los 3 dígitos de atrás"
    r"|(?:3|4|three|four|trois|quatre|drei|vier|tres|cuatro|tre|quattro|drie|tr[êe]s|quatro)"
    r"\s+(?:digits|chiffres|ziffern|d[íi]gitos|cifre|cijfers)"
    r"(?=\s+(?:on\s+the\s+back|at\s+the\s+back|au\s+dos|hinten|auf\s+der\s+r[üu]ckseite"
    r"|(?:de\s+)?atr[áa]s|del\s+reverso|(?:sul\s+)?retro|dietro|achterop|op\s+de\s+achterkant"
    r"|(?:no\s+)?verso))"
)
# Cue words as typed with a slip ("secuirty code", "the 3 digtis on the back", "cóigo de
# segurança"), tried only for three or four digits that no exact cue announces.
_CVV_VOCABULARY = SlipVocabulary(
    "security code digits chiffres ziffern dígitos digitos cifre cijfers código codigo codice "
    "segurança seguridad sicurezza sécurité securite sicherheitscode prüfziffer prüfnummer "
    "kartenprüfnummer beveiligingscode cryptogramme visuel verification hinten rückseite atrás "
    "atras reverso retro dietro achterop achterkant verso three"
)


# Card words hold one of these (lowercase): a cheap test whether a message is about a card.
_CARD_STEMS = ("card", "cart", "kart", "kaart", "tarj", "visa", "master", "amex", "credit")
# A card number (or most of one).
_CARD_DIGITS = re.compile(r"\d(?:(?: {1,2}|[.-])?\d){11,18}")


class CardSecurityCodeRecognizer:
    """Card security codes: 3-4 digits right after a cue (CVV, CVC, security code ...)."""

    name = "card_security_code"
    entities: tuple[str, ...] = ("CARD_SECURITY_CODE",)

    def __init__(self) -> None:
        self._pattern = re.compile(
            rf"(?<!\w)(?:{_CVV_CUES})(?!\w)"
            r"(?:\s*\((?:cvv2?|cvc2?|cv2)\))?"
            r"[^\d\n.!?;]{0,25}?(?<![\w])(?P<value>\d{3,4})(?![\d/.,-]\d|\w)",
            re.IGNORECASE,
        )
        self._after_card = re.compile(
            r"(?<![\w.,+-])(?P<card>\d(?:(?: {1,2}|[ ]?[-.][ ]?)?\d){12,18})[\s,;|—–]{1,4}"
            r"(?:exp\w*\.?\s*:?\s*)?(?:0?[1-9]|1[0-2])\s?/\s?(?:20)?\d{2}[\s,;|—–]{1,4}"
            r"(?:(?:cvv2?|cvc2?|cv2)\s*:?\s*)?(?P<value>\d{3,4})(?![\d/.,-]\d|\w)",
            re.IGNORECASE,
        )
        # Every cue holds one of these (lowercase); most messages hold none.
        self._quick = re.compile(
            r"cv[vcn2]|cid|csc|secur|sécur|seguri|sicurezz|seguran|prüf|pruf|sicherheit|crypto"
            r"|beveilig|kaartverif|card verif|verification|digit|the back|card code|sec code"
            r"|chiffres|ziffern|dígitos|cifre|cijfers"
        )
        # In a message that gives a card number, a plain "code" before three or four digits:
        # "vervalt 07/27, code 640", "validade 09/28, código 027", "código de 4 dígitos 5093".
        self._code_near_card = re.compile(
            r"(?<!\w)(?:code|c[óo]digo|c[óo]d\.?|codice|cod\.|kode)(?:\s+(?:au\s+dos|hinten"
            r"|(?:de\s+)?atr[áa]s|del\s+reverso|sul\s+retro|achterop|(?:no\s+)?verso))?"
            r"(?:\s+(?:de|di|van|of)\s+[34]\s+"
            r"(?:d[íi]gitos|cifre|cijfers|digits|chiffres))?\s*:?\s*"
            r"(?P<value>\d{3,4})(?![\d/.,-]\d|\w)",
            re.IGNORECASE,
        )
        # Three or four digits standing alone (not a group of a longer number).
        self._bare_value = re.compile(r"(?<![\w.,/-])(?<!\d )\d{3,4}(?![\w/]|[.,-]\d| \d)")

    def find(self, text: str) -> list[PiiSpan]:
        spans: dict[int, PiiSpan] = {}
        low = text.lower()
        quick = self._quick.search(low) is not None
        if quick:
            for m in self._pattern.finditer(text):
                spans[m.start("value")] = self._span(m, "after a card security code word")
        # A cue typed with a slip: only in a message about a card (a card word or number).
        tried = 0
        about_a_card: bool | None = None
        for value in self._bare_value.finditer(text):
            if value.start() not in spans and not value.group().startswith(("19", "20")):
                if about_a_card is None:
                    about_a_card = (
                        quick
                        or any(word in low for word in _CARD_STEMS)
                        or _CARD_DIGITS.search(text) is not None
                    )
                tried += 1
                if not about_a_card or tried > 8:
                    break
                span = self._after_slipped_cue(text, value.start(), value.end())
                if span is not None:
                    spans[value.start()] = span
        if ("cod" in low or "cód" in low) and _CARD_DIGITS.search(text) is not None:
            for m in self._code_near_card.finditer(text):
                if m.start("value") not in spans and not _CARD_DIGITS.match(text, m.start("value")):
                    spans[m.start("value")] = self._span(m, "after a code word, by a card number")
        # "4111 1111 1111 1111 04/27 123": the digits after a card number and its expiry.
        if "/" in text:
            for m in self._after_card.finditer(text):
                if m.start("value") not in spans and is_card_number(m.group("card")):
                    spans[m.start("value")] = self._span(m, "after a card number and its expiry")
        return sorted(spans.values(), key=lambda span: span.start)

    def _after_slipped_cue(self, text: str, start: int, end: int) -> PiiSpan | None:
        """The digits at ``start`` when a cue typed with one slip stands right before them."""
        line_start = max(text.rfind("\n", 0, start) + 1, start - 45)
        context = text[line_start:start]
        if _SLIP_WORD.search(context) is None:
            return None
        fixed = _CVV_VOCABULARY.corrected(context)
        if fixed is None:
            return None
        fixed += text[start:end]
        if not any(m.end("value") == len(fixed) for m in self._pattern.finditer(fixed)):
            return None
        return PiiSpan(
            start,
            end,
            "CARD_SECURITY_CODE",
            0.85,
            self.name,
            "three or four digits after a card security code word typed with a slip",
        )

    def _span(self, m: re.Match[str], reason: str) -> PiiSpan:
        return PiiSpan(
            m.start("value"),
            m.end("value"),
            "CARD_SECURITY_CODE",
            0.9,
            self.name,
            f"three or four digits {reason}",
        )


_EXPIRY_CUES = (
    r"exp|exp\.|expiry|expiration|expires?|expiring|expiry\s+date|expiration\s+date|exp\s+date"
    r"|valid\s+(?:thru|through|until|till|to)|good\s+(?:thru|through)|mm\s*/\s*yy(?:yy)?"
    r"|ablaufdatum|g[üu]ltig\s+bis|g[üu]ltigkeit|verfall\w*|ablauf"
    r"|date\s+d'expiration|date\s+d[’']expiration|expire\s+le|expiration|valable\s+jusqu'(?:au|à)"
    r"|valable|fin\s+de\s+validit[ée]|caducidad|caduca|vencimiento|vence|v[áa]lid[ao]\s+hasta"
    r"|scadenza|scade|validit[àa]|valid[ao]\s+fino\s+a[l]?|vervaldatum|verloopt|vervalt|geldig\s+tot"
    r"|venc\.?|vto\.?"
    r"|validade|v[áa]lido\s+at[ée]|expira|data\s+de\s+validade"
    r"|l[äa]uft\s+(?:ab|aus)(?:\s+am)?|scad\.?|scad(?:e|enza)"
)
# Expiry words as typed with a slip ("expry", "gltig bis", "geldgi tot", "scaadenza"), tried
# only for a month and year that no exact cue announces.
_EXPIRY_VOCABULARY = SlipVocabulary(
    "expiry expires expire expiration expiring gültig gultig ablaufdatum ablauf läuft verfall "
    "verfallsdatum gültigkeit geldig vervaldatum verloopt scadenza scade scad caducidad caduca "
    "vencimiento validade valable jusqu expira through until",
    keep="expired scale scales scare",
)
# Month names and their abbreviations in the seven languages ("Nov 31", "fév 2027", "Mär 32",
# "set 25", "outubro 2027"), for an expiry written with the month's name.
_MONTH_NAMES: dict[str, int] = {
    name: number
    for number, names in enumerate(
        (
            "january jan januar jänner janvier janv enero ene gennaio gen januari janeiro",
            "february feb februar février fevrier févr fév fev febrero febbraio februari fevereiro",
            "march mar märz mär maerz mrz mars marzo maart mrt março marco",
            "april apr avril avr abril abr aprile",
            "may mai mayo maggio mag mei maio",
            "june jun juni juin junio giugno giu junho",
            "july jul juli juillet juil julio luglio lug julho",
            "august aug août aout agosto ago augustus",
            "september sep sept septembre septiembre setiembre settembre set setembro",
            "october oct oktober okt octobre octubre ottobre ott outubro out",
            "november nov novembre noviembre novembro",
            "december dec dezember dez décembre decembre déc diciembre dic dicembre dezembro",
        ),
        start=1,
    )
    for name in names.split()
}
_MONTH_BEFORE = re.compile(r"([^\W\d_]{3,10})\.?[ \t]?$")

_EXPIRY_VALUE = (
    r"(?P<value>(?:0?[1-9]|1[0-2])\s?[/\-.]\s?(?:20\d{2}|\d{2})"
    r"|(?:20\d{2})\s?[/\-]\s?(?:0[1-9]|1[0-2]))"
    r"(?![/\-.]?\d|\w)"
)


class CardExpiryRecognizer:
    """Card expiry dates (MM/YY, MM/YYYY, "4/2027") after an expiry cue or a card number."""

    name = "card_expiry"
    entities: tuple[str, ...] = ("CARD_EXPIRY",)

    def __init__(self) -> None:
        # Month and year first (rarer than cue words' letters), then what stands before them:
        # an expiry word, or a card number.
        self._value = re.compile(
            r"(?<![\w/.,-])(?:"
            + _EXPIRY_VALUE
            + r"|(?:(?<=[^\W\d_][ .])|(?<=[^\W\d_]\. ))(?P<year>20\d{2}|\d{2})(?![\w/]|[.,:-]\d))"
        )
        self._cue_before = re.compile(
            rf"(?<!\w)(?:{_EXPIRY_CUES})(?!\w)"
            r"(?:\s*(?:date|is|was|on|in|at|of|:|=|-|le|am|el|il|op|em|fin|end|ende|fine|en|a|à"
            r"|al|au|per|por|jusqu['’](?:au|à|a)))*"
            r"[\s:\"'“(]*$",
            re.IGNORECASE,
        )
        self._due_before = re.compile(r"(?<!\w)[ée]ch[ée]ance\s*:?\s*$", re.IGNORECASE)
        self._card_before = re.compile(
            r"(?<![\w.,+-])(?P<card>\d(?:(?: {1,2}|[ ]?[-.][ ]?)?\d){12,18})"
            r"[\s,;|—–]{1,4}(?:(?:exp|exp\.|expires|expiry)\s*:?\s*)?[(]?$",
            re.IGNORECASE,
        )

    def find(self, text: str) -> list[PiiSpan]:
        spans: list[PiiSpan] = []
        for m in self._value.finditer(text):
            if m.group("year") is not None:
                span = self._month_name(text, m.start("year"), m.end("year"))
                if span is not None:
                    spans.append(span)
                continue
            start, end = m.span("value")
            if self._cue_before.search(text, max(0, start - 45), start):
                spans.append(self._span(start, end, "month and year after an expiry word"))
                continue
            if self._due_before.search(text, max(0, start - 30), start) and any(
                stem in text.lower() for stem in _CARD_STEMS
            ):  # "échéance" is also an invoice's due date: only in a message about a card
                spans.append(self._span(start, end, "month and year after an expiry word"))
                continue
            card = self._card_before.search(text, max(0, start - 60), start)
            if card is not None and is_card_number(card.group("card")):
                spans.append(self._span(start, end, "month and year after a card number"))
            elif self._slipped_cue(text, start):
                spans.append(self._span(start, end, "month and year after a slipped expiry word"))
        return spans

    def _month_name(self, text: str, year_start: int, year_end: int) -> PiiSpan | None:
        """An expiry with the month's name ("Nov 31", "fév 2027") after an expiry word."""
        month = _MONTH_BEFORE.search(text, max(0, year_start - 13), year_start)
        if month is None or month.group(1).lower() not in _MONTH_NAMES:
            return None
        start = month.start()
        if start > 0 and text[start - 1].isalpha():
            return None
        # Only about a card: "my subscription expires Jan 2027" is no card expiry, and "valid
        # until Dec 31" is a day (two digits up to 31 count only after a card number).
        if not _CARD_DIGITS.search(text, max(0, start - 90), start) and (
            (year_end - year_start == 2 and int(text[year_start:year_end]) <= 31)
            or not CARD_WORDS.search(text, max(0, start - 90), start)
        ):
            return None
        if self._cue_before.search(text, max(0, start - 45), start):
            return self._span(start, year_end, "month name and year after an expiry word")
        if self._slipped_cue(text, start):
            return self._span(start, year_end, "month name and year after a slipped expiry word")
        return None

    def _slipped_cue(self, text: str, start: int) -> bool:
        """An expiry word typed with one slip right before ``start``, in a message about a card
        (a card number or card word before it)."""
        context = text[max(0, start - 30) : start]
        if _SLIP_WORD.search(context) is None:
            return False
        if not _CARD_DIGITS.search(text, max(0, start - 90), start) and not CARD_WORDS.search(
            text, max(0, start - 90), start
        ):
            return False
        fixed = _EXPIRY_VOCABULARY.corrected(context)
        return fixed is not None and bool(self._cue_before.search(fixed))

    def _span(self, start: int, end: int, reason: str) -> PiiSpan:
        return PiiSpan(start, end, "CARD_EXPIRY", 0.85, self.name, reason)
