"""Runs the configured recognizers over a text and resolves overlapping findings."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from trustdesk.privacy.custom import BusinessIdentifierSpec, build_pattern_recognizers
from trustdesk.privacy.normalise import normalise
from trustdesk.privacy.recognizers import (
    DEFAULT_PHONE_REGIONS,
    NATIONAL_ID_ENTITIES,
    RECOGNIZER_FACTORIES,
    PhoneRecognizer,
    PiiSpan,
    Recognizer,
    build_recognizers,
)

# Every built-in entity: what a detector finds unless told otherwise.
DEFAULT_ENTITIES: tuple[str, ...] = tuple(RECOGNIZER_FACTORIES)
# Entities recognised by their form (pattern, checksum, numbering plan) rather than by a
# lexicon or context; their recall goal is 0.99.
STRUCTURED_ENTITIES: tuple[str, ...] = (
    "EMAIL_ADDRESS",
    "PHONE_NUMBER",
    "CREDIT_CARD",
    "IBAN_CODE",
    "US_SSN",
    "IP_ADDRESS",
    *NATIONAL_ID_ENTITIES,
)

# How much a finding's form proves: a check digit beats a strict format (an IP address, a date
# next to "born"), which beats "some region's numbering plan accepts these digits", which beats a
# lexicon or street-word heuristic. Unlisted entities (business identifiers) count as formats.
CHECKSUM_ENTITIES = frozenset({"CREDIT_CARD", "IBAN_CODE", *NATIONAL_ID_ENTITIES})
HEURISTIC_ENTITIES = frozenset({"PERSON", "ADDRESS"})

# Tie-break between equally long, equally specific, equally confident overlapping spans.
ENTITY_PRIORITY: tuple[str, ...] = (
    "CREDIT_CARD",
    "IBAN_CODE",
    *NATIONAL_ID_ENTITIES,
    "PASSPORT",
    "US_SSN",
    "CARD_SECURITY_CODE",
    "CARD_EXPIRY",
    "SECRET",
    "EMAIL_ADDRESS",
    "IP_ADDRESS",
    "DATE_OF_BIRTH",
    "PHONE_NUMBER",
    "ADDRESS",
    "PERSON",
)
_PRIORITY_RANK = {entity: rank for rank, entity in enumerate(ENTITY_PRIORITY)}


def _specificity(entity: str) -> int:
    if entity in CHECKSUM_ENTITIES:
        return 0
    if entity == "PHONE_NUMBER":
        return 2
    return 3 if entity in HEURISTIC_ENTITIES else 1


def _precedence(span: PiiSpan) -> tuple[int, int, float, int, int]:
    return (
        -(span.end - span.start),
        _specificity(span.entity),
        -span.score,
        _PRIORITY_RANK.get(span.entity, len(ENTITY_PRIORITY)),
        span.start,
    )


def resolve_overlaps(spans: Iterable[PiiSpan]) -> list[PiiSpan]:
    """Keep a non-overlapping subset sorted by start.

    Greedy by precedence: the longer span wins; on equal length the more specific entity
    (checksum-validated, then strict formats, then phone numbers, then PERSON and ADDRESS);
    then the higher score; then ``ENTITY_PRIORITY``; then the earlier start.
    """
    kept: list[PiiSpan] = []
    for span in sorted(spans, key=_precedence):
        if all(span.end <= other.start or other.end <= span.start for other in kept):
            kept.append(span)
    kept.sort(key=lambda span: span.start)
    return kept


class PiiDetector:
    """Finds personal data with rule-based recognizers; never reports allowlisted strings.

    ``business_identifiers`` add policy-declared patterns (order, account numbers);
    ``spacy_pipeline`` names an installed spaCy pipeline whose PERSON entities are added to the
    lexicon's (optional; loaded here, once).
    """

    def __init__(
        self,
        entities: Iterable[str] = DEFAULT_ENTITIES,
        phone_regions: Sequence[str] = DEFAULT_PHONE_REGIONS,
        allow: Iterable[str] = (),
        business_identifiers: Sequence[BusinessIdentifierSpec] = (),
        spacy_pipeline: str | None = None,
    ) -> None:
        self.entities: tuple[str, ...] = tuple(dict.fromkeys(entities))
        self.phone_regions: tuple[str, ...] = tuple(phone_regions)
        business_identifiers = tuple(business_identifiers)
        allow = tuple(allow)
        # Everything that decides what this detector finds: two detectors with the same key
        # find the same spans in the same text (used to screen published texts once).
        self.config_key: tuple[object, ...] = (
            self.entities,
            self.phone_regions,
            tuple(sorted({value.strip().casefold() for value in allow if value.strip()})),
            business_identifiers,
            spacy_pipeline,
        )
        self._recognizers: list[Recognizer] = build_recognizers(self.entities, self.phone_regions)
        self._recognizers.extend(build_pattern_recognizers(business_identifiers))
        if spacy_pipeline:
            from trustdesk.privacy.spacy_adapter import SpacyRecognizer

            wanted = [e for e in self.entities if e == "PERSON"]
            if wanted:
                self._recognizers.append(SpacyRecognizer(spacy_pipeline, wanted))
        self._allow = frozenset(value.strip().casefold() for value in allow if value.strip())
        # The phone recognizer runs last, told which digits are already explained.
        phones = [r for r in self._recognizers if isinstance(r, PhoneRecognizer)]
        self._phone: PhoneRecognizer | None = phones[0] if phones else None
        self._recognizers = [r for r in self._recognizers if not isinstance(r, PhoneRecognizer)]

    def detect(self, text: str) -> list[PiiSpan]:
        """Non-overlapping spans sorted by start.

        Overlaps are resolved explicitly by ``resolve_overlaps``: longest, then most specific,
        then most confident. Allowlisted text is dropped after resolution, so a shorter finding
        inside an allowed string is not reported either.
        """
        # Disguises undone first (full-width digits, zero-width characters, look-alike
        # letters, spelled-out email addresses); findings are mapped back to the original.
        normalised = normalise(text)
        work = text if normalised is None else normalised.text
        candidates: list[PiiSpan] = []
        for recognizer in self._recognizers:
            candidates.extend(recognizer.find(work))
        if self._phone is not None:
            # Digits a check digit already explains (a card, an IBAN, an NHS number) would lose
            # to it anyway; sparing libphonenumber's matcher them is most of its cost.
            claimed = [(c.start, c.end) for c in candidates if c.entity in CHECKSUM_ENTITIES]
            candidates.extend(self._phone.find(work, claimed))
        if not candidates:
            return []
        spans = resolve_overlaps(candidates)
        if normalised is not None:
            spans = [
                replace(s, start=a, end=b)
                for s in spans
                for a, b in (normalised.original_span(s.start, s.end),)
            ]
        if self._allow:
            spans = [s for s in spans if text[s.start : s.end].casefold() not in self._allow]
        return spans
