"""Personal-data detection and placeholder redaction."""

from __future__ import annotations

from trustdesk.privacy.addresses import AddressRecognizer
from trustdesk.privacy.custom import BusinessIdentifierSpec, PatternRecognizer
from trustdesk.privacy.dates import DateOfBirthRecognizer
from trustdesk.privacy.detector import (
    DEFAULT_ENTITIES,
    ENTITY_PRIORITY,
    PiiDetector,
    resolve_overlaps,
)
from trustdesk.privacy.name_lexicon import NameLexicon, load_name_lexicon
from trustdesk.privacy.names import PersonRecognizer
from trustdesk.privacy.national_ids import NationalIdRecognizer
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
    NATIONAL_ID_ENTITIES,
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
    "NATIONAL_ID_ENTITIES",
    "PLACEHOLDER_RE",
    "RECOGNIZER_FACTORIES",
    "AddressRecognizer",
    "BusinessIdentifierSpec",
    "CreditCardRecognizer",
    "DateOfBirthRecognizer",
    "EmailRecognizer",
    "IbanRecognizer",
    "IpAddressRecognizer",
    "NameLexicon",
    "NationalIdRecognizer",
    "PatternRecognizer",
    "PersonRecognizer",
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
    "load_name_lexicon",
    "neutralize_placeholders",
    "normalize_value",
    "resolve_overlaps",
]
