"""National identity numbers: a pattern for the shape, python-stdnum (or the issuer's rules) for
the check digits, and a context word where the shape alone is too common (nine or eleven digits).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from stdnum.es import dni as es_dni
from stdnum.es import nie as es_nie
from stdnum.fi import hetu
from stdnum.gb import nhs
from stdnum.it import codicefiscale
from stdnum.nl import bsn
from stdnum.pl import pesel
from stdnum.se import personnummer

from trustdesk.privacy.spans import PiiSpan

CONTEXT_WIDTH = 40

# HMRC: the first letter is never D, F, I, Q, U or V; the second never D, F, I, O, Q, U or V;
# these pairs are never issued; the suffix is A-D.
_NINO_UNISSUED = frozenset({"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"})


def is_valid_nino(value: str) -> bool:
    """Whether ``value`` (spaces allowed) is a UK National Insurance number HMRC could issue."""
    compact = value.replace(" ", "").upper()
    return (
        re.fullmatch(r"[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]\d{6}[A-D]", compact) is not None
        and compact[:2] not in _NINO_UNISSUED
    )


def _compact(value: str) -> str:
    return re.sub(r"[\s.-]", "", value).upper()


@dataclass(frozen=True, slots=True)
class IdRule:
    """One kind of national id: its shape, its validator and when it needs a context word."""

    entity: str
    pattern: re.Pattern[str]
    validate: Callable[[str], bool]
    context: re.Pattern[str]
    needs_context: bool
    reason: str


def _ctx(words: str) -> re.Pattern[str]:
    return re.compile(rf"(?:{words})", re.IGNORECASE)


RULES: dict[str, IdRule] = {
    "UK_NINO": IdRule(
        "UK_NINO",
        re.compile(r"(?<![\w-])[A-Za-z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-Da-d](?![\w-])"),
        is_valid_nino,
        _ctx(r"\bnino\b|national insurance|\bNI\b(?: number| no)?"),
        False,
        "National Insurance number with an issued prefix",
    ),
    "UK_NHS": IdRule(
        "UK_NHS",
        re.compile(r"(?<![\w-])\d{3}[ -]?\d{3}[ -]?\d{4}(?![\w-])"),
        lambda v: nhs.is_valid(_compact(v)),
        _ctx(r"\bnhs\b"),
        True,
        "NHS number with a valid mod-11 check digit after the word NHS",
    ),
    "ES_NIF": IdRule(
        "ES_NIF",
        re.compile(r"(?<![\w-])\d{8}-?[A-Za-z](?![\w-])"),
        lambda v: es_dni.is_valid(_compact(v)),
        _ctx(r"\bdni\b|\bnif\b|documento"),
        False,
        "Spanish DNI/NIF with a valid check letter",
    ),
    "ES_NIE": IdRule(
        "ES_NIE",
        re.compile(r"(?<![\w-])[XYZxyz]-?\d{7}-?[A-Za-z](?![\w-])"),
        lambda v: es_nie.is_valid(_compact(v)),
        _ctx(r"\bnie\b"),
        False,
        "Spanish foreigner id (NIE) with a valid check letter",
    ),
    "IT_FISCAL_CODE": IdRule(
        "IT_FISCAL_CODE",
        re.compile(
            r"(?<![\w-])[A-Za-z]{6}[\dLMNPQRSTUVlmnpqrstuv]{2}[A-Za-z]"
            r"[\dLMNPQRSTUVlmnpqrstuv]{2}[A-Za-z][\dLMNPQRSTUVlmnpqrstuv]{3}[A-Za-z](?![\w-])"
        ),
        lambda v: codicefiscale.is_valid(_compact(v)),
        _ctx(r"codice fiscale|fiscal code|\bcf\b"),
        False,
        "Italian codice fiscale with a valid check character",
    ),
    "PL_PESEL": IdRule(
        "PL_PESEL",
        re.compile(r"(?<![\w-])\d{11}(?![\w-])"),
        lambda v: pesel.is_valid(v),
        _ctx(r"\bpesel\b"),
        True,
        "PESEL with a valid birth date and check digit after the word PESEL",
    ),
    "FI_PERSONAL_IDENTITY_CODE": IdRule(
        "FI_PERSONAL_IDENTITY_CODE",
        re.compile(r"(?<![\w-])\d{6}[-+A-FU-Ya-fu-y]\d{3}[0-9A-Ya-y](?![\w-])"),
        lambda v: hetu.is_valid(v.upper()),
        _ctx(r"henkilötunnus|\bhetu\b|personal identity code"),
        False,
        "Finnish henkilötunnus with a valid date and check character",
    ),
    "SE_PERSONNUMMER": IdRule(
        "SE_PERSONNUMMER",
        re.compile(r"(?<![\w-])(?:\d{2})?\d{6}[-+]\d{4}(?![\w-])"),
        lambda v: personnummer.is_valid(v),
        _ctx(r"personnummer|samordningsnummer"),
        False,
        "Swedish personnummer with a valid date and Luhn check digit",
    ),
    "NL_BSN": IdRule(
        "NL_BSN",
        re.compile(
            r"(?<![\w-])\d{4}\.?\d{2}\.?\d{3}(?![\w-])|(?<![\w-])\d{3}\.\d{3}\.\d{3}(?![\w-])"
        ),
        lambda v: bsn.is_valid(_compact(v)),
        _ctx(r"\bbsn\b|burgerservicenummer|sofinummer|citizen service number"),
        True,
        "BSN passing the 11-test after the word BSN",
    ),
}


class NationalIdRecognizer:
    """One national id type (``RULES`` names them); validated, never reported on shape alone."""

    def __init__(self, entity: str) -> None:
        self._rule = RULES[entity]
        self.entities: tuple[str, ...] = (entity,)
        self.name = f"national_id_{entity.lower()}"

    def find(self, text: str) -> list[PiiSpan]:
        rule = self._rule
        spans: list[PiiSpan] = []
        for m in rule.pattern.finditer(text):
            if not rule.validate(m.group()):
                continue
            before = text[max(0, m.start() - CONTEXT_WIDTH) : m.start()]
            has_context = rule.context.search(before) is not None
            if rule.needs_context and not has_context:
                continue
            score = 0.95 if has_context else 0.85
            spans.append(PiiSpan(m.start(), m.end(), rule.entity, score, self.name, rule.reason))
        return spans
