"""Passport numbers after a passport word (seven languages): 6-9 letters and digits.

"passport number: 533380006", "Reisepass-Nr. C01X00T47", "numéro de passeport 12AB34567",
"pasaporte PAA123456", "passaporto YA1234567", "paspoortnummer NW92BDL14", "passaporte
CZ123456". A passport number has no check digit of its own, so the cue is required; the value
must hold a digit and be written in capitals, or all in lowercase with two digits or more
("54zm78441"), which keeps "passport expired 2024" or "passport is valid" out. A cue typed with
one slip ("Riesepass", "psaporte", "pasapotre") counts too; it is looked for only before a
value of that shape.
"""

from __future__ import annotations

import re

from trustdesk.privacy.cards import SlipVocabulary
from trustdesk.privacy.spans import PiiSpan

_CUES = (
    r"passport|passports|passeport|reisepass\w*|pass-?nr\.?|passnummer|pasaporte|passaporto"
    r"|paspoort\w*|passaporte|travel\s+document"
)
# Between the cue and the value: "number", "no.", "#", ":", "is", "de", "Nummer" ...
_LINK = (
    r"(?:[\s:#.-]*(?:(?:number|numbers|num|no|nr|id|is|was|est|ist|lautet|es|era|è|é"
    r"|numéro|numero|número|nummer|de|di|do|du|van|mijn|my|do|meu|mein|mon|mi|il|le|el)(?!\w)"
    r"|n\.?[º°]|n\.o(?!\w)|n\.|:|#))*"  # "n.º" (normalised to "n.o")
)
# A few words about whose passport or what it is for, then "is" or a colon: "passport number
# for the age check is …", "passport no. so here: …", "Reisepass für den Zoll: …",
# "il passaporto di mio marito è …", "paspoortnummer voor de douane: …".
_ABOUT = (
    r"(?:[\s.,]+(?:so\s+here|here|below|again|then|please"
    r"|(?:for|of|für|fuer|von|pour|de|para|per|di|voor|van|do|da)\s+(?:(?:the|my|his|her|den|die"
    r"|der|dem|meinem|meiner|la|le|les|mon|ma|el|mi|il|lo|mio|mia|de|het|mijn|o|a|meu|minha)\s+)?"
    r"[^\W\d_]+(?:\s+[^\W\d_]+)?)"
    r"\s*(?::|=|is|was|est|ist|lautet|es|era|è|é)(?!\w))?"
)
# Whose passport: "Passeport suisse X0487215", "Pasaporte mexicano G41772039", "my Irish passport".
_NATIONALITY = (
    r"(?:\s+(?:suisse|fran[çc]ais|fran[çc]aise|belge|canadien(?:ne)?|mexican[oa]|español(?:a)?"
    r"|espanol(?:a)?|argentin[oa]|colombian[oa]|italian[oa]|portugu[eê]s(?:a)?|brasileir[oa]"
    r"|deutsche[rn]?|[öo]sterreichische[rn]?|schweizer|niederl[äa]ndische[rn]?|belgische[rn]?"
    r"|nederlands|belgisch|british|american|irish|canadian|australian|swiss|french|german"
    r"|spanish|italian|dutch|portuguese|brazilian|mexican|new\s+zealand|u\.?s\.?|u\.?k\.?))?"
)
# Common national forms (ICAO 9303 allows 9 characters): letters and digits, or digits only;
# a letter prefix may stand apart ("AB 1234567").
_VALUE = r"(?P<value>[A-Za-z]{1,2} \d{6,8}|[A-Za-z0-9]{6,9})"


# Passport words as typed with a slip; the suffixes of compounds ("Reisepassnummer") are cut
# before comparing. "Passwort" is one slip from "Passport" and is no passport word.
_VOCABULARY = SlipVocabulary(
    "passport passeport reisepass passnummer pasaporte passaporto paspoort passaporte"
)
_COMPOUND_END = re.compile(r"(?:nummer|number|nr|nummern)$")
# A value with a digit ("54zm78441"), for the slipped cues.
_VALUE_ALONE = re.compile(
    r"(?<![\w-])(?P<value>[A-Za-z]{1,2} \d{6,8}|(?=[A-Za-z]*\d)[A-Za-z0-9]{6,9})(?![\w-])"
)
_WORD_BEFORE = re.compile(rf"(?<!\w)(?P<word>[^\W\d_]{{6,18}}){_LINK}[\s:#.-]*$", re.IGNORECASE)
# One slip leaves "passport", "pasaporte", "Reisepass", "paspoort" ... one of these parts.
_SLIP_PARTS = ("pass", "port", "pasa", "paso", "pasp", "reise", "oort", "orte", "orto", "sepa")
_REASON = "six to nine letters and digits after a passport word"


def _shaped(value: str) -> bool:
    """Capitals and digits, or lowercase with two digits or more ("54zm78441")."""
    digits = sum(ch.isdigit() for ch in value)
    if digits == 0:
        return False
    return value.upper() == value or (value.lower() == value and digits >= 2)


def _slipped(word: str) -> bool:
    word = word.lower()
    if word.startswith(("passw", "pasw")):
        return False
    word = _COMPOUND_END.sub("", word) or word
    return len(word) >= 6 and _VOCABULARY.match(word) is not None


class PassportRecognizer:
    """Passport numbers: 6-9 capital letters and digits right after a passport word."""

    name = "passport"
    entities: tuple[str, ...] = ("PASSPORT",)

    def __init__(self) -> None:
        self._pattern = re.compile(
            rf"(?<!\w)(?:{_CUES})(?!\w){_NATIONALITY}{_LINK}{_ABOUT}[\s:#.-]*{_VALUE}(?![\w-])",
            re.IGNORECASE,
        )

    def find(self, text: str) -> list[PiiSpan]:
        low = text.lower()
        # Every cue, or a cue with one slip, holds one of these.
        if "pa" not in low and "ps" not in low and "travel document" not in low:
            return []
        spans: dict[int, PiiSpan] = {}
        for m in self._pattern.finditer(text):
            if _shaped(m.group("value")):
                spans[m.start("value")] = self._span(m.start("value"), m.end("value"), _REASON)
        # A passport word typed with a slip keeps one of these (lowercase).
        slips = any(part in low for part in _SLIP_PARTS)
        for m in _VALUE_ALONE.finditer(text) if slips else ():
            start = m.start("value")
            if start in spans or not _shaped(m.group("value")):
                continue
            before = _WORD_BEFORE.search(text, max(0, start - 40), start)
            if before is not None and _slipped(before.group("word")):
                spans[start] = self._span(
                    start,
                    m.end("value"),
                    "six to nine letters and digits after a passport word typed with a slip",
                )
        return sorted(spans.values(), key=lambda span: span.start)

    def _span(self, start: int, end: int, reason: str) -> PiiSpan:
        return PiiSpan(start, end, "PASSPORT", 0.85, self.name, reason)
