"""Runs the configured recognizers over a text and resolves overlapping findings."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from trustdesk.privacy.recognizers import (
    DEFAULT_PHONE_REGIONS,
    PiiSpan,
    Recognizer,
    build_recognizers,
)

DEFAULT_ENTITIES: tuple[str, ...] = (
    "EMAIL_ADDRESS",
    "PHONE_NUMBER",
    "CREDIT_CARD",
    "IBAN_CODE",
    "US_SSN",
    "IP_ADDRESS",
)

# Tie-break between equally long, equally confident overlapping spans: the more specific
# (checksum-validated or more sensitive) entity first.
ENTITY_PRIORITY: tuple[str, ...] = (
    "CREDIT_CARD",
    "IBAN_CODE",
    "US_SSN",
    "EMAIL_ADDRESS",
    "IP_ADDRESS",
    "PHONE_NUMBER",
)
_PRIORITY_RANK = {entity: rank for rank, entity in enumerate(ENTITY_PRIORITY)}


def _precedence(span: PiiSpan) -> tuple[int, float, int, int]:
    return (
        -(span.end - span.start),
        -span.score,
        _PRIORITY_RANK.get(span.entity, len(ENTITY_PRIORITY)),
        span.start,
    )


def resolve_overlaps(spans: Iterable[PiiSpan]) -> list[PiiSpan]:
    """Keep a non-overlapping subset sorted by start.

    Greedy by precedence: the longer span wins; on equal length the higher score; then
    ``ENTITY_PRIORITY``; then the earlier start.
    """
    kept: list[PiiSpan] = []
    for span in sorted(spans, key=_precedence):
        if all(span.end <= other.start or other.end <= span.start for other in kept):
            kept.append(span)
    kept.sort(key=lambda span: span.start)
    return kept


class PiiDetector:
    """Finds personal data with rule-based recognizers; never reports allowlisted strings."""

    def __init__(
        self,
        entities: Iterable[str] = DEFAULT_ENTITIES,
        phone_regions: Sequence[str] = DEFAULT_PHONE_REGIONS,
        allow: Iterable[str] = (),
    ) -> None:
        self.entities: tuple[str, ...] = tuple(dict.fromkeys(entities))
        self.phone_regions: tuple[str, ...] = tuple(phone_regions)
        self._recognizers: list[Recognizer] = build_recognizers(self.entities, self.phone_regions)
        self._allow = frozenset(value.strip().casefold() for value in allow if value.strip())

    def detect(self, text: str) -> list[PiiSpan]:
        """Non-overlapping spans sorted by start.

        Overlaps are resolved explicitly: the longer span wins; on equal length the higher
        score; then a fixed entity priority (CREDIT_CARD, IBAN_CODE, US_SSN, EMAIL_ADDRESS,
        IP_ADDRESS, PHONE_NUMBER). Allowlisted text is dropped after resolution, so a shorter
        finding inside an allowed string is not reported either.
        """
        candidates: list[PiiSpan] = []
        for recognizer in self._recognizers:
            candidates.extend(recognizer.find(text))
        if not candidates:
            return []
        spans = resolve_overlaps(candidates)
        if self._allow:
            spans = [s for s in spans if text[s.start : s.end].casefold() not in self._allow]
        return spans
