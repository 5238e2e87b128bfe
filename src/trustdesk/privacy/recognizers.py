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

from trustdesk.privacy.national_ids import RULES as NATIONAL_ID_RULES
from trustdesk.privacy.spans import PiiSpan as PiiSpan
from trustdesk.privacy.spans import Recognizer as Recognizer

DEFAULT_PHONE_REGIONS: tuple[str, ...] = ("US", "GB", "DE", "FR")
_NOT_A_PHONE = re.compile(
    r"\d{4}([-/.])\d{1,2}\1\d{1,2}|\d{1,2}([-/.])\d{1,2}\2\d{2,4}|\d{1,3}(?:\.\d{1,3}){3}|\d{3}-\d{2}-\d{4}"
)


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
    """Phone numbers valid in at least one of the given regions (libphonenumber's matcher).

    Unformatted digit runs are reported only after a phone context word, because the matcher
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
        # At least seven digits with short separators: nothing shorter can be a phone number.
        self._candidate = re.compile(r"\+?\(?\d(?:[\s().\-/]{0,3}\d){6,}")
        self._phone_word = re.compile(
            r"\b(?:phone|telephone|tel|mobile|cell|cellphone|call|calls|called|calling|reach"
            r"|text\s+me|whatsapp|fax|ring)\b",
            re.IGNORECASE,
        )
        self._number_word = re.compile(r"\bnumber\b", re.IGNORECASE)
        self._plausible = {region: _plausibility_check(region) for region in self.regions}
        self._identifier_word = re.compile(
            r"\b(?:order|invoice|tracking|reference|ref|account|acct|ticket|case|booking"
            r"|confirmation|customer|member|serial|transaction|receipt|parcel|shipment|sku|item)\b",
            re.IGNORECASE,
        )

    def find(self, text: str, claimed: Sequence[tuple[int, int]] = ()) -> list[PiiSpan]:
        """Phone numbers in ``text``; digit runs inside a ``claimed`` span are not tried."""
        found: dict[tuple[int, int], PiiSpan] = {}
        for window_start, window_end, candidates in self._candidate_windows(text, claimed):
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
                    if (start, end) not in found:
                        span = self._judge(text, start, end)
                        if span is not None:
                            found[(start, end)] = span
                # The matcher is the costly part; stop once every candidate is accounted for.
                if all(
                    any(s <= c_start and c_end <= e for s, e in matches)
                    for c_start, c_end in candidates
                ):
                    break
        return sorted(found.values(), key=lambda span: span.start)

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
        self, text: str, claimed: Sequence[tuple[int, int]] = ()
    ) -> list[tuple[int, int, list[tuple[int, int]]]]:
        # Matching only around digit runs keeps the matcher's cost independent of message length;
        # the padding keeps its look at neighbouring characters intact.
        windows: list[tuple[int, int, list[tuple[int, int]]]] = []
        for m in self._candidate.finditer(text):
            # Never reported, slow to reject: dates, IPv4 addresses, SSNs, uncued bare digits,
            # digits glued to letters (IBANs, "AF1234567") and valid card numbers.
            raw, digits = m.group(), re.sub(r"\D", "", m.group())
            if (
                any(start <= m.start() and m.end() <= end for start, end in claimed)
                or _NOT_A_PHONE.fullmatch(raw)
                or (raw.isdigit() and not self._cued(text, m.start()))
                or (m.start() > 0 and text[m.start() - 1].isalpha())
                or (
                    len(digits) >= 13
                    and raw[0] != "+"
                    and has_card_issuer_prefix(digits)
                    and stdnum_luhn.is_valid(digits)
                )
            ):
                continue
            start, end = max(0, m.start() - 2), min(len(text), m.end() + 2)
            if windows and start <= windows[-1][1]:
                windows[-1] = (windows[-1][0], end, [*windows[-1][2], m.span()])
            else:
                windows.append((start, end, [m.span()]))
        return windows

    def _judge(self, text: str, start: int, end: int) -> PiiSpan | None:
        raw = text[start:end]
        if ". " in raw:  # the matcher ran on across a sentence end: "+39 353428850. 9 items"
            raw, end = raw[: raw.index(". ")], start + raw.index(". ")
        if raw.startswith("(") and ")" not in raw:  # "(5003451002)": brackets around an id
            start, raw = start + 1, raw[1:]
        if raw.startswith("+"):
            return self._span(start, end, 0.9, "international phone number")
        if any(ch in " ()-./" for ch in raw):
            return self._span(start, end, 0.9, "formatted number valid as a phone number")
        if self._cued(text, start):
            return self._span(start, end, 0.7, "valid phone digits after a phone word")
        return None

    def _cued(self, text: str, start: int) -> bool:
        """Bare digits: the nearest cue word before them decides ("call me about order 123")."""
        context = _context_before(text, start)
        cues = [m.end() for m in self._phone_word.finditer(context)] + [
            m.end()  # "my number is", but not "order number"
            for m in self._number_word.finditer(context)
            if not self._identifier_word.search(context, max(0, m.start() - 14), m.start())
        ]
        return bool(cues) and max(cues) > max(
            (m.end() for m in self._identifier_word.finditer(context)), default=-1
        )


# (lowest prefix, highest prefix, prefix digits, allowed lengths); a number is a plausible card
# when any row accepts it. Maestro's broad 56-69 row comes last as the fallback.
_CARD_ISSUER_RANGES: tuple[tuple[int, int, int, range], ...] = (
    (4, 4, 1, range(13, 20)),  # Visa
    (51, 55, 2, range(16, 17)),  # Mastercard
    (2221, 2720, 4, range(16, 17)),  # Mastercard 2-series
    (34, 34, 2, range(15, 16)),  # American Express
    (37, 37, 2, range(15, 16)),  # American Express
    (6011, 6011, 4, range(16, 20)),  # Discover
    (65, 65, 2, range(16, 20)),  # Discover
    (644, 649, 3, range(16, 20)),  # Discover
    (3528, 3589, 4, range(16, 20)),  # JCB
    (300, 305, 3, range(14, 20)),  # Diners Club
    (36, 36, 2, range(14, 20)),  # Diners Club
    (38, 38, 2, range(14, 20)),  # Diners Club
    (62, 62, 2, range(16, 20)),  # UnionPay
    (50, 50, 2, range(12, 20)),  # Maestro
    (56, 69, 2, range(12, 20)),  # Maestro and other 5x/6x debit schemes
)


def has_card_issuer_prefix(digits: str) -> bool:
    """Whether the digits start with a known card issuer range and have that issuer's length."""
    return any(
        low <= int(digits[:width]) <= high and len(digits) in lengths
        for low, high, width, lengths in _CARD_ISSUER_RANGES
    )


_CARD_REASON = "card number passes the Luhn check and has a known issuer prefix"
_IBAN_REASON = "IBAN country format and mod-97 checksum are valid"


class CreditCardRecognizer(_SingleEntityRecognizer):
    """Payment card numbers: 13-19 digits, optionally grouped, with Luhn and issuer checks."""

    name = "credit_card"
    entities: tuple[str, ...] = ("CREDIT_CARD",)

    def __init__(self) -> None:
        self._run = re.compile(r"(?<!\w)\d(?:[ -]?\d){12,}(?!\w)")
        self._group = re.compile(r"\d+")

    def find(self, text: str) -> list[PiiSpan]:
        spans: list[PiiSpan] = []
        for run in self._run.finditer(text):
            groups = [
                (g.start() + run.start(), g.end() + run.start(), g.group())
                for g in self._group.finditer(run.group())
            ]
            spans.extend(self._cards_in_run(groups))
        return spans

    def _cards_in_run(self, groups: list[tuple[int, int, str]]) -> list[PiiSpan]:
        # A card may sit next to other digit groups (a CVV, a second number), so try every window
        # of whole groups, longest first; a window must start with a group of 4+ digits.
        windows: list[tuple[int, int, str]] = []
        for i, (start, _, first) in enumerate(groups):
            if len(first) < 4 and i > 0:
                continue
            digits = ""
            for _, end, group in groups[i:]:
                digits += group
                if len(digits) > 19:
                    break
                if len(digits) >= 13:
                    windows.append((start, end, digits))
        windows.sort(key=lambda w: (w[0] - w[1], w[0]))
        spans: list[PiiSpan] = []
        for start, end, digits in windows:
            if any(start < s.end and s.start < end for s in spans):
                continue
            if has_card_issuer_prefix(digits) and stdnum_luhn.is_valid(digits):
                spans.append(self._span(start, end, 0.95, _CARD_REASON))
        return spans


class IbanRecognizer(_SingleEntityRecognizer):
    """International bank account numbers, compact or grouped in fours, checksum-validated."""

    name = "iban"
    entities: tuple[str, ...] = ("IBAN_CODE",)

    def __init__(self) -> None:
        self._candidate = re.compile(
            r"(?<!\w)[A-Za-z]{2}\d{2}"
            r"(?:[A-Za-z0-9]{11,30}|(?: [A-Za-z0-9]{4}){2,7}(?: [A-Za-z0-9]{1,4})?)(?!\w)"
        )

    def find(self, text: str) -> list[PiiSpan]:
        spans: list[PiiSpan] = []
        for m in self._candidate.finditer(text):
            end = self._valid_end(m.group())
            if end is not None:
                spans.append(self._span(m.start(), m.start() + end, 0.95, _IBAN_REASON))
        return spans

    @staticmethod
    def _valid_end(candidate: str) -> int | None:
        # A grouped candidate may have swallowed a following four-letter word; drop trailing
        # groups until the rest validates.
        end = len(candidate)
        while end >= 15:
            if stdnum_iban.is_valid(candidate[:end].replace(" ", "").upper()):
                return end
            cut = candidate.rfind(" ", 0, end)
            if cut < 0:
                return None
            end = cut
        return None


class UsSsnRecognizer(_SingleEntityRecognizer):
    """US social security numbers (and ITINs, which share the 9xx area form)."""

    name = "us_ssn"
    entities: tuple[str, ...] = ("US_SSN",)

    def __init__(self) -> None:
        self._formatted = re.compile(r"(?<![\d-])(\d{3})([- ])(\d{2})\2(\d{4})(?![\d-])")
        self._bare = re.compile(r"(?<!\d)(\d{3})(\d{2})(\d{4})(?!\d)")
        self._nine_digits = re.compile(r"\d(?:[- ]?\d){8}")
        self._context = re.compile(r"\b(?:ssn|social\s+security|itin)\b", re.IGNORECASE)

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
            if self._plausible(m.group(1), m.group(2), m.group(3)) and self._context.search(
                _context_before(text, m.start())
            ):
                spans.append(self._span(m.start(), m.end(), 0.8, "nine digits after an SSN word"))
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
                if self._is_address(m.group()):
                    spans.append(self._span(m.start(), m.end(), 0.85, "valid IPv4 address"))
        if "::" in text or text.count(":") >= 7:
            for m in self._ipv6.finditer(text):
                # Three non-empty groups at least, so "a::b"-like words are left alone.
                if sum(1 for g in m.group().split(":") if g) >= 3 and self._is_address(m.group()):
                    spans.append(self._span(m.start(), m.end(), 0.85, "valid IPv6 address"))
        return spans

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
    "CREDIT_CARD": _lazy("recognizers", "CreditCardRecognizer"),
    "IBAN_CODE": _lazy("recognizers", "IbanRecognizer"),
    "US_SSN": _lazy("recognizers", "UsSsnRecognizer"),
    "IP_ADDRESS": _lazy("recognizers", "IpAddressRecognizer"),
    "PERSON": _lazy("names", "PersonRecognizer"),
    "ADDRESS": _lazy("addresses", "AddressRecognizer"),
    "DATE_OF_BIRTH": _lazy("dates", "DateOfBirthRecognizer"),
    **{e: _lazy("national_ids", "NationalIdRecognizer", e) for e in NATIONAL_ID_ENTITIES},
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
    return recognizers
