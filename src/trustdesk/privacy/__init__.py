"""Personal-data detection and placeholder redaction."""

from __future__ import annotations

from trustdesk.privacy.detector import (
    DEFAULT_ENTITIES,
    ENTITY_PRIORITY,
    PiiDetector,
    resolve_overlaps,
)
from trustdesk.privacy.placeholders import (
    PLACEHOLDER_RE,
    PlaceholderRedactor,
    PlaceholderState,
    RedactionResult,
    Replacement,
    neutralize_placeholders,
    normalize_value,
)
from trustdesk.privacy.recognizers import (
    DEFAULT_PHONE_REGIONS,
    RECOGNIZER_FACTORIES,
    CreditCardRecognizer,
    EmailRecognizer,
    IbanRecognizer,
    IpAddressRecognizer,
    PhoneRecognizer,
    PiiSpan,
    Recognizer,
    UsSsnRecognizer,
    build_recognizers,
)

__all__ = [
    "DEFAULT_ENTITIES",
    "DEFAULT_PHONE_REGIONS",
    "ENTITY_PRIORITY",
    "PLACEHOLDER_RE",
    "RECOGNIZER_FACTORIES",
    "CreditCardRecognizer",
    "EmailRecognizer",
    "IbanRecognizer",
    "IpAddressRecognizer",
    "PhoneRecognizer",
    "PiiDetector",
    "PiiSpan",
    "PlaceholderRedactor",
    "PlaceholderState",
    "Recognizer",
    "RedactionResult",
    "Replacement",
    "UsSsnRecognizer",
    "build_recognizers",
    "neutralize_placeholders",
    "normalize_value",
    "resolve_overlaps",
]
