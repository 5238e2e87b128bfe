"""Business identifiers declared in the policy: a name, a regular expression and context words.

Order, account and ticket numbers are the business's own formats, so the policy states them;
a match is reported under the policy's entity name. With context words, a match counts only
when one of them occurs shortly before it (case-insensitive).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from trustdesk.privacy.spans import PiiSpan

CONTEXT_WIDTH = 40


@dataclass(frozen=True, slots=True)
class BusinessIdentifierSpec:
    """What the policy declares for one identifier."""

    name: str
    pattern: str
    context: tuple[str, ...] = ()


class PatternRecognizer:
    """One policy-declared identifier; the pattern is compiled once, here."""

    def __init__(self, spec: BusinessIdentifierSpec) -> None:
        self.name = f"policy_{spec.name.lower()}"
        self.entities: tuple[str, ...] = (spec.name,)
        self._pattern = re.compile(spec.pattern)
        self._context = (
            re.compile("|".join(rf"\b{re.escape(word)}\b" for word in spec.context), re.IGNORECASE)
            if spec.context
            else None
        )

    def find(self, text: str) -> list[PiiSpan]:
        spans: list[PiiSpan] = []
        for m in self._pattern.finditer(text):
            if m.end() == m.start():
                continue
            if self._context is None:
                reason = "matches the identifier pattern declared in the policy"
            elif self._context.search(text[max(0, m.start() - CONTEXT_WIDTH) : m.start()]):
                reason = "matches the policy's identifier pattern after one of its context words"
            else:
                continue
            spans.append(PiiSpan(m.start(), m.end(), self.entities[0], 0.9, self.name, reason))
        return spans


def build_pattern_recognizers(specs: Sequence[BusinessIdentifierSpec]) -> list[PatternRecognizer]:
    """One recognizer per declared identifier, in declaration order."""
    return [PatternRecognizer(spec) for spec in specs]
