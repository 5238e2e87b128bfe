"""Replace personal data with typed placeholders: on customer input and on every draft reply."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar

from trustdesk.guards.base import CLEAN, Finding, GuardContext, Stage, Verdict
from trustdesk.privacy.placeholders import PlaceholderRedactor, PlaceholderState

PARAGRAPH = "\n\n"
K = TypeVar("K")
V = TypeVar("V")


# Screening results of published texts, kept per process (see ``remember``).
MAX_REMEMBERED = 50_000
_VETTED: dict[tuple[object, str], bool] = {}


def remember(cache: dict[K, V], key: K, value: V) -> None:
    """Keep a screening result of a *published* text (never a customer's) for the process;
    the cache starts over when full."""
    if len(cache) >= MAX_REMEMBERED:
        cache.clear()
    cache[key] = value


def vetted_paragraphs(redactor: PlaceholderRedactor, texts: Iterable[str]) -> set[str]:
    """The paragraphs of published texts in which the redactor finds nothing to replace."""
    clean: set[str] = set()
    config = redactor.detector.config_key
    for text in texts:
        for paragraph in text.split(PARAGRAPH):
            key = (config, paragraph)
            nothing = _VETTED.get(key)
            if nothing is None:
                result = redactor.redact(paragraph, PlaceholderState(), neutralize=False)
                nothing = not result.replacements
                remember(_VETTED, key, nothing)
            if nothing:
                clean.add(paragraph)
    return clean


class PiiRedactionGuard:
    """Customer text and drafts pass through the same redactor, so placeholders stay consistent.

    On the input stage it protects storage and every backend; on the output stage it stops a
    draft from leaking a value a backend made up or copied from somewhere else.
    """

    def __init__(
        self, redactor: PlaceholderRedactor, stage: Stage, vetted: Iterable[str] = ()
    ) -> None:
        self.redactor = redactor
        self.stage: Stage = stage
        self.name = "pii" if stage == "input" else "pii_leak"
        # Output only: paragraphs already screened clean at start (the knowledge base the
        # business publishes). A draft made only of them is passed without a second scan.
        self.vetted = frozenset(vetted) if stage == "output" else frozenset()

    def check(self, text: str, context: GuardContext) -> Verdict:
        if self.vetted and all(p in self.vetted for p in text.split(PARAGRAPH)):
            return CLEAN
        # Customer text may not contain real placeholders; a draft quoting the question may.
        result = self.redactor.redact(text, context.placeholders, neutralize=self.stage == "input")
        if not result.replacements:
            return CLEAN if result.text == text else Verdict(text=result.text)
        sealed: dict[str, str] = {}
        if self.stage == "input":
            # Only the customer's own values go to their vault; a value a draft invented does not.
            for r in result.replacements:
                sealed.setdefault(r.placeholder, text[r.start : r.end])
        findings = tuple(
            Finding(
                guard=self.name,
                rule=r.entity,
                score=r.score,
                reason=f"{r.reason}; replaced by {r.placeholder} ({r.recognizer} recognizer)",
            )
            for r in result.replacements
        )
        return Verdict(findings=findings, text=result.text, sealed=tuple(sealed.items()))
