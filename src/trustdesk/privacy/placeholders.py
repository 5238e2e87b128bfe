"""Replaces detected personal data with per-conversation placeholders like ``[EMAIL_ADDRESS_1]``.

The conversation state keeps only keyed digests of values, so it can be stored without holding
the personal data it stands for.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the detector pulls in phonenumbers; state and regex must stay light
    from trustdesk.privacy.detector import PiiDetector

PLACEHOLDER_RE = re.compile(r"\[([A-Z][A-Z_]*)_(\d+)\]")
MIN_KEY_BYTES = 16
_STATE_VERSION = 1


@dataclass
class PlaceholderState:
    """Per-conversation placeholder assignment.

    Holds only keyed digests (HMAC-SHA256) of values, never the values.
    """

    counters: dict[str, int] = field(default_factory=dict)
    digests: dict[str, str] = field(default_factory=dict)  # hex digest -> placeholder

    def to_json(self) -> dict[str, Any]:
        """A JSON-serialisable snapshot (no personal data: digests and counters only)."""
        return {
            "version": _STATE_VERSION,
            "counters": dict(self.counters),
            "digests": dict(self.digests),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any] | None) -> PlaceholderState:
        """Rebuild from ``to_json`` output (``None``: a fresh state); ValueError if malformed."""
        if data is None:
            return cls()
        counters = data.get("counters", {})
        digests = data.get("digests", {})
        if not isinstance(counters, Mapping) or not all(
            isinstance(k, str) and isinstance(v, int) and not isinstance(v, bool) and v >= 0
            for k, v in counters.items()
        ):
            raise ValueError("placeholder state: 'counters' must map entity names to counts")
        if not isinstance(digests, Mapping) or not all(
            isinstance(k, str) and isinstance(v, str) and PLACEHOLDER_RE.fullmatch(v)
            for k, v in digests.items()
        ):
            raise ValueError("placeholder state: 'digests' must map hex digests to placeholders")
        return cls(counters=dict(counters), digests=dict(digests))


@dataclass(frozen=True, slots=True)
class Replacement:
    """One substitution; offsets point into the original text."""

    start: int
    end: int
    entity: str
    placeholder: str
    score: float
    recognizer: str
    reason: str


@dataclass(frozen=True, slots=True)
class RedactionResult:
    """Redacted text and what was replaced, in order of position."""

    text: str
    replacements: tuple[Replacement, ...]


def neutralize_placeholders(text: str) -> str:
    """Turn typed placeholder look-alikes ``[X_N]`` into ``(X_N)``; the length stays the same."""
    return PLACEHOLDER_RE.sub(lambda m: f"({m.group(0)[1:-1]})", text)


def normalize_phone(raw: str, regions: Sequence[str]) -> str:
    """E.164 form of a phone number, or its digits when no region parses it as valid.

    A national number valid in several regions gets the region whose national format matches
    how it was written (``06 12 34 56 78`` is French, not German); else the first valid region.
    """
    import phonenumbers

    try:
        if raw.lstrip().startswith("+"):
            return phonenumbers.format_number(
                phonenumbers.parse(raw, None), phonenumbers.PhoneNumberFormat.E164
            )
    except phonenumbers.NumberParseException:
        return "".join(ch for ch in raw if ch.isdigit())
    written = " ".join(raw.split())
    first_valid: str | None = None
    for region in regions:
        try:
            number = phonenumbers.parse(raw, region)
        except phonenumbers.NumberParseException:
            continue
        if not phonenumbers.is_valid_number(number):
            continue
        e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
        national = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
        if national == written:
            return e164
        if first_valid is None:
            first_valid = e164
    return first_valid if first_valid is not None else "".join(ch for ch in raw if ch.isdigit())


def normalize_value(entity: str, raw: str, phone_regions: Sequence[str]) -> str:
    """The form under which two spellings of one value count as the same value."""
    if entity == "EMAIL_ADDRESS":
        return raw.strip().lower()
    if entity == "PHONE_NUMBER":
        return normalize_phone(raw, phone_regions)
    if entity in ("CREDIT_CARD", "IBAN_CODE", "US_SSN", "PASSPORT", "CARD_SECURITY_CODE"):
        return "".join(ch for ch in raw if ch.isalnum()).upper()
    if entity == "SECRET":  # passwords are case-sensitive: "Hunter2" is not "hunter2"
        return raw
    if entity == "IP_ADDRESS":
        try:
            return str(ipaddress.ip_address(raw.strip()))
        except ValueError:
            return raw.strip().lower()
    # Names, addresses, ids: "john  smith" and "John Smith" are the same person.
    return " ".join(raw.split()).casefold()


class PlaceholderRedactor:
    """Replaces each detected value with ``[ENTITY_N]``, stable across a conversation.

    The same value (after per-entity normalisation: emails lowercased, phones to E.164, card,
    IBAN and SSN to uppercase alphanumerics, IPs to canonical form) gets the same placeholder
    in every turn that shares a ``PlaceholderState``; a new value gets the next N for its entity.

    Typed look-alikes cannot collide with real placeholders: before detection every substring
    of the input matching ``PLACEHOLDER_RE`` has its square brackets replaced by parentheses
    (``[EMAIL_ADDRESS_1]`` typed by a customer becomes ``(EMAIL_ADDRESS_1)``). Hence every
    ``[X_N]`` token in the redacted text was produced by the redactor. That swap keeps the
    length, so replacement offsets are valid in the original text.
    """

    def __init__(self, detector: PiiDetector, key: bytes) -> None:
        if len(key) < MIN_KEY_BYTES:
            raise ValueError(f"placeholder key must be at least {MIN_KEY_BYTES} bytes")
        self._detector = detector
        self._key = bytes(key)

    @property
    def detector(self) -> PiiDetector:
        """The detector it redacts with (its ``config_key`` says what it finds)."""
        return self._detector

    def redact(
        self, text: str, state: PlaceholderState, *, neutralize: bool = True
    ) -> RedactionResult:
        """Redact ``text``, assigning new placeholders in ``state`` (mutated in place).

        ``neutralize=False`` is for text that legitimately carries placeholders already (a
        backend's draft quoting the redacted question): those are kept as they are.
        """
        safe = neutralize_placeholders(text) if neutralize else text
        pieces: list[str] = []
        replacements: list[Replacement] = []
        cursor = 0
        for span in self._detector.detect(safe):
            placeholder = self._placeholder_for(span.entity, safe[span.start : span.end], state)
            pieces.append(safe[cursor : span.start])
            pieces.append(placeholder)
            cursor = span.end
            replacements.append(
                Replacement(
                    start=span.start,
                    end=span.end,
                    entity=span.entity,
                    placeholder=placeholder,
                    score=span.score,
                    recognizer=span.recognizer,
                    reason=span.reason,
                )
            )
        pieces.append(safe[cursor:])
        return RedactionResult(text="".join(pieces), replacements=tuple(replacements))

    def digest(self, entity: str, raw: str) -> str:
        """HMAC-SHA256 hex digest of ``entity + "\\x00" + normalised value``."""
        normalized = normalize_value(entity, raw, self._detector.phone_regions)
        message = f"{entity}\x00{normalized}".encode()
        return hmac.new(self._key, message, hashlib.sha256).hexdigest()

    def _placeholder_for(self, entity: str, raw: str, state: PlaceholderState) -> str:
        digest = self.digest(entity, raw)
        existing = state.digests.get(digest)
        if existing is not None:
            return existing
        number = state.counters.get(entity, 0) + 1
        state.counters[entity] = number
        placeholder = f"[{entity}_{number}]"
        state.digests[digest] = placeholder
        return placeholder
