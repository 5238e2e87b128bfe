"""Rule-based recognizers for personal data: each finds spans of one entity type in a text.

Spans carry offsets, an entity name (Presidio's vocabulary), a confidence and a reason in words;
they never carry the matched value, so they are safe to log.
"""

from __future__ import annotations

import importlib
import ipaddress
import re
from collections.abc import Callable, Iterable, Sequence
from typing import cast

import phonenumbers
from stdnum import iban as stdnum_iban
from stdnum import luhn as stdnum_luhn

from trustdesk.privacy.cards import CreditCardRecognizer as CreditCardRecognizer
from trustdesk.privacy.cards import SlipVocabulary
from trustdesk.privacy.cards import has_card_issuer_prefix as has_card_issuer_prefix
from trustdesk.privacy.national_ids import RULES as NATIONAL_ID_RULES
from trustdesk.privacy.phones import DATE_FIRST, PhoneShapes, digit_runs, spelled_numbers
from trustdesk.privacy.spans import PiiSpan as PiiSpan
from trustdesk.privacy.spans import Recognizer as Recognizer

DEFAULT_PHONE_REGIONS: tuple[str, ...] = ("US", "GB", "DE", "FR")
_NOT_A_PHONE = re.compile(
    r"\d{4}([-/.])\d{1,2}\1\d{1,2}|\d{1,2}([-/.])\d{1,2}\2\d{2,4}|\d{1,3}(?:\.\d{1,3}){3}|\d{3}-\d{2}-\d{4}"
)


# Opening hours written as two 24-hour times ("0900-1730", "0830 - 1700"): a range of times of
# day, not a phone number, when a word of time is near ("open", "between", "hours") or no
# contact word comes before ("call me on 0800-1234" stays a number).
_HOURS_RANGE = re.compile(r"((?:[01]\d|2[0-3])[0-5]\d)[ \t]?[-–][ \t]?((?:[01]\d|2[0-3])[0-5]\d)")
# A version before a dotted quad ("firmware 10.2.0.1", "versión 4.1.0.2", "update to 2.0.1.7"):
# no IP address, unless the customer names one ("my IP after the update is 10.0.0.5").
_VERSION_BEFORE = re.compile(
    r"(?:\b(?:version|versions?nummer|versi[oó]n|versione|versie|vers[ãa]o|firmware|fw|build"
    r"|release|ver|update[ds]?|upgrade[ds]?|patch|bios|driver)\b|\bv)"
    r"[ \t]*(?:(?:is|was|to|from|number|nr|no|n[ºo°]|:|#|=|\.)[ \t]*)*\Z",
    re.IGNORECASE,
)
_IP_WORD = re.compile(
    r"\b(?:ip|ipv4|adresse ip|ip-adresse|dirección ip|indirizzo ip|ip-adres)\b", re.I
)


_TIME_WORDS = re.compile(
    r"\b(?:open(?:ing)?|close[ds]?|hours|between|from|until|till|daily|weekdays?|mon(?:day)?"
    r"|fri(?:day)?|horaires?|ouvert|öffnungszeit\w*|geöffnet|zwischen|horarios?|abierto|entre"
    r"|orari[oi]?|aperto|tra|openingstijden|geopend|tussen|horário|aberto|das|de)\b",
    re.IGNORECASE,
)


def _hours_range(text: str, start: int, end: int, cued: bool | None) -> bool:
    m = _HOURS_RANGE.fullmatch(text[start:end].strip())
    if m is None or m.group(1) >= m.group(2):
        return False
    return not cued or _TIME_WORDS.search(text, max(0, start - 30), start) is not None


def _context_before(text: str, start: int, width: int = 30) -> str:
    return text[max(0, start - width) : start]


class _SingleEntityRecognizer:
    """Shared by recognizers of one entity; each subclass implements ``find``."""

    name: str = ""
    entities: tuple[str, ...] = ()

    def _span(self, start: int, end: int, score: float, reason: str) -> PiiSpan:
        return PiiSpan(start, end, self.entities[0], score, self.name, reason)


class EmailRecognizer(_SingleEntityRecognizer):
    """Email addresses: a dotted local part, then a dotted domain ending in a 2+ letter TLD."""

    name = "email"
    entities: tuple[str, ...] = ("EMAIL_ADDRESS",)

    def __init__(self) -> None:
        self._pattern = re.compile(
            r"(?<![\w.%+-])"
            r"[A-Za-z0-9_%+-]+(?:\.[A-Za-z0-9_%+-]+)*"
            r"@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}"
            # Stop before a dot only when the dot ends the sentence, not when the domain goes on.
            r"(?![A-Za-z0-9-]|\.[A-Za-z0-9])"
        )

    def find(self, text: str) -> list[PiiSpan]:
        if "@" not in text:
            return []
        return [
            self._span(m.start(), m.end(), 0.95, "has the form of an email address")
            for m in self._pattern.finditer(text)
        ]


def _plausibility_check(region: str) -> Callable[[str], bool]:
    """A quick test whether national digits may be a number of ``region``: the region's
    general number pattern, after its national prefix. Regions whose prefix rules rewrite
    digits get no quick test (always plausible)."""
    metadata = phonenumbers.PhoneMetadata.metadata_for_region(region)
    if (
        metadata is None
        or metadata.national_prefix_transform_rule
        or metadata.general_desc is None
        or not metadata.general_desc.national_number_pattern
    ):
        return lambda digits: True
    general = re.compile(metadata.general_desc.national_number_pattern)
    prefix = (
        re.compile(metadata.national_prefix_for_parsing)
        if metadata.national_prefix_for_parsing
        else None
    )

    def plausible(digits: str) -> bool:
        if general.fullmatch(digits):
            return True
        stripped = prefix.match(digits) if prefix else None
        return bool(stripped and general.fullmatch(digits[stripped.end() :]))

    return plausible


class PhoneRecognizer(_SingleEntityRecognizer):
    """Phone numbers: by shape and context first (``trustdesk.privacy.phones``: digits after a
    contact word, international and other unmistakable forms, numbering plan or not), then
    formatted national numbers valid in at least one of the given regions (libphonenumber's
    matcher).

    Unformatted digit runs are reported only after a contact word, because the matcher
    otherwise accepts order and account numbers that happen to be valid national numbers.
    """

    name = "phone"
    entities: tuple[str, ...] = ("PHONE_NUMBER",)

    def __init__(self, regions: Sequence[str] = DEFAULT_PHONE_REGIONS) -> None:
        self.regions = tuple(regions)
        # libphonenumber compiles its metadata patterns as it goes; with several regions they
        # outnumber the re module's cache of 512 and are compiled again and again. Keep them.
        keep_patterns = getattr(phonenumbers, "enable_pattern_cache", None)
        if keep_patterns is not None:
            keep_patterns()
        self._shapes = PhoneShapes()
        self._plausible = {region: _plausibility_check(region) for region in self.regions}

    def find(self, text: str, claimed: Sequence[tuple[int, int]] = ()) -> list[PiiSpan]:
        """Phone numbers in ``text``; digit runs inside a ``claimed`` span are not tried."""
        spelled = [
            self._span(start, end, 0.7, "a number written out digit by digit in words")
            for start, end in spelled_numbers(text)
            if all(end <= s or e <= start for s, e in claimed)
        ]
        runs = digit_runs(text)
        if not runs:
            return spelled
        found: dict[tuple[int, int], PiiSpan] = {
            (start, end): self._span(start, end, score, reason)
            for start, end, score, reason in self._shapes.find(text, claimed, runs)
        }
        for said in spelled:
            found.setdefault((said.start, said.end), said)
        shaped = list(found)
        for window_start, window_end, candidates in self._candidate_windows(
            text, runs, claimed, shaped
        ):
            window = text[window_start:window_end]
            # An international number parses the same under every region, so one pass does.
            international = all(text[start] == "+" for start, _ in candidates)
            regions = self.regions[:1] if international else self._regions_for(text, candidates)
            for region in regions:
                matches = [
                    (window_start + match.start, window_start + match.end)
                    for match in phonenumbers.PhoneNumberMatcher(
                        window, region, leniency=phonenumbers.Leniency.VALID
                    )
                ]
                for start, end in matches:
                    if (start, end) not in found and all(end <= s or e <= start for s, e in shaped):
                        span = self._judge(text, start, end)
                        if span is not None:
                            found[(start, end)] = span
                # The matcher is the costly part; stop once every candidate is accounted for.
                if all(
                    any(s <= c_start and c_end <= e for s, e in matches)
                    for c_start, c_end in candidates
                ):
                    break
        return sorted(
            (
                span
                for span in found.values()
                if not _hours_range(
                    text, span.start, span.end, self._shapes.cue_before(text, span.start)
                )
            ),
            key=lambda span: span.start,
        )

    def _regions_for(self, text: str, candidates: list[tuple[int, int]]) -> list[str]:
        """Regions whose numbering plan could hold one of the candidates, checked against
        libphonenumber's own metadata patterns: far cheaper than running its matcher."""
        digit_runs = [re.sub(r"\D", "", text[start:end]) for start, end in candidates]
        return [
            region
            for region in self.regions
            if any(self._plausible[region](digits) for digits in digit_runs)
        ]

    def _candidate_windows(
        self,
        text: str,
        runs: Sequence[tuple[int, int]],
        claimed: Sequence[tuple[int, int]] = (),
        shaped: Sequence[tuple[int, int]] = (),
    ) -> list[tuple[int, int, list[tuple[int, int]]]]:
        # Matching only around digit runs keeps the matcher's cost independent of message length;
        # the padding keeps its look at neighbouring characters intact.
        windows: list[tuple[int, int, list[tuple[int, int]]]] = []
        for run_start, run_end in runs:
            # Never reported, slow to reject: runs the shapes already reported, bare digits
            # (with a cue the shapes took them), dates, IPv4 addresses, SSNs, digits glued to
            # letters (IBANs, "AF1234567") and valid card numbers.
            raw = text[run_start:run_end]
            if (
                raw.isdigit()
                or any(run_start < end and start < run_end for start, end in shaped)
                or any(start <= run_start and run_end <= end for start, end in claimed)
                or _NOT_A_PHONE.fullmatch(raw)
                or (run_start > 0 and text[run_start - 1].isalpha())
                # "ORD-2023-999839", "INV_2024 1234": the tail of an identifier
                or (run_start > 1 and text[run_start - 1] in "-_" and text[run_start - 2].isalnum())
                or (
                    len(digits := re.sub(r"\D", "", raw)) >= 13
                    and raw[0] != "+"
                    and has_card_issuer_prefix(digits)
                    and stdnum_luhn.is_valid(digits)
                )
            ):
                continue
            start, end = max(0, run_start - 2), min(len(text), run_end + 2)
            if windows and start <= windows[-1][1]:
                windows[-1] = (windows[-1][0], end, [*windows[-1][2], (run_start, run_end)])
            else:
                windows.append((start, end, [(run_start, run_end)]))
        return windows

    def _judge(self, text: str, start: int, end: int) -> PiiSpan | None:
        raw = text[start:end]
        if ". " in raw:  # the matcher ran on across a sentence end: "+39 353428850. 9 items"
            raw, end = raw[: raw.index(". ")], start + raw.index(". ")
        if raw.startswith("(") and ")" not in raw:  # "(5003451002)": brackets around an id
            start, raw = start + 1, raw[1:]
        if self._shapes.cue_before(text, start) is False:  # "order 415-555-2671"
            return None
        if DATE_FIRST.match(raw) or " / " in raw:  # "2026-12-01 07:22", "0.105 / 0.109"
            return None
        if raw.startswith("+"):
            return self._span(start, end, 0.9, "international phone number")
        if any(ch in " ()-./" for ch in raw):
            return self._span(start, end, 0.9, "formatted number valid as a phone number")
        return None


_IBAN_REASON = "IBAN country format and mod-97 checksum are valid"


def _longest_prefix(candidate: str, valid: Callable[[str], bool]) -> int | None:
    """Where the longest prefix of ``candidate`` ending at a group (a space or a dash) that
    ``valid`` accepts, compacted and in capitals, ends: a grouped candidate may have swallowed
    a following four-letter word, so trailing groups are dropped until the rest validates."""
    end = len(candidate)
    while end >= 15:
        if valid(re.sub(r"[ -]", "", candidate[:end]).upper()):
            return end
        cut = max(candidate.rfind(" ", 0, end), candidate.rfind("-", 0, end))
        if cut < 0:
            return None
        end = cut
    return None


_IBAN_MOD97_REASON = "IBAN country length and mod-97 checksum are valid (national check digits not)"
_IBAN_CUED_REASON = "IBAN-shaped value after an IBAN or bank transfer word (checksum or length off)"
# Words that announce a bank account number: an IBAN-shaped value after one is reported even
# when the customer mistyped it (a failed checksum, a digit too few).
_IBAN_CUE = re.compile(
    r"(?<!\w)(?:iban|bic|bank\s+account|account|transfer(?:red)?|wire|refund(?:ed)?\s+to"
    r"|virement|rib|rembours\w*|[üu]berweis\w*|konto|bankverbindung|transferencia|cuenta"
    r"|reembols\w*|devoluci[óo]n|devolu[çc][ãa]o|restituzione|r[üu]ckerstattung|terugbetaling"
    r"|bonifico|conto|rimbors\w*|overschrijving|overmaken|rekening\w*"
    r"|transfer[êe]ncia|conta)(?!\w)",
    re.IGNORECASE,
)


def _iban_length(country: str) -> int | None:
    """The IBAN length of a country (python-stdnum's registry), or None for no IBAN country."""
    from stdnum import numdb

    info = numdb.get("iban").info(country + "00")[0][1]
    bban = info.get("bban")
    return 4 + sum(int(n) for n in re.findall(r"\d+", bban)) if bban else None


class IbanRecognizer(_SingleEntityRecognizer):
    """International bank account numbers, compact or grouped in fours (spaces or dashes),
    checksum-validated; right after an IBAN or transfer word, also an IBAN-shaped value that
    fails the checksum or is a character or two off (a lower score)."""

    name = "iban"
    entities: tuple[str, ...] = ("IBAN_CODE",)

    def __init__(self) -> None:
        self._candidate = re.compile(
            r"(?<!\w)[A-Za-z]{2}\d{2}"
            r"(?:[A-Za-z0-9]{11,30}|(?P<sep>[ -])[A-Za-z0-9]{4}(?:(?P=sep)[A-Za-z0-9]{4}){1,6}"
            r"(?:(?P=sep)[A-Za-z0-9]{1,4})?)(?![\w-])"
        )

    def find(self, text: str) -> list[PiiSpan]:
        spans: list[PiiSpan] = []
        for m in self._candidate.finditer(text):
            end = self._valid_end(m.group())
            if end is not None:
                spans.append(self._span(m.start(), m.start() + end, 0.95, _IBAN_REASON))
                continue
            end = self._mod97_end(m.group())
            if end is not None:
                spans.append(self._span(m.start(), m.start() + end, 0.85, _IBAN_MOD97_REASON))
                continue
            end = self._shaped_end(m.group())
            if end is not None and _IBAN_CUE.search(text, max(0, m.start() - 40), m.start()):
                spans.append(self._span(m.start(), m.start() + end, 0.6, _IBAN_CUED_REASON))
        return spans

    @staticmethod
    def _valid_end(candidate: str) -> int | None:
        return _longest_prefix(candidate, stdnum_iban.is_valid)

    @staticmethod
    def _mod97_end(candidate: str) -> int | None:
        """Where a value of its country's exact IBAN length with a valid mod-97 checksum ends,
        although the national check digits inside it fail (a mistyped bank or branch code is
        still a bank account)."""
        if not candidate[:2].isupper():
            return None
        expected = _iban_length(candidate[:2])

        def mod97(compact: str) -> bool:
            if len(compact) != expected or not compact[2:4].isdigit():
                return False
            rearranged = compact[4:] + compact[:4]
            return int("".join(str(int(ch, 36)) for ch in rearranged)) % 97 == 1

        return _longest_prefix(candidate, mod97)

    @staticmethod
    def _shaped_end(candidate: str) -> int | None:
        """Where an IBAN-shaped value ends: a country with IBANs, capitals (or all lowercase),
        digits in the account part, and within two characters of the country's length."""
        if not (candidate.isupper() or candidate.islower()):
            return None
        expected = _iban_length(candidate[:2].upper())
        if expected is None:
            return None
        end = len(candidate)
        while True:
            compact = re.sub(r"[ -]", "", candidate[:end])
            if abs(len(compact) - expected) <= 2 and sum(ch.isdigit() for ch in compact) >= 8:
                return end
            cut = max(candidate.rfind(" ", 0, end), candidate.rfind("-", 0, end))
            if cut < 15:
                return None
            end = cut


# "my scial is ...", "socail security": the SSN words as typed with a slip.
_SSN_VOCABULARY = SlipVocabulary("social security")


class UsSsnRecognizer(_SingleEntityRecognizer):
    """US social security numbers (and ITINs, which share the 9xx area form)."""

    name = "us_ssn"
    entities: tuple[str, ...] = ("US_SSN",)

    def __init__(self) -> None:
        self._formatted = re.compile(r"(?<![\d-])(\d{3})([- ])(\d{2})\2(\d{4})(?![\d-])")
        self._bare = re.compile(r"(?<!\d)(\d{3})(\d{2})(\d{4})(?!\d)")
        self._nine_digits = re.compile(r"\d(?:[- ]?\d){8}")
        # "SSN", "social security", "my social is", "SS#", "SS no."
        self._context = re.compile(
            r"\b(?:ssn|social\s+security|itin|social(?=\s+(?:is|was|no\b|number|#|:))"
            r"|ss(?=\s*(?:#|no\b|nr\b|num)))",
            re.IGNORECASE,
        )

    def find(self, text: str) -> list[PiiSpan]:
        spans: list[PiiSpan] = []
        if self._nine_digits.search(text) is None:
            return spans
        for m in self._formatted.finditer(text):
            if self._plausible(m.group(1), m.group(3), m.group(4)):
                has_context = self._context.search(_context_before(text, m.start())) is not None
                score = 0.95 if has_context else (0.85 if m.group(2) == "-" else 0.75)
                spans.append(
                    self._span(m.start(), m.end(), score, "has the SSN area-group-serial form")
                )
        for m in self._bare.finditer(text):
            if not self._plausible(m.group(1), m.group(2), m.group(3)):
                continue
            context = _context_before(text, m.start())
            if self._context.search(context):
                spans.append(self._span(m.start(), m.end(), 0.8, "nine digits after an SSN word"))
            elif (fixed := _SSN_VOCABULARY.corrected(context)) and self._context.search(fixed):
                spans.append(
                    self._span(m.start(), m.end(), 0.75, "nine digits after a slipped SSN word")
                )
        return spans

    @staticmethod
    def _plausible(area: str, group: str, serial: str) -> bool:
        # 9xx areas are never issued as SSNs but are ITINs, which are personal data too.
        return area not in ("000", "666") and group != "00" and serial != "0000"


class IpAddressRecognizer(_SingleEntityRecognizer):
    """IPv4 dotted quads and IPv6 addresses (full or compressed, starting with a hex group)."""

    name = "ip_address"
    entities: tuple[str, ...] = ("IP_ADDRESS",)

    def __init__(self) -> None:
        self._ipv4 = re.compile(r"(?<![\w.])\d{1,3}(?:\.\d{1,3}){3}(?!\.?\d)(?!\w)")
        self._ipv6 = re.compile(r"(?<![\w:.])[0-9A-Fa-f]{1,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?![\w:])")

    def find(self, text: str) -> list[PiiSpan]:
        spans: list[PiiSpan] = []
        if "." in text:
            for m in self._ipv4.finditer(text):
                if self._is_address(m.group()) and not self._version(text, m.start()):
                    spans.append(self._span(m.start(), m.end(), 0.85, "valid IPv4 address"))
        if "::" in text or text.count(":") >= 7:
            for m in self._ipv6.finditer(text):
                # Three non-empty groups at least, so "a::b"-like words are left alone.
                if sum(1 for g in m.group().split(":") if g) >= 3 and self._is_address(m.group()):
                    spans.append(self._span(m.start(), m.end(), 0.85, "valid IPv6 address"))
        return spans

    @staticmethod
    def _version(text: str, start: int) -> bool:
        """Whether the dotted quad at ``start`` is a version number: a version word right
        before it, and no IP word in the same stretch."""
        before = text[max(0, start - 40) : start]
        return _VERSION_BEFORE.search(before[-24:]) is not None and not _IP_WORD.search(before)

    @staticmethod
    def _is_address(candidate: str) -> bool:
        try:
            ipaddress.ip_address(candidate)
        except ValueError:
            return False
        return True


def _phone_factory(
    *, phone_regions: Sequence[str] = DEFAULT_PHONE_REGIONS, **_options: object
) -> Recognizer:
    return PhoneRecognizer(phone_regions)


def _lazy(module: str, attr: str, *args: str) -> Callable[..., Recognizer]:
    # Recognizers in other modules import PiiSpan from here, hence the import on first build.
    def build(**_options: object) -> Recognizer:
        factory = getattr(importlib.import_module(f"trustdesk.privacy.{module}"), attr)
        return cast(Recognizer, factory(*args))

    return build


NATIONAL_ID_ENTITIES: tuple[str, ...] = tuple(NATIONAL_ID_RULES)

# Factories take keyword options (``phone_regions``) and ignore those they do not use. The keys
# are the policy's vocabulary, ``trustdesk.policy.entities.BUILT_IN_ENTITIES``, in its order
# (tests/unit/test_architecture.py holds the two together).
RECOGNIZER_FACTORIES: dict[str, Callable[..., Recognizer]] = {
    "EMAIL_ADDRESS": _lazy("recognizers", "EmailRecognizer"),
    "PHONE_NUMBER": _phone_factory,
    "CREDIT_CARD": _lazy("cards", "CreditCardRecognizer"),
    "IBAN_CODE": _lazy("recognizers", "IbanRecognizer"),
    "US_SSN": _lazy("recognizers", "UsSsnRecognizer"),
    "IP_ADDRESS": _lazy("recognizers", "IpAddressRecognizer"),
    "PERSON": _lazy("names", "PersonRecognizer"),
    "ADDRESS": _lazy("addresses", "AddressRecognizer"),
    "DATE_OF_BIRTH": _lazy("dates", "DateOfBirthRecognizer"),
    **{e: _lazy("national_ids", "NationalIdRecognizer", e) for e in NATIONAL_ID_ENTITIES},
    "CARD_SECURITY_CODE": _lazy("cards", "CardSecurityCodeRecognizer"),
    "CARD_EXPIRY": _lazy("cards", "CardExpiryRecognizer"),
    "SECRET": _lazy("secrets", "SecretRecognizer"),
    "PASSPORT": _lazy("passports", "PassportRecognizer"),
}


def build_recognizers(entities: Iterable[str], phone_regions: Sequence[str]) -> list[Recognizer]:
    """One recognizer per requested entity, in request order; ValueError for an unknown entity."""
    recognizers: list[Recognizer] = []
    for entity in dict.fromkeys(entities):
        factory = RECOGNIZER_FACTORIES.get(entity)
        if factory is None:
            known = ", ".join(sorted(RECOGNIZER_FACTORIES))
            raise ValueError(f"unknown PII entity {entity!r}; known entities: {known}")
        recognizers.append(factory(phone_regions=phone_regions))
    # Values answered to a question that names them, in a transcript or chat log (answers.py).
    from trustdesk.privacy.answers import AnswerRecognizer

    answers = AnswerRecognizer(entities)
    if answers.entities:
        recognizers.append(answers)
    return recognizers
