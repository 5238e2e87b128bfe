"""Answers to a question that names what they are, in a transcript or a chat log.

In a call or a chat, a value often stands alone in its turn, its cue in the turn before:
"Agent: And the CVV? Caller: three three nine", "Conseiller : votre date de naissance ?
Client : le douze mars", "Agent: mother's maiden name? Caller: Costa". No recognizer that reads
a sentence finds "Costa" a secret or "three three nine" a card code. ``AnswerRecognizer`` reads
the turns of a text written with speaker labels (Agent, Caller, Customer, Client, Anrufer …,
optionally after a timestamp), and when a turn asks for a card's security code or expiry, a
date of birth or a secret (a password, a PIN, a one-time code, a memorable word, the answer to
a security question), it reports the next turn's answer — a few words, not a refusal, not a
question — as that value.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from trustdesk.privacy.spans import PiiSpan

# Who speaks in a transcript or a chat log, in the seven languages.
_SPEAKERS = (
    "Agent|Agente|Caller|Customer|Client|Cliente|Clienta|Conseiller|Conseillère|Conseillere|"
    "Anrufer|Anruferin|Kunde|Kundin|Mitarbeiter|Mitarbeiterin|Berater|Beraterin|Operador|"
    "Operadora|Operatore|Operatrice|Klant|Beller|Medewerker|Medewerkster|Atendente|Operator|"
    "Advisor|Adviser|Rep|Support|System|Assistant|Technician|Tech|Driver|User|Utente|Usuario|"
    "Gebruiker|Utilizador|Utilisateur|Benutzer"
)
_TURN = re.compile(
    rf"(?:^|(?<=[\s\]]))(?:\[[\d:.]+\]\s*)?(?:{_SPEAKERS})\s?:[ \t]*",
    re.MULTILINE,
)
# What a turn asks for, near its end (its last sentence), per entity.
_ASKS = {
    "CARD_SECURITY_CODE": (
        r"cvv2?|cvc2?|cv2|cid|security\s+(?:code|number|digits)|(?:three|3|four|4)\s+digits?"
        r"(?:\s+on\s+the\s+back)?|digits\s+on\s+the\s+back|code\s+de\s+s[ée]curit[ée]|"
        r"cryptogramme|pr[üu]fnummer|sicherheitscode|kartenpr[üu]fnummer|"
        r"c[óo]digo\s+de\s+seguridad|codice\s+di\s+sicurezza|beveiligingscode|"
        r"c[óo]digo\s+de\s+seguran[çc]a"
    ),
    "CARD_EXPIRY": (
        r"expiry|expiration|expire[sd]?|run\s+out|valid\s+(?:until|thru|through)|"
        r"date\s+d'expiration|date\s+de\s+validit[ée]|ablaufdatum|g[üu]ltig\s+bis|"
        r"(?:fecha\s+de\s+)?(?:caducidad|vencimiento)|(?:data\s+di\s+)?scadenza|vervaldatum|"
        r"geldig\s+tot|validade"
    ),
    "DATE_OF_BIRTH": (
        r"date\s+of\s+birth|birth\s*date|d\.?o\.?b|birthday|date\s+de\s+naissance|"
        r"geburtsdatum|fecha\s+de\s+nacimiento|data\s+di\s+nascita|geboortedatum|"
        r"data\s+de\s+nascimento"
    ),
    "SECRET": (
        # (not "pin code": in Indian English, a postcode)
        r"password|passcode|pass\s+code|pin(?!\s+code)(?:\s+number)?|memorable\s+(?:word|"
        r"answer)|security\s+(?:word|answer|question)|maiden\s+name|one[-\s]time\s+(?:code|"
        r"password)|otp|verification\s+code|the\s+code\s+we\s+(?:just\s+)?sent|"
        r"(?:city|town)\s+(?:were\s+)?you\s+(?:were\s+)?born|first\s+pet|"
        r"mot\s+de\s+passe|code\s+(?:pin|secret|confidentiel)|nom\s+de\s+jeune\s+fille|"
        r"passwort|kennwort|geheimzahl|m[äa]dchenname|contrase[ñn]a|clave|"
        r"apellido\s+de\s+soltera|nome\s+da\s+nubile|cognome\s+da\s+nubile|wachtwoord|"
        r"pincode|meisjesnaam|senha|nome\s+de\s+solteira"
    ),
}
_ASK = {entity: re.compile(rf"\b(?:{cue})\b", re.IGNORECASE) for entity, cue in _ASKS.items()}
# Said before or after the value, not part of it.
_LEAD = re.compile(
    r"^(?:(?:yeah|yes|yep|ok|okay|sure|right|so|um+|uh+|erm|er|ehm|euh|äh|eh|well|"
    # "oh" as a sigh, not as the zero of "oh three twenty eight"
    r"oh(?![\s,]+(?:oh|zero|one|two|three|four|five|six|seven|eight|nine|double|t(?:en|welve|"
    r"wenty|hirty)|eleven|forty|fifty|sixty|seventy|eighty|ninety)\b)|"
    r"it'?s|it\s+is|that'?s|that\s+is|its|oui|alors|c'est|ja|also|das\s+ist|es\s+ist|s[ií]|"
    r"pues|es|vale|s[iì]|allora|[èe]|ja|dat\s+is|het\s+is|sim|[ée]|the\s+answer\s+is|"
    r"mine\s+is|my\s+\w+\s+is)[\s,.:]+)+",
    re.IGNORECASE,
)
_TRAIL = re.compile(
    r"(?:[\s,.;:!]+(?:thanks|thank\s+you|cheers|merci|danke|gracias|grazie|bedankt|dank\s+je|"
    r"obrigad[oa]|please|s'il\s+vous\s+pla[iî]t|bitte|por\s+favor|per\s+favore))*[\s,.;:!]*$",
    re.IGNORECASE,
)
# An answer that is no value: a refusal, a delay, a question back.
_NO_VALUE = re.compile(
    r"^(?:no|not|nope|sorry|why|what|which|hang\s+on|hold\s+on|one\s+(?:sec|moment)|wait|"
    r"i\s+(?:don'?t|do\s+not|can'?t|cannot|have\s+no)|i'?m\s+not|let\s+me|just\s+a|non|nein|"
    r"nee|n[ãa]o|je\s+ne|ich\s+wei[ßs]|no\s+lo|non\s+lo|weet\s+ik|n[ãa]o\s+sei|"
    r"un\s+instant|moment|momento|attendez|warte)\b",
    re.IGNORECASE,
)
MAX_ANSWER_WORDS = 8
# A turn without a question mark asks for a value only when it is this short ("And the CVV").
MAX_QUESTION_WORDS = 12


class AnswerRecognizer:
    """Values answered to a question that names them, in labelled turns (see module doc)."""

    name = "answers"

    def __init__(self, entities: Iterable[str]) -> None:
        self.entities = tuple(e for e in dict.fromkeys(entities) if e in _ASK)

    def find(self, text: str) -> list[PiiSpan]:
        if not self.entities or ":" not in text:
            return []
        turns = list(_TURN.finditer(text))
        found: list[PiiSpan] = []
        for i in range(len(turns) - 1):
            entity = self._asked(text[turns[i].end() : turns[i + 1].start()])
            if entity is None:
                continue
            end = turns[i + 2].start() if i + 2 < len(turns) else len(text)
            span = self._value(text, turns[i + 1].end(), end)
            if span is not None:
                found.append(
                    PiiSpan(*span, entity, 0.75, self.name, "the answer to a question naming it")
                )
        return found

    def _asked(self, question: str) -> str | None:
        """The entity the last sentence of ``question`` asks for, if any."""
        last = re.split(r"(?<=[.!])\s+", question.strip())[-1] if question.strip() else ""
        if "?" not in last and len(last.split()) > MAX_QUESTION_WORDS:
            return None  # a story that mentions a password, not a question for one
        for entity in self.entities:
            if _ASK[entity].search(last):
                return entity
        return None

    @staticmethod
    def _value(text: str, start: int, end: int) -> tuple[int, int] | None:
        """The span of the answer between ``start`` and ``end`` without what is said around
        it, or None when it is no value."""
        line_end = text.find("\n", start, end)
        if line_end >= 0:
            end = line_end
        segment = text[start:end]
        lead = _LEAD.match(segment)
        offset = lead.end() if lead else 0
        trail = _TRAIL.search(segment, offset)
        stop = trail.start() if trail else len(segment)
        value = segment[offset:stop]
        if not value or "?" in value or _NO_VALUE.match(value):
            return None
        if len(value.split()) > MAX_ANSWER_WORDS:
            return None
        return start + offset, start + stop


__all__ = ["AnswerRecognizer"]
